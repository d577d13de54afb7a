#include "citytwin/geo/RasterReader.h"

#include <gdal_alg.h>
#include <gdal_utils.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "OgrSupport.h"
#include "citytwin/geo/GdalSupport.h"

namespace citytwin::geo {
namespace {

namespace fs = std::filesystem;
using detail::DatasetPtr;

Result<DatasetPtr> openRaster(const std::string& path) {
    ensureGdalInitialised();
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st))
        return Result<DatasetPtr>::failure("no such file", path);
    if (fs::is_directory(st))
        return Result<DatasetPtr>::failure("is a directory, not a raster file", path);
    GdalErrorCapture capture;
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr,
                                    nullptr, nullptr));
    if (!ds)
        return Result<DatasetPtr>::failure(
            "cannot open as a raster: " + capture.lastError("not a raster GDAL recognises"), path);
    if (ds->GetRasterCount() == 0)
        return Result<DatasetPtr>::failure("has no raster bands", path);
    return DatasetPtr(std::move(ds));
}

std::string wktOf(const OGRSpatialReference& srs) {
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string s = wkt ? wkt : "";
    CPLFree(wkt);
    return s;
}

}  // namespace

Extent RasterImage::extent() const {
    Extent e;
    for (int c : {0, width})
        for (int r : {0, height})
            e.add(geoTransform[0] + c * geoTransform[1] + r * geoTransform[2],
                  geoTransform[3] + c * geoTransform[4] + r * geoTransform[5]);
    return e;
}

float RasterImage::heightAt(int col, int row) const {
    if (kind != RasterKind::Heights || col < 0 || row < 0 || col >= width || row >= height)
        return std::numeric_limits<float>::quiet_NaN();
    return heights[static_cast<std::size_t>(row) * width + col];
}

Result<RasterInfo> RasterReader::inspect(const std::string& path) {
    auto opened = openRaster(path);
    CITYTWIN_RETURN_IF_FAILED(opened);
    GDALDataset& ds = *opened.value();
    RasterInfo info;
    info.width = ds.GetRasterXSize();
    info.height = ds.GetRasterYSize();
    info.bandCount = ds.GetRasterCount();
    GDALRasterBand* band = ds.GetRasterBand(1);
    info.dataType = GDALGetDataTypeName(band->GetRasterDataType());
    int hasNoData = 0;
    const double noData = band->GetNoDataValue(&hasNoData);
    if (hasNoData)
        info.maybeNoData = noData;
    info.overviewCount = band->GetOverviewCount();
    if (ds.GetGeoTransform(info.geoTransform.data()) != CE_None)
        info.geoTransform = {0, 1, 0, 0, 0, 1};
    if (const OGRSpatialReference* srs = ds.GetSpatialRef()) {
        if (auto c = detail::crsFromOgr(*srs))
            info.maybeCrs = c.value();
    }
    const auto& gt = info.geoTransform;
    for (int c : {0, info.width})
        for (int r : {0, info.height})
            info.extent.add(gt[0] + c * gt[1] + r * gt[2], gt[3] + c * gt[4] + r * gt[5]);
    return info;
}

