#include "MosquittoLibrary.h"

#include <mosquitto.h>

#include <mutex>

#include "citytwin/sensors/MqttIngest.h"

namespace citytwin::sensors::detail {

void ensureMosquittoInitialised() {
    static std::once_flag once;
    // Never cleaned up: clients may live until exit, and cleanup is a no-op
    // for the OS anyway.
    std::call_once(once, [] { mosquitto_lib_init(); });
}

mosquitto* newMosquittoClient(const MqttOptions& o, bool cleanSession, void* userdata) {
    ensureMosquittoInitialised();
    mosquitto* client =
        mosquitto_new(o.clientId.empty() ? nullptr : o.clientId.c_str(), cleanSession, userdata);
    if (!client)
        return nullptr;
    mosquitto_int_option(client, MOSQ_OPT_PROTOCOL_VERSION,
                         o.protocolVersion == 5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    mosquitto_reconnect_delay_set(client, static_cast<unsigned>(o.reconnectMinSeconds),
                                  static_cast<unsigned>(o.reconnectMaxSeconds), true);
    return client;
}

}  // namespace citytwin::sensors::detail
