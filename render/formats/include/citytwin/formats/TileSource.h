#pragma once
// Where a tileset's files come from: a local folder or an http(s) server.
// Resolves the URIs a tileset names against the document that names them
// and refuses those that leave the tileset's root (its folder, or for a URL
// the folder of tileset.json on the same scheme, host and port) or name
// another host that is not explicitly allowed. Reads bytes with the
// standard library (files) or through the client tile cache (HTTP: libcurl,
// revalidation, offline mode; see citytwin/tilecache/TileCache.h).
//
// Thread safety: const methods may run concurrently on worker threads;
// read() blocks on I/O, so never call it on the render thread.

#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::formats {

class TileSource {
public:
    /// `tileset` is a path or an http:// / https:// URL of a tileset.json.
    /// `extraOrigins` ("https://host[:port]") may be named by absolute URIs.
    static geo::Result<TileSource> open(const std::string& tileset,
                                        const std::vector<std::string>& extraOrigins = {});

    static bool isUrl(const std::string& location);

    bool isRemote() const { return _remote; }
    /// The tileset.json itself (absolute path or URL).
    const std::string& tilesetLocation() const { return _tileset; }

    /// The location `uri` names when found in the document at `base`; an
    /// error naming `base` and `field` if the URI is refused.
    geo::Result<std::string> resolve(const std::string& base, const std::string& uri,
                                     const std::string& field) const;

    geo::Result<std::vector<std::uint8_t>> read(const std::string& location) const;

    /// The folder of a local location (for a glTF's external buffers and
    /// images); "" for a remote one (external glTF resources are not fetched).
    std::string localFolderOf(const std::string& location) const;

    /// The tileset's own folder, which no resource of a local tileset may
    /// leave (tiles, and the buffers and images inside glTF contents); "" for
    /// a remote tileset.
    std::string localRoot() const { return _remote ? std::string() : _root; }

    /// The last path segment ("tile.b3dm"), for names and messages.
    static std::string fileNameOf(const std::string& location);

private:
    bool _remote = false;
    std::string _tileset;
    std::string _root;  ///< folder (path) or URL prefix ending in '/'
    std::string _origin;
    std::vector<std::string> _extraOrigins;
};

}  // namespace citytwin::formats
