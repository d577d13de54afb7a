#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "GeoTestSupport.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/RasterReader.h"

using namespace citytwin::geo;
using citytwin::test::ScratchDir;

namespace {

// A 2 km x 2 km grid in CGCS2000 / GK 120E near Lujiazui, 10 m pixels.
constexpr double kE0 = 642000.0, kN0 = 3460000.0, kPixel = 10.0;
constexpr int kSize = 200;

double demHeight(double e, double n) {
    return 4.0 + 0.01 * (e - kE0) + 0.02 * (kN0 - n);
}

void writeGeoTiff(const std::string& path, int bands, GDALDataType type, bool withCrs) {
    ensureGdalInitialised();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDataset* ds = drv->Create(path.c_str(), kSize, kSize, bands, type, nullptr);
    ASSERT_NE(ds, nullptr);
    double gt[6] = {kE0, kPixel, 0, kN0, 0, -kPixel};
    ds->SetGeoTransform(gt);
    if (withCrs) {
        OGRSpatialReference srs;
        srs.importFromEPSG(4549);
        ds->SetSpatialRef(&srs);
    }
    std::vector<float> heights(kSize * kSize);
    for (int r = 0; r < kSize; ++r)
        for (int c = 0; c < kSize; ++c)
            heights[r * kSize + c] =
                static_cast<float>(demHeight(kE0 + (c + 0.5) * kPixel, kN0 - (r + 0.5) * kPixel));
    for (int b = 1; b <= bands; ++b) {
        if (type == GDT_Float32) {
            ASSERT_EQ(ds->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, kSize, kSize, heights.data(),
                                                     kSize, kSize, GDT_Float32, 0, 0, nullptr),
                      CE_None);
        } else {
            std::vector<std::uint8_t> v(kSize * kSize, static_cast<std::uint8_t>(60 * b));
            ASSERT_EQ(ds->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, kSize, kSize, v.data(), kSize,
                                                     kSize, GDT_Byte, 0, 0, nullptr),
                      CE_None);
        }
    }
    GDALClose(ds);
}

}  // namespace

TEST(RasterReader, inspectsAGeoTiff) {
    ScratchDir dir("raster");
    const std::string path = (dir / "dem.tif").string();
    writeGeoTiff(path, 1, GDT_Float32, true);
    auto info = RasterReader::inspect(path);
    ASSERT_TRUE(info) << info.messages();
    EXPECT_EQ(info->width, kSize);
    EXPECT_EQ(info->dataType, "Float32");
    ASSERT_TRUE(info->maybeCrs.has_value());
    EXPECT_EQ(info->maybeCrs->authorityCode(), "EPSG:4549");
    EXPECT_DOUBLE_EQ(info->extent.minX, kE0);
}

TEST(RasterReader, warpsADemToWgs84WithHeightsInTheirTruePlace) {
    ScratchDir dir("raster");
    const std::string path = (dir / "dem.tif").string();
    writeGeoTiff(path, 1, GDT_Float32, true);
    RasterRequest req;
    req.kind = RasterKind::Heights;
    req.targetCrs = Crs::wgs84();
    auto image = RasterReader::read(path, req);
    ASSERT_TRUE(image) << image.messages();
    ASSERT_GT(image->width, 50);
    ASSERT_EQ(image->heights.size(), static_cast<std::size_t>(image->width * image->height));
    auto toGk = CrsTransform::create(Crs::wgs84(), Crs::fromString("EPSG:4549").value());
    ASSERT_TRUE(toGk);
    const auto& gt = image->geoTransform;
    int checked = 0, nodata = 0;
    for (int r = 0; r < image->height; r += 7) {
        for (int c = 0; c < image->width; c += 7) {
            const float h = image->heightAt(c, r);
            const double lon = gt[0] + (c + 0.5) * gt[1], lat = gt[3] + (r + 0.5) * gt[5];
            const auto gk = toGk->transform({lon, lat, 0.0});
            ASSERT_TRUE(gk);
            const bool inside = gk->x > kE0 + 15 && gk->x < kE0 + kSize * kPixel - 15 &&
                                gk->y < kN0 - 15 && gk->y > kN0 - kSize * kPixel + 15;
            if (std::isnan(h)) {
                ++nodata;
                EXPECT_FALSE(inside) << "no data inside the source at " << lon << "," << lat;
                continue;
            }
            if (!inside)
                continue;
            // Bilinear resampling of a linear surface is exact up to the
            // pixel-centre offsets of the warp: within a fraction of a metre.
            EXPECT_NEAR(h, demHeight(gk->x, gk->y), 0.35) << lon << "," << lat;
            ++checked;
        }
    }
    EXPECT_GT(checked, 100);
    EXPECT_GT(nodata, 0);  // the rotated grid leaves empty corners
    EXPECT_NEAR(image->extent().centerX(), 121.49, 0.02);
}

