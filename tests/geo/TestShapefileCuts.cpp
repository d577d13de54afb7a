// Issue #19 item 6 with a real shapefile: ogr2ogr writes one from the demo
// data (data/demo/public_facilities.geojson, 243 points with attributes),
// then copies of it are cut the ways copies get damaged (mid-record, on a
// record boundary with the header rewritten to the cut, an index or table
// cut short). The reader must refuse each, naming the file and what is
// wrong, return only whole features when partial data is allowed, and the
// import must store nothing. (`citytwin-cli info`'s exit status on the same
// errors: TestGeoCli.cpp.)

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "GeoTestSupport.h"
#include "ShapefileFixture.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::geo;
using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

bool mentions(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

/// The demo's public facilities as a shapefile, written by ogr2ogr.
fs::path facilitiesShapefile(const fs::path& folder) {
    fs::create_directories(folder);
    const fs::path shp = folder / "facilities.shp";
    const std::string source = std::string(kRepoDataDir) + "/demo/public_facilities.geojson";
    const auto r = runProcess("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 " +
                              shellQuote(shp.string()) + " " + shellQuote(source));
    if (r.exitCode != 0 || !fs::exists(shp))
        throw std::runtime_error("ogr2ogr failed: " + r.err);
    return shp;
}

fs::path withExtension(fs::path p, const char* ext) {
    p.replace_extension(ext);
    return p;
}

std::uint32_t readBigEndian32(std::istream& in) {
    std::array<unsigned char, 4> b{};
    in.read(reinterpret_cast<char*>(b.data()), 4);
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) |
           b[3];
}

void writeBigEndian32(std::ostream& out, std::uint32_t v) {
    const std::array<char, 4> b{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                                static_cast<char>(v >> 8), static_cast<char>(v)};
    out.write(b.data(), 4);
}

/// Where shape `index` starts in the .shp, from its .shx record.
std::uint64_t shapeOffset(const fs::path& shx, int index) {
    std::ifstream in(shx, std::ios::binary);
    in.seekg(100 + 8 * index);
    return std::uint64_t(readBigEndian32(in)) * 2;
}

/// Cuts the .shp before shape `index` and rewrites its header's file length
/// to the cut, as a tool "repairing" the header would.
void cutShpOnRecordAndFixHeader(const fs::path& shp, int index) {
    const std::uint64_t cut = shapeOffset(withExtension(shp, ".shx"), index);
    truncateFile(shp, cut);
    std::fstream io(shp, std::ios::binary | std::ios::in | std::ios::out);
    io.seekp(24);
    writeBigEndian32(io, static_cast<std::uint32_t>(cut / 2));
}

/// Cuts the .dbf after `records` records and rewrites its record count.
void cutDbfAndFixHeader(const fs::path& dbf, std::uint32_t records) {
    std::fstream io(dbf, std::ios::binary | std::ios::in | std::ios::out);
    std::array<unsigned char, 12> h{};
    io.read(reinterpret_cast<char*>(h.data()), h.size());
    const std::uint32_t headerLength = h[8] | (h[9] << 8);
    const std::uint32_t recordLength = h[10] | (h[11] << 8);
    io.seekp(4);
    const std::array<char, 4> count{static_cast<char>(records), static_cast<char>(records >> 8),
                                    static_cast<char>(records >> 16),
                                    static_cast<char>(records >> 24)};
    io.write(count.data(), 4);
    io.close();
    truncateFile(dbf, headerLength + std::uint64_t(records) * recordLength);
}

struct Cut {
    const char* name;
    const char* fileNamed;  ///< the file the error must name
    const char* why;        ///< what the error must say is wrong
    /// Whether GDAL can read what is left (it cannot open a cut .shx).
    bool readsInPart;
    void (*damage)(const fs::path& shp);
};

const Cut kCuts[] = {
    {"shp mid-record", "facilities.shp", "its header declares", true,
     [](const fs::path& shp) { truncateFile(shp, fs::file_size(shp) * 2 / 3 + 3); }},
    {"shp on a record boundary, header rewritten", "facilities.shp", "facilities.shx indexes 243",
     true, [](const fs::path& shp) { cutShpOnRecordAndFixHeader(shp, 200); }},
    {"shx cut short", "facilities.shx", "its header declares", false,
     [](const fs::path& shp) {
         const auto shx = withExtension(shp, ".shx");
         truncateFile(shx, 100 + 8 * 150);
     }},
    {"dbf mid-record", "facilities.dbf", "its header declares", true,
     [](const fs::path& shp) {
         const auto dbf = withExtension(shp, ".dbf");
         truncateFile(dbf, fs::file_size(dbf) / 2);
     }},
    {"dbf cut with its count rewritten", "facilities.dbf", "but facilities.shx indexes 243", true,
     [](const fs::path& shp) { cutDbfAndFixHeader(withExtension(shp, ".dbf"), 100); }},
};

