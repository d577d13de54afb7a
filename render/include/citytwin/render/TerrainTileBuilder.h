#pragma once
// Builds the mesh of one terrain tile: a height field of float vertices
// relative to the tile's centre (placed by a double-precision transform in
// the local frame), with skirts hanging from its edges so that no cracks
// show between tiles of different levels, and either the orthophoto as
// texture or colours by height.
//
// Thread safety: build() may run on several threads at once (the
// DatabasePager's); each call creates its own PROJ transform.

#include <osg/BoundingSphere>
#include <osg/MatrixTransform>
#include <osg/ref_ptr>

#include <memory>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/TerrainSource.h"

namespace citytwin::render {

struct TerrainTile {
    osg::ref_ptr<osg::MatrixTransform> node;  ///< translate(centre) over the mesh
    osg::Vec3d centre;                        ///< local frame, metres
    int validVertices = 0;                    ///< 0: the tile lies outside the DEM's data
    /// Local-frame bounds of the mesh (without skirts).
    osg::BoundingSphere bound;
};

class TerrainTileBuilder {
public:
    TerrainTileBuilder(std::shared_ptr<const TerrainSource> source, const geo::LocalFrame& frame);

    const TerrainSource& source() const { return *_source; }
    const geo::LocalFrame& frame() const { return _frame; }

    /// Reads the tile's window of each raster and builds its mesh. Errors
    /// name the raster file that could not be read.
    geo::Result<TerrainTile> build(const TerrainTileKey& key) const;

private:
    std::shared_ptr<const TerrainSource> _source;
    geo::LocalFrame _frame;
};

}  // namespace citytwin::render
