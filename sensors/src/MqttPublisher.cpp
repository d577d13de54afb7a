#include "citytwin/sensors/MqttPublisher.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "MosquittoLibrary.h"

namespace citytwin::sensors {

struct MqttPublisher::Impl {
    MqttOptions options;
    mosquitto* mosq = nullptr;
    std::atomic<int> connackCode{-1};
    std::atomic<std::uint64_t> published{0}, delivered{0};
    std::uint64_t maxInFlight = 20000;

    std::string source() const {
        return "mqtt://" + options.host + ":" + std::to_string(options.port);
    }

    static void onConnect(mosquitto*, void* self, int rc, int, const mosquitto_property*) {
        static_cast<Impl*>(self)->connackCode = rc;
    }
    static void onPublish(mosquitto*, void* self, int, int, const mosquitto_property*) {
        ++static_cast<Impl*>(self)->delivered;
    }
};

MqttPublisher::MqttPublisher(MqttOptions options) : _impl(std::make_unique<Impl>()) {
    _impl->options = std::move(options);
}

MqttPublisher::~MqttPublisher() {
    if (_impl->mosq) {
        mosquitto_disconnect(_impl->mosq);
        mosquitto_loop_stop(_impl->mosq, true);
        mosquitto_destroy(_impl->mosq);
    }
}

std::uint64_t MqttPublisher::published() const {
    return _impl->published;
}

std::uint64_t MqttPublisher::delivered() const {
    return _impl->delivered;
}

geo::Status MqttPublisher::connect(int timeoutMs) {
    auto& d = *_impl;
    const auto& o = d.options;
    d.mosq = detail::newMosquittoClient(o, true, &d);
    if (!d.mosq)
        return geo::Status::failure("cannot create an MQTT client", d.source());
    mosquitto_connect_v5_callback_set(d.mosq, &Impl::onConnect);
    mosquitto_publish_v5_callback_set(d.mosq, &Impl::onPublish);
    if (!o.username.empty())
        mosquitto_username_pw_set(d.mosq, o.username.c_str(),
                                  o.password.empty() ? nullptr : o.password.c_str());
    if (!o.caFile.empty()) {
        const int rc = mosquitto_tls_set(d.mosq, o.caFile.c_str(), nullptr,
                                         o.certFile.empty() ? nullptr : o.certFile.c_str(),
                                         o.keyFile.empty() ? nullptr : o.keyFile.c_str(), nullptr);
        if (rc != MOSQ_ERR_SUCCESS)
            return geo::Status::failure(std::string("TLS setup failed: ") + mosquitto_strerror(rc),
                                        o.caFile, 0, "cafile");
    }
    int rc = mosquitto_connect_async(d.mosq, o.host.c_str(), o.port, o.keepAliveSeconds);
    if (rc != MOSQ_ERR_SUCCESS)
        return geo::Status::failure(std::string("cannot connect: ") + mosquitto_strerror(rc),
                                    d.source());
    rc = mosquitto_loop_start(d.mosq);
    if (rc != MOSQ_ERR_SUCCESS)
        return geo::Status::failure(
            std::string("cannot start the MQTT thread: ") + mosquitto_strerror(rc), d.source());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (d.connackCode < 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (d.connackCode < 0)
        return geo::Status::failure("no answer from the broker", d.source());
    if (d.connackCode != 0)
        return geo::Status::failure(
            std::string("connection refused: ") + mosquitto_connack_string(d.connackCode),
            d.source());
    return geo::Done{};
}

geo::Status MqttPublisher::publish(std::string_view topic, std::string_view payload) {
    auto& d = *_impl;
    // Bounded in-flight: wait for the network thread to drain.
    while (d.published - d.delivered > d.maxInFlight)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    const std::string t(topic);
    const int rc =
        mosquitto_publish_v5(d.mosq, nullptr, t.c_str(), static_cast<int>(payload.size()),
                             payload.data(), d.options.qos, false, nullptr);
    // QoS 1 while the connection is down: libmosquitto has queued the
    // message and sends it after its reconnect.
    const bool queued = rc == MOSQ_ERR_NO_CONN && d.options.qos > 0;
    if (rc != MOSQ_ERR_SUCCESS && !queued)
        return geo::Status::failure(std::string("publish failed: ") + mosquitto_strerror(rc),
                                    d.source(), 0, t);
    ++d.published;
    return geo::Done{};
}

void MqttPublisher::disconnect(int timeoutMs) {
    auto& d = *_impl;
    if (!d.mosq)
        return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (d.delivered < d.published && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    mosquitto_disconnect(d.mosq);
    mosquitto_loop_stop(d.mosq, true);
    mosquitto_destroy(d.mosq);
    d.mosq = nullptr;
}

}  // namespace citytwin::sensors
