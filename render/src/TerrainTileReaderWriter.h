#pragma once
// The pseudo-loader behind terrain paging: "<layer>_<level>_<x>_<y>.citytwin_terrain"
// names the four children of a tile of a registered terrain layer. The
// registry maps layer numbers to their tile factories; a layer's node
// unregisters it when it is deleted, after which requests fail quietly.
//
// Thread safety: the registry is mutex-protected; readNode runs on the
// DatabasePager's threads.

#include <osgDB/ReaderWriter>

#include <functional>
#include <memory>

#include "citytwin/render/TerrainSource.h"

namespace citytwin::render::detail {

/// Builds the node of the four children of a tile (nullptr if none has data).
using TerrainChildrenFactory = std::function<osg::ref_ptr<osg::Node>(
    int layerNumber, const TerrainTileKey& parent, std::string& error)>;

/// Registers a layer's factory (and the pseudo-loader, once); returns its number.
int registerTerrainLayer(TerrainChildrenFactory factory);
void unregisterTerrainLayer(int layerNumber);

class TerrainTileReaderWriter : public osgDB::ReaderWriter {
public:
    TerrainTileReaderWriter();
    const char* className() const override { return "citytwin terrain tile pseudo-loader"; }
    ReadResult readNode(const std::string& fileName, const Options* options) const override;
};

}  // namespace citytwin::render::detail
