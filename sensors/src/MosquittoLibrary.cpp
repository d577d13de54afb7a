#include "MosquittoLibrary.h"

#include <mosquitto.h>

#include <mutex>

namespace citytwin::sensors::detail {

void ensureMosquittoInitialised() {
    static std::once_flag once;
    // Never cleaned up: clients may live until exit, and cleanup is a no-op
    // for the OS anyway.
    std::call_once(once, [] { mosquitto_lib_init(); });
}

}  // namespace citytwin::sensors::detail
