#pragma once
// Where citytwin's shipped data lives (the demo, the kiosk tour, ...), for a
// developer's build and an installed package alike. Roots are tried in order:
//   1. $CITYTWIN_DATA_DIR                     (an override, e.g. for tests)
//   2. <executable dir>/../share/citytwin      (installed: /usr/share/citytwin)
//   3. the source tree's data/                 (a build run from build/bin;
//      CMake's CITYTWIN_SOURCE_DATA_DIR, empty for none)
// Every root has the same layout: demo/, demo/kiosk-tour.json, ...

#include <QString>
#include <QStringList>

namespace citytwin::app {

/// The data roots in the order they are searched (existing or not).
QStringList dataRootCandidates();

/// The absolute, canonical path of `relative` (e.g. "demo/kiosk-tour.json")
/// under the first root that has it; empty if no root has it.
QString findDataPath(const QString& relative);

}  // namespace citytwin::app
