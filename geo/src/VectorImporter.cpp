#include "VectorImporter.h"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <numbers>

#include "AttributeCopier.h"
#include "OgrTransformAdapter.h"
#include "ProjectMetadata.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/GdalSupport.h"

namespace citytwin::geo::detail {
namespace {

namespace fs = std::filesystem;

constexpr double kFarWarningKm = 100.0;
constexpr std::int64_t kProgressEvery = 256;

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isShapefile(const std::string& ext) {
    return ext == "shp" || ext == "dbf" || ext == "shx";
}

/// Open options that make the common cases work without the user asking:
/// CSV longitude/latitude columns by their usual names (English and Chinese).
CPLStringList openOptionsFor(const std::string& ext, const std::string& encoding) {
    CPLStringList o;
    if (isShapefile(ext) && !encoding.empty())
        o.SetNameValue("ENCODING", encoding.c_str());
    if (ext == "csv") {
        o.SetNameValue("X_POSSIBLE_NAMES", "longitude,lon,lng,long,x,经度,lon_*,lng_*,*_lon,*_lng");
        o.SetNameValue("Y_POSSIBLE_NAMES", "latitude,lat,y,纬度,lat_*,*_lat");
        o.SetNameValue("KEEP_GEOM_COLUMNS", "YES");
        o.SetNameValue("AUTODETECT_TYPE", "YES");
    }
    return o;
}

/// The source layer to import, or an error listing the candidates.
Result<OGRLayer*> pickSourceLayer(GDALDataset& ds, const std::string& wanted,
                                  const std::string& path) {
    using R = Result<OGRLayer*>;
    std::vector<OGRLayer*> withGeometry;
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* l = ds.GetLayer(i);
        if (!l)
            continue;
        if (!wanted.empty() && wanted == l->GetName())
            return l;
        if (l->GetGeomType() == wkbNone)
            continue;
        withGeometry.push_back(l);
        names += std::string(names.empty() ? "" : ", ") + l->GetName();
    }
    if (!wanted.empty())
        return R::failure("has no layer '" + wanted + "' (layers: " + names + ")", path, 0,
                          "--src-layer");
    if (withGeometry.size() == 1)
        return withGeometry.front();
    if (withGeometry.empty()) {
        return R::failure(
            "has no layer with geometry (a CSV needs longitude/latitude columns named e.g. "
            "lon/lat, longitude/latitude, x/y, or a WKT column)",
            path);
    }
    return R::failure("has several layers (" + names + "); choose one with --src-layer", path, 0,
                      "--src-layer");
}

/// Distance in km between two lon/lat boxes (0 if they overlap); a flat-earth
/// approximation, good to a few percent at the 100 km scale it is used for.
double boxDistanceKm(const Extent& a, const Extent& b) {
    const double dLon = std::max({0.0, a.minX - b.maxX, b.minX - a.maxX});
    const double dLat = std::max({0.0, a.minY - b.maxY, b.minY - a.maxY});
    const double midLat = 0.5 * (a.centerY() + b.centerY()) * std::numbers::pi / 180.0;
    return std::hypot(dLon * 111.32 * std::cos(midLat), dLat * 110.57);
}

Extent toWgs84(const Extent& e, const CrsTransform& toWgs) {
    Extent out;
    if (e.isEmpty())
        return out;
    // Corners and edge midpoints: enough for the coarse distance check.
    for (double fx : {0.0, 0.5, 1.0})
        for (double fy : {0.0, 0.5, 1.0}) {
            auto p = toWgs.transform(
                {e.minX + fx * (e.maxX - e.minX), e.minY + fy * (e.maxY - e.minY), 0.0});
            if (p)
                out.add(p->x, p->y);
        }
    return out;
}

/// Parts of a MakeValid result with the original's dimension, so that a
/// polygon layer does not receive stray lines and points.
std::unique_ptr<OGRGeometry> keepDimension(std::unique_ptr<OGRGeometry> g, int dimension) {
    if (!g || wkbFlatten(g->getGeometryType()) != wkbGeometryCollection)
        return g;
    std::unique_ptr<OGRGeometryCollection> multi;
    if (dimension == 2)
        multi = std::make_unique<OGRMultiPolygon>();
    else if (dimension == 1)
        multi = std::make_unique<OGRMultiLineString>();
    else
        multi = std::make_unique<OGRMultiPoint>();
    for (const auto* part : *g->toGeometryCollection()) {
        if (part->getDimension() != dimension)
            continue;
        if (OGR_GT_IsSubClassOf(part->getGeometryType(), wkbGeometryCollection)) {
            for (const auto* sub : *part->toGeometryCollection())
                multi->addGeometry(sub);
        } else {
            multi->addGeometry(part);
        }
    }
    if (multi->IsEmpty())
        return nullptr;
    return multi;
}

class Importer {
public:
    Importer(const std::string& projectPath, const std::string& sourcePath,
             const ImportOptions& options)
        : _projectPath(projectPath), _sourcePath(sourcePath), _o(options) {}