/// GDALWarp reads the source at the resolution of the overview it picks (the
/// coarsest not coarser than the output); refuse a request that would make
/// it walk more source pixels than the budget (a 100,000 x 100,000 DEM with
/// no overviews, read whole for a 256-pixel preview, ran for minutes).
static Status checkSourceBudget(GDALDataset& src, const RasterRequest& request,
                                const Extent& window, const double fullGt[6], int fullW, int fullH,
                                double outRes) {
    const double fullSpanX = fullW * std::abs(fullGt[1]), fullSpanY = fullH * std::abs(fullGt[5]);
    if (!(fullSpanX > 0 && fullSpanY > 0))
        return Done{};
    const double fullMinX = fullGt[0], fullMaxY = fullGt[3];
    const double overlapX = std::max(
        0.0, std::min(window.maxX, fullMinX + fullSpanX) - std::max(window.minX, fullMinX));
    const double overlapY = std::max(
        0.0, std::min(window.maxY, fullMaxY) - std::max(window.minY, fullMaxY - fullSpanY));
    const double fraction = (overlapX / fullSpanX) * (overlapY / fullSpanY);
    const double srcW = src.GetRasterXSize(), srcH = src.GetRasterYSize();
    // How much coarser than the source the output is, and the coarsest
    // overview that is still no coarser than that.
    const double wanted = outRes / std::abs(fullGt[1]);
    double factor = 1.0;
    GDALRasterBand* band = src.GetRasterBand(1);
    const int overviews = band ? band->GetOverviewCount() : 0;
    for (int i = 0; i < overviews; ++i) {
        GDALRasterBand* ov = band->GetOverview(i);
        if (!ov || ov->GetXSize() <= 0)
            continue;
        const double f = srcW / ov->GetXSize();
        if (f <= wanted * 1.2)
            factor = std::max(factor, f);
    }
    const double pixels = srcW * srcH * fraction / (factor * factor);
    if (pixels <= static_cast<double>(request.maxSourcePixels))
        return Done{};
    char text[400];
    std::snprintf(text, sizeof text,
                  "the raster is %.0f x %.0f pixels%s; this read would go through %.3g million "
                  "source pixels (the limit is %.3g million): build overviews first "
                  "(gdaladdo -r average FILE)",
                  srcW, srcH, overviews == 0 ? " with no overviews" : "", pixels / 1e6,
                  static_cast<double>(request.maxSourcePixels) / 1e6);
    return Status::failure(text);
}

namespace {

bool isCancelled(const RasterRequest& request) {
    return request.cancelled && request.cancelled->load();
}

/// GDAL's progress callback: reports the share done and stops the warp
/// (returns FALSE) once the request is cancelled.
int CPL_STDCALL warpProgress(double done, const char*, void* data) {
    const auto& request = *static_cast<const RasterRequest*>(data);
    if (request.progress)
        request.progress(done);
    return isCancelled(request) ? FALSE : TRUE;
}

}  // namespace

