// The loopback HTTP services of a scenario (`services:`), really there for the whole run:
// each listens on 127.0.0.1 at its port and answers every request `takes` after it
// arrived, with a small JSON body naming the service and the request. They run on a
// thread of their own with its own libuv loop, so their waiting is not the program's.
#pragma once

#include <memory>
#include <vector>

#include "Scenario.h"

namespace loopscope {

class ScenarioServices {
public:
    // Listens on every service's port before returning; throws std::runtime_error naming
    // the service and what the OS refused (a port in use) when one cannot.
    explicit ScenarioServices(const std::vector<ServiceSpec>& services);
    ~ScenarioServices();  // stops them and joins their thread
    ScenarioServices(const ScenarioServices&) = delete;
    ScenarioServices& operator=(const ScenarioServices&) = delete;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The body a service answers with: {"service":"NAME","request":N,"tookMs":50}.
std::string serviceAnswer(const ServiceSpec& service, std::uint64_t request);

}  // namespace loopscope