/// The import of `shp` into a new project at `project`.
Result<ImportReport> importInto(const fs::path& shp, const fs::path& project) {
    auto store = ProjectStore::create(project.string());
    if (!store)
        throw std::runtime_error(store.messages());
    ImportOptions options;
    options.layerName = "facilities";
    return store->importVector(shp.string(), options);
}

bool hasWarning(const Result<std::vector<FeatureLayer>>& r, const std::string& field,
                const std::string& text) {
    for (const auto& d : r.diagnostics())
        if (d.severity == Severity::Warning && d.field == field && mentions(d.message, text))
            return true;
    return false;
}

}  // namespace

TEST(ShapefileCuts, everyCutOfARealShapefileIsRefusedNamingTheFileUnlessAllowed) {
    ScratchDir dir("shp_cuts");
    const fs::path whole = facilitiesShapefile(dir / "whole");
    const auto read = readVectorFile(whole.string());
    ASSERT_TRUE(read.ok()) << read.messages();
    ASSERT_EQ(read->size(), 1u);
    ASSERT_EQ(read->front().features.size(), 243u);
    EXPECT_FALSE(mentions(read.messages(), "partial")) << read.messages();

    int n = 0;
    for (const Cut& cut : kCuts) {
        SCOPED_TRACE(cut.name);
        const fs::path folder = dir / ("cut" + std::to_string(++n));
        const fs::path shp = copyShapefile(whole, folder);
        cut.damage(shp);

        const auto refused = readVectorFile(shp.string());
        EXPECT_FALSE(refused.ok());
        EXPECT_TRUE(mentions(refused.messages(), cut.fileNamed)) << refused.messages();
        EXPECT_TRUE(mentions(refused.messages(), cut.why)) << refused.messages();

        VectorReadOptions allow;
        allow.allowPartial = true;
        const auto partial = readVectorFile(shp.string(), allow);
        if (cut.readsInPart) {
            EXPECT_TRUE(mentions(refused.messages(), "--allow-partial")) << refused.messages();
            ASSERT_TRUE(partial.ok()) << partial.messages();
            EXPECT_TRUE(hasWarning(partial, "partial", cut.fileNamed)) << partial.messages();
            // Only whole features: none without its geometry or attributes.
            const auto& features = partial->front().features;
            EXPECT_GT(features.size(), 0u);
            EXPECT_LT(features.size(), 243u);
            for (const auto& f : features) {
                EXPECT_FALSE(f.geometry.isEmpty()) << "feature " << f.id;
                EXPECT_FALSE(f.attributes.empty()) << "feature " << f.id;
            }
        } else {
            EXPECT_FALSE(partial.ok());
            EXPECT_TRUE(mentions(partial.messages(), cut.fileNamed)) << partial.messages();
        }

        const auto import = importInto(shp, folder / "p.gpkg");
        EXPECT_FALSE(import.ok());
        EXPECT_TRUE(mentions(import.messages(), cut.fileNamed)) << import.messages();
        EXPECT_TRUE(ProjectStore::open((folder / "p.gpkg").string())->layers().value().empty());
    }
}

TEST(ShapefileCuts, degreesImportedUnderAWebMercatorPrjWarnNamingWgs84) {
    ScratchDir dir("shp_import_3857");
    const fs::path shp = dir / "lonlat3857.shp";
    const std::string source = std::string(kRepoDataDir) + "/demo/public_facilities.geojson";
    ASSERT_EQ(runProcess("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 -a_srs EPSG:3857 " +
                         shellQuote(shp.string()) + " " + shellQuote(source))
                  .exitCode,
              0);
    const auto import = importInto(shp, dir / "p.gpkg");
    ASSERT_TRUE(import.ok()) << import.messages();  // a warning: the layer is imported
    EXPECT_TRUE(mentions(import.messages(), "look like degrees")) << import.messages();
    EXPECT_TRUE(mentions(import.messages(), "likely in EPSG:4326")) << import.messages();

    // The same data under the CRS it is in imports without that warning.
    const fs::path right = facilitiesShapefile(dir / "right");
    const auto ok = importInto(right, dir / "q.gpkg");
    ASSERT_TRUE(ok.ok()) << ok.messages();
    EXPECT_FALSE(mentions(ok.messages(), "look like degrees")) << ok.messages();
    EXPECT_EQ(ok->featuresWritten, 243);
}
