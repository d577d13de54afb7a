#pragma once
// MqttPublisher: publishes payloads to a broker (citytwin-cli simulate),
// with libmosquitto's network thread. Same connection options as MqttIngest.
// Thread safety: one owning thread.

#include <memory>
#include <string_view>

#include "citytwin/sensors/MqttIngest.h"

namespace citytwin::sensors {

class MqttPublisher {
public:
    explicit MqttPublisher(MqttOptions options);
    ~MqttPublisher();
    MqttPublisher(const MqttPublisher&) = delete;
    MqttPublisher& operator=(const MqttPublisher&) = delete;

    /// Connects, waiting up to timeoutMs for the broker's CONNACK.
    geo::Status connect(int timeoutMs = 10000);
    /// Queues one message (QoS from the options). While more than
    /// maxInFlight messages wait in the client, waits for them to drain, so
    /// a fast publisher cannot grow memory without bound.
    geo::Status publish(std::string_view topic, std::string_view payload);
    /// Waits up to timeoutMs for queued messages to leave, then disconnects.
    void disconnect(int timeoutMs = 10000);

    std::uint64_t published() const;
    /// Messages the broker has taken (QoS 1: PUBACK received; QoS 0: sent).
    std::uint64_t delivered() const;

    struct Impl;

private:
    std::unique_ptr<Impl> _impl;
};

}  // namespace citytwin::sensors
