#include "tiles/TileContentBuilder.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Material>
#include <osg/MatrixTransform>
#include <osg/Point>

#include <cmath>

#include "citytwin/formats/B3dmTile.h"
#include "citytwin/formats/BatchTable.h"
#include "citytwin/formats/CmptTile.h"
#include "citytwin/formats/I3dmTile.h"
#include "citytwin/formats/PntsTile.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/ModelPlacement.h"
#include "gltf/GltfFeatureIds.h"

namespace citytwin::render::detail {
namespace {

/// Nested composites deeper than this are treated as malformed.
constexpr int kMaxCompositeDepth = 8;

osg::Vec3d toOsg(const geo::Vec3d& v) {
    return {v.x, v.y, v.z};
}

/// East, north and up of the WGS 84 ellipsoid at an ECEF point.
void enuAxes(const osg::Vec3d& ecef, osg::Vec3d& east, osg::Vec3d& north, osg::Vec3d& up) {
    constexpr double a = 6378137.0, b = 6356752.314245179;
    up = osg::Vec3d(ecef.x() / (a * a), ecef.y() / (a * a), ecef.z() / (b * b));
    if (up.normalize() == 0.0)
        up.set(0, 0, 1);
    east = osg::Vec3d(-ecef.y(), ecef.x(), 0.0);
    if (east.normalize() == 0.0)
        east.set(1, 0, 0);  // at a pole Cesium uses the same fallback
    north = up ^ east;
    north.normalize();
}

}  // namespace

std::string TileContentBuilder::summary() const {
    std::string out;
    for (const auto& [kind, count] : _built)
        out += (out.empty() ? "" : ", ") + kind + " " + std::to_string(count);
    if (_instances)
        out += " (" + std::to_string(_instances) + " instances)";
    return out;
}

std::string TileContentBuilder::layerId(const std::string& location) const {
    return _layerPrefix + "/" + formats::TileSource::fileNameOf(location);
}

void TileContentBuilder::skipped(const std::vector<geo::Diagnostic>& errors) {
    for (const auto& d : errors)
        _diagnostics.push_back(
            d.severity == geo::Severity::Error
                ? geo::makeWarning(d.message + "; tile skipped", d.source, d.line, d.field)
                : d);
}

osg::ref_ptr<osg::Node> TileContentBuilder::build(std::span<const std::uint8_t> bytes,
                                                  const std::string& location,
                                                  const osg::Matrixd& tileToEcef, int depth) {
    auto counted = [this](const char* kind, osg::ref_ptr<osg::Node> node) {
        if (node)
            ++_built[kind];
        return node;
    };
    if (formats::hasB3dmMagic(bytes))
        return counted("b3dm", b3dm(bytes, location));
    if (formats::hasPntsMagic(bytes))
        return counted("pnts", pnts(bytes, location));
    if (formats::hasI3dmMagic(bytes))
        return counted("i3dm", i3dm(bytes, location, tileToEcef));
    if (formats::hasCmptMagic(bytes))
        return counted("cmpt", cmpt(bytes, location, tileToEcef, depth));
    std::size_t i = 0;
    while (i < bytes.size() && std::isspace(bytes[i]))
        ++i;
    if ((bytes.size() >= 4 && bytes[0] == 'g' && bytes[1] == 'l' && bytes[2] == 'T' &&
         bytes[3] == 'F') ||
        (i < bytes.size() && bytes[i] == '{'))
        return counted("glTF", gltf(bytes, location, nullptr));
    _diagnostics.push_back(geo::makeWarning(
        "tile content is none of b3dm, pnts, i3dm, cmpt, glTF or GLB (magic not recognised); "
        "skipped",
        location, 0, "magic"));
    return nullptr;
}

std::shared_ptr<const geo::FeatureLayer> TileContentBuilder::batchLayer(
    std::string_view json, std::span<const std::uint8_t> binary, std::uint32_t count,
    const std::string& location) {
    if (count == 0)
        return nullptr;
    auto layer = formats::buildBatchTableLayer(json, binary, count, layerId(location), location);
    _diagnostics.insert(_diagnostics.end(), layer.diagnostics().begin(), layer.diagnostics().end());
    return layer ? layer.value() : nullptr;
}

osg::ref_ptr<osg::Node> TileContentBuilder::gltf(
    std::span<const std::uint8_t> bytes, const std::string& location,
    std::shared_ptr<const geo::FeatureLayer> features) {
    GltfFeatureBinding binding{layerId(location), std::move(features)};
    auto node = buildGltfNode(bytes, _source.localFolderOf(location), location, &binding,
                              _source.localRoot());
    skipped(node.diagnostics());
    if (!node)
        return nullptr;
    osg::ref_ptr<osg::MatrixTransform> zUp = new osg::MatrixTransform(gltfYUpToZUp());
    zUp->addChild(node.value());
    return zUp;
}

osg::ref_ptr<osg::Node> TileContentBuilder::b3dm(std::span<const std::uint8_t> bytes,
                                                 const std::string& location) {
    auto tile = formats::parseB3dm(bytes, location);
    if (!tile) {
        skipped(tile.diagnostics());
        return nullptr;
    }
    auto layer =
        batchLayer(tile->batchTableJson, tile->batchTableBinary, tile->batchLength, location);
    auto node = gltf(tile->glb, location, layer);
    if (!node || !tile->rtcCenter)
        return node;
    osg::ref_ptr<osg::MatrixTransform> rtc =
        new osg::MatrixTransform(osg::Matrixd::translate(toOsg(*tile->rtcCenter)));
    rtc->addChild(node);
    return rtc;
}

osg::ref_ptr<osg::Node> TileContentBuilder::pnts(std::span<const std::uint8_t> bytes,
                                                 const std::string& location) {
    auto tile = formats::parsePnts(bytes, location);
    if (!tile) {
        skipped(tile.diagnostics());
        return nullptr;
    }
    const unsigned n = tile->pointCount;
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    g->setUseVertexBufferObjects(true);
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array(n);
    for (unsigned i = 0; i < n; ++i)
        (*v)[i].set(tile->positions[3 * i], tile->positions[3 * i + 1], tile->positions[3 * i + 2]);
    g->setVertexArray(v);
    if (!tile->colors.empty()) {
        osg::ref_ptr<osg::Vec4ubArray> c = new osg::Vec4ubArray(n);
        for (unsigned i = 0; i < n; ++i)
            (*c)[i].set(tile->colors[4 * i], tile->colors[4 * i + 1], tile->colors[4 * i + 2],
                        tile->colors[4 * i + 3]);
        c->setNormalize(true);
        g->setColorArray(c, osg::Array::BIND_PER_VERTEX);
    } else {
        // CONSTANT_RGBA, else Cesium's default grey-white.
        const auto rgba =
            tile->constantColor.value_or(std::array<std::uint8_t, 4>{217, 217, 217, 255});
        osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array(1);
        (*c)[0].set(rgba[0] / 255.0f, rgba[1] / 255.0f, rgba[2] / 255.0f, rgba[3] / 255.0f);
        g->setColorArray(c, osg::Array::BIND_OVERALL);
    }
    if (!tile->normals.empty()) {
        osg::ref_ptr<osg::Vec3Array> nv = new osg::Vec3Array(n);
        for (unsigned i = 0; i < n; ++i)
            (*nv)[i].set(tile->normals[3 * i], tile->normals[3 * i + 1], tile->normals[3 * i + 2]);
        g->setNormalArray(nv, osg::Array::BIND_PER_VERTEX);
    }
    g->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, GLsizei(n)));
    osg::StateSet* ss = g->getOrCreateStateSet();
    ss->setAttributeAndModes(new osg::Point(3.0f), osg::StateAttribute::ON);
    if (tile->normals.empty()) {
        ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    } else {
        osg::ref_ptr<osg::Material> m = new osg::Material;
        m->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
        ss->setAttributeAndModes(m, osg::StateAttribute::ON);
    }
    if (auto layer =
            batchLayer(tile->batchTableJson, tile->batchTableBinary, tile->batchLength, location)) {
        std::vector<std::uint32_t> ids = tile->batchIds;
        if (ids.empty()) {
            ids.resize(n);
            for (unsigned i = 0; i < n; ++i)
                ids[i] = i;
        }
        g->setUserData(pickDataFromIds(ids, layerId(location), layer));
    }
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(g);
    osg::ref_ptr<osg::MatrixTransform> placed =
        new osg::MatrixTransform(osg::Matrixd::translate(toOsg(tile->origin)));
    placed->addChild(geode);
    return placed;
}

