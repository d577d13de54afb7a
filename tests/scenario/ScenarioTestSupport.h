#pragma once
// Small hand-made networks and scenarios in metres around Lujiazui, so that
// each test states its geometry plainly.

#include <string>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/MetricPlane.h"
#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/assets/scenario/ScenarioEngine.h"

namespace citytwin::assets::test {

/// 2026-06-15T02:00:00Z (10:00 in Shanghai).
inline constexpr geo::TimeMs kT0 = 1781488800000;

/// WGS 84 point `east`, `north` metres from Lujiazui (121.5, 31.24).
geo::GeoPoint metresAt(double east, double north);
/// An axis-aligned square polygon (closed ring, 5 vertices).
geo::Polygon squareAt(double east, double north, double halfSideM);

/// A ring and two spurs:
///   core C --A-- S1 --B-- S2 --D-- C   (ring)
///   S1 --E-- S3                        (spur off the ring)
///   C --F-- S5 --G-- S6                (a chain with no second path)
/// Cables are straight, 1 km or so; every site has a 300 m coverage radius.
NetworkModel ringNetwork();

/// A project holding only cables (the detectors read cables' classes).
AssetProject projectWithCables(std::vector<Cable> cables);
Cable straightCable(const std::string& id, CableClass cls, double east0, double north0,
                    double east1, double north1, std::optional<Waters> waters = std::nullopt);

/// An empty scenario from kT0 for `hours`.
Scenario emptyScenario(double hours = 4.0);

/// The log entries of one kind.
std::vector<LogEntry> entriesOf(const ScenarioRun& run, LogEventKind kind);

}  // namespace citytwin::assets::test
