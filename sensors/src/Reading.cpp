#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

std::string_view toString(StreamGap::Kind kind) {
    switch (kind) {
        case StreamGap::Kind::Disconnect:
            return "disconnect";
        case StreamGap::Kind::Overflow:
            return "overflow";
    }
    return "unknown";
}

}  // namespace citytwin::sensors
