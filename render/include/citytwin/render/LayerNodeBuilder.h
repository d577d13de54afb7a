#pragma once
// Builds the scene graph of one vector layer, detached, on any thread.
//
// Features are bucketed into square tiles of the local frame; each tile is
// one MatrixTransform (double-precision tile origin) holding one batched
// geometry whose float vertices are relative to that origin. A frame then
// holds a few drawables per tile instead of one per feature, and nothing
// jitters at city scale.

#include <osg/Group>
#include <osg/ref_ptr>

#include <memory>
#include <string>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/LayerStyle.h"

namespace citytwin::render {

struct LayerBuildStats {
    std::size_t features = 0;   ///< features drawn
    std::size_t skipped = 0;    ///< features with no drawable geometry for the role
    std::size_t tiles = 0;      ///< batched tiles (drawables) built
    std::size_t triangles = 0;  ///< triangles built (0 for lines)
    std::size_t vertices = 0;
    std::size_t landmarkTiles = 0;  ///< tiles with a coarse level (landmarks only)
};

class LayerNodeBuilder {
public:
    /// tileSize in metres of the local frame.
    explicit LayerNodeBuilder(geo::LocalFrame frame, double tileSize = 500.0);

    /// The layer must be in WGS 84 longitude/latitude (EPSG:4326); anything
    /// else is an error rather than a silently misplaced layer.
    geo::Result<osg::ref_ptr<osg::Group>> build(const std::string& layerId,
                                                std::shared_ptr<const geo::FeatureLayer> layer,
                                                const LayerStyle& style,
                                                LayerBuildStats* stats = nullptr) const;

    const geo::LocalFrame& frame() const { return _frame; }

private:
    /// Areas: the rings as lines in the style's outline colour and width.
    osg::ref_ptr<osg::Node> buildOutlines(const std::string& layerId,
                                          const std::shared_ptr<const geo::FeatureLayer>& layer,
                                          const LayerStyle& style) const;

    /// The labels the style asks for: inside areas, along lines, over
    /// landmark buildings.
    osg::ref_ptr<osg::Node> buildLabels(const geo::FeatureLayer& layer,
                                        const LayerStyle& style) const;

    geo::LocalFrame _frame;
    double _tileSize;
};

/// A flat ground quad covering the local extent (metres) plus a margin.
osg::ref_ptr<osg::Node> buildGroundPlane(double minX, double minY, double maxX, double maxY,
                                         const osg::Vec4& color);

}  // namespace citytwin::render
