#include "citytwin/render/GltfModelLoader.h"

#include <tiny_gltf.h>

#include <osg/MatrixTransform>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>

#include "citytwin/formats/GlbContainer.h"
#include "citytwin/formats/GltfDracoDecoder.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "gltf/GltfSceneBuilder.h"

namespace citytwin::render {
namespace {

/// Keeps image bytes encoded; GltfSceneBuilder decodes them with OSG's
/// plugins, so a broken image costs a texture, not the model.
bool keepEncodedImage(tinygltf::Image* image, const int, std::string*, std::string*, int, int,
                      const unsigned char* bytes, int size, void*) {
    if (bytes && size > 0)
        image->image.assign(bytes, bytes + size);
    image->as_is = true;
    return true;
}

// For bytes in memory with no folder: external files are refused.
bool noFileExists(const std::string&, void*) {
    return false;
}
std::string noExpand(const std::string& path, void*) {
    return path;
}
bool noRead(std::vector<unsigned char>*, std::string* err, const std::string& path, void*) {
    if (err)
        *err += "external file '" + path + "' is not allowed here\n";
    return false;
}
bool noWrite(std::string*, const std::string&, const std::vector<unsigned char>&, void*) {
    return false;
}

// For a tileset's content: external files only inside the tileset's folder.
bool insideRoot(const std::string& root, const std::string& path) {
    std::error_code ec;
    const auto p = std::filesystem::weakly_canonical(path, ec);
    if (ec)
        return false;
    const auto r = std::filesystem::weakly_canonical(root, ec);
    if (ec)
        return false;
    const auto rel = p.lexically_relative(r);
    return !rel.empty() && *rel.begin() != "..";
}
bool rootedFileExists(const std::string& path, void* root) {
    // Outside the root: "exists", so that the read below says why it is refused.
    return !insideRoot(*static_cast<const std::string*>(root), path) ||
           tinygltf::FileExists(path, nullptr);
}
bool rootedRead(std::vector<unsigned char>* out, std::string* err, const std::string& path,
                void* root) {
    if (!insideRoot(*static_cast<const std::string*>(root), path)) {
        if (err)
            *err += "external file '" + path + "' leaves the tileset's folder: refused\n";
        return false;
    }
    return tinygltf::ReadWholeFile(out, err, path, nullptr);
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(std::uint8_t(v >> (8 * i)));
}

/// A GLB around new JSON and the original BIN chunk.
std::vector<std::uint8_t> rebuildGlb(const std::string& json, std::span<const std::uint8_t> bin) {
    const std::size_t jsonPadded = (json.size() + 3) & ~std::size_t(3);
    const std::size_t binPadded = (bin.size() + 3) & ~std::size_t(3);
    std::vector<std::uint8_t> out;
    out.reserve(28 + jsonPadded + binPadded);
    appendU32(out, 0x46546C67);
    appendU32(out, 2);
    appendU32(out, std::uint32_t(12 + 8 + jsonPadded + (bin.empty() ? 0 : 8 + binPadded)));
    appendU32(out, std::uint32_t(jsonPadded));
    appendU32(out, 0x4E4F534A);
    out.insert(out.end(), json.begin(), json.end());
    out.resize(out.size() + jsonPadded - json.size(), ' ');
    if (!bin.empty()) {
        appendU32(out, std::uint32_t(binPadded));
        appendU32(out, 0x004E4942);
        out.insert(out.end(), bin.begin(), bin.end());
        out.resize(out.size() + binPadded - bin.size(), 0);
    }
    return out;
}

std::string firstLine(const std::string& s) {
    std::string out = s.substr(0, s.find('\n'));
    while (!out.empty() && (out.back() == '\r' || out.back() == ' '))
        out.pop_back();
    return out;
}

}  // namespace

geo::Result<osg::ref_ptr<osg::Node>> buildGltfNode(std::span<const std::uint8_t> bytes,
                                                   const std::string& baseDir,
                                                   const std::string& source,
                                                   const GltfFeatureBinding* features,
                                                   const std::string& resourceRoot) {
    using R = geo::Result<osg::ref_ptr<osg::Node>>;
    if (bytes.size() > std::numeric_limits<unsigned int>::max())
        return R::failure("file too large for the glTF parser (over 4 GiB)", source);
    tinygltf::TinyGLTF parser;
    parser.SetImageLoader(keepEncodedImage, nullptr);
    std::string root = resourceRoot;  // the callbacks' user data
    if (baseDir.empty())
        parser.SetFsCallbacks({noFileExists, noExpand, noRead, noWrite, nullptr});
    else if (!root.empty())
        parser.SetFsCallbacks(
            {rootedFileExists, tinygltf::ExpandFilePath, rootedRead, noWrite, &root});
    tinygltf::Model model;
    std::string err, warn;
    bool parsed = false;
    try {
        if (formats::hasGlbMagic(bytes)) {
            auto glb = formats::parseGlb(bytes, source);
            CITYTWIN_RETURN_IF_FAILED(glb);
            if (auto patched = formats::withoutDracoIndices(glb->json)) {
                const auto rebuilt = rebuildGlb(*patched, glb->bin);
                parsed =
                    parser.LoadBinaryFromMemory(&model, &err, &warn, rebuilt.data(),
                                                static_cast<unsigned int>(rebuilt.size()), baseDir);
            } else {
                parsed = parser.LoadBinaryFromMemory(&model, &err, &warn, bytes.data(), glb->length,
                                                     baseDir);
            }
        } else {
            std::size_t i = 0;
            while (i < bytes.size() && std::isspace(bytes[i]))
                ++i;
            if (i == bytes.size() || bytes[i] != '{')
                return R::failure("neither a GLB (no 'glTF' magic) nor glTF JSON", source, 0,
                                  "magic");
            const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
            const auto patched = formats::withoutDracoIndices(text);
            const std::string_view json = patched ? std::string_view(*patched) : text;
            parsed = parser.LoadASCIIFromString(&model, &err, &warn, json.data(),
                                                static_cast<unsigned int>(json.size()), baseDir);
        }
    } catch (const std::exception& e) {
        return R::failure(std::string("glTF parser failed: ") + e.what(), source);
    }
    if (!parsed)
        return R::failure("invalid glTF: " +
                              (err.empty() ? std::string("parser gave no reason") : firstLine(err)),
                          source);
    auto node = detail::buildGltfScene(model, source, features);
    if (!warn.empty())
        node.addDiagnostic(geo::makeWarning("glTF: " + firstLine(warn), source));
    return node;
}

bool isUsableAnchor(const ModelAnchor& anchor) {
    return std::isfinite(anchor.lonLatH.x) && std::isfinite(anchor.lonLatH.y) &&
           std::abs(anchor.lonLatH.y) <= 90.0 && std::isfinite(anchor.headingDegrees) &&
           anchor.scale > 0.0;
}

geo::Result<LoadedModel> loadGltfModel(const std::string& path, const ModelAnchor& anchor,
                                       const geo::LocalFrame& frame) {
    using R = geo::Result<LoadedModel>;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return R::failure("cannot open the glTF file", path);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    if (!isUsableAnchor(anchor))
        return R::failure(
            "invalid anchor: longitude, latitude, heading must be finite, latitude within 90, "
            "scale positive",
            path, 0, "anchor");

    const std::string baseDir = std::filesystem::path(path).parent_path().string();
    auto node = buildGltfNode(bytes, baseDir.empty() ? std::string(".") : baseDir, path);
    CITYTWIN_RETURN_IF_FAILED(node);
    LoadedModel model;
    model.format = formats::hasGlbMagic(bytes) ? "GLB" : "glTF";
    char label[96];
    std::snprintf(label, sizeof label, "ENU at %.7f,%.7f,%.2f, heading %.1f", anchor.lonLatH.x,
                  anchor.lonLatH.y, anchor.lonLatH.z, anchor.headingDegrees);
    model.crsLabel = label;
    osg::ref_ptr<osg::MatrixTransform> placed = new osg::MatrixTransform(
        gltfYUpToZUp() * osg::Matrixd::scale(anchor.scale, anchor.scale, anchor.scale) *
        enuPlacement(anchor.lonLatH, anchor.headingDegrees, frame));
    placed->setName(std::filesystem::path(path).filename().string());
    placed->setDataVariance(osg::Object::STATIC);
    placed->addChild(node.value());
    model.node = placed;
    computeGeographicExtent(model, frame);
    R result(std::move(model));
    result.addDiagnostics(node.diagnostics());
    return result;
}

}  // namespace citytwin::render
