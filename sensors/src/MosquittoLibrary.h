#pragma once
// libmosquitto must be initialised once per process before any client.

struct mosquitto;

namespace citytwin::sensors {
struct MqttOptions;
}

namespace citytwin::sensors::detail {
void ensureMosquittoInitialised();

/// A new client (library initialised first) speaking the options' protocol
/// version with their reconnect back-off; nullptr if libmosquitto refuses.
/// userdata is handed to every callback.
mosquitto* newMosquittoClient(const MqttOptions& options, bool cleanSession, void* userdata);
}  // namespace citytwin::sensors::detail
