#include "ScenarioServices.h"

#include <cstdio>
#include <future>
#include <stdexcept>
#include <thread>

#include <uv.h>

#include "HttpServer.h"

namespace loopscope {

namespace {

std::string jsonString(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// One service: its server, and a timer per request it is answering.
struct Service {
    ServiceSpec spec;
    std::unique_ptr<HttpServer> server;
};

// A request a service answers when its timer fires.
struct PendingAnswer {
    uv_timer_t timer;
    Service* service;
    std::uint64_t request;
};

void freeAnswer(uv_handle_t* handle) {
    delete static_cast<PendingAnswer*>(handle->data);
}

}  // namespace

std::string serviceAnswer(const ServiceSpec& service, std::uint64_t request) {
    char took[32];
    std::snprintf(took, sizeof took, "%g", double(service.takes) / double(kMillisecond));
    return "{\"service\":" + jsonString(service.name) + ",\"request\":" + std::to_string(request) +
           ",\"tookMs\":" + took + "}";
}

struct ScenarioServices::Impl {
    uv_loop_t loop{};
    uv_async_t stop{};
    std::vector<std::unique_ptr<Service>> services;
    std::thread thread;

    void answerLater(Service& service, std::uint64_t request) {
        auto* pending = new PendingAnswer{{}, &service, request};
        uv_timer_init(&loop, &pending->timer);
        pending->timer.data = pending;
        uv_timer_start(&pending->timer, [](uv_timer_t* handle) {
            auto* answer = static_cast<PendingAnswer*>(handle->data);
            answer->service->server->respond(answer->request, 200, serviceAnswer(answer->service->spec, answer->request));
            uv_close(reinterpret_cast<uv_handle_t*>(handle), freeAnswer);
        }, std::uint64_t((service.spec.takes + kMillisecond - 1) / kMillisecond), 0);
    }

    // On the services' thread: listen on every port, then serve until stopped.
    void run(const std::vector<ServiceSpec>& specs, std::promise<void>& listening) {
        uv_loop_init(&loop);
        uv_async_init(&loop, &stop, [](uv_async_t* handle) {
            auto* self = static_cast<Impl*>(handle->data);
            for (auto& service : self->services)
                service->server->close();
            uv_close(reinterpret_cast<uv_handle_t*>(handle), nullptr);
            // Requests still waiting get no answer: the run is over.
            uv_walk(&self->loop, [](uv_handle_t* h, void*) {
                if (!uv_is_closing(h) && h->type == UV_TIMER)
                    uv_close(h, freeAnswer);
            }, nullptr);
        });
        stop.data = this;
        try {
            for (const ServiceSpec& spec : specs) {
                auto service = std::make_unique<Service>();
                service->spec = spec;
                Service* raw = service.get();
                service->server = std::make_unique<HttpServer>(&loop, [this, raw](std::uint64_t request) {
                    answerLater(*raw, request);
                });
                try {
                    service->server->listen(std::uint16_t(spec.port));
                } catch (const std::exception& error) {
                    throw std::runtime_error("services: " + spec.name + ": " + error.what());
                }
                services.push_back(std::move(service));
            }
            listening.set_value();
        } catch (...) {
            listening.set_exception(std::current_exception());
            for (auto& service : services)
                service->server->close();
            uv_close(reinterpret_cast<uv_handle_t*>(&stop), nullptr);
        }
        uv_run(&loop, UV_RUN_DEFAULT);
        services.clear();
        uv_run(&loop, UV_RUN_DEFAULT);
        uv_loop_close(&loop);
    }
};

ScenarioServices::ScenarioServices(const std::vector<ServiceSpec>& services) : impl_(std::make_unique<Impl>()) {
    if (services.empty())
        return;
    std::promise<void> listening;
    std::future<void> ready = listening.get_future();
    impl_->thread = std::thread([this, &services, &listening] { impl_->run(services, listening); });
    try {
        ready.get();
    } catch (...) {
        impl_->thread.join();
        throw;
    }
}

ScenarioServices::~ScenarioServices() {
    if (!impl_->thread.joinable())
        return;
    uv_async_send(&impl_->stop);
    impl_->thread.join();
}

}  // namespace loopscope