    Result<ImportReport> run();

private:
    Result<ImportReport> fail(const std::string& message, const std::string& field = {}) {
        _result.addDiagnostic(makeError(message, _sourcePath, 0, field));
        return finishFailed();
    }
    Result<ImportReport> finishFailed() {
        if (_inTransaction && _project) {
            GdalErrorCapture quiet;
            _project->RollbackTransaction();
            _inTransaction = false;
            // GDAL may still try to finish the rolled-back layer on close
            // (triggers, index): its complaints are about nothing that exists.
            _project.reset();
        }
        Result<ImportReport> r;
        r.addDiagnostics(_result.diagnostics());
        return r;
    }
    void featureProblem(std::int64_t fid, const std::string& what, bool error) {
        const std::string msg = "feature " + std::to_string(fid) + ": " + what;
        _result.addDiagnostic(error ? makeError(msg, _sourcePath, 0, "geometry")
                                    : makeWarning(msg, _sourcePath, 0, "geometry"));
    }
    void warnIfFar(const CrsTransform& projectToWgs);

    const std::string& _projectPath;
    const std::string& _sourcePath;
    const ImportOptions& _o;
    Result<ImportReport> _result;
    DatasetPtr _project;
    bool _inTransaction = false;
    ImportReport _report;
};

Result<ImportReport> Importer::run() {
    ensureGdalInitialised();
    if (auto problem = layerNameProblem(_o.layerName); !problem.empty())
        return fail(problem, "--layer");

    std::error_code ec;
    const auto st = fs::status(_sourcePath, ec);
    if (ec || !fs::exists(st))
        return fail("no such file");
    if (fs::is_directory(st))
        return fail("is a directory, not a vector data file");
    if (!fs::is_regular_file(st))
        return fail("is not a regular file");

    const std::string ext = lower(CPLGetExtension(_sourcePath.c_str()));
    std::string recodeFrom;
    if (!_o.encoding.empty()) {
        GdalErrorCapture probe;
        char* test = CPLRecode("a", _o.encoding.c_str(), CPL_ENC_UTF8);
        CPLFree(test);
        if (!probe.errors().empty() || !probe.warnings().empty())
            return fail("unknown text encoding '" + _o.encoding + "'", "--encoding");
        if (ext == "csv")
            recodeFrom = _o.encoding;
        else if (!isShapefile(ext))
            _result.addDiagnostic(makeWarning(
                "--encoding applies to Shapefile and CSV only; this format declares its own "
                "(UTF-8), so it was ignored",
                _sourcePath, 0, "--encoding"));
    }

    GdalErrorCapture capture;
    const CPLStringList openOptions = openOptionsFor(ext, _o.encoding);
    DatasetPtr source(GDALDataset::Open(_sourcePath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                        nullptr, openOptions.List(), nullptr));
    if (!source) {
        return fail("cannot open as vector data: " +
                    capture.lastError("not a format GDAL recognises, or the file is damaged"));
    }
    auto picked = pickSourceLayer(*source, _o.sourceLayer, _sourcePath);
    if (!picked) {
        _result.addDiagnostics(picked.diagnostics());
        return finishFailed();
    }
    OGRLayer& src = *picked.value();

    // The source CRS: the user's word first, then the file's; never a guess.
    Crs sourceCrs;
    if (_o.maybeSourceCrs) {
        sourceCrs = *_o.maybeSourceCrs;
    } else if (const OGRSpatialReference* srs = src.GetSpatialRef()) {
        auto c = crsFromOgr(*srs);
        if (!c)
            return fail("its CRS is not understood (" + c.messages() + "); give it with --src-crs",
                        "crs");
        sourceCrs = c.value();
    } else {
        return fail(std::string("layer '") + src.GetName() + "' has no CRS information (" +
                        (isShapefile(ext) ? "a shapefile without .prj"
                         : ext == "csv"   ? "CSV coordinates have no declared datum"
                                          : "none declared") +
                        "); give it with --src-crs, e.g. --src-crs EPSG:4326 (GPS/WGS 84), "
                        "EPSG:4490 (CGCS2000), EPSG:4549 (CGCS2000 Gauss-Kruger 120E), GCJ02 "
                        "(AMap/Tencent) or BD09 (Baidu)",
                    "crs");
    }

    auto opened = openProject(_projectPath, /*update=*/true);
    if (!opened) {
        _result.addDiagnostics(opened.diagnostics());
        return finishFailed();
    }
    _project = std::move(opened->dataset);
    const Crs projectCrs = opened->crs;
    auto transform = CrsTransform::create(sourceCrs, projectCrs);
    if (!transform)
        return fail(transform.messages(), "crs");
    auto projectSrs = ogrSrsFor(projectCrs);
    if (!projectSrs)
        return fail(projectSrs.messages(), "crs");

    _report.layerName = _o.layerName;
    _report.sourcePath = _sourcePath;
    _report.sourceCrs = sourceCrs;
    _report.projectCrs = projectCrs;

    int existingIndex = -1;
    for (int i = 0; i < _project->GetLayerCount(); ++i)
        if (EQUAL(_project->GetLayer(i)->GetName(), _o.layerName.c_str()))
            existingIndex = i;
    if (existingIndex >= 0 && _o.existing == ExistingLayerPolicy::Refuse) {
        return fail("the project already has a layer '" + _o.layerName +
                        "'; use --overwrite to replace it or --append to add to it",
                    "--layer");
    }
    std::vector<LayerImportRecord> history;
    if (existingIndex >= 0 && _o.existing == ExistingLayerPolicy::Append)
        history =
            readImportRecords(_project->GetLayer(existingIndex)->GetMetadataItem(kLayerImportsKey));

    if (_project->StartTransaction(TRUE) != OGRERR_NONE)
        return fail("cannot start a transaction on the project: " + capture.lastError("locked?"));
    _inTransaction = true;

    OGRLayer* target = nullptr;
    if (existingIndex >= 0 && _o.existing == ExistingLayerPolicy::Append) {
        target = _project->GetLayer(existingIndex);
    } else {
        if (existingIndex >= 0 && _project->DeleteLayer(existingIndex) != OGRERR_NONE)
            return fail("cannot replace the existing layer: " + capture.lastError("GDAL refused"));
        CPLStringList layerOptions;
        layerOptions.SetNameValue("FID", "fid");
        layerOptions.SetNameValue("GEOMETRY_NAME", "geom");
        layerOptions.SetNameValue("SPATIAL_INDEX", "YES");
        target = _project->CreateLayer(_o.layerName.c_str(), &projectSrs.value(), src.GetGeomType(),
                                       layerOptions.List());
        if (!target)
            return fail("cannot create the layer: " + capture.lastError("GDAL refused"));
    }

    AttributeCopier attributes(*src.GetLayerDefn(), *target, recodeFrom);
    if (auto s = attributes.prepare(); !s) {
        for (auto d : s.diagnostics()) {
            d.source = _sourcePath;
            d.message += ": " + capture.lastError("GDAL refused");
            _result.addDiagnostic(d);
        }
        return finishFailed();
    }

    OgrTransformAdapter adapter(transform.value());
    const bool haveGeos = OGRGeometryFactory::haveGEOS();
    if (!haveGeos)
        _result.addDiagnostic(
            makeWarning("GDAL lacks GEOS: geometries were not validated", _sourcePath));
    ImportProgress progress;
    progress.featuresTotal = src.GetFeatureCount(FALSE);
    bool anyFatal = false;
    src.ResetReading();
    std::int64_t ordinal = 0;
    while (true) {
        if (_o.maybeCancel && _o.maybeCancel->load(std::memory_order_relaxed))
            return fail("import cancelled; the project was left as it was");
        std::unique_ptr<OGRFeature> feature(src.GetNextFeature());
        if (!feature)
            break;
        ++ordinal;
        ++_report.featuresRead;
        const std::int64_t fid = feature->GetFID() == OGRNullFID ? ordinal : feature->GetFID();
        feature->SetFID(fid);

        std::unique_ptr<OGRGeometry> geom(feature->StealGeometry());
        bool skip = false;
        const bool csvWithoutPlace = !geom && ext == "csv";
        if (csvWithoutPlace || (geom && geom->IsEmpty())) {
            // The CSV driver leaves the geometry out when a coordinate cell is
            // empty or not a number ("nan", "121,5"); OGR reads a NaN point as
            // an empty one. Neither is a place: never stored silently.
            const std::string why = csvWithoutPlace
                                        ? "longitude/latitude missing or not a finite number"
                                        : "geometry is empty (no coordinates, or NaN)";
            featureProblem(
                fid, why + (_o.invalid == InvalidGeometryPolicy::Fail ? "" : "; feature skipped"),
                _o.invalid == InvalidGeometryPolicy::Fail);
            anyFatal = anyFatal || _o.invalid == InvalidGeometryPolicy::Fail;
            skip = true;
        } else if (geom) {
            // Geometry complaints are reported per feature below, not as read errors.
            GdalErrorCapture geometryErrors;
            adapter.clearProblem();
            const int dimension = geom->getDimension();
            if (geom->transform(&adapter) != OGRERR_NONE) {
                const std::string why =
                    adapter.lastProblem().empty() ? "cannot be transformed" : adapter.lastProblem();
                if (_o.invalid == InvalidGeometryPolicy::Fail) {
                    featureProblem(fid, why, true);
                    anyFatal = true;
                } else {
                    featureProblem(fid, why + "; feature skipped", false);
                }
                skip = true;
            } else if (haveGeos && !geom->IsValid()) {
                switch (_o.invalid) {
                    case InvalidGeometryPolicy::Fail:
                        featureProblem(fid, "invalid geometry (e.g. self-intersection)", true);
                        anyFatal = true;
                        skip = true;
                        break;
                    case InvalidGeometryPolicy::Skip:
                        featureProblem(fid, "invalid geometry (e.g. self-intersection); skipped",
                                       false);
                        skip = true;
                        break;
                    case InvalidGeometryPolicy::Repair: {
                        std::unique_ptr<OGRGeometry> fixed(geom->MakeValid());
                        fixed = keepDimension(std::move(fixed), dimension);
                        if (!fixed || fixed->IsEmpty()) {
                            featureProblem(fid,
                                           "invalid geometry that MakeValid cannot repair; skipped",
                                           false);
                            skip = true;
                        } else {
                            featureProblem(fid, "invalid geometry repaired with MakeValid", false);
                            geom = std::move(fixed);
                            ++_report.featuresRepaired;
                        }
                        break;
                    }
                }
            }
        }
        if (skip || anyFatal) {
            if (skip)
                ++_report.featuresSkipped;
        } else {
            OGRFeature out(target->GetLayerDefn());
            attributes.copy(*feature, out);
            if (geom) {
                geom->assignSpatialReference(target->GetSpatialRef());
                OGREnvelope env;
                geom->getEnvelope(&env);
                if (!geom->IsEmpty()) {
                    _report.extent.add(env.MinX, env.MinY);
                    _report.extent.add(env.MaxX, env.MaxY);
                }
                out.SetGeometryDirectly(geom.release());
            }
            if (target->CreateFeature(&out) != OGRERR_NONE) {
                featureProblem(fid, "cannot be written: " + capture.lastError("GDAL refused"),
                               true);
                return finishFailed();
            }
            ++_report.featuresWritten;
        }
        if (_o.onProgress && ordinal % kProgressEvery == 0) {
            progress.featuresDone = ordinal;
            _o.onProgress(progress);
        }
    }
    for (const auto& w : capture.warnings())
        _result.addDiagnostic(makeWarning("GDAL: " + w, _sourcePath));
    // A truncated or damaged file often reads "successfully" up to the damage.
    for (const auto& e : capture.errors()) {
        if (e.find("rtree") != std::string::npos)
            continue;
        _result.addDiagnostic(makeError("while reading: " + e, _sourcePath));
        anyFatal = true;
    }
    if (anyFatal) {
        return fail(_o.invalid == InvalidGeometryPolicy::Fail
                        ? "nothing imported: the source has unusable features (--invalid fail)"
                        : "nothing imported: the source could not be read completely");
    }
    if (_report.featuresRead == 0)
        _result.addDiagnostic(makeWarning("the layer has no features", _sourcePath));
    for (auto& d : attributes.encodingWarnings(
             _sourcePath, _o.encoding.empty() ? "as declared, else UTF-8" : _o.encoding))
        _result.addDiagnostic(std::move(d));

    if (auto toWgs = CrsTransform::create(projectCrs, Crs::wgs84()))
        warnIfFar(toWgs.value());

    LayerImportRecord record;
    record.sourcePath = fs::absolute(_sourcePath, ec).string();
    record.sourceCrs = sourceCrs.definition();
    record.sourceCrsLabel = sourceCrs.label();
    record.encoding = _o.encoding;
    record.importedAtUtc = utcNowIso8601();
    record.featuresWritten = _report.featuresWritten;
    history.push_back(record);
    target->SetMetadataItem(kLayerImportsKey, writeImportRecords(history).c_str());

    if (_o.maybeCancel && _o.maybeCancel->load())
        return fail("import cancelled; the project was left as it was");
    if (_project->CommitTransaction() != OGRERR_NONE)
        return fail("cannot commit to the project: " + capture.lastError("GDAL refused"));
    _inTransaction = false;
    _project.reset();  // writes the spatial index and metadata
    if (_o.onProgress) {
        progress.featuresDone = _report.featuresRead;
        _o.onProgress(progress);
    }
    Result<ImportReport> ok(std::move(_report));
    ok.addDiagnostics(_result.diagnostics());
    return ok;
}

void Importer::warnIfFar(const CrsTransform& projectToWgs) {
    if (_report.extent.isEmpty())
        return;
    Extent others;
    for (int i = 0; i < _project->GetLayerCount(); ++i) {
        OGRLayer* l = _project->GetLayer(i);
        if (EQUAL(l->GetName(), _o.layerName.c_str()) || l->GetGeomType() == wkbNone)
            continue;
        OGREnvelope env;
        if (l->GetFeatureCount(TRUE) > 0 && l->GetExtent(&env, TRUE) == OGRERR_NONE) {
            Extent e;
            e.add(env.MinX, env.MinY);
            e.add(env.MaxX, env.MaxY);
            others.add(toWgs84(e, projectToWgs));
        }
    }
    if (others.isEmpty())
        return;
    const Extent mine = toWgs84(_report.extent, projectToWgs);
    if (mine.isEmpty())
        return;
    const double km = boxDistanceKm(mine, others);
    if (km > kFarWarningKm) {
        _result.addDiagnostic(makeWarning(
            "the layer lands " + std::to_string(static_cast<long>(std::lround(km))) +
                " km from the project's other data; a wrong --src-crs or swapped axes look like "
                "this (source CRS taken: " +
                _report.sourceCrs.label() + ")",
            _sourcePath, 0, "crs"));
    }
}

}  // namespace

std::string layerNameProblem(const std::string& name) {
    if (name.empty())
        return "a layer name is needed";
    if (name.size() > 200)
        return "layer name is longer than 200 bytes";
    const std::string l = lower(name);
    if (l.rfind("gpkg_", 0) == 0 || l.rfind("rtree_", 0) == 0 || l.rfind("sqlite_", 0) == 0)
        return "layer name '" + name + "' is reserved by GeoPackage/SQLite";
    for (unsigned char c : name) {
        if (c < 0x20 || c == '"' || c == '\'' || c == '`' || c == '/' || c == '\\')
            return "layer name '" + name + "' contains a quote, slash or control character";
    }
    if (!CPLIsUTF8(name.c_str(), static_cast<int>(name.size())))
        return "layer name is not valid UTF-8";
    return {};
}

Result<ImportReport> importVectorFile(const std::string& projectPath, const std::string& sourcePath,
                                      const ImportOptions& options) {
    return Importer(projectPath, sourcePath, options).run();
}

}  // namespace citytwin::geo::detail
