#include "citytwin/tilecache/CacheSettings.h"

#include <cctype>
#include <cstdlib>

#include "citytwin/geo/Log.h"

namespace citytwin::tilecache {

geo::Result<std::uint64_t> parseCacheSize(const std::string& text, const std::string& field) {
    using R = geo::Result<std::uint64_t>;
    std::size_t i = 0;
    std::uint64_t value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        if (value > (1ull << 40))
            return R::failure("cache size '" + text + "' is too large", {}, 0, field);
        value = value * 10 + std::uint64_t(text[i++] - '0');
    }
    if (i == 0)
        return R::failure("cache size '" + text + "' is not a number (e.g. 512, 512M, 2G)", {}, 0,
                          field);
    std::string unit = text.substr(i);
    for (char& c : unit)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    if (unit.ends_with("IB"))
        unit.resize(unit.size() - 2);
    else if (unit.size() > 1 && unit.back() == 'B')
        unit.pop_back();
    int shift = 0;
    if (unit.empty() || unit == "M")
        shift = 20;
    else if (unit == "K")
        shift = 10;
    else if (unit == "G")
        shift = 30;
    else if (unit == "B")
        shift = 0;
    else
        return R::failure("cache size '" + text + "' has an unknown unit (K, M, G)", {}, 0, field);
    if (value > (~std::uint64_t(0) >> shift))
        return R::failure("cache size '" + text + "' is too large", {}, 0, field);
    return value << shift;
}

CacheSettings cacheSettingsFromEnvironment() {
    CacheSettings s;
    const char* folder = std::getenv("CITYTWIN_TILE_CACHE");
    if (folder && *folder) {
        s.folder = std::string(folder) == "off" ? std::string() : std::string(folder);
    } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') {
        s.folder = std::string(xdg) + "/citytwin/tiles";
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        s.folder = std::string(home) + "/.cache/citytwin/tiles";
    }
    if (const char* mb = std::getenv("CITYTWIN_TILE_CACHE_MB"); mb && *mb) {
        auto size = parseCacheSize(mb, "CITYTWIN_TILE_CACHE_MB");
        if (size)
            s.maxBytes = *size;
        else
            geo::logWarning(size.messages() + "; the default cap is used");
    }
    if (const char* off = std::getenv("CITYTWIN_OFFLINE"); off && *off && std::string(off) != "0")
        s.offline = true;
    return s;
}

geo::Result<CacheSettings> cacheSettingsWithOptions(const std::optional<std::string>& folder,
                                                    const std::optional<std::string>& size,
                                                    bool offline) {
    using R = geo::Result<CacheSettings>;
    CacheSettings s = cacheSettingsFromEnvironment();
    if (folder) {
        if (folder->empty())
            return R::failure("--tile-cache needs a folder (or 'off')", {}, 0, "--tile-cache");
        s.folder = *folder == "off" ? std::string() : *folder;
    }
    if (size) {
        auto bytes = parseCacheSize(*size, "--tile-cache-size");
        CITYTWIN_RETURN_IF_FAILED(bytes);
        s.maxBytes = *bytes;
    }
    s.offline = s.offline || offline;
    if (s.offline && s.folder.empty())
        return R::failure(
            "offline mode serves tiles from the cache: it needs --tile-cache DIR, "
            "not 'off'",
            {}, 0, "--offline");
    return s;
}

}  // namespace citytwin::tilecache
