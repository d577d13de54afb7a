#include "citytwin/geo/VectorReader.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>

#include "CrsPlausibility.h"
#include "KmlCoordinateCheck.h"
#include "OgrSupport.h"
#include "ShapefileCheck.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::geo {
namespace {

namespace fs = std::filesystem;

using detail::DatasetPtr;

Ring toRing(const OGRLineString& ls) {
    Ring r;
    r.reserve(ls.getNumPoints());
    for (int i = 0; i < ls.getNumPoints(); ++i)
        r.push_back({ls.getX(i), ls.getY(i), ls.getZ(i)});
    return r;
}

void appendGeometry(const OGRGeometry& g, Geometry& out) {
    switch (wkbFlatten(g.getGeometryType())) {
        case wkbPoint: {
            const auto& p = *g.toPoint();
            if (!p.IsEmpty())
                out.points.push_back({p.getX(), p.getY(), p.getZ()});
            break;
        }
        case wkbLineString:
        case wkbLinearRing:
            out.lines.push_back(toRing(*g.toLineString()));
            break;
        case wkbPolygon: {
            Polygon poly;
            for (const auto* ring : *g.toPolygon())
                poly.rings.push_back(toRing(*ring));
            if (!poly.rings.empty())
                out.polygons.push_back(std::move(poly));
            break;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const auto* part : *g.toGeometryCollection())
                appendGeometry(*part, out);
            break;
        default: {
            // Curves, TINs and the like: take GDAL's linear approximation.
            std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
            if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(g.getGeometryType()))
                appendGeometry(*linear, out);
            break;
        }
    }
}

template <typename F>
void forEachPoint(Geometry& g, F f) {
    for (auto& p : g.points)
        f(p);
    for (auto& l : g.lines)
        for (auto& p : l)
            f(p);
    for (auto& poly : g.polygons)
        for (auto& r : poly.rings)
            for (auto& p : r)
                f(p);
}

bool allFinite(Geometry& g) {
    bool ok = true;
    forEachPoint(g, [&](GeoPoint& p) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
            ok = false;
    });
    return ok;
}

bool inGeographicRange(Geometry& g) {
    bool ok = true;
    forEachPoint(g, [&](GeoPoint& p) {
        if (p.x < -180.0 || p.x > 360.0 || p.y < -90.0 || p.y > 90.0)
            ok = false;
    });
    return ok;
}

void addToExtent(Geometry& g, Extent& e) {
    forEachPoint(g, [&](GeoPoint& p) { e.add(p.x, p.y); });
}

bool mentionsCrs(const std::string& message) {
    std::string m = message;
    std::transform(m.begin(), m.end(), m.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return m.find("crs") != std::string::npos || m.find("proj_create") != std::string::npos ||
           m.find("spatial reference") != std::string::npos;
}

}  // namespace

