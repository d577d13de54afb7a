// Every error path of the model loaders we can reach from files: each
// message names the file it is about and says why (a reason, not an empty
// "cannot read: "). Inputs are written here: broken tilesets, contents,
// glTF files and OSGB pyramids.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "GltfTestBytes.h"
#include "ScratchDir.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/render/OsgbPyramidLoader.h"
#include "citytwin/render/TilesetLoader.h"

using namespace citytwin;
using citytwin::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

const geo::LocalFrame kFrame({121.4737, 31.2304, 0.0});

/// A reason is more than a few characters and does not end on a colon or
/// an empty pair of brackets (an error text that was lost on the way).
bool hasReason(const std::string& m) {
    const auto end = m.find_last_not_of(' ');
    if (end == std::string::npos || end < 7)
        return false;
    return m[end] != ':' && m.find("()") == std::string::npos &&
           m.find(": ;") == std::string::npos && m.find(": )") == std::string::npos;
}

/// Each warning and error of `r` names `file` (its name, or its source) and says why.
template <class T>
void expectNamedAndExplained(const geo::Result<T>& r, const std::string& file,
                             const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_FALSE(r.diagnostics().empty()) << "no message at all";
    bool named = false;
    for (const auto& d : r.diagnostics()) {
        if (d.severity == geo::Severity::Info)
            continue;
        EXPECT_TRUE(hasReason(d.message)) << "no reason: '" << d.toString() << "'";
        EXPECT_FALSE(d.source.empty() && d.message.find(file) == std::string::npos)
            << "names no file: " << d.toString();
        named = named || d.toString().find(file) != std::string::npos;
    }
    EXPECT_TRUE(named) << file << " not named in: " << r.messages();
}

std::string tileset(const std::string& contentUri) {
    return R"({"asset":{"version":"1.0"},"geometricError":1,"root":{"geometricError":0,
        "boundingVolume":{"sphere":[0,0,0,50]},"content":{"uri":")" +
           contentUri + R"("}}})";
}

}  // namespace

TEST(LoaderErrorPaths, everyTilesetFailureNamesItsFileAndSaysWhy) {
    ScratchDir dir("error_paths_tiles");
    struct Case {
        const char* what;
        std::string json;
        std::string contentName;  // written with contentBytes unless empty
        std::string contentBytes;
        std::string named;  // the file the message must name
    };
    const std::string box = test::makeBoxB3dm({-5, 0, -5}, {5, 10, 5});
    const std::vector<Case> cases = {
        {"not JSON", "{ \"root\": ", "", "", "tileset.json"},
        {"no root", R"({"asset":{"version":"1.0"}})", "", "", "tileset.json"},
        {"missing content file", tileset("absent.b3dm"), "", "", "absent.b3dm"},
        {"empty content file", tileset("empty.b3dm"), "empty.b3dm", "", "empty.b3dm"},
        {"truncated b3dm", tileset("cut.b3dm"), "cut.b3dm", box.substr(0, 40), "cut.b3dm"},
        {"wrong magic", tileset("magic.b3dm"), "magic.b3dm", "xxxx" + box.substr(4), "magic.b3dm"},
        {"empty GLB content", tileset("empty.glb"), "empty.glb", "", "empty.glb"},
        {"garbage GLB content", tileset("junk.glb"), "junk.glb", "glTF but not really", "junk.glb"},
        {"unknown content kind", tileset("thing.xyz"), "thing.xyz", "what is this", "thing.xyz"},
        {"missing external tileset", tileset("inner/tileset.json"), "", "", "inner/tileset.json"},
        {"content leaving the folder", tileset("../outside.b3dm"), "", "", "outside.b3dm"},
        {"metadata but no content",
         R"({"asset":{"version":"1.1"},"schema":{"id":"s"},"geometricError":1,
             "root":{"geometricError":0,"boundingVolume":{"sphere":[0,0,0,50]}}})",
         "", "", "tileset.json"},
    };
    int i = 0;
    for (const Case& c : cases) {
        const fs::path sub = dir.path() / ("case" + std::to_string(i++));
        fs::create_directories(sub);
        std::ofstream(sub / "tileset.json") << c.json;
        if (!c.contentName.empty())
            std::ofstream(sub / c.contentName, std::ios::binary) << c.contentBytes;
        auto r = render::loadTileset((sub / "tileset.json").string(), kFrame);
        expectNamedAndExplained(r, c.named, c.what);
    }
}