osg::ref_ptr<osg::Node> TileContentBuilder::i3dm(std::span<const std::uint8_t> bytes,
                                                 const std::string& location,
                                                 const osg::Matrixd& tileToEcef) {
    auto tile = formats::parseI3dm(bytes, location);
    if (!tile) {
        skipped(tile.diagnostics());
        return nullptr;
    }
    osg::ref_ptr<osg::Node> model;
    if (tile->embeddedGltf) {
        model = gltf(tile->glb, location, nullptr);
    } else {
        auto where = _source.resolve(location, tile->gltfUri, "gltf");
        if (!where) {
            skipped(where.diagnostics());
            return nullptr;
        }
        auto gltfBytes = _source.read(*where);
        if (!gltfBytes) {
            skipped(gltfBytes.diagnostics());
            return nullptr;
        }
        model = gltf(*gltfBytes, *where, nullptr);
    }
    if (!model)
        return nullptr;
    auto layer =
        batchLayer(tile->batchTableJson, tile->batchTableBinary, tile->batchLength, location);
    osg::Matrixd ecefToTile;
    const bool invertible = ecefToTile.invert(tileToEcef);
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(formats::TileSource::fileNameOf(location));
    // One transform per instance, all sharing the one glTF subgraph.
    for (const auto& instance : tile->instances) {
        const osg::Vec3d position = toOsg(instance.position);
        osg::Vec3d right(1, 0, 0), up(0, 1, 0);
        if (instance.up && instance.right) {
            up = toOsg(*instance.up);
            right = toOsg(*instance.right);
        } else if (tile->eastNorthUp && invertible) {
            osg::Vec3d east, north, normal;
            enuAxes(position * tileToEcef, east, north, normal);
            right = osg::Matrixd::transform3x3(east, ecefToTile);
            up = osg::Matrixd::transform3x3(north, ecefToTile);
            right.normalize();
            up.normalize();
        }
        const osg::Vec3d forward = right ^ up;
        const osg::Matrixd rotation(right.x(), right.y(), right.z(), 0, up.x(), up.y(), up.z(), 0,
                                    forward.x(), forward.y(), forward.z(), 0, 0, 0, 0, 1);
        const osg::Matrixd m = osg::Matrixd::scale(toOsg(instance.scale)) * rotation *
                               osg::Matrixd::translate(position);
        if (!m.valid())
            continue;
        osg::ref_ptr<osg::MatrixTransform> placed = new osg::MatrixTransform(m);
        placed->addChild(model);
        if (layer) {
            osg::ref_ptr<FeaturePickData> pick = new FeaturePickData(layerId(location), layer);
            pick->addFeature(0, instance.batchId);  // every primitive of the instance
            placed->setUserData(pick);
        }
        group->addChild(placed);
        ++_instances;
    }
    return group->getNumChildren() ? group : nullptr;
}

osg::ref_ptr<osg::Node> TileContentBuilder::cmpt(std::span<const std::uint8_t> bytes,
                                                 const std::string& location,
                                                 const osg::Matrixd& tileToEcef, int depth) {
    if (depth >= kMaxCompositeDepth) {
        _diagnostics.push_back(geo::makeWarning("composite tiles nested deeper than " +
                                                    std::to_string(kMaxCompositeDepth) +
                                                    "; skipped",
                                                location, 0, "tiles"));
        return nullptr;
    }
    auto inner = formats::parseCmpt(bytes, location);
    if (!inner) {
        skipped(inner.diagnostics());
        return nullptr;
    }
    osg::ref_ptr<osg::Group> group = new osg::Group;
    for (std::size_t i = 0; i < inner->size(); ++i)
        if (auto node = build((*inner)[i], location + "#tiles[" + std::to_string(i) + "]",
                              tileToEcef, depth + 1))
            group->addChild(node);
    return group->getNumChildren() ? group : nullptr;
}

}  // namespace citytwin::render::detail
