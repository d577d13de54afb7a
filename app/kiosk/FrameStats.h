#pragma once
// How the kiosk's frames go over a long run: the time each frame of the 3D
// view takes (from OsgView::frameStarting to the frame's end), the median and the
// frames over 100 ms, with resident memory and the paged content
// the memory budget counts (what a soak tells apart from a leak); logged every few minutes and at
// exit, for the soak bench (bench/kiosk) and a kiosk's own log.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <cstdint>
#include <vector>

namespace citytwin::app {
class OsgView;
}

namespace citytwin::app::kiosk {

class FrameStats : public QObject {
    Q_OBJECT
public:
    /// Watches `view`'s frames; logs every `logEveryS` seconds (0: only at exit).
    FrameStats(OsgView* view, int logEveryS, QObject* parent = nullptr);

    /// Call at the end of each frame (OsgView::frameRendered).
    void onFrameEnd();
    /// "kiosk: frames ..." into the log, for the frames since the last report.
    void report();

private:
    QElapsedTimer _clock;
    qint64 _paintStartNs = -1;
    std::vector<float> _paintMs;
    /// Between consecutive frame ends when frames come back to back (a
    /// flight): what a visitor sees as the frame rate.
    std::vector<float> _intervalMs;
    qint64 _lastFrameEndNs = -1;
    std::uint64_t _totalFrames = 0;
    std::uint64_t _totalOver100 = 0;
    QTimer _timer;
    OsgView* _view;  ///< its paged content is logged beside the resident memory
};

}  // namespace citytwin::app::kiosk
