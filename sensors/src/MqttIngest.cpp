#include "citytwin/sensors/MqttIngest.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <atomic>
#include <charconv>
#include <mutex>

#include "MosquittoLibrary.h"
#include "citytwin/geo/Log.h"

namespace citytwin::sensors {

geo::Result<std::pair<std::string, int>> parseHostPort(const std::string& text, int defaultPort) {
    using R = geo::Result<std::pair<std::string, int>>;
    std::string host = text;
    int port = defaultPort;
    std::string portText;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos)
            return R::failure("unclosed '[' in '" + text + "'");
        host = text.substr(1, close - 1);
        if (close + 1 < text.size()) {
            if (text[close + 1] != ':')
                return R::failure("expected ':' after ']' in '" + text + "'");
            portText = text.substr(close + 2);
        }
    } else if (const auto colon = text.rfind(':'); colon != std::string::npos) {
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
    }
    if (host.empty())
        return R::failure("no host in '" + text + "'");
    if (!portText.empty() || text.back() == ':') {
        const auto [p, ec] =
            std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (ec != std::errc() || p != portText.data() + portText.size() || port < 1 || port > 65535)
            return R::failure("port '" + portText + "' is not a number in 1..65535");
    }
    return std::make_pair(host, port);
}

struct MqttIngest::Impl {
    MqttOptions options;
    IngestPipeline& pipeline;
    mosquitto* mosq = nullptr;
    std::atomic<bool> connected{false};
    std::atomic<bool> stopping{false};
    std::atomic<std::uint64_t> connects{0}, disconnects{0};
    std::mutex gapMutex;
    TimeMs startMs = 0;
    std::optional<TimeMs> maybeGapStart;  // connection lost (or refused) at
    std::string gapDetail;

    Impl(MqttOptions o, IngestPipeline& p) : options(std::move(o)), pipeline(p) {}

    std::string source() const {
        return (options.caFile.empty() ? "mqtt://" : "mqtts://") + options.host + ":" +
               std::to_string(options.port);
    }

    void openGap(std::string detail) {
        std::lock_guard lock(gapMutex);
        if (!maybeGapStart) {
            maybeGapStart = pipeline.nowMs();
            gapDetail = std::move(detail);
        }
    }
    void closeGap(const std::string& suffix) {
        std::lock_guard lock(gapMutex);
        if (!maybeGapStart)
            return;
        pipeline.submitGap(StreamGap{StreamGap::Kind::Disconnect, source(), *maybeGapStart,
                                     pipeline.nowMs(), 0, gapDetail + suffix});
        maybeGapStart.reset();
    }

    static void onConnect(mosquitto* m, void* self, int rc, int, const mosquitto_property*) {
        auto& d = *static_cast<Impl*>(self);
        if (rc != 0) {
            geo::logWarning("MQTT " + d.source() +
                            ": connection refused: " + mosquitto_connack_string(rc));
            d.openGap(std::string("connection refused: ") + mosquitto_connack_string(rc));
            return;
        }
        d.connected = true;
        ++d.connects;
        for (const auto& topic : d.options.topics) {
            const int src =
                mosquitto_subscribe_v5(m, nullptr, topic.c_str(), d.options.qos, 0, nullptr);
            if (src != MOSQ_ERR_SUCCESS)
                geo::logError("MQTT " + d.source() + ": cannot subscribe to '" + topic +
                              "': " + mosquitto_strerror(src));
        }
        d.closeGap("; reconnected");
    }

    static void onDisconnect(mosquitto*, void* self, int rc, const mosquitto_property*) {
        auto& d = *static_cast<Impl*>(self);
        d.connected = false;
        if (d.stopping)
            return;
        ++d.disconnects;
        geo::logWarning("MQTT " + d.source() + ": connection lost (" + mosquitto_strerror(rc) +
                        "); reconnecting");
        d.openGap(std::string("connection lost: ") + mosquitto_strerror(rc));
    }

    static void onMessage(mosquitto*, void* self, const mosquitto_message* msg,
                          const mosquitto_property*) {
        auto& d = *static_cast<Impl*>(self);
        d.pipeline.submitPayload(
            msg->topic ? std::string_view(msg->topic) : std::string_view(),
            std::string_view(static_cast<const char*>(msg->payload),
                             static_cast<std::size_t>(msg->payloadlen > 0 ? msg->payloadlen : 0)));
    }
};

