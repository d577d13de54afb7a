#include <osgDB/FileNameUtils>
#include <osgDB/Registry>

#include <mutex>

#include "osgb/RemoteOsgTile.h"

namespace citytwin::render {
namespace {

/// OSG's own route for URLs is its curl plugin, which knows nothing of our
/// cache; this one claims http(s) OSG files first (registered before curl
/// is ever loaded).
class RemoteOsgTileReaderWriter : public osgDB::ReaderWriter {
public:
    RemoteOsgTileReaderWriter() {
        supportsProtocol("http", "OSG tiles over HTTP through the citytwin tile cache");
        supportsProtocol("https", "OSG tiles over HTTPS through the citytwin tile cache");
        // No extensions claimed: the registry would then hand us the
        // in-memory parse of .osgb bytes meant for OSG's own plugin. For a
        // URL it asks every reader that accepts the protocol.
    }
    const char* className() const override { return "citytwin remote OSG tiles"; }
    ReadResult readNode(const std::string& fileName, const Options* options) const override {
        if (!osgDB::containsServerAddress(fileName))
            return ReadResult::FILE_NOT_HANDLED;
        const std::string path = fileName.substr(0, fileName.find('?'));
        const std::string ext = osgDB::getLowerCaseFileExtension(path);
        if (ext != "osgb" && ext != "osgt" && ext != "osgx" && ext != "ive" && ext != "osg")
            return ReadResult::FILE_NOT_HANDLED;
        return readRemoteOsgTile(fileName, options);
    }
};

}  // namespace

void installRemoteOsgTileReading() {
    static std::once_flag once;
    std::call_once(
        once, [] { osgDB::Registry::instance()->addReaderWriter(new RemoteOsgTileReaderWriter); });
}

}  // namespace citytwin::render
