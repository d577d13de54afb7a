#include "VectorImporter.h"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <optional>

#include "AttributeCopier.h"
#include "CrsPlausibility.h"
#include "ImportSupport.h"
#include "KmlCoordinateCheck.h"
#include "OgrTransformAdapter.h"
#include "PgProject.h"
#include "ProjectMetadata.h"
#include "ShapefileCheck.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::geo::detail {
namespace {

namespace fs = std::filesystem;

constexpr double kFarWarningKm = 100.0;
constexpr std::int64_t kProgressEvery = 256;

/// One import, as a sequence of steps. Each step returns false after adding
/// the error that stops the import to _result; run() then rolls back.
class Importer {
public:
    Importer(const std::string& projectPath, const std::string& sourcePath,
             const ImportOptions& options)
        : _projectPath(projectPath),
          _sourcePath(sourcePath),
          _o(options),
          _postgres(isPostgresLocation(projectPath)) {}

    Result<ImportReport> run();

private:
    /// What the --invalid policy makes of one feature's geometry.
    enum class Verdict {
        Write,   ///< store it (possibly repaired)
        Skip,    ///< leave it out, with a warning
        Reject,  ///< --invalid fail: the import will store nothing
    };

    bool checkRequest();
    bool openSource();
    bool resolveSourceCrs();
    bool openProjectAndTransform();
    bool prepareTargetLayer();
    bool copyFeatures();
    Verdict applyGeometryPolicy(std::unique_ptr<OGRGeometry>& geom, bool csvWithoutPlace,
                                std::int64_t fid, OgrTransformAdapter& adapter, bool haveGeos);
    bool writeFeature(const OGRFeature& feature, std::unique_ptr<OGRGeometry> geom,
                      std::int64_t fid);
    bool checkSourceReadCompletely();
    bool recordAndCommit();