TEST(LoaderErrorPaths, everyGltfAndOsgbFailureNamesItsFileAndSaysWhy) {
    ScratchDir dir("error_paths_models");
    const render::ModelAnchor anchor{{121.48, 31.235, 0.0}, 0.0, 1.0};
    const std::string glb = test::makeBoxGlb({-5, 0, -5}, {5, 10, 5});
    const std::vector<std::pair<std::string, std::string>> gltfCases = {
        {"empty.glb", ""},
        {"short.glb", glb.substr(0, 10)},
        {"cut.glb", glb.substr(0, glb.size() / 2)},
        {"badjson.gltf", "{ \"asset\": "},
        {"nobuffer.gltf",
         R"({"asset":{"version":"2.0"},"buffers":[{"uri":"absent.bin","byteLength":12}]})"},
    };
    for (const auto& [name, bytes] : gltfCases) {
        const auto path = dir.write(name, bytes).string();
        expectNamedAndExplained(render::loadGltfModel(path, anchor, kFrame), name, name);
    }
    expectNamedAndExplained(
        render::loadModelFile((dir.path() / "absent.glb").string(), kFrame, anchor), "absent.glb",
        "a glTF that is not there");

    // OSGB: no metadata.xml, metadata that is not XML, no Data folder.
    expectNamedAndExplained(render::loadOsgbPyramid((dir.path() / "nowhere").string(), kFrame),
                            "nowhere", "no pyramid");
    const auto xml = dir.write("pyr/metadata.xml", "<ModelMetadata><SRS>").string();
    expectNamedAndExplained(render::loadOsgbPyramid(xml, kFrame), "metadata.xml", "broken XML");
    dir.write("pyr2/metadata.xml",
              "<?xml version=\"1.0\"?>\n<ModelMetadata version=\"1\"><SRS>EPSG:4549</SRS>"
              "<SRSOrigin>640000,3457000,0</SRSOrigin></ModelMetadata>\n");
    expectNamedAndExplained(render::loadOsgbPyramid((dir.path() / "pyr2").string(), kFrame), "pyr2",
                            "no Data folder");
}

TEST(LoaderErrorPaths, everyCityGmlFailureNamesItsFileAndSaysWhy) {
    ScratchDir dir("error_paths_citygml");
    const std::string head =
        "<?xml version=\"1.0\"?>\n<CityModel xmlns=\"http://www.opengis.net/citygml/2.0\" "
        "xmlns:gml=\"http://www.opengis.net/gml\" "
        "xmlns:bldg=\"http://www.opengis.net/citygml/building/2.0\">\n";
    const std::string building =
        "<cityObjectMember><bldg:Building gml:id=\"b\"><bldg:lod1MultiSurface><gml:MultiSurface>"
        "<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>"
        "0 0 0 10 0 0 10 10 0 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
        "</gml:surfaceMember></gml:MultiSurface></bldg:lod1MultiSurface></bldg:Building>"
        "</cityObjectMember>\n</CityModel>\n";
    const auto envelope = [](const std::string& srs) {
        return "<gml:boundedBy><gml:Envelope srsName=\"" + srs +
               "\"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>10 10 0"
               "</gml:upperCorner></gml:Envelope></gml:boundedBy>\n";
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"empty.citygml", ""},
        {"notxml.citygml", "this is not XML"},
        {"cut.citygml", (head + building).substr(0, head.size() + 40)},
        {"foreign.citygml", "<?xml version=\"1.0\"?><kml><Document/></kml>"},
        {"nobuildings.citygml", head + "</CityModel>\n"},
        {"unknownsrs.citygml", head + envelope("urn:ogc:def:crs:EPSG::123456789") + building},
        {"outside.citygml", head + envelope("EPSG:4549") +
                                "<cityObjectMember><bldg:Building gml:id=\"x\">"
                                "<bldg:lod1MultiSurface><gml:MultiSurface><gml:surfaceMember>"
                                "<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>"
                                "1e30 1e30 0 2e30 1e30 0 2e30 2e30 0 1e30 1e30 0"
                                "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
                                "</gml:surfaceMember></gml:MultiSurface></bldg:lod1MultiSurface>"
                                "</bldg:Building></cityObjectMember>\n</CityModel>\n"},
    };
    for (const auto& [name, bytes] : cases) {
        const auto path = dir.write(name, bytes).string();
        expectNamedAndExplained(render::loadModelFile(path, kFrame), name, name);
    }
    expectNamedAndExplained(render::loadModelFile((dir.path() / "absent.citygml").string(), kFrame),
                            "absent.citygml", "a CityGML file that is not there");
    // Without srsName it loads, with a warning that names the file and says why.
    const auto local = dir.write("local.citygml", head + building).string();
    const auto loaded = render::loadModelFile(local, kFrame);
    ASSERT_TRUE(loaded) << loaded.messages();
    expectNamedAndExplained(loaded, "local.citygml", "no srsName");
}
