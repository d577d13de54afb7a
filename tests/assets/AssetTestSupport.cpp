#include "AssetTestSupport.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "citytwin/assets/AssetProjectBuilder.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/test/TestPaths.h"

namespace citytwin::assets::test {

ProjectBuilder::ProjectBuilder() : _plane(kOrigin) {
    auto names = layers::all();
    names.push_back(layers::kCoreNodes);
    for (const auto& name : names) {
        geo::FeatureLayer l;
        l.name = name;
        l.crs = geo::Crs::wgs84();
        l.sourceCrs = geo::Crs::wgs84();
        _layers.push_back(std::move(l));
    }
}

geo::GeoPoint ProjectBuilder::at(double east, double north) const {
    return _plane.toGeographic({east, north});
}

geo::Polygon ProjectBuilder::square(double east, double north, double h) const {
    geo::Polygon p;
    p.rings.push_back({at(east - h, north - h), at(east + h, north - h), at(east + h, north + h),
                       at(east - h, north + h), at(east - h, north - h)});
    return p;
}

geo::FeatureLayer& ProjectBuilder::layer(const std::string& name) {
    for (auto& l : _layers)
        if (l.name == name)
            return l;
    throw std::logic_error("no layer " + name);
}

geo::Feature& ProjectBuilder::point(const std::string& layerName, double east, double north,
                                    std::vector<geo::Attribute> attributes) {
    geo::Feature f;
    f.id = _nextFid++;
    f.geometry.points.push_back(at(east, north));
    f.attributes = std::move(attributes);
    auto& l = layer(layerName);
    l.features.push_back(std::move(f));
    return l.features.back();
}

geo::Feature& ProjectBuilder::line(const std::string& layerName,
                                   std::vector<std::pair<double, double>> metres,
                                   std::vector<geo::Attribute> attributes) {
    geo::Feature f;
    f.id = _nextFid++;
    geo::LineString ls;
    for (const auto& [e, n] : metres)
        ls.push_back(at(e, n));
    f.geometry.lines.push_back(std::move(ls));
    f.attributes = std::move(attributes);
    auto& l = layer(layerName);
    l.features.push_back(std::move(f));
    return l.features.back();
}

geo::Feature& ProjectBuilder::polygon(const std::string& layerName, const geo::Polygon& polygon,
                                      std::vector<geo::Attribute> attributes) {
    geo::Feature f;
    f.id = _nextFid++;
    f.geometry.polygons.push_back(polygon);
    f.attributes = std::move(attributes);
    auto& l = layer(layerName);
    l.features.push_back(std::move(f));
    return l.features.back();
}

std::unique_ptr<InspectionContext> ProjectBuilder::context(AssetIndex::Mode mode) const {
    auto project = buildAssetProject(_layers, "test");
    if (!project || project.hasErrors())
        throw std::runtime_error("test project invalid: " + project.messages());
    return InspectionContext::fromProject(std::move(project).value(), defaultRules(), mode);
}

std::vector<std::string> rulesOf(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.rule);
    return out;
}

std::optional<Finding> findingFor(const std::vector<Finding>& findings, const std::string& rule) {
    for (const auto& f : findings)
        if (f.rule == rule)
            return f;
    return std::nullopt;
}

std::vector<std::string> relatedIds(const Finding& finding) {
    std::vector<std::string> out;
    for (const auto& r : finding.related)
        out.push_back(r.id);
    return out;
}

std::string tempDir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("citytwin_assets_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string makeGeoPackage(const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& layers) {
    geo::ensureGdalInitialised();
    const std::string dir = tempDir(name);
    const std::string gpkg = dir + "/" + name + ".gpkg";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> out(driver->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!out)
        throw std::runtime_error("cannot create " + gpkg);
    for (const auto& [layerName, geojson] : layers) {
        const std::string path = dir + "/" + layerName + ".geojson";
        std::ofstream(path) << geojson;
        std::unique_ptr<GDALDataset> in(GDALDataset::Open(
            path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        if (!in || in->GetLayerCount() < 1)
            throw std::runtime_error("cannot read " + path);
        if (!out->CopyLayer(in->GetLayer(0), layerName.c_str(), nullptr))
            throw std::runtime_error("cannot copy " + layerName);
    }
    return gpkg;
}

CliRun runCli(const std::string& args, bool withStderr) {
    const std::string command = std::string(citytwin::test::kBinDir) + "/citytwin-cli " + args +
                                (withStderr ? " 2>&1" : " 2>/dev/null");
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return run;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        run.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

}  // namespace citytwin::assets::test