TEST(RasterReader, readsAWindowAsAReducedOverview) {
    ScratchDir dir("raster");
    const std::string path = (dir / "dem.tif").string();
    writeGeoTiff(path, 1, GDT_Float32, true);
    RasterRequest req;
    req.targetCrs = Crs::fromString("EPSG:4549").value();
    Extent window;
    window.add(kE0 + 500, kN0 - 1500);
    window.add(kE0 + 1500, kN0 - 500);
    req.maybeExtent = window;
    req.maxWidth = 20;
    req.maxHeight = 20;
    auto image = RasterReader::read(path, req);
    ASSERT_TRUE(image) << image.messages();
    EXPECT_EQ(image->width, 20);
    EXPECT_EQ(image->height, 20);
    EXPECT_NEAR(image->geoTransform[1], 50.0, 1e-9);
    const double e = kE0 + 500 + 10 * 50.0 + 25.0, n = kN0 - 500 - 10 * 50.0 - 25.0;
    EXPECT_NEAR(image->heightAt(10, 10), demHeight(e, n), 0.5);
}

TEST(RasterReader, readsAnOrthophotoAsRgbaWithTransparentMargins) {
    ScratchDir dir("raster");
    const std::string path = (dir / "ortho.tif").string();
    writeGeoTiff(path, 3, GDT_Byte, true);
    RasterRequest req;
    req.kind = RasterKind::Rgba;
    req.targetCrs = Crs::fromString("EPSG:3857").value();
    auto image = RasterReader::read(path, req);
    ASSERT_TRUE(image) << image.messages();
    ASSERT_EQ(image->rgba.size(), static_cast<std::size_t>(image->width * image->height * 4));
    const std::size_t centre =
        (static_cast<std::size_t>(image->height / 2) * image->width + image->width / 2) * 4;
    EXPECT_EQ(image->rgba[centre + 0], 60);
    EXPECT_EQ(image->rgba[centre + 1], 120);
    EXPECT_EQ(image->rgba[centre + 2], 180);
    EXPECT_EQ(image->rgba[centre + 3], 255);
    EXPECT_EQ(image->rgba[3], 0) << "the corner outside the rotated source is transparent";
}

TEST(RasterReader, badInputsAreClearErrors) {
    ScratchDir dir("raster");
    EXPECT_NE(RasterReader::read((dir / "none.tif").string(), {}).messages().find("no such file"),
              std::string::npos);
    EXPECT_NE(RasterReader::read(dir.path().string(), {}).messages().find("directory"),
              std::string::npos);
    citytwin::test::writeFile(dir / "junk.tif", "II*\0garbage");
    EXPECT_FALSE(RasterReader::read((dir / "junk.tif").string(), {}));
    const std::string noCrs = (dir / "nocrs.tif").string();
    writeGeoTiff(noCrs, 1, GDT_Float32, false);
    auto r = RasterReader::read(noCrs, {});
    EXPECT_FALSE(r);
    EXPECT_NE(r.messages().find("no CRS"), std::string::npos) << r.messages();
    RasterRequest withCrs;
    withCrs.maybeSourceCrs = Crs::fromString("EPSG:4549").value();
    EXPECT_TRUE(RasterReader::read(noCrs, withCrs));
    RasterRequest gcj;
    gcj.targetCrs = Crs::gcj02();
    EXPECT_FALSE(RasterReader::read(noCrs, gcj));
}

namespace {

/// A DEM that declares `size` x `size` 1 m pixels but holds no data: a
/// sparse tiled GeoTIFF of a few MB (the 100,000 x 100,000 file).
std::string writeHugeSparseDem(const ScratchDir& dir, int size, bool withOverviews) {
    ensureGdalInitialised();
    const std::string path = (dir.path() / "huge.tif").string();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    const char* options[] = {"TILED=YES", "SPARSE_OK=TRUE", "BIGTIFF=YES", nullptr};
    GDALDataset* ds =
        drv->Create(path.c_str(), size, size, 1, GDT_Float32, const_cast<char**>(options));
    EXPECT_NE(ds, nullptr);
    if (!ds)
        return path;
    double gt[6] = {kE0, 1.0, 0, kN0, 0, -1.0};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4549);
    ds->SetSpatialRef(&srs);
    ds->GetRasterBand(1)->SetNoDataValue(-9999);
    if (withOverviews) {
        // Overviews of an empty raster: NONE resampling writes no pixels.
        int levels[] = {16, 256};
        EXPECT_EQ(ds->BuildOverviews("NONE", 2, levels, 0, nullptr, nullptr, nullptr), CE_None);
    }
    GDALClose(ds);
    return path;
}

}  // namespace