Result<RasterImage> RasterReader::read(const std::string& path, const RasterRequest& request) {
    using R = Result<RasterImage>;
    const auto cancelledFailure = [&] {
        return R::failure("read cancelled", path, 0, "cancelled");
    };
    if (isCancelled(request))
        return cancelledFailure();
    if (request.maxWidth <= 0 || request.maxHeight <= 0)
        return R::failure("maximum output size must be positive", path, 0, "maxWidth");
    auto targetSrs = detail::ogrSrsFor(request.targetCrs);
    if (!targetSrs)
        return R::failure(targetSrs.messages(), path, 0, "targetCrs");
    auto opened = openRaster(path);
    CITYTWIN_RETURN_IF_FAILED(opened);
    GDALDataset& src = *opened.value();
    double srcGt[6];
    if (src.GetGeoTransform(srcGt) != CE_None && src.GetGCPCount() == 0)
        return R::failure("has no georeferencing (no geotransform or GCPs)", path);

    std::string srcWkt;
    if (request.maybeSourceCrs) {
        auto s = detail::ogrSrsFor(*request.maybeSourceCrs);
        if (!s)
            return R::failure(s.messages(), path, 0, "sourceCrs");
        srcWkt = wktOf(s.value());
    } else if (const OGRSpatialReference* srs = src.GetSpatialRef()) {
        srcWkt = wktOf(*srs);
    } else {
        return R::failure(
            "declares no CRS; give the CRS it is in (e.g. EPSG:4549) as the source CRS", path, 0,
            "crs");
    }
    const std::string dstWkt = wktOf(targetSrs.value());

    GdalErrorCapture capture;
    // The warped extent and native resolution in the target CRS.
    void* transformer = GDALCreateGenImgProjTransformer(&src, srcWkt.c_str(), nullptr,
                                                        dstWkt.c_str(), FALSE, 0.0, 1);
    if (!transformer)
        return R::failure("no transformation to " + request.targetCrs.label() + ": " +
                              capture.lastError("GDAL refused"),
                          path, 0, "crs");
    double fullGt[6];
    int fullW = 0, fullH = 0;
    const CPLErr suggested =
        GDALSuggestedWarpOutput(&src, GDALGenImgProjTransform, transformer, fullGt, &fullW, &fullH);
    GDALDestroyGenImgProjTransformer(transformer);
    if (suggested != CE_None || fullW <= 0 || fullH <= 0)
        return R::failure("cannot be warped to " + request.targetCrs.label() + ": " +
                              capture.lastError("outside its domain?"),
                          path, 0, "crs");
    const double nativeRes = fullGt[1];
    Extent window;
    if (request.maybeExtent) {
        window = *request.maybeExtent;
        if (window.isEmpty() || !(window.maxX > window.minX && window.maxY > window.minY))
            return R::failure("requested window is empty", path, 0, "extent");
    } else {
        window.add(fullGt[0], fullGt[3] + fullH * fullGt[5]);
        window.add(fullGt[0] + fullW * fullGt[1], fullGt[3]);
    }
    // Square pixels, no finer than the source, no more than the limits.
    const double spanX = window.maxX - window.minX, spanY = window.maxY - window.minY;
    double res = nativeRes;
    res = std::max({res, spanX / request.maxWidth, spanY / request.maxHeight});
    const int outW = std::max(1, static_cast<int>(std::lround(spanX / res)));
    const int outH = std::max(1, static_cast<int>(std::lround(spanY / res)));

    if (auto bounded = checkSourceBudget(src, request, window, fullGt, fullW, fullH, res); !bounded)
        return R::failure(bounded.diagnostics().front().message, path, 0, "size");

    const bool heights = request.kind == RasterKind::Heights;
    CPLStringList argv;
    // -wm: source chunks of at most 32 MB, so that a cancel is seen between
    // bounded blocks (the kernel also checks it every destination row).
    for (const char* a : {"-of", "MEM", "-r", "bilinear", "-wm", "32", "-t_srs"})
        argv.AddString(a);
    argv.AddString(dstWkt.c_str());
    argv.AddString("-s_srs");
    argv.AddString(srcWkt.c_str());
    argv.AddString("-te");
    for (double v : {window.minX, window.minY, window.maxX, window.maxY})
        argv.AddString(CPLSPrintf("%.17g", v));
    argv.AddString("-ts");
    argv.AddString(CPLSPrintf("%d", outW));
    argv.AddString(CPLSPrintf("%d", outH));
    if (heights) {
        for (const char* a : {"-ot", "Float32", "-dstnodata", "nan"})
            argv.AddString(a);
    } else {
        for (const char* a : {"-ot", "Byte", "-dstalpha"})
            argv.AddString(a);
    }
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(argv.List(), nullptr);
    if (!options)
        return R::failure("bad warp options: " + capture.lastError("?"), path);
    GDALWarpAppOptionsSetProgress(options, warpProgress, const_cast<RasterRequest*>(&request));
    GDALDatasetH srcHandle = GDALDataset::ToHandle(&src);
    int usageError = 0;
    DatasetPtr warped(
        GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &srcHandle, options, &usageError)));
    GDALWarpAppOptionsFree(options);
    if (isCancelled(request))
        return cancelledFailure();
    if (!warped)
        return R::failure("cannot warp to " + request.targetCrs.label() + ": " +
                              capture.lastError("GDAL refused"),
                          path);

    RasterImage image;
    image.kind = request.kind;
    image.width = outW;
    image.height = outH;
    image.crs = request.targetCrs;
    warped->GetGeoTransform(image.geoTransform.data());
    const std::size_t pixels = static_cast<std::size_t>(outW) * outH;
    CPLErr io = CE_None;
    if (heights) {
        image.heights.resize(pixels);
        io = warped->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, outW, outH, image.heights.data(),
                                                outW, outH, GDT_Float32, 0, 0, nullptr);
    } else {
        image.rgba.assign(pixels * 4, 0);
        const int bands = warped->GetRasterCount();  // colour bands + alpha (last)
        const int colourBands = bands - 1;
        for (int c = 0; c < 4 && io == CE_None; ++c) {
            const int band = c == 3 ? bands : (colourBands >= 3 ? c + 1 : 1);
            io = warped->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, outW, outH,
                                                       image.rgba.data() + c, outW, outH, GDT_Byte,
                                                       4, static_cast<GSpacing>(4) * outW, nullptr);
        }
    }
    if (io != CE_None)
        return R::failure("cannot read the warped pixels: " + capture.lastError("I/O error"), path);
    R result(std::move(image));
    for (const auto& w : capture.warnings())
        result.addDiagnostic(makeWarning(w, path));
    return result;
}

}  // namespace citytwin::geo
