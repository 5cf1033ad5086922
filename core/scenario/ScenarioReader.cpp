#include "ScenarioReader.h"

#include "FieldReader.h"
#include "LoadSection.h"
#include "MessageText.h"
#include "NotesSection.h"
#include "ProblemLog.h"
#include "ServicesSection.h"
#include "QuantityText.h"
#include "SettingsSections.h"
#include "StepReader.h"

namespace loopscope {
namespace {

constexpr std::string_view kTopLevelKeys[] = {
    "loopscope", "title", "summary", "description", "runtime", "threads", "program", "main", "server", "load", "services",
    "notes",
};
constexpr std::string_view kServerKeys[] = {"handler"};

// The top level of a scenario file: the format version, then each section.
class TopLevelReader {
public:
    ScenarioRead read(const YamlNode& root) {
        readTop(root);
        steps_.checkTimerClears();
        return {std::move(scenario_), log_.take()};
    }

private:
    ProblemLog log_;
    FieldReader fields_{log_};
    StepReader steps_{fields_};
    Scenario scenario_;

    void readTop(const YamlNode& root) {
        if (!root.isMap()) {
            fields_.fail(root.where, "a scenario file is a mapping of keys such as `loopscope: 1` and `main:`, found " +
                                         describe(root));
            return;
        }
        if (!readVersion(root))
            return;  // a later format's keys would only bring noise
        const Fields top = fields_.fieldsOf(root, kTopLevelKeys, "");
        if (Field f = top["title"])
            scenario_.title = fields_.text(f, "title").value_or("");
        if (Field f = top["summary"])
            scenario_.summary = fields_.text(f, "summary").value_or("");
        if (Field f = top["description"])
            scenario_.description = fields_.text(f, "description").value_or("");
        if (Field f = top["runtime"])
            readRuntimeSection(fields_, f, scenario_.runtime);
        if (Field f = top["threads"])
            readThreadsSection(fields_, f, scenario_.threads);
        if (Field f = top["program"]) {
            scenario_.program = fields_.text(f, "program").value_or("");
            scenario_.programWhere = f.value->where;
            if (scenario_.program.empty())
                fields_.fail(f.value->where, "`program:` names a JavaScript file, such as `program: app.js`");
            for (const char* steps : {"main", "server"})
                if (Field other = top[steps])
                    fields_.fail(other.key->where, std::string("`program:` runs a JavaScript file, so `") + steps +
                                                       ":` steps have no place beside it; keep one of the two");
        }
        if (Field f = top["server"])
            readServer(f);
        if (Field f = top["main"]) {
            StepContext context;
            context.awaitAllowed = scenario_.runtime.module == ModuleKind::Esm;
            scenario_.main = steps_.steps(f, context);
        }
        if (Field f = top["load"]) {
            readLoadSection(fields_, f, scenario_.load);
            if (!scenario_.load.empty() && !top["server"] && !top["program"])
                fields_.fail(f.key->where, "`load:` sends requests to `server:`, but this scenario has no `server:`");
        }
        if (Field f = top["services"]) {
            readServicesSection(fields_, f, scenario_.services);
            if (!scenario_.services.empty() && !top["program"])
                fields_.fail(f.key->where, "`services:` answer a program's requests (http.get), but this scenario has no "
                                           "`program:`; steps call a service with `net:`");
        }
        if (Field f = top["notes"])
            readNotesSection(fields_, f, scenario_.notes);
    }

    // The version decides how to read everything else, so it is checked first. False when
    // the file is of a later format.
    bool readVersion(const YamlNode& root) {
        Field version;
        for (std::size_t i = 0; i < root.mapSize() && !version; ++i)
            if (root.key(i).isScalar() && root.key(i).text == "loopscope")
                version = {&root.key(i), &root.value(i)};
        if (!version) {
            if (!FieldReader::misspeltKey(root, "loopscope"))
                fields_.fail({1, 1}, "missing `loopscope: 1` (the format version) at the top of the file");
            return true;
        }
        const YamlNode& value = *version.value;
        const IntegerParse parsed = value.isScalar() ? parseIntegerText(value.text) : IntegerParse{};
        if (!parsed.ok) {
            fields_.fail(value.isNull() ? version.key->where : value.where,
                         "expected the format version 1 for `loopscope`, found " + describe(value));
        } else if (parsed.value != 1) {
            fields_.fail(value.where, "unsupported format version " + value.text + "; this loopscope reads format 1");
            return false;
        }
        return true;
    }

    void readServer(const Field& f) {
        ServerSpec server;
        server.where = f.key->where;
        if (const auto fields = fields_.optionsMap(f, kServerKeys, "server")) {
            if (Field handler = (*fields)["handler"]) {
                StepContext context;
                context.inHandler = true;
                server.handler = steps_.steps(handler, context);
            } else {
                fields_.missing(f, "handler", "server", "the steps run for each request, such as `handler: [respond: 200]`");
            }
        }
        scenario_.server = std::move(server);
    }
};

}  // namespace

ScenarioRead readScenario(const YamlNode& root) { return TopLevelReader().read(root); }

}  // namespace loopscope
