#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

std::string_view toString(StreamGap::Kind kind) {
    switch (kind) {
        case StreamGap::Kind::Disconnect:
            return "disconnect";
        case StreamGap::Kind::Overflow:
            return "overflow";
        case StreamGap::Kind::Outage:
            return "outage";
        case StreamGap::Kind::StoreError:
            return "store_error";
    }
    return "unknown";
}

StreamGap::Kind parseGapKind(std::string_view text) {
    for (auto k : {StreamGap::Kind::Overflow, StreamGap::Kind::Outage, StreamGap::Kind::StoreError})
        if (text == toString(k))
            return k;
    return StreamGap::Kind::Disconnect;
}

}  // namespace citytwin::sensors
