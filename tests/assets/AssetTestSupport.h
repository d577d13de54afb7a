#pragma once
// Builds small asset projects in metres around an origin, so that each test
// states its distances plainly (e.g. a facility 199.9 m north of the site).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/MetricPlane.h"
#include "citytwin/geo/Feature.h"

namespace citytwin::assets::test {

/// Central Shanghai, Lujiazui.
inline const geo::GeoPoint kOrigin{121.5000, 31.2400, 0.0};

class ProjectBuilder {
public:
    ProjectBuilder();

    /// WGS 84 point `east`, `north` metres from kOrigin.
    geo::GeoPoint at(double east, double north) const;
    geo::Polygon square(double east, double north, double halfSideM) const;

    geo::Feature& point(const std::string& layer, double east, double north,
                        std::vector<geo::Attribute> attributes);
    geo::Feature& line(const std::string& layer, std::vector<std::pair<double, double>> metres,
                       std::vector<geo::Attribute> attributes);
    geo::Feature& polygon(const std::string& layer, const geo::Polygon& polygon,
                          std::vector<geo::Attribute> attributes);

    /// All seven layers and core_nodes (empty ones included) as FeatureLayers in WGS 84.
    std::vector<geo::FeatureLayer> layers() const { return _layers; }
    /// Validated project + default rules + R-tree index.
    std::unique_ptr<InspectionContext> context(
        AssetIndex::Mode mode = AssetIndex::Mode::RTree) const;

private:
    geo::FeatureLayer& layer(const std::string& name);
    MetricPlane _plane;
    std::vector<geo::FeatureLayer> _layers;
    std::int64_t _nextFid = 1;
};

/// Rule codes of findings, in order.
std::vector<std::string> rulesOf(const std::vector<Finding>& findings);
/// A copy of the finding for a rule, if any.
std::optional<Finding> findingFor(const std::vector<Finding>& findings, const std::string& rule);
/// Ids of a finding's related items, in order.
std::vector<std::string> relatedIds(const Finding& finding);

/// Writes GeoJSON text to a temporary directory and converts every file to one
/// GeoPackage with OGR (layer name = file stem); returns the .gpkg path.
std::string makeGeoPackage(const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& layers);

/// What a run of build/bin/citytwin-cli printed and its exit code.
struct CliRun {
    int exitCode = -1;
    std::string out;
};
/// Runs citytwin-cli with `args` (a shell command line); stdout only, or
/// stdout and stderr together.
CliRun runCli(const std::string& args, bool withStderr = false);

/// A fresh empty temporary directory for one test.
std::string tempDir(const std::string& name);

}  // namespace citytwin::assets::test
