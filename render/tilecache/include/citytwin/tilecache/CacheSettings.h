#pragma once
// Where the tile cache lives, how large it may grow and whether the network
// may be used. The defaults come from the environment so that every program
// (window, CLI, tests, benches) agrees without passing options around:
//   CITYTWIN_TILE_CACHE       the folder ("off": no disk cache)
//   CITYTWIN_TILE_CACHE_MB    the size cap in MiB
//   CITYTWIN_OFFLINE          "1": serve only what is cached
// else $XDG_CACHE_HOME/citytwin/tiles (or ~/.cache/citytwin/tiles), 2 GiB.

#include <cstdint>
#include <optional>
#include <string>

#include "citytwin/geo/Result.h"

namespace citytwin::tilecache {

struct CacheSettings {
    std::string folder;  ///< "" = no disk cache (every read goes to the server)
    std::uint64_t maxBytes = 2ull << 30;
    bool offline = false;
    /// Negative caching: a 404 or 410 is remembered this long (in memory, per
    /// process) and answered without asking the server again; 0 = off.
    std::uint32_t missingSeconds = 60;
};

/// The settings the environment asks for (see the header comment).
CacheSettings cacheSettingsFromEnvironment();

/// "512" (MiB), "512M", "2G", "300K": the cap in bytes; a message naming
/// `field` for anything else.
geo::Result<std::uint64_t> parseCacheSize(const std::string& text, const std::string& field);

/// The environment's settings overridden by command-line options
/// (--tile-cache DIR|off, --tile-cache-size SIZE, --offline); an error naming
/// the option for a bad size or offline without a folder.
geo::Result<CacheSettings> cacheSettingsWithOptions(const std::optional<std::string>& folder,
                                                    const std::optional<std::string>& size,
                                                    bool offline);

}  // namespace citytwin::tilecache