    bool cancelled() const {
        return _o.maybeCancel && _o.maybeCancel->load(std::memory_order_relaxed);
    }
    bool fail(const std::string& message, const std::string& field = {}) {
        _result.addDiagnostic(makeError(message, _sourcePath, 0, field));
        return false;
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
        return failedFrom(_result);
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
    ImportReport _report;
    DatasetPtr _project;
    bool _inTransaction = false;

    std::string _ext;         ///< the source's extension, lower case
    std::string _recodeFrom;  ///< encoding to recode CSV text from
    /// GDAL's complaints from opening the source until the commit.
    std::optional<GdalErrorCapture> _capture;
    DatasetPtr _source;
    OGRLayer* _sourceLayer = nullptr;
    Crs _sourceCrs;
    Crs _projectCrs;
    std::optional<CrsTransform> _transform;
    std::optional<OGRSpatialReference> _projectSrs;
    OGRLayer* _target = nullptr;
    std::vector<LayerImportRecord> _history;
    std::optional<AttributeCopier> _attributes;
    ImportProgress _progress;
    bool _anyFatal = false;  ///< a feature or read error: nothing is imported
    Extent _sourceExtent;    ///< in the source CRS, for the CRS plausibility check
    const bool _postgres;    ///< the project is a PostgreSQL database (PgProject.h)
    bool _append = false;    ///< adding to an existing layer (its history goes on)
};

Result<ImportReport> Importer::run() {
    ensureGdalInitialised();
    if (!checkRequest() || !openSource() || !resolveSourceCrs() || !openProjectAndTransform() ||
        !prepareTargetLayer() || !copyFeatures() || !checkSourceReadCompletely() ||
        !recordAndCommit())
        return finishFailed();
    Result<ImportReport> ok(std::move(_report));
    ok.addDiagnostics(_result.diagnostics());
    return ok;
}

/// The layer name, the source file and the encoding, before opening anything.
bool Importer::checkRequest() {
    if (auto problem = layerNameProblem(_o.layerName); !problem.empty())
        return fail(problem, "--layer");
    if (_postgres)
        if (auto problem = pgLayerNameProblem(_o.layerName); !problem.empty())
            return fail(problem, "--layer");

    std::error_code ec;
    const auto st = fs::status(_sourcePath, ec);
    if (ec || !fs::exists(st))
        return fail("no such file");
    if (fs::is_directory(st))
        return fail("is a directory, not a vector data file");
    if (!fs::is_regular_file(st))
        return fail("is not a regular file");

    _ext = lowerAscii(CPLGetExtension(_sourcePath.c_str()));
    if (!_o.encoding.empty()) {
        GdalErrorCapture probe;
        char* test = CPLRecode("a", _o.encoding.c_str(), CPL_ENC_UTF8);
        CPLFree(test);
        if (!probe.errors().empty() || !probe.warnings().empty())
            return fail("unknown text encoding '" + _o.encoding + "'", "--encoding");
        if (_ext == "csv")
            _recodeFrom = _o.encoding;
        else if (!isShapefile(_ext))
            _result.addDiagnostic(makeWarning(
                "--encoding applies to Shapefile and CSV only; this format declares its own "
                "(UTF-8), so it was ignored",
                _sourcePath, 0, "--encoding"));
    }
    return true;
}

bool Importer::openSource() {
    if (auto kml = detail::checkKmlFile(_sourcePath); !kml) {
        _result.addDiagnostics(kml.diagnostics());
        return false;
    }
    // A shapefile cut short imports nothing: the import is all or nothing.
    if (const auto cut = detail::shapefileTruncation(_sourcePath); !cut.empty()) {
        for (const auto& problem : cut)
            _result.addDiagnostic(makeError(problem, _sourcePath, 0, "partial"));
        return false;
    }
    _capture.emplace();
    const CPLStringList openOptions = openOptionsFor(_ext, _o.encoding);
    _source.reset(GDALDataset::Open(_sourcePath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                    openOptions.List(), nullptr));
    if (!_source) {
        return fail("cannot open as vector data: " +
                    _capture->lastError("not a format GDAL recognises, or the file is damaged"));
    }
    auto picked = pickSourceLayer(*_source, _o.sourceLayer, _sourcePath);
    if (!picked) {
        _result.addDiagnostics(picked.diagnostics());
        return false;
    }
    _sourceLayer = picked.value();
    return true;
}

/// The source CRS: the user's word first, then the file's; never a guess.
bool Importer::resolveSourceCrs() {
    if (_o.maybeSourceCrs) {
        _sourceCrs = *_o.maybeSourceCrs;
        return true;
    }
    if (const OGRSpatialReference* srs = _sourceLayer->GetSpatialRef()) {
        auto c = crsFromOgr(*srs);
        if (!c)
            return fail("its CRS is not understood (" + c.messages() + "); give it with --src-crs",
                        "crs");
        _sourceCrs = c.value();
        return true;
    }
    return fail(std::string("layer '") + _sourceLayer->GetName() + "' has no CRS information (" +
                    (isShapefile(_ext) ? "a shapefile without .prj"
                     : _ext == "csv"   ? "CSV coordinates have no declared datum"
                                       : "none declared") +
                    "); give it with --src-crs, e.g. --src-crs EPSG:4326 (GPS/WGS 84), "
                    "EPSG:4490 (CGCS2000), EPSG:4549 (CGCS2000 Gauss-Kruger 120E), GCJ02 "
                    "(AMap/Tencent) or BD09 (Baidu)",
                "crs");
}

bool Importer::openProjectAndTransform() {
    auto opened = openProject(_projectPath, /*update=*/true);
    if (!opened) {
        _result.addDiagnostics(opened.diagnostics());
        return false;
    }
    _project = std::move(opened->dataset);
    _projectCrs = opened->crs;
    auto transform = CrsTransform::create(_sourceCrs, _projectCrs);
    if (!transform)
        return fail(transform.messages(), "crs");
    _transform.emplace(std::move(transform).value());
    auto projectSrs = ogrSrsFor(_projectCrs);
    if (!projectSrs)
        return fail(projectSrs.messages(), "crs");
    _projectSrs = projectSrs.value();

    _report.layerName = _o.layerName;
    _report.sourcePath = _sourcePath;
    _report.sourceCrs = _sourceCrs;
    _report.projectCrs = _projectCrs;
    return true;
}

/// Applies the existing-layer policy and starts the transaction in which the
/// layer is created (or replaced, or appended to) and its fields added.
bool Importer::prepareTargetLayer() {
    int existingIndex = -1;
    for (int i = 0; i < _project->GetLayerCount(); ++i)
        if (EQUAL(_project->GetLayer(i)->GetName(), _o.layerName.c_str()))
            existingIndex = i;
    if (existingIndex >= 0 && _o.existing == ExistingLayerPolicy::Refuse) {
        return fail("the project already has a layer '" + _o.layerName +
                        "'; use --overwrite to replace it or --append to add to it",
                    "--layer");
    }
    const bool append = existingIndex >= 0 && _o.existing == ExistingLayerPolicy::Append;
    _append = append;
    if (append)
        _history = _postgres
                       ? readPgImportRecords(*_project, _o.layerName)
                       : readImportRecords(
                             _project->GetLayer(existingIndex)->GetMetadataItem(kLayerImportsKey));

    if (_project->StartTransaction(TRUE) != OGRERR_NONE)
        return fail("cannot start a transaction on the project: " + _capture->lastError("locked?"));
    _inTransaction = true;

    if (append) {
        _target = _project->GetLayer(existingIndex);
    } else {
        if (existingIndex >= 0 && _project->DeleteLayer(existingIndex) != OGRERR_NONE)
            return fail("cannot replace the existing layer: " +
                        _capture->lastError("GDAL refused"));
        CPLStringList layerOptions;
        layerOptions.SetNameValue("FID", "fid");
        layerOptions.SetNameValue("GEOMETRY_NAME", "geom");
        // PostgreSQL: a GiST index, and names kept as given (not lower-cased)
        // so that a layer and its fields read back as from a GeoPackage.
        layerOptions.SetNameValue("SPATIAL_INDEX", _postgres ? "GIST" : "YES");
        if (_postgres) {
            layerOptions.SetNameValue("LAUNDER", "NO");
            layerOptions.SetNameValue("PRECISION", "NO");
        }
        // PostgreSQL enforces the column's geometry type (a GeoPackage does
        // not): lines and polygons are stored as multi, which MakeValid's
        // repairs need; points stay points.
        OGRwkbGeometryType type = _sourceLayer->GetGeomType();
        const OGRwkbGeometryType flat = wkbFlatten(type);
        if (_postgres && (flat == wkbLineString || flat == wkbPolygon))
            type = OGR_GT_GetCollection(type);
        _target =
            _project->CreateLayer(_o.layerName.c_str(), &*_projectSrs, type, layerOptions.List());
        if (!_target)
            return fail("cannot create the layer: " + _capture->lastError("GDAL refused"));
    }

    _attributes.emplace(*_sourceLayer->GetLayerDefn(), *_target, _recodeFrom);
    if (auto s = _attributes->prepare(); !s) {
        for (auto d : s.diagnostics()) {
            d.source = _sourcePath;
            d.message += ": " + _capture->lastError("GDAL refused");
            _result.addDiagnostic(d);
        }
        return false;
    }
    return true;
}

/// Every source feature, through the --invalid policy, into the target.
bool Importer::copyFeatures() {
    OgrTransformAdapter adapter(*_transform);
    const bool haveGeos = OGRGeometryFactory::haveGEOS();
    if (!haveGeos)
        _result.addDiagnostic(
            makeWarning("GDAL lacks GEOS: geometries were not validated", _sourcePath));
    _progress.featuresTotal = _sourceLayer->GetFeatureCount(FALSE);
    _sourceLayer->ResetReading();
    std::int64_t ordinal = 0;
    while (true) {
        if (cancelled())
            return fail("import cancelled; the project was left as it was");
        std::unique_ptr<OGRFeature> feature(_sourceLayer->GetNextFeature());
        if (!feature)
            break;
        ++ordinal;
        ++_report.featuresRead;
        const std::int64_t fid = feature->GetFID() == OGRNullFID ? ordinal : feature->GetFID();
        feature->SetFID(fid);

        std::unique_ptr<OGRGeometry> geom(feature->StealGeometry());
        const bool csvWithoutPlace = !geom && _ext == "csv";
        switch (applyGeometryPolicy(geom, csvWithoutPlace, fid, adapter, haveGeos)) {
            case Verdict::Reject:
                _anyFatal = true;
                ++_report.featuresSkipped;
                break;
            case Verdict::Skip:
                ++_report.featuresSkipped;
                break;
            case Verdict::Write:
                // After a rejected feature nothing is stored: the rest is read
                // only to report every bad feature.
                if (!_anyFatal && !writeFeature(*feature, std::move(geom), fid))
                    return false;
                break;
        }
        if (_o.onProgress && ordinal % kProgressEvery == 0) {
            _progress.featuresDone = ordinal;
            _o.onProgress(_progress);
        }
    }
    return true;
}

Importer::Verdict Importer::applyGeometryPolicy(std::unique_ptr<OGRGeometry>& geom,
                                                bool csvWithoutPlace, std::int64_t fid,
                                                OgrTransformAdapter& adapter, bool haveGeos) {
    const bool failPolicy = _o.invalid == InvalidGeometryPolicy::Fail;
    if (csvWithoutPlace || (geom && geom->IsEmpty())) {
        // The CSV driver leaves the geometry out when a coordinate cell is
        // empty or not a number ("nan", "121,5"); OGR reads a NaN point as
        // an empty one. Neither is a place: never stored silently.
        const std::string why = csvWithoutPlace
                                    ? "longitude/latitude missing or not a finite number"
                                    : "geometry is empty (no coordinates, or NaN)";
        featureProblem(fid, why + (failPolicy ? "" : "; feature skipped"), failPolicy);
        return failPolicy ? Verdict::Reject : Verdict::Skip;
    }
    if (!geom)
        return Verdict::Write;
    // Geometry complaints are reported per feature here, not as read errors.
    GdalErrorCapture geometryErrors;
    adapter.clearProblem();
    const int dimension = geom->getDimension();
    OGREnvelope sourceEnvelope;
    geom->getEnvelope(&sourceEnvelope);
    _sourceExtent.add(sourceEnvelope.MinX, sourceEnvelope.MinY);
    _sourceExtent.add(sourceEnvelope.MaxX, sourceEnvelope.MaxY);
    if (geom->transform(&adapter) != OGRERR_NONE) {
        const std::string why =
            adapter.lastProblem().empty() ? "cannot be transformed" : adapter.lastProblem();
        featureProblem(fid, failPolicy ? why : why + "; feature skipped", failPolicy);
        return failPolicy ? Verdict::Reject : Verdict::Skip;
    }
    if (!haveGeos || geom->IsValid())
        return Verdict::Write;
    switch (_o.invalid) {
        case InvalidGeometryPolicy::Fail:
            featureProblem(fid, "invalid geometry (e.g. self-intersection)", true);
            return Verdict::Reject;
        case InvalidGeometryPolicy::Skip:
            featureProblem(fid, "invalid geometry (e.g. self-intersection); skipped", false);
            return Verdict::Skip;
        case InvalidGeometryPolicy::Repair:
            break;
    }
    std::unique_ptr<OGRGeometry> fixed(geom->MakeValid());
    fixed = keepDimension(std::move(fixed), dimension);
    if (!fixed || fixed->IsEmpty()) {
        featureProblem(fid, "invalid geometry that MakeValid cannot repair; skipped", false);
        return Verdict::Skip;
    }
    featureProblem(fid, "invalid geometry repaired with MakeValid", false);
    geom = std::move(fixed);
    ++_report.featuresRepaired;
    return Verdict::Write;
}

bool Importer::writeFeature(const OGRFeature& feature, std::unique_ptr<OGRGeometry> geom,
                            std::int64_t fid) {
    OGRFeature out(_target->GetLayerDefn());
    _attributes->copy(feature, out);
    if (geom) {
        geom->assignSpatialReference(_target->GetSpatialRef());
        OGREnvelope env;
        geom->getEnvelope(&env);
        if (!geom->IsEmpty()) {
            _report.extent.add(env.MinX, env.MinY);
            _report.extent.add(env.MaxX, env.MaxY);
        }
        const OGRwkbGeometryType layerType = _target->GetGeomType();
        if (_postgres && OGR_GT_IsSubClassOf(layerType, wkbGeometryCollection) &&
            !OGR_GT_IsSubClassOf(geom->getGeometryType(), wkbGeometryCollection))
            geom.reset(OGRGeometryFactory::forceTo(geom.release(), layerType));
        out.SetGeometryDirectly(geom.release());
    }
    if (_target->CreateFeature(&out) != OGRERR_NONE) {
        featureProblem(fid, "cannot be written: " + _capture->lastError("GDAL refused"), true);
        return false;
    }
    ++_report.featuresWritten;
    return true;
}

/// GDAL's warnings and read errors, the verdict on rejected features, and
/// the warnings about what was imported.
bool Importer::checkSourceReadCompletely() {
    // Degrees under a .prj in metres and the like transform without an
    // error, to somewhere else on Earth; said also when the import fails
    // (points outside the CRS's domain), as the likely reason.
    if (auto warning = crsPlausibilityWarning(_sourceCrs, _sourceExtent))
        _result.addDiagnostic(makeWarning(*warning, _sourcePath, 0, "crs"));
    for (const auto& w : _capture->warnings())
        _result.addDiagnostic(makeWarning("GDAL: " + w, _sourcePath));
    // A truncated or damaged file often reads "successfully" up to the damage.
    for (const auto& e : _capture->errors()) {
        if (e.find("rtree") != std::string::npos)
            continue;
        _result.addDiagnostic(makeError("while reading: " + e, _sourcePath));
        _anyFatal = true;
    }
    if (_anyFatal) {
        return fail(_o.invalid == InvalidGeometryPolicy::Fail
                        ? "nothing imported: the source has unusable features (--invalid fail)"
                        : "nothing imported: the source could not be read completely");
    }
    if (_report.featuresRead == 0)
        _result.addDiagnostic(makeWarning("the layer has no features", _sourcePath));
    for (auto& d : _attributes->encodingWarnings(
             _sourcePath, _o.encoding.empty() ? "as declared, else UTF-8" : _o.encoding))
        _result.addDiagnostic(std::move(d));

    if (auto toWgs = CrsTransform::create(_projectCrs, Crs::wgs84()))
        warnIfFar(toWgs.value());
    return true;
}

/// The import record in the layer's metadata, then the commit.
bool Importer::recordAndCommit() {
    std::error_code ec;
    LayerImportRecord record;
    record.sourcePath = fs::absolute(_sourcePath, ec).string();
    record.sourceCrs = _sourceCrs.definition();
    record.sourceCrsLabel = _sourceCrs.label();
    record.encoding = _o.encoding;
    record.importedAtUtc = utcNowIso8601();
    record.featuresWritten = _report.featuresWritten;
    _history.push_back(record);
    if (_postgres) {
        std::string error;
        if (!recordPgImport(*_project, _o.layerName, record, !_append, error))
            return fail("cannot record the import in the project: " + error);
    } else {
        _target->SetMetadataItem(kLayerImportsKey, writeImportRecords(_history).c_str());
    }

    if (_o.maybeCancel && _o.maybeCancel->load())
        return fail("import cancelled; the project was left as it was");
    if (_project->CommitTransaction() != OGRERR_NONE)
        return fail("cannot commit to the project: " + _capture->lastError("GDAL refused"));
    _inTransaction = false;
    _project.reset();  // writes the spatial index and metadata
    if (_o.onProgress) {
        _progress.featuresDone = _report.featuresRead;
        _o.onProgress(_progress);
    }
    return true;
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
            others.add(extentToWgs84(e, projectToWgs));
        }
    }
    if (others.isEmpty())
        return;
    const Extent mine = extentToWgs84(_report.extent, projectToWgs);
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
    const std::string l = lowerAscii(name);
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
