#include "kiosk/FrameStats.h"

#include <algorithm>

#include "citytwin/render/PagedMemoryBudget.h"
#include "kiosk/ProcessGuards.h"
#include "shell/LogChannel.h"
#include "view/OsgView.h"

namespace citytwin::app::kiosk {

FrameStats::FrameStats(OsgView* view, int logEveryS, QObject* parent)
    : QObject(parent), _view(view) {
    _clock.start();
    connect(view, &OsgView::frameStarting, this, [this] { _paintStartNs = _clock.nsecsElapsed(); });
    connect(&_timer, &QTimer::timeout, this, &FrameStats::report);
    if (logEveryS > 0)
        _timer.start(logEveryS * 1000);
}

void FrameStats::onFrameEnd() {
    if (_paintStartNs < 0)
        return;
    const qint64 endNs = _clock.nsecsElapsed();
    const float ms = float(endNs - _paintStartNs) / 1e6f;
    // The kiosk asks for a frame every 16 ms in flight and every 240 ms at
    // rest: gaps under 200 ms are frames wanted back to back.
    if (_lastFrameEndNs >= 0 && endNs - _lastFrameEndNs < 200'000'000)
        _intervalMs.push_back(float(endNs - _lastFrameEndNs) / 1e6f);
    _lastFrameEndNs = endNs;
    _paintStartNs = -1;
    _paintMs.push_back(ms);
    ++_totalFrames;
    if (ms > 100.f)
        ++_totalOver100;
}

void FrameStats::report() {
    std::vector<float> sorted = _paintMs;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.empty() ? 0.0 : sorted[sorted.size() / 2];
    std::vector<float> intervals = _intervalMs;
    std::sort(intervals.begin(), intervals.end());
    const double intervalMedian = intervals.empty() ? 0.0 : intervals[intervals.size() / 2];
    const auto over100 =
        std::count_if(sorted.begin(), sorted.end(), [](float v) { return v > 100.f; });
    LogChannel::instance().write(
        geo::LogLevel::Info,
        QStringLiteral("kiosk: frames=%1 paint_ms_median=%2 over_100ms=%3 total_frames=%4 "
                       "total_over_100ms=%5 rss_mb=%6 flight_interval_ms_median=%7 paged_mb=%8")
            .arg(sorted.size())
            .arg(median, 0, 'f', 2)
            .arg(over100)
            .arg(_totalFrames)
            .arg(_totalOver100)
            .arg(double(residentBytes()) / (1 << 20), 0, 'f', 1)
            .arg(intervalMedian, 0, 'f', 2)
            .arg(double(_view->memoryBudget().pagedBytes()) / (1 << 20), 0, 'f', 1));
    _paintMs.clear();
    _intervalMs.clear();
}

}  // namespace citytwin::app::kiosk
