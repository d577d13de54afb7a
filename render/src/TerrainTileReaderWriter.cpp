#include "TerrainTileReaderWriter.h"

#include <osgDB/FileNameUtils>
#include <osgDB/Registry>

#include <cstdio>
#include <map>
#include <mutex>

namespace citytwin::render::detail {
namespace {

constexpr const char* kExtension = "citytwin_terrain";

struct Registry {
    std::mutex mutex;
    std::map<int, std::shared_ptr<TerrainChildrenFactory>> layers;
    int next = 1;
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

int registerTerrainLayer(TerrainChildrenFactory factory) {
    static std::once_flag once;
    std::call_once(
        once, [] { osgDB::Registry::instance()->addReaderWriter(new TerrainTileReaderWriter); });
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    const int number = r.next++;
    r.layers[number] = std::make_shared<TerrainChildrenFactory>(std::move(factory));
    return number;
}

void unregisterTerrainLayer(int layerNumber) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.layers.erase(layerNumber);
}

TerrainTileReaderWriter::TerrainTileReaderWriter() {
    supportsExtension(kExtension, "citytwin terrain tiles (pseudo-loader)");
}

osgDB::ReaderWriter::ReadResult TerrainTileReaderWriter::readNode(const std::string& fileName,
                                                                  const Options*) const {
    if (!acceptsExtension(osgDB::getLowerCaseFileExtension(fileName)))
        return ReadResult::FILE_NOT_HANDLED;
    const std::string name = osgDB::getSimpleFileName(fileName);
    int layer = 0;
    TerrainTileKey key;
    char dot = 0;
    if (std::sscanf(name.c_str(), "%d_%d_%d_%d%c", &layer, &key.level, &key.x, &key.y, &dot) != 5 ||
        dot != '.')
        return ReadResult("not a terrain tile name: " + fileName);
    std::shared_ptr<TerrainChildrenFactory> factory;
    {
        Registry& r = registry();
        std::lock_guard lock(r.mutex);
        auto it = r.layers.find(layer);
        if (it != r.layers.end())
            factory = it->second;
    }
    // The layer was removed while the request waited: nothing to load.
    if (!factory)
        return ReadResult::FILE_NOT_FOUND;
    std::string error;
    osg::ref_ptr<osg::Node> node = (*factory)(layer, key, error);
    if (!node)
        return error.empty() ? ReadResult::FILE_NOT_FOUND : ReadResult(error);
    return ReadResult(node.get());
}

}  // namespace citytwin::render::detail
