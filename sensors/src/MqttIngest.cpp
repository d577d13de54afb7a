#include "citytwin/sensors/MqttIngest.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

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
    using SteadyClock = std::chrono::steady_clock;

    MqttOptions options;
    IngestPipeline& pipeline;
    mosquitto* mosq = nullptr;
    mosquitto_property* connectProperties = nullptr;
    std::thread thread;
    std::atomic<bool> connected{false};
    std::atomic<bool> stopping{false};
    std::atomic<std::uint64_t> connects{0}, disconnects{0};
    std::mutex gapMutex;
    TimeMs startMs = 0;
    std::optional<TimeMs> maybeGapStart;  // connection lost (or refused) at
    std::string gapDetail;
    std::map<std::string, TimeMs> bridgeDownSince;  // state topic -> "0" received at (gapMutex)
    std::mutex sleepMutex;
    std::condition_variable sleepWake;

    Impl(MqttOptions o, IngestPipeline& p) : options(std::move(o)), pipeline(p) {}
    ~Impl() { mosquitto_property_free_all(&connectProperties); }

    std::string source() const {
        return (options.caFile.empty() ? "mqtt://" : "mqtts://") + options.host + ":" +
               std::to_string(options.port);
    }
    bool acknowledged() const { return options.qos > 0; }

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

    /// A bridge state message: "0" opens the bridge's gap, "1" closes it.
    bool bridgeState(const mosquitto_message* msg) {
        bool matches = false;
        for (const auto& filter : options.bridgeStateTopics) {
            bool m = false;
            if (mosquitto_topic_matches_sub(filter.c_str(), msg->topic, &m) == MOSQ_ERR_SUCCESS &&
                m)
                matches = true;
        }
        if (!matches)
            return false;
        const std::string_view payload(static_cast<const char*>(msg->payload),
                                       static_cast<std::size_t>(std::max(0, msg->payloadlen)));
        std::lock_guard lock(gapMutex);
        if (payload == "0") {
            bridgeDownSince.emplace(msg->topic, pipeline.nowMs());
        } else if (payload == "1") {
            closeBridgeGap(msg->topic, "bridge down; reconnected");
        }
        return true;
    }
    /// Under gapMutex.
    void closeBridgeGap(const std::string& topic, const std::string& detail) {
        const auto it = bridgeDownSince.find(topic);
        if (it == bridgeDownSince.end())
            return;
        pipeline.submitGap(StreamGap{StreamGap::Kind::Disconnect, "bridge " + topic, it->second,
                                     pipeline.nowMs(), 0, detail});
        bridgeDownSince.erase(it);
    }

    /// Sleeps up to d; stop() wakes it.
    void pause(std::chrono::milliseconds d) {
        std::unique_lock lock(sleepMutex);
        sleepWake.wait_for(lock, d, [&] { return stopping.load(); });
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
        for (const auto& topic : d.options.bridgeStateTopics)
            if (mosquitto_subscribe_v5(m, nullptr, topic.c_str(), 1, 0, nullptr) !=
                MOSQ_ERR_SUCCESS)
                geo::logError("MQTT " + d.source() + ": cannot subscribe to '" + topic + "'");
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
        const bool was = d.connected.exchange(false);
        if (d.stopping || !was)
            return;
        ++d.disconnects;
        geo::logWarning("MQTT " + d.source() + ": connection lost (" + mosquitto_strerror(rc) +
                        "); reconnecting");
        d.openGap(std::string("connection lost: ") + mosquitto_strerror(rc));
    }

    static void onMessage(mosquitto*, void* self, const mosquitto_message* msg,
                          const mosquitto_property*) {
        auto& d = *static_cast<Impl*>(self);
        if (msg->topic && d.bridgeState(msg))
            return;
        d.pipeline.submitPayload(
            msg->topic ? std::string_view(msg->topic) : std::string_view(),
            std::string_view(static_cast<const char*>(msg->payload),
                             static_cast<std::size_t>(msg->payloadlen > 0 ? msg->payloadlen : 0)));
    }

    std::chrono::milliseconds stallLimit() const {
        const int s = options.ackStallSeconds > 0 ? options.ackStallSeconds
                                                  : std::max(1, options.keepAliveSeconds / 2);
        return std::chrono::seconds(s);
    }

    /// Drops the TCP connection without a DISCONNECT (which would flush the
    /// queued PUBACKs first): the broker keeps what we did not acknowledge.
    /// The next connect discards libmosquitto's queued packets and closes the
    /// socket; nothing more is read or written on it.
    void abortConnection() {
        if (const int sock = mosquitto_socket(mosq); sock >= 0)
            ::shutdown(sock, SHUT_RDWR);
        if (connected.exchange(false))
            ++disconnects;
    }

    /// One connection, from CONNECT until it is lost or the ingest stops.
    void serve() {
        auto& queue = pipeline.queue();
        std::optional<SteadyClock::time_point> maybeStalledSince;
        while (mosquitto_socket(mosq) >= 0) {
            if (stopping) {
                finish();
                return;
            }
            // PUBACKs of what was read sit in libmosquitto's output queue:
            // nothing is written (nor read, which would add PUBACKs) until
            // the store has committed every message read so far.
            const auto target = queue.acceptedSeq();
            if (acknowledged() && queue.committedSeq() < target) {
                if (queue.waitCommitted(target, std::chrono::milliseconds(50)))
                    continue;
                const auto now = SteadyClock::now();
                if (!maybeStalledSince)
                    maybeStalledSince = now;
                if (now - *maybeStalledSince < stallLimit())
                    continue;
                geo::logError("MQTT " + source() + ": the store has not committed for " +
                              std::to_string(stallLimit().count() / 1000) +
                              " s: closing the connection unacknowledged (the broker keeps the "
                              "session's messages); reconnecting once the store writes again");
                openGap("sensor store not writable");
                abortConnection();
                while (!stopping && !queue.waitCommitted(target, std::chrono::milliseconds(200))) {
                }
                return;
            }
            maybeStalledSince.reset();
            if (mosquitto_want_write(mosq) && mosquitto_loop_write(mosq, 1) != MOSQ_ERR_SUCCESS)
                return;
            const int sock = mosquitto_socket(mosq);
            if (sock < 0)
                return;
            pollfd p{sock, static_cast<short>(POLLIN | (mosquitto_want_write(mosq) ? POLLOUT : 0)),
                     0};
            if (::poll(&p, 1, 100) > 0 && (p.revents & (POLLIN | POLLERR | POLLHUP))) {
                // A burst: everything already here (the broker's in-flight
                // window bounds it), then one wait for one commit.
                for (int i = 0; i < 10'000; ++i) {
                    if (mosquitto_loop_read(mosq, 1) != MOSQ_ERR_SUCCESS)
                        return;
                    const int s2 = mosquitto_socket(mosq);
                    if (s2 < 0)
                        return;
                    pollfd more{s2, POLLIN, 0};
                    if (::poll(&more, 1, 0) <= 0)
                        break;
                }
            }
            if (mosquitto_loop_misc(mosq) != MOSQ_ERR_SUCCESS)
                return;
        }
    }

    /// Stopping: acknowledge what is committed and say goodbye, or, if the
    /// store cannot commit, leave without acknowledging.
    void finish() {
        auto& queue = pipeline.queue();
        if (acknowledged() && !queue.waitCommitted(queue.acceptedSeq(), std::chrono::seconds(5))) {
            abortConnection();
            return;
        }
        mosquitto_disconnect(mosq);
        for (int i = 0; i < 100 && mosquitto_socket(mosq) >= 0 && mosquitto_want_write(mosq); ++i)
            if (mosquitto_loop_write(mosq, 1) != MOSQ_ERR_SUCCESS)
                break;
    }

    void run() {
        int delay = std::max(1, options.reconnectMinSeconds);
        while (!stopping) {
            // Connect anew each time (not mosquitto_reconnect): the CONNECT
            // properties, the session expiry among them, go with every one.
            const int rc = mosquitto_connect_bind_v5(
                mosq, options.host.c_str(), options.port, options.keepAliveSeconds, nullptr,
                options.protocolVersion == 5 ? connectProperties : nullptr);
            if (rc == MOSQ_ERR_SUCCESS) {
                const auto before = connects.load();
                serve();
                if (connects.load() > before)
                    delay = std::max(1, options.reconnectMinSeconds);
            } else {
                geo::logWarning("MQTT " + source() + ": " + mosquitto_strerror(rc) +
                                "; retrying in " + std::to_string(delay) + " s");
                openGap(std::string("cannot connect: ") + mosquitto_strerror(rc));
            }
            if (stopping)
                break;
            pause(std::chrono::seconds(delay));
            delay = std::min(delay * 2, std::max(delay, options.reconnectMaxSeconds));
        }
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
std::optional<TimeMs> MqttIngest::disconnectedSinceMs() const {
    std::lock_guard lock(_impl->gapMutex);
    return _impl->maybeGapStart;
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
    if (o.receiveMaximum < 1 || o.receiveMaximum > 65535)
        return geo::Status::failure("receive maximum must be in 1..65535", d.source(), 0,
                                    "receive-maximum");
    for (const auto& t : o.bridgeStateTopics)
        if (mosquitto_sub_topic_check(t.c_str()) != MOSQ_ERR_SUCCESS)
            return geo::Status::failure("invalid bridge state topic '" + t + "'", d.source(), 0,
                                        "bridge-state");
    for (const auto& t : o.topics)
        if (mosquitto_sub_topic_check(t.c_str()) != MOSQ_ERR_SUCCESS)
            return geo::Status::failure("invalid topic filter '" + t + "'", d.source(), 0, "topic");
    const bool clean = o.cleanSession || o.clientId.empty();
    d.mosq = detail::newMosquittoClient(o, clean, &d);
    if (!d.mosq)
        return geo::Status::failure("cannot create an MQTT client", d.source());
    // Our thread drives the loop; "threaded" keeps libmosquitto from writing
    // packets (PUBACKs) on its own from inside its read path.
    mosquitto_threaded_set(d.mosq, true);
    if (o.protocolVersion == 5) {
        mosquitto_int_option(d.mosq, MOSQ_OPT_RECEIVE_MAXIMUM, o.receiveMaximum);
        // Without a Session Expiry Interval an MQTT 5 session ends at the
        // disconnect, whatever clean start says.
        if (!clean &&
            mosquitto_property_add_int32(&d.connectProperties, MQTT_PROP_SESSION_EXPIRY_INTERVAL,
                                         o.sessionExpirySeconds) != MOSQ_ERR_SUCCESS)
            return geo::Status::failure("cannot set the session expiry", d.source());
    }
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
    d.thread = std::thread([&d] { d.run(); });
    return geo::Done{};
}

void MqttIngest::stop() {
    auto& d = *_impl;
    if (!d.mosq || d.stopping.exchange(true))
        return;
    { std::lock_guard wake(d.sleepMutex); }  // a pause() between its check and its wait
    d.sleepWake.notify_all();
    if (d.thread.joinable())
        d.thread.join();
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
    while (!d.bridgeDownSince.empty())
        d.closeBridgeGap(d.bridgeDownSince.begin()->first, "bridge down; ingest stopped");
}

}  // namespace citytwin::sensors
