#pragma once
// MqttIngest: subscribes to an MQTT broker with libmosquitto on its own
// network thread and feeds every message to an IngestPipeline. Reconnects by
// itself with exponential back-off; each period without a connection is
// submitted as a Disconnect gap (start = connection lost, end = back).
//
// Nothing acknowledged is lost: with QoS 1 a message's PUBACK leaves only
// after the store committed the batch holding it. libmosquitto 2.0.11
// (bookworm) has no manual acknowledgement (mosquitto_manual_ack is 2.1), so
// this thread runs the client's loop itself: it reads what the broker sent,
// then waits for the pipeline's queue to report those messages committed
// before it lets libmosquitto write its queued PUBACKs. If the store does
// not commit for ackStallSeconds (disk full, read-only, damaged), the TCP
// connection is dropped without a DISCONNECT, so the unacknowledged messages
// stay with the broker's session, and it reconnects once the store writes
// again. MQTT 5 sessions that are not clean carry a Session Expiry Interval.
// Thread safety: start/stop/isConnected from any one owning thread; the
// pipeline is called from the network thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"
#include "citytwin/sensors/IngestPipeline.h"

namespace citytwin::sensors {

struct MqttOptions {
    std::string host = "127.0.0.1";
    int port = 1883;
    std::vector<std::string> topics{"city/sensors/#"};  ///< subscription filters
    int qos = 1;                                        ///< 0 or 1
    int protocolVersion = 5;                            ///< 4 = MQTT 3.1.1, 5 = MQTT 5
    std::string clientId;      ///< empty: generated; fixed ids keep the session
    bool cleanSession = true;  ///< false keeps QoS 1 messages queued while away
    std::string username;      ///< empty: anonymous
    std::string password;
    std::string caFile;             ///< non-empty: TLS, verifying the broker with this CA
    std::string certFile, keyFile;  ///< optional client certificate for TLS
    int keepAliveSeconds = 30;
    /// MQTT 5, cleanSession false: how long the broker keeps the session
    /// (and queues QoS 1 messages) after a disconnect; 0xFFFFFFFF = never ends.
    std::uint32_t sessionExpirySeconds = 86400;
    int receiveMaximum = 1000;  ///< MQTT 5: QoS 1 messages in flight to us (1..65535)
    /// Seconds without a commit before the connection is dropped (the broker
    /// keeps the unacknowledged messages); 0: half the keep-alive.
    int ackStallSeconds = 0;
    /// Bridge state topics (mosquitto's bridge `notification_topic`: "1" when
    /// the bridge is up, "0" its last will when it drops): the time between a
    /// "0" and the next "1" is recorded as a Disconnect gap whose source is
    /// "bridge <topic>". Filters; not shared: give them to one ingest only.
    std::vector<std::string> bridgeStateTopics;
    int reconnectMinSeconds = 1;   ///< first back-off delay
    int reconnectMaxSeconds = 30;  ///< back-off doubles up to this
};

/// Parses "HOST:PORT" (or "HOST", port 1883; "[v6]:PORT").
geo::Result<std::pair<std::string, int>> parseHostPort(const std::string& text,
                                                       int defaultPort = 1883);

class MqttIngest {
public:
    MqttIngest(MqttOptions options, IngestPipeline& pipeline);
    ~MqttIngest();  ///< stops
    MqttIngest(const MqttIngest&) = delete;
    MqttIngest& operator=(const MqttIngest&) = delete;

    /// Starts the network thread. Fails on bad options (TLS files, QoS);
    /// an unreachable broker is not a failure: it is retried, and the time
    /// without a connection becomes a gap.
    geo::Status start();
    /// Disconnects and joins the network thread; closes an open gap.
    void stop();

    bool isConnected() const;
    std::uint64_t connects() const;     ///< successful connections so far
    std::uint64_t disconnects() const;  ///< unexpected losses so far
    /// When the open gap began (connection lost or never made), ingest
    /// clock ms; nullopt while connected (any thread).
    std::optional<TimeMs> disconnectedSinceMs() const;
    /// "mqtt://host:port", as recorded in gaps.
    std::string sourceName() const;

    struct Impl;

private:
    std::unique_ptr<Impl> _impl;
};

}  // namespace citytwin::sensors