Result<std::vector<FeatureLayer>> readVectorFile(const std::string& path,
                                                 const VectorReadOptions& options) {
    using R = Result<std::vector<FeatureLayer>>;
    ensureGdalInitialised();

    // A PostgreSQL database (PostgresLocation.h) is no file: none of the file checks apply.
    const bool postgres = isPostgresLocation(path);
    std::string openName = path;
    std::vector<std::string> truncation;
    if (postgres) {
        auto name = gdalPostgresName(path);
        CITYTWIN_RETURN_IF_FAILED(name);
        openName = name.value();
    } else {
        std::error_code ec;
        const fs::file_status st = fs::status(path, ec);
        if (ec || !fs::exists(st))
            return R::failure("no such file", path);
        // A directory opens as a multi-layer dataset in OGR (a folder of
        // shapefiles); a user naming one almost always meant a file, so say so.
        if (fs::is_directory(st))
            return R::failure("is a directory, not a vector data file", path);
        if (!fs::is_regular_file(st))
            return R::failure("is not a regular file", path);

        if (auto kml = detail::checkKmlFile(path); !kml)
            return geo::failedFrom(kml);

        // Checked before GDAL reads it: a cut on a record boundary reads without
        // any error, as a smaller layer.
        truncation = detail::shapefileTruncation(path);
    }
    GdalErrorCapture capture;
    CPLStringList openOptions;
    if (!options.encoding.empty()) {
        const char* ext = CPLGetExtension(path.c_str());
        if (EQUAL(ext, "shp") || EQUAL(ext, "dbf"))
            openOptions.SetNameValue("ENCODING", options.encoding.c_str());
        else if (EQUAL(ext, "csv"))
            openOptions.SetNameValue("ENCODING", options.encoding.c_str());
    }
    if (!options.csvXColumn.empty() && !options.csvYColumn.empty() &&
        EQUAL(CPLGetExtension(path.c_str()), "csv")) {
        // The user's columns, exactly (the importer's name guessing is for the CLI).
        openOptions.SetNameValue("X_POSSIBLE_NAMES", options.csvXColumn.c_str());
        openOptions.SetNameValue("Y_POSSIBLE_NAMES", options.csvYColumn.c_str());
        openOptions.SetNameValue("KEEP_GEOM_COLUMNS", "YES");
        openOptions.SetNameValue("AUTODETECT_TYPE", "YES");
    }
    const std::string shown = maskedLocation(path);  // the password never reaches a message
    DatasetPtr ds(GDALDataset::Open(openName.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                    openOptions.List(), nullptr));
    if (!ds) {
        R failed = R::failure(
            (postgres ? "cannot connect to the database: " : "cannot open as vector data: ") +
                capture.lastError("not a format GDAL recognises, or the file is damaged"),
            shown);
        // GDAL cannot open a shapefile whose .shx is cut: say which file is.
        for (const auto& problem : truncation)
            failed.addDiagnostic(makeError(problem, shown, 0, "partial"));
        return failed;
    }
    if (ds->GetLayerCount() == 0)
        return R::failure("contains no vector layers", shown);
    // A driver that cannot resolve the declared CRS (GeoJSON's
    // "EPSG::999999") says so and falls back to WGS 84: not a CRS to use.
    std::string unresolvedCrs;
    for (const auto& e : capture.errors())
        if (unresolvedCrs.empty() && mentionsCrs(e))
            unresolvedCrs = e;

    R result;
    std::vector<FeatureLayer> layers;
    std::size_t errorsSeen = 0;  // GDAL errors already reported for a layer
    const bool shapefile =
        ds->GetDriver() && EQUAL(ds->GetDriver()->GetDescription(), "ESRI Shapefile");
    for (int li = 0; li < ds->GetLayerCount(); ++li) {
        OGRLayer* layer = ds->GetLayer(li);
        if (!layer)
            continue;
        const std::string layerName = layer->GetName();
        if (!options.layerNames.empty() &&
            std::find(options.layerNames.begin(), options.layerNames.end(), layerName) ==
                options.layerNames.end())
            continue;
        const std::string where = shown + " (layer " + layerName + ")";

        Crs sourceCrs;
        const OGRSpatialReference* srs = layer->GetSpatialRef();
        if (options.forceSourceCrs && options.maybeSourceCrs) {
            sourceCrs = *options.maybeSourceCrs;
        } else if (!unresolvedCrs.empty() && options.maybeSourceCrs) {
            sourceCrs = *options.maybeSourceCrs;
        } else if (!unresolvedCrs.empty()) {
            result.addDiagnostic(makeError("its declared CRS is unknown (" + unresolvedCrs +
                                               "); give the CRS it is in with --src-crs",
                                           where, 0, "crs"));
            continue;
        } else if (srs) {
            auto c = detail::crsFromOgr(*srs);
            if (!c) {
                result.addDiagnostic(makeError(
                    "its CRS is not understood (" + c.messages() + "); give one with --src-crs",
                    where, 0, "crs"));
                continue;
            }
            sourceCrs = c.value();
        } else if (options.maybeSourceCrs) {
            sourceCrs = *options.maybeSourceCrs;
        } else {
            if (layer->GetGeomType() == wkbNone)
                continue;  // attribute-only table
            result.addDiagnostic(makeError(
                "layer has no CRS information (e.g. a shapefile without .prj); give it with "
                "--src-crs EPSG:4326 (or the CRS the data is in)",
                where, 0, "crs"));
            continue;
        }

        auto transform = CrsTransform::create(sourceCrs, options.targetCrs);
        if (!transform) {
            result.addDiagnostic(makeError(transform.messages(), where, 0, "crs"));
            continue;
        }

        FeatureLayer out;
        out.name = layerName;
        out.sourcePath = path;
        out.crs = options.targetCrs;
        out.sourceCrs = sourceCrs;

        OGRFeatureDefn* defn = layer->GetLayerDefn();
        const GIntBig declaredCount = layer->GetFeatureCount(FALSE);
        layer->ResetReading();
        long ordinal = 0;
        Extent sourceExtent;  // as the file has them, for the CRS plausibility check
        std::vector<double> xs, ys, zs;
        std::size_t errorsBefore = capture.errors().size();
        for (auto& feature : *layer) {
            ++ordinal;
            // GDAL reports a damaged record while fetching it (a shape past
            // the end of a cut .shp comes back without its geometry): the
            // feature is not kept, the error makes the layer partial.
            const bool damaged = capture.errors().size() > errorsBefore;
            errorsBefore = capture.errors().size();
            if (damaged)
                continue;
            Feature f;
            f.id = feature->GetFID() == OGRNullFID ? ordinal : feature->GetFID();
            for (int fi = 0; fi < defn->GetFieldCount(); ++fi) {
                if (!feature->IsFieldSetAndNotNull(fi))
                    continue;
                f.attributes.push_back(
                    {defn->GetFieldDefn(fi)->GetNameRef(), feature->GetFieldAsString(fi)});
            }
            if (const OGRGeometry* g = feature->GetGeometryRef())
                appendGeometry(*g, f.geometry);
            if (f.geometry.isEmpty()) {
                out.features.push_back(std::move(f));
                continue;
            }
            if (!allFinite(f.geometry)) {
                result.addDiagnostic(makeWarning("coordinate is NaN or infinite; feature skipped",
                                                 where, f.id, "geometry"));
                continue;
            }
            addToExtent(f.geometry, sourceExtent);
            if (sourceCrs.isGeographic() && !inGeographicRange(f.geometry)) {
                result.addDiagnostic(makeWarning(
                    "coordinate outside longitude/latitude range for " + sourceCrs.label() +
                        " (wrong CRS or swapped axes?); feature skipped",
                    where, f.id, "geometry"));
                continue;
            }
            bool failed = false;
            if (!transform->isIdentity()) {
                // One batched PROJ call per feature rather than one per point.
                xs.clear();
                ys.clear();
                zs.clear();
                forEachPoint(f.geometry, [&](GeoPoint& p) {
                    xs.push_back(p.x);
                    ys.push_back(p.y);
                    zs.push_back(p.z);
                });
                failed = transform->transformInPlace(xs, ys, zs) > 0;
                std::size_t k = 0;
                forEachPoint(f.geometry, [&](GeoPoint& p) {
                    p = {xs[k], ys[k], zs[k]};
                    ++k;
                });
            }
            if (failed) {
                result.addDiagnostic(makeWarning("cannot be transformed from " + sourceCrs.label() +
                                                     " to " + options.targetCrs.label() +
                                                     "; feature skipped",
                                                 where, f.id, "geometry"));
                continue;
            }
            out.features.push_back(std::move(f));
        }
        if (auto warning = detail::crsPlausibilityWarning(sourceCrs, sourceExtent))
            result.addDiagnostic(makeWarning(*warning, where, 0, "crs"));
        // What went wrong while this layer was read: a truncated file (a
        // shapefile is one layer), GDAL's read errors.
        std::vector<std::string> problems;
        problems.swap(truncation);
        // A cut file gives one read error per damaged record: the first
        // says what, the count how many.
        std::size_t readErrors = 0;
        for (; errorsSeen < capture.errors().size(); ++errorsSeen)
            if (capture.errors()[errorsSeen] != unresolvedCrs && readErrors++ == 0)
                problems.push_back(capture.errors()[errorsSeen]);
        if (readErrors > 1)
            problems.back() += " (and " + std::to_string(readErrors - 1) + " more read errors)";
        // A shapefile's count is its .shx's shape count: fewer features read
        // is a read that stopped early even when GDAL said nothing.
        if (problems.empty() && shapefile && declaredCount > ordinal)
            problems.push_back("only " + std::to_string(ordinal) + " of the " +
                               std::to_string(declaredCount) +
                               " shapes the .shx indexes could be read");
        if (problems.empty()) {
            layers.push_back(std::move(out));
            continue;
        }
        if (out.features.empty()) {
            for (const auto& p : problems)
                result.addDiagnostic(makeError(p, where));
            continue;
        }
        const std::string count = std::to_string(out.features.size()) + " features" +
                                  (declaredCount > static_cast<GIntBig>(out.features.size())
                                       ? " of the " + std::to_string(declaredCount) + " it declares"
                                       : std::string());
        for (const auto& p : problems) {
            if (options.allowPartial)
                result.addDiagnostic(makeWarning(p + "; partial data: only " + count + " were read",
                                                 where, 0, "partial"));
            else
                result.addDiagnostic(makeError(p + "; refusing partial data (" + count +
                                                   " could be read: --allow-partial uses them)",
                                               where, 0, "partial"));
        }
        if (options.allowPartial)
            layers.push_back(std::move(out));
    }

    if (layers.empty()) {
        if (!result.hasErrors())
            result.addDiagnostic(makeError("contains no readable vector layers", shown));
        return result;
    }
    R ok(std::move(layers));
    ok.addDiagnostics(result.diagnostics());
    return ok;
}

}  // namespace citytwin::geo
