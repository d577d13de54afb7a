#include "citytwin/render/TerrainLayer.h"

#include <osg/LightModel>
#include <osg/Material>
#include <osg/PagedLOD>

#include <cfloat>
#include <cstdio>
#include <memory>

#include "citytwin/geo/Log.h"
#include "citytwin/render/TerrainTileBuilder.h"
#include "paging/PagedNodeReaderWriter.h"

namespace citytwin::render {
namespace {

/// A tile's node: its mesh, and above the deepest level a PagedLOD whose
/// second child (the four finer tiles) the pager loads when needed. The
/// mesh stays drawn until they arrive. nullptr (no error) for a tile
/// without data.
osg::ref_ptr<osg::Node> makeTileNode(const TerrainTileBuilder& builder, int layerNumber,
                                     const TerrainTileKey& key, float splitPixels,
                                     std::string& error) {
    auto tile = builder.build(key);
    if (!tile) {
        error = tile.messages();
        return nullptr;
    }
    if (tile->validVertices == 0)
        return nullptr;
    if (key.level >= builder.source().maxLevel())
        return tile->node;
    osg::ref_ptr<osg::PagedLOD> plod = new osg::PagedLOD;
    plod->setName(tile->node->getName());
    plod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
    plod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
    plod->setCenter(tile->bound.center());
    plod->setRadius(tile->bound.radius());
    plod->addChild(tile->node, 0.f, splitPixels);
    plod->setFileName(1, terrainChildrenFileName(layerNumber, key));
    plod->setRange(1, splitPixels, FLT_MAX);
    return plod;
}

}  // namespace

std::string terrainChildrenFileName(int layerNumber, const TerrainTileKey& key) {
    return detail::pagedFileName(
        detail::PagedNodeKind::Terrain, layerNumber,
        std::to_string(key.level) + "_" + std::to_string(key.x) + "_" + std::to_string(key.y));
}

geo::Result<osg::ref_ptr<osg::Node>> buildTerrainLayer(std::shared_ptr<const TerrainSource> source,
                                                       const geo::LocalFrame& frame,
                                                       const TerrainLayerOptions& options) {
    using R = geo::Result<osg::ref_ptr<osg::Node>>;
    const float split = options.splitPixels > 0.f
                            ? options.splitPixels
                            : 1.5f * static_cast<float>(source->options().textureSize);
    auto builder = std::make_shared<const TerrainTileBuilder>(source, frame);
    // The number is known only once registered; the factory reads it back.
    auto layerNumber = std::make_shared<int>(0);
    const int number = detail::registerPagedLayer(
        detail::PagedNodeKind::Terrain,
        [builder, split, layerNumber](const std::string& name,
                                      std::string& error) -> osg::ref_ptr<osg::Node> {
            TerrainTileKey parent;
            char end = 0;
            if (std::sscanf(name.c_str(), "%d_%d_%d%c", &parent.level, &parent.x, &parent.y,
                            &end) != 3) {
                error = "not a terrain tile key: " + name;
                return nullptr;
            }
            const int layer = *layerNumber;
            osg::ref_ptr<osg::Group> children = new osg::Group;
            std::string failures;
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx) {
                    std::string childError;
                    if (auto node =
                            makeTileNode(*builder, layer, parent.child(dx, dy), split, childError))
                        children->addChild(node);
                    else if (!childError.empty())
                        failures += (failures.empty() ? "" : "\n") + childError;
                }
            // Cancelled (the layer removed, the window closing): no warning,
            // nothing to draw.
            if (builder->source().readsCancelled())
                return nullptr;
            if (!failures.empty()) {
                geo::logWarning("citytwin terrain: " + failures);
                if (children->getNumChildren() == 0) {
                    error = failures;
                    return nullptr;
                }
            }
            return children;
        },
        // Removed (or the window closing): the pager's reads of this layer stop.
        [source] { source->cancelReads(); });
    *layerNumber = number;
    osg::ref_ptr<detail::PagedNodeRegistration> registration =
        new detail::PagedNodeRegistration(number);

    std::string error;
    osg::ref_ptr<osg::Node> root = makeTileNode(*builder, number, {}, split, error);
    if (!root) {
        const std::string path =
            source->hasDem() ? source->options().demPath : source->options().imageryPath;
        return R::failure(error.empty() ? "the raster has no data to draw" : error, path);
    }
    osg::ref_ptr<osg::Group> layer = new osg::Group;
    layer->setName("terrain");
    layer->setUserData(registration);
    layer->addChild(root);
    osg::StateSet* ss = layer->getOrCreateStateSet();
    osg::ref_ptr<osg::Material> material = new osg::Material;
    material->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
    material->setSpecular(osg::Material::FRONT_AND_BACK, osg::Vec4(0.f, 0.f, 0.f, 1.f));
    ss->setAttributeAndModes(material);
    // One-sided lighting: skirts (glimpsed through pinholes where tiles of
    // two levels meet) carry the surface's up normals and must be lit like
    // it from either side, not flipped dark.
    osg::ref_ptr<osg::LightModel> lightModel = new osg::LightModel;
    lightModel->setAmbientIntensity(osg::Vec4(0.45f, 0.45f, 0.48f, 1.f));
    lightModel->setTwoSided(false);
    ss->setAttributeAndModes(lightModel);
    return osg::ref_ptr<osg::Node>(layer);
}

}  // namespace citytwin::render
