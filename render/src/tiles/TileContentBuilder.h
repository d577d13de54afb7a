#pragma once
// Builds the node of one tile content (b3dm, pnts, i3dm, cmpt, glTF/GLB) in
// the tile's own frame (Z up, before the tile's transform), with the batch
// table's features attached for picking. Broken content is a warning naming
// the file and field; the tile is skipped and the rest of the tileset loads.

#include <osg/Matrixd>
#include <osg/Node>

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/formats/TileSource.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::render::detail {

class TileContentBuilder {
public:
    /// `layerPrefix` starts the layer id shown when a feature is picked.
    TileContentBuilder(const formats::TileSource& source, std::string layerPrefix,
                       std::vector<geo::Diagnostic>& diagnostics)
        : _source(source), _layerPrefix(std::move(layerPrefix)), _diagnostics(diagnostics) {}

    /// Contents built, by kind ("b3dm", "pnts", "i3dm", "cmpt", "glTF"), and
    /// the i3dm instances placed.
    std::string summary() const;

    /// `tileToEcef` places the tile frame in ECEF (for EAST_NORTH_UP instances).
    osg::ref_ptr<osg::Node> build(std::span<const std::uint8_t> bytes, const std::string& location,
                                  const osg::Matrixd& tileToEcef, int depth = 0);

private:
    osg::ref_ptr<osg::Node> b3dm(std::span<const std::uint8_t> bytes, const std::string& location);
    osg::ref_ptr<osg::Node> pnts(std::span<const std::uint8_t> bytes, const std::string& location);
    osg::ref_ptr<osg::Node> i3dm(std::span<const std::uint8_t> bytes, const std::string& location,
                                 const osg::Matrixd& tileToEcef);
    osg::ref_ptr<osg::Node> cmpt(std::span<const std::uint8_t> bytes, const std::string& location,
                                 const osg::Matrixd& tileToEcef, int depth);
    /// glTF/GLB bytes in Z-up tile axes; `features` may be null.
    osg::ref_ptr<osg::Node> gltf(std::span<const std::uint8_t> bytes, const std::string& location,
                                 std::shared_ptr<const geo::FeatureLayer> features);
    std::shared_ptr<const geo::FeatureLayer> batchLayer(std::string_view json,
                                                        std::span<const std::uint8_t> binary,
                                                        std::uint32_t count,
                                                        const std::string& location);
    void skipped(const std::vector<geo::Diagnostic>& errors);
    std::string layerId(const std::string& location) const;

    const formats::TileSource& _source;
    std::map<std::string, std::size_t> _built;
    std::size_t _instances = 0;
    std::string _layerPrefix;
    std::vector<geo::Diagnostic>& _diagnostics;
};

}  // namespace citytwin::render::detail
