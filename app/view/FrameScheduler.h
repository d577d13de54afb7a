#pragma once
// When the 3D view draws: on demand (CesiumJS's requestRenderMode). A frame
// is drawn when something asked for one (input, a camera set from code, new
// sensor states, a layer shown or hidden, a resize) or while a source of
// change says it still needs frames (layers or paged tiles waiting to be
// merged, the camera moved behind the view's back, an animation); otherwise
// the view idles and costs nothing. The view polls due() on its tick, so
// frames never come faster than the tick (the display rate).
//
// Thread safety: GUI thread only.

#include <QString>

#include <functional>
#include <vector>

namespace citytwin::app {

class FrameScheduler {
public:
    /// True while its source needs another frame; polled on every tick.
    using Demand = std::function<bool()>;

    /// A source of change, named for why a frame was drawn.
    void addDemand(const QString& name, Demand demand);
    /// Asks for one frame.
    void request(const QString& why = QStringLiteral("request"));

    /// Whether a frame is due now; remembers why (lastReason()).
    bool due();
    /// Why a frame is due now (the request's reason, else the first demand
    /// that holds), empty if none: due() without remembering. Tests wait on
    /// it instead of watching for a quiet second.
    QString pending() const;
    /// Call when a frame was drawn: the request it answered is done.
    void frameDrawn() { _requested = false; }
    /// Why the last due() was true: "request", or a demand's name.
    const QString& lastReason() const { return _lastReason; }

private:
    struct Named {
        QString name;
        Demand demand;
    };
    std::vector<Named> _demands;
    bool _requested = true;  // the first frame
    QString _requestReason = QStringLiteral("first frame");
    QString _lastReason;
};

}  // namespace citytwin::app
