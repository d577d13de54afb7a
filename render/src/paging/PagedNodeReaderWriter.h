#pragma once
// The pseudo-loader behind citytwin's own paging (terrain tiles, 3D Tiles):
// a PagedLOD names its finer children "<layer>_<key>.<extension>", and the
// DatabasePager hands that name to this ReaderWriter, which calls the
// factory the layer registered. A layer's node holds a PagedNodeRegistration
// and unregisters the layer when it is deleted; requests still queued for
// it then fail quietly.
//
// Thread safety: the registry is mutex-protected; factories run on the
// DatabasePager's threads, concurrently with each other.

#include <osg/Referenced>
#include <osgDB/ReaderWriter>

#include <functional>
#include <string>

namespace citytwin::render::detail {

/// Builds the node `key` names (nullptr with `error` set if it cannot;
/// nullptr with no error if there is nothing to draw).
using PagedNodeFactory =
    std::function<osg::ref_ptr<osg::Node>(const std::string& key, std::string& error)>;

/// The kinds of paged content, one file extension each.
enum class PagedNodeKind { Terrain, Tileset };

/// Stops a layer's reads in flight (its factories running on pager threads).
using PagedReadCancel = std::function<void()>;

/// Registers a layer's factory (and the pseudo-loader, once); returns its
/// number. `cancel`, if given, is called when the layer is unregistered
/// (its node deleted) and by cancelPagedLayer().
int registerPagedLayer(PagedNodeKind kind, PagedNodeFactory factory, PagedReadCancel cancel = {});
void unregisterPagedLayer(int layerNumber);
/// Calls the layer's cancel (the layer stays registered, its reads fail).
void cancelPagedLayer(int layerNumber);

/// "<layer>_<key>.<extension>"; `key` must not be empty.
std::string pagedFileName(PagedNodeKind kind, int layerNumber, const std::string& key);

/// Kept in the layer node's user data: unregisters the layer with the node.
class PagedNodeRegistration : public osg::Referenced {
public:
    explicit PagedNodeRegistration(int number) : _number(number) {}
    int number() const { return _number; }

protected:
    ~PagedNodeRegistration() override { unregisterPagedLayer(_number); }

private:
    int _number;
};

class PagedNodeReaderWriter : public osgDB::ReaderWriter {
public:
    PagedNodeReaderWriter();
    const char* className() const override { return "citytwin paged tiles pseudo-loader"; }
    ReadResult readNode(const std::string& fileName, const Options* options) const override;
};

}  // namespace citytwin::render::detail
