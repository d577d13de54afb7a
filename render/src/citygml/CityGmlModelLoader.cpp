#include "citytwin/render/CityGmlModelLoader.h"

#include <osg/BoundingBox>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "citygml/CityGmlSceneBuilder.h"
#include "citytwin/formats/CityGmlModel.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"

namespace citytwin::render {
namespace {

using R = geo::Result<LoadedModel>;

template <class F>
void forEachPoint(formats::CityGmlModel& model, F&& f) {
    for (auto& b : model.buildings)
        for (auto& s : b.surfaces)
            for (auto& p : s.points)
                f(p);
}

/// Every point from the file's CRS to the city frame, exactly and in double.
geo::Result<std::string> placeByCrs(formats::CityGmlModel& model, const geo::LocalFrame& frame,
                                    const std::string& path) {
    using S = geo::Result<std::string>;
    auto crs = formats::crsOfSrsName(model.srsName, path);
    CITYTWIN_RETURN_IF_FAILED(crs);
    auto toWgs84 = geo::CrsTransform::create(*crs, geo::Crs::wgs84());
    if (!toWgs84) {
        auto r = S::failure("cannot transform the srsName's CRS (" + model.srsName + ") to WGS 84",
                            path, 0, "srsName");
        r.addDiagnostics(toWgs84.diagnostics());
        return r;
    }
    std::vector<double> xs, ys;
    forEachPoint(model, [&](const geo::GeoPoint& p) {
        xs.push_back(p.x);
        ys.push_back(p.y);
    });
    const std::size_t failed = toWgs84->transformInPlace(xs, ys);
    if (failed > 0)
        return S::failure(std::to_string(failed) + " of " + std::to_string(xs.size()) +
                              " points lie outside " + model.srsName +
                              "'s area (PROJ cannot transform them)",
                          path, 0, "srsName");
    std::size_t i = 0;
    forEachPoint(model, [&](geo::GeoPoint& p) {
        const geo::Vec3d local = frame.toLocal({xs[i], ys[i], p.z});
        p = {local.x, local.y, local.z};
        ++i;
    });
    return crs->label().empty() ? model.srsName : crs->label() + " (" + model.srsName + ")";
}

/// A file without srsName: x, y, z are east, north, up metres at the anchor.
std::string placeAtAnchor(formats::CityGmlModel& model, const ModelAnchor& anchor,
                          const geo::LocalFrame& frame) {
    const osg::Matrixd m = osg::Matrixd::scale(anchor.scale, anchor.scale, anchor.scale) *
                           enuPlacement(anchor.lonLatH, anchor.headingDegrees, frame);
    forEachPoint(model, [&](geo::GeoPoint& p) {
        const osg::Vec3d c = osg::Vec3d(p.x, p.y, p.z) * m;
        p = {c.x(), c.y(), c.z()};
    });
    char label[96];
    std::snprintf(label, sizeof label, "ENU at %.7f,%.7f,%.2f, heading %.1f", anchor.lonLatH.x,
                  anchor.lonLatH.y, anchor.lonLatH.z, anchor.headingDegrees);
    return label;
}

osg::Vec3d centreOf(formats::CityGmlModel& model) {
    osg::BoundingBoxd box;
    forEachPoint(model, [&](const geo::GeoPoint& p) { box.expandBy(p.x, p.y, p.z); });
    return box.valid() ? box.center() : osg::Vec3d();
}

std::shared_ptr<geo::FeatureLayer> layerOf(const formats::CityGmlModel& model,
                                           const std::string& path) {
    auto layer = std::make_shared<geo::FeatureLayer>();
    layer->name = "citygml/" + std::filesystem::path(path).filename().string();
    layer->sourcePath = path;
    for (std::size_t i = 0; i < model.buildings.size(); ++i) {
        geo::Feature f;
        f.id = std::int64_t(i);
        f.attributes = model.buildings[i].attributes;
        layer->features.push_back(std::move(f));
    }
    return layer;
}

/// "61 buildings, 1125 polygons (LoD2 61)".
std::string summaryOf(const formats::CityGmlModel& model) {
    std::map<std::string, std::map<unsigned, std::size_t>> byClassAndLod;
    for (const auto& b : model.buildings)
        ++byClassAndLod[b.objectClass][b.lod];
    std::string out;
    for (const auto& [objectClass, lods] : byClassAndLod) {
        std::size_t n = 0;
        std::string perLod;
        for (const auto& [lod, count] : lods) {
            n += count;
            perLod += (perLod.empty() ? "" : ", ") + ("LoD" + std::to_string(lod)) + " " +
                      std::to_string(count);
        }
        out +=
            (out.empty() ? "" : "; ") + objectClass + " " + std::to_string(n) + " (" + perLod + ")";
    }
    return out + "; " + std::to_string(model.polygonCount()) + " polygons";
}

}  // namespace

geo::Result<LoadedModel> loadCityGmlModel(const std::string& path, const ModelAnchor& anchor,
                                          const geo::LocalFrame& frame) {
    auto parsed = formats::readCityGml(path);
    CITYTWIN_RETURN_IF_FAILED(parsed);
    std::vector<geo::Diagnostic> notes = parsed.diagnostics();
    formats::CityGmlModel model = std::move(parsed).value();

    LoadedModel out;
    out.format = "CityGML";
    if (model.srsName.empty()) {
        if (!isUsableAnchor(anchor))
            return R::failure(
                "invalid anchor: longitude, latitude, heading must be finite, latitude within "
                "90, scale positive",
                path, 0, "anchor");
        out.missingGeoreference =
            "no srsName (neither the gml:Envelope nor any geometry names a CRS)";
        out.crsLabel = placeAtAnchor(model, anchor, frame);
        notes.push_back(geo::makeWarning(
            out.missingGeoreference + ": placed as a local model at " + out.crsLabel, path, 0,
            "srsName"));
    } else {
        auto label = placeByCrs(model, frame, path);
        CITYTWIN_RETURN_IF_FAILED(label);
        out.crsLabel = *label;
    }
    out.cityObjectSummary = summaryOf(model);
    auto layer = layerOf(model, path);
    out.node = detail::buildCityGmlScene(model, centreOf(model), layer);
    out.node->setName(std::filesystem::path(path).filename().string());
    computeGeographicExtent(out, frame);
    R result(std::move(out));
    result.addDiagnostics(notes);
    return result;
}

std::string cityGmlGeoreferenceProblem(const std::string& path) {
    return formats::sniffCityGml(path).hasSrsName
               ? std::string()
               : "no srsName in the first 64 KiB of the CityGML file";
}

}  // namespace citytwin::render
