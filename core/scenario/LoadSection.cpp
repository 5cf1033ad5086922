#include "LoadSection.h"

#include "MessageText.h"

namespace loopscope {
namespace {

constexpr std::string_view kWaveKeys[] = {"at", "requests", "spacing"};

}  // namespace

void readLoadSection(FieldReader& fields, const Field& section, std::vector<LoadWave>& load) {
    if (section.value->isNull())
        return;
    if (!section.value->isSequence()) {
        fields.fail(section.value->where, "expected a list of request waves under `load:`, such as "
                                          "`- {at: 0ms, requests: 3}`, found " + describe(*section.value));
        return;
    }
    std::int64_t total = 0;
    bool reportedTotal = false;
    for (const YamlNode& item : section.value->children) {
        if (!item.isMap()) {
            fields.fail(item.where, "expected a request wave such as `- {at: 0ms, requests: 3}`, found " + describe(item));
            continue;
        }
        LoadWave wave;
        wave.where = item.where;
        const Fields f = fields.fieldsOf(item, kWaveKeys, "load");
        if (Field v = f["at"])
            wave.at = fields.duration(v, "at").value_or(0);
        if (Field v = f["requests"]) {
            wave.requests = static_cast<int>(fields.integer(v, "requests", 1, kMaxRequestsPerRun).value_or(0));
            total += wave.requests;
            if (total > kMaxRequestsPerRun && !reportedTotal) {
                fields.fail(v.value->where, "the load adds up to more than " + std::to_string(kMaxRequestsPerRun) +
                                                " requests, the most one run may send");
                reportedTotal = true;
            }
        } else {
            total += wave.requests;
        }
        if (Field v = f["spacing"])
            wave.spacing = fields.duration(v, "spacing").value_or(0);
        load.push_back(wave);
    }
}

}  // namespace loopscope