MqttIngest::MqttIngest(MqttOptions options, IngestPipeline& pipeline)
    : _impl(std::make_unique<Impl>(std::move(options), pipeline)) {}

MqttIngest::~MqttIngest() {
    stop();
    if (_impl->mosq)
        mosquitto_destroy(_impl->mosq);
}

std::string MqttIngest::sourceName() const {
    return _impl->source();
}
bool MqttIngest::isConnected() const {
    return _impl->connected;
}
std::uint64_t MqttIngest::connects() const {
    return _impl->connects;
}
std::uint64_t MqttIngest::disconnects() const {
    return _impl->disconnects;
}

geo::Status MqttIngest::start() {
    auto& d = *_impl;
    const auto& o = d.options;
    if (d.mosq)
        return geo::Status::failure("already started", d.source());
    if (o.qos != 0 && o.qos != 1)
        return geo::Status::failure("QoS must be 0 or 1", d.source(), 0, "qos");
    if (o.protocolVersion != 4 && o.protocolVersion != 5)
        return geo::Status::failure("protocol version must be 4 (3.1.1) or 5", d.source(), 0,
                                    "protocol");
    if (o.topics.empty())
        return geo::Status::failure("no topic filter", d.source(), 0, "topic");
    for (const auto& t : o.topics)
        if (mosquitto_sub_topic_check(t.c_str()) != MOSQ_ERR_SUCCESS)
            return geo::Status::failure("invalid topic filter '" + t + "'", d.source(), 0, "topic");
    const bool clean = o.cleanSession || o.clientId.empty();
    d.mosq = detail::newMosquittoClient(o, clean, &d);
    if (!d.mosq)
        return geo::Status::failure("cannot create an MQTT client", d.source());
    mosquitto_connect_v5_callback_set(d.mosq, &Impl::onConnect);
    mosquitto_disconnect_v5_callback_set(d.mosq, &Impl::onDisconnect);
    mosquitto_message_v5_callback_set(d.mosq, &Impl::onMessage);
    if (!o.username.empty()) {
        if (mosquitto_username_pw_set(d.mosq, o.username.c_str(),
                                      o.password.empty() ? nullptr : o.password.c_str()) !=
            MOSQ_ERR_SUCCESS)
            return geo::Status::failure("invalid user name or password", d.source(), 0, "user");
    }
    if (!o.caFile.empty()) {
        const int rc = mosquitto_tls_set(d.mosq, o.caFile.c_str(), nullptr,
                                         o.certFile.empty() ? nullptr : o.certFile.c_str(),
                                         o.keyFile.empty() ? nullptr : o.keyFile.c_str(), nullptr);
        if (rc != MOSQ_ERR_SUCCESS)
            return geo::Status::failure(std::string("TLS setup failed: ") + mosquitto_strerror(rc),
                                        o.caFile, 0, "cafile");
    }
    d.startMs = d.pipeline.nowMs();
    const int rc =
        mosquitto_connect_bind_async(d.mosq, o.host.c_str(), o.port, o.keepAliveSeconds, nullptr);
    if (rc != MOSQ_ERR_SUCCESS)
        geo::logWarning("MQTT " + d.source() + ": " + mosquitto_strerror(rc) + "; retrying");
    if (const int lrc = mosquitto_loop_start(d.mosq); lrc != MOSQ_ERR_SUCCESS)
        return geo::Status::failure(
            std::string("cannot start the MQTT thread: ") + mosquitto_strerror(lrc), d.source());
    return geo::Done{};
}

void MqttIngest::stop() {
    auto& d = *_impl;
    if (!d.mosq || d.stopping.exchange(true))
        return;
    mosquitto_disconnect(d.mosq);
    mosquitto_loop_stop(d.mosq, true);
    d.connected = false;
    // A connection lost and not back, or never made, is still a gap.
    std::lock_guard lock(d.gapMutex);
    if (d.connects == 0) {
        d.pipeline.submitGap(
            StreamGap{StreamGap::Kind::Disconnect, d.source(), d.startMs, d.pipeline.nowMs(), 0,
                      "never connected" + (d.gapDetail.empty() ? "" : ": " + d.gapDetail)});
    } else if (d.maybeGapStart) {
        d.pipeline.submitGap(StreamGap{StreamGap::Kind::Disconnect, d.source(), *d.maybeGapStart,
                                       d.pipeline.nowMs(), 0, d.gapDetail + "; ingest stopped"});
    }
    d.maybeGapStart.reset();
}

}  // namespace citytwin::sensors
