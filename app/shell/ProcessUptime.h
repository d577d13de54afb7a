#pragma once
// The launch clock: main() starts it before anything else; the view and the
// batch runner read it for launch timings.

#include <QtGlobal>

namespace citytwin::app {

/// Milliseconds since the process started (for launch timings).
qint64 processUptimeMs();

}  // namespace citytwin::app