TEST(RasterReader, aHugeRasterWithoutOverviewsIsRefusedAtOnceNamingItsSize) {
    ScratchDir dir("huge_dem");
    const std::string path = writeHugeSparseDem(dir, 100000, false);
    RasterRequest request;
    request.targetCrs = Crs::fromString("EPSG:4549").value();
    request.maxWidth = request.maxHeight = 256;
    const auto whole = RasterReader::read(path, request);
    ASSERT_FALSE(whole.ok());
    EXPECT_NE(whole.messages().find("100000 x 100000 pixels with no overviews"), std::string::npos)
        << whole.messages();
    EXPECT_NE(whole.messages().find("gdaladdo"), std::string::npos);
    // A deep tile's window (500 m = 500 x 500 source pixels) is read at full resolution.
    request.maybeExtent = Extent{kE0 + 1000, kN0 - 1500, kE0 + 1500, kN0 - 1000};
    const auto tile = RasterReader::read(path, request);
    ASSERT_TRUE(tile.ok()) << tile.messages();
    EXPECT_EQ(tile->width, 256);
}

TEST(RasterReader, aHugeRasterWithOverviewsIsReadFromThem) {
    ScratchDir dir("huge_dem_ovr");
    const std::string path = writeHugeSparseDem(dir, 100000, true);
    RasterRequest request;
    request.targetCrs = Crs::fromString("EPSG:4549").value();
    request.maxWidth = request.maxHeight = 256;
    const auto whole = RasterReader::read(path, request);
    ASSERT_TRUE(whole.ok()) << whole.messages();
    EXPECT_EQ(whole->width, 256);
}

// Issue #19 item 3: a long read (here 20,000 x 20,000 source pixels warped
// whole, the budget lifted) stops at its next bounded block once cancelled
// from another thread. No timing: the read would run for minutes, and the
// test waits only for the reader thread to come back.
TEST(RasterReader, aCancelFromAnotherThreadStopsALongReadPromptly) {
    ScratchDir dir("cancel_dem");
    const std::string path = writeHugeSparseDem(dir, 20000, false);
    std::mutex mutex;
    std::condition_variable changed;
    double lastDone = -1.0;
    int reports = 0;
    std::atomic<bool> cancel{false};
    RasterRequest request;
    request.targetCrs = Crs::fromString("EPSG:4549").value();
    request.maxWidth = request.maxHeight = 256;
    request.maxSourcePixels = std::int64_t{1} << 40;
    request.cancelled = &cancel;
    request.progress = [&](double done) {
        std::lock_guard lock(mutex);
        lastDone = done;
        ++reports;
        changed.notify_all();
    };
    Result<RasterImage> result = Result<RasterImage>::failure("not run");
    bool finished = false;
    std::thread reader([&] {
        auto r = RasterReader::read(path, request);
        std::lock_guard lock(mutex);
        result = std::move(r);
        finished = true;
        changed.notify_all();
    });
    {
        // Under way: the warper reported a block done, and not the last.
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return finished || (reports > 1 && lastDone > 0.0); });
        EXPECT_FALSE(finished) << "the read finished before it could be cancelled";
        EXPECT_LT(lastDone, 0.5);
    }
    cancel = true;
    reader.join();
    EXPECT_FALSE(result.ok());
    ASSERT_FALSE(result.diagnostics().empty());
    EXPECT_EQ(result.diagnostics().front().field, "cancelled") << result.messages();
    EXPECT_NE(result.messages().find(path), std::string::npos) << result.messages();
    std::lock_guard lock(mutex);
    EXPECT_LT(lastDone, 1.0);  // stopped, not finished
}

TEST(RasterReader, aReadCancelledBeforeItStartsFailsAtOnce) {
    ScratchDir dir("cancel_before");
    const std::string path = writeHugeSparseDem(dir, 20000, false);
    std::atomic<bool> cancel{true};
    RasterRequest request;
    request.targetCrs = Crs::fromString("EPSG:4549").value();
    request.cancelled = &cancel;
    const auto r = RasterReader::read(path, request);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics().front().field, "cancelled");
}
