#include "terrain/RemoteRaster.h"

#include <fcntl.h>
#include <unistd.h>

#include "citytwin/formats/TileSource.h"
#include "citytwin/tilecache/TileCache.h"

namespace citytwin::render::detail {
namespace {

/// An open file descriptor, closed with the last terrain source using it.
struct PinnedFile {
    int fd = -1;
    ~PinnedFile() {
        if (fd >= 0)
            ::close(fd);
    }
};

}  // namespace

geo::Result<std::string> readableRasterPath(const std::string& location,
                                            std::vector<std::shared_ptr<const void>>& pins) {
    using R = geo::Result<std::string>;
    if (!formats::TileSource::isUrl(location))
        return location;
    auto cache = tilecache::sharedCache();
    if (!cache)
        return R::failure(
            "no tile cache to fetch this raster into; open it as /vsicurl/" + location, location);
    auto file = cache->fetchToFile(location);
    CITYTWIN_RETURN_IF_FAILED(file);
    auto pinned = std::make_shared<PinnedFile>();
    pinned->fd = ::open(file->c_str(), O_RDONLY | O_CLOEXEC);
    if (pinned->fd < 0)
        return R::failure("the cached copy vanished while being opened; try again", location);
    pins.push_back(pinned);
    R r("/proc/self/fd/" + std::to_string(pinned->fd));
    r.addDiagnostics(file.diagnostics());
    return r;
}

}  // namespace citytwin::render::detail
