#include "paging/PagedNodeReaderWriter.h"

#include <osgDB/FileNameUtils>
#include <osgDB/Registry>

#include <map>
#include <memory>
#include <mutex>

namespace citytwin::render::detail {
namespace {

const char* extensionOf(PagedNodeKind kind) {
    switch (kind) {
        case PagedNodeKind::Terrain:
            return "citytwin_terrain";
        case PagedNodeKind::Tileset:
            return "citytwin_tiles";
    }
    return "citytwin_terrain";
}

struct Layer {
    PagedNodeKind kind;
    std::shared_ptr<PagedNodeFactory> factory;
    PagedReadCancel cancel;
};

struct Registry {
    std::mutex mutex;
    std::map<int, Layer> layers;
    int next = 1;
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

int registerPagedLayer(PagedNodeKind kind, PagedNodeFactory factory, PagedReadCancel cancel) {
    static std::once_flag once;
    std::call_once(once,
                   [] { osgDB::Registry::instance()->addReaderWriter(new PagedNodeReaderWriter); });
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    const int number = r.next++;
    r.layers[number] = {kind, std::make_shared<PagedNodeFactory>(std::move(factory)),
                        std::move(cancel)};
    return number;
}

void unregisterPagedLayer(int layerNumber) {
    PagedReadCancel cancel;
    {
        Registry& r = registry();
        std::lock_guard lock(r.mutex);
        auto it = r.layers.find(layerNumber);
        if (it == r.layers.end())
            return;
        cancel = std::move(it->second.cancel);
        r.layers.erase(it);
    }
    // A pager thread still building a tile of the removed layer stops at
    // its next block instead of finishing a read nobody will draw.
    if (cancel)
        cancel();
}

void cancelPagedLayer(int layerNumber) {
    PagedReadCancel cancel;
    {
        Registry& r = registry();
        std::lock_guard lock(r.mutex);
        auto it = r.layers.find(layerNumber);
        if (it != r.layers.end())
            cancel = it->second.cancel;
    }
    if (cancel)
        cancel();
}

std::string pagedFileName(PagedNodeKind kind, int layerNumber, const std::string& key) {
    return std::to_string(layerNumber) + "_" + key + "." + extensionOf(kind);
}

PagedNodeReaderWriter::PagedNodeReaderWriter() {
    supportsExtension(extensionOf(PagedNodeKind::Terrain),
                      "citytwin terrain tiles (pseudo-loader)");
    supportsExtension(extensionOf(PagedNodeKind::Tileset), "citytwin 3D Tiles (pseudo-loader)");
}

osgDB::ReaderWriter::ReadResult PagedNodeReaderWriter::readNode(const std::string& fileName,
                                                                const Options*) const {
    const std::string extension = osgDB::getLowerCaseFileExtension(fileName);
    if (!acceptsExtension(extension))
        return ReadResult::FILE_NOT_HANDLED;
    const std::string name = osgDB::getNameLessExtension(osgDB::getSimpleFileName(fileName));
    const std::size_t underscore = name.find('_');
    int layer = 0;
    try {
        std::size_t used = 0;
        layer = std::stoi(name.substr(0, underscore), &used);
        if (underscore == std::string::npos || used != underscore || underscore + 1 >= name.size())
            return ReadResult("not a citytwin paged tile name: " + fileName);
    } catch (const std::exception&) {
        return ReadResult("not a citytwin paged tile name: " + fileName);
    }
    std::shared_ptr<PagedNodeFactory> factory;
    {
        Registry& r = registry();
        std::lock_guard lock(r.mutex);
        auto it = r.layers.find(layer);
        if (it != r.layers.end() && extension == extensionOf(it->second.kind))
            factory = it->second.factory;
    }
    // The layer was removed while the request waited: nothing to load.
    if (!factory)
        return ReadResult::FILE_NOT_FOUND;
    std::string error;
    osg::ref_ptr<osg::Node> node = (*factory)(name.substr(underscore + 1), error);
    if (!node)
        return error.empty() ? ReadResult::FILE_NOT_FOUND : ReadResult(error);
    return ReadResult(node.get());
}

}  // namespace citytwin::render::detail
