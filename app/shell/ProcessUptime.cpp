#include "shell/ProcessUptime.h"

#include <QElapsedTimer>

namespace citytwin::app {

qint64 processUptimeMs() {
    // Started by the first call, which main() makes before anything else.
    static QElapsedTimer sinceStart = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return sinceStart.elapsed();
}

}  // namespace citytwin::app
