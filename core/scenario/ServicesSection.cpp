#include "ServicesSection.h"

#include <algorithm>

#include "MessageText.h"

namespace loopscope {
namespace {

constexpr std::string_view kServiceKeys[] = {"name", "port", "takes"};
constexpr const char* kServiceExample = "`- {name: database, port: 7001, takes: 50ms}`";

}  // namespace

void readServicesSection(FieldReader& fields, const Field& section, std::vector<ServiceSpec>& services) {
    if (section.value->isNull())
        return;
    if (!section.value->isSequence()) {
        fields.fail(section.value->where, std::string("expected a list of services under `services:`, such as ") +
                                              kServiceExample + ", found " + describe(*section.value));
        return;
    }
    for (const YamlNode& item : section.value->children) {
        if (!item.isMap()) {
            fields.fail(item.where, std::string("expected a service such as ") + kServiceExample + ", found " + describe(item));
            continue;
        }
        ServiceSpec service;
        service.where = item.where;
        const Fields f = fields.fieldsOf(item, kServiceKeys, "services");
        // A key that is missing is reported unless it was misspelt (already reported).
        auto missing = [&](std::string_view key, const std::string& example) {
            if (!FieldReader::misspeltKey(item, key))
                fields.fail(item.where, "a service needs `" + std::string(key) + ":`, such as `" + example + "`");
        };
        if (Field v = f["name"]) {
            service.name = fields.text(v, "name").value_or("");
            if (service.name.empty())
                fields.fail(v.key->where, "a service's `name:` is what the run calls it, such as `name: database`");
        } else
            missing("name", "name: database");
        if (Field v = f["port"]) {
            // Below 1024 a port needs privileges a run does not have.
            service.port = int(fields.integer(v, "port", 1024, 65535, "a TCP port").value_or(0));
            const bool taken = std::any_of(services.begin(), services.end(),
                                           [&](const ServiceSpec& other) { return other.port == service.port; });
            if (service.port != 0 && taken)
                fields.fail(v.value->where, "port " + std::to_string(service.port) + " is already another service's");
        } else {
            missing("port", "port: 7001");
        }
        if (Field v = f["takes"])
            service.takes = fields.duration(v, "takes").value_or(0);
        else
            missing("takes", "takes: 50ms");
        services.push_back(std::move(service));
    }
}

}  // namespace loopscope
