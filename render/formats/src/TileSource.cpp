#include "citytwin/formats/TileSource.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>

#include "citytwin/formats/PercentDecode.h"
#include "citytwin/tilecache/TileCache.h"

namespace citytwin::formats {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct UrlParts {
    std::string origin;  ///< scheme://host:port, lower case, port explicit
    std::string path;    ///< starts with '/'
    std::string query;   ///< with its '?', or ""
};

std::optional<UrlParts> splitUrl(const std::string& url) {
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos)
        return std::nullopt;
    const std::string scheme = lower(url.substr(0, schemeEnd));
    if (scheme != "http" && scheme != "https")
        return std::nullopt;
    const std::size_t hostStart = schemeEnd + 3;
    std::size_t pathStart = url.find_first_of("/?#", hostStart);
    if (pathStart == std::string::npos)
        pathStart = url.size();
    std::string authority = lower(url.substr(hostStart, pathStart - hostStart));
    if (authority.empty() || authority.find('@') != std::string::npos)
        return std::nullopt;  // user info could disguise the host
    if (authority.find(':', authority.rfind(']') == std::string::npos ? 0 : authority.rfind(']')) ==
        std::string::npos)
        authority += scheme == "https" ? ":443" : ":80";
    UrlParts p;
    p.origin = scheme + "://" + authority;
    std::string rest = url.substr(pathStart);
    rest = rest.substr(0, rest.find('#'));
    const auto q = rest.find('?');
    p.path = rest.substr(0, q);
    if (q != std::string::npos)
        p.query = rest.substr(q);
    if (p.path.empty() || p.path.front() != '/')
        p.path = "/" + p.path;
    return p;
}

/// Removes "." and ".." segments; nullopt if ".." climbs above the top.
std::optional<std::string> normalisePath(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t at = 1;
    while (at <= path.size()) {
        std::size_t end = path.find('/', at);
        if (end == std::string::npos)
            end = path.size();
        const std::string s = path.substr(at, end - at);
        if (s == "..") {
            if (segments.empty())
                return std::nullopt;
            segments.pop_back();
        } else if (s != "." && !(s.empty() && end != path.size())) {
            segments.push_back(s);
        }
        at = end + 1;
    }
    std::string out;
    for (const auto& s : segments)
        out += "/" + s;
    return out.empty() ? "/" : out;
}

}  // namespace

bool TileSource::isUrl(const std::string& location) {
    const std::string l = lower(location.substr(0, 8));
    return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
}

geo::Result<TileSource> TileSource::open(const std::string& tileset,
                                         const std::vector<std::string>& extraOrigins) {
    using R = geo::Result<TileSource>;
    TileSource s;
    if (isUrl(tileset)) {
        auto parts = splitUrl(tileset);
        if (!parts)
            return R::failure("not a valid http(s) URL", tileset);
        auto path = normalisePath(parts->path);
        if (!path)
            return R::failure("the URL's path climbs above the server root", tileset);
        s._remote = true;
        s._origin = parts->origin;
        s._tileset = parts->origin + *path + parts->query;
        s._root = parts->origin + path->substr(0, path->rfind('/') + 1);
        for (const auto& o : extraOrigins)
            if (auto p = splitUrl(o + "/"))
                s._extraOrigins.push_back(p->origin);
        return s;
    }
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(fs::absolute(tileset, ec), ec);
    s._tileset = file.string();
    s._root = file.parent_path().string();
    return s;
}

geo::Result<std::string> TileSource::resolve(const std::string& base, const std::string& uri,
                                             const std::string& field) const {
    using R = geo::Result<std::string>;
    if (uri.empty())
        return R::failure("empty URI", base, 0, field);
    if (!_remote) {
        if (uri.find("://") != std::string::npos || uri.front() == '/' || uri.front() == '\\')
            return R::failure("URI '" + uri + "' is absolute or remote: refused", base, 0, field);
        const std::string decoded = percentDecode(uri.substr(0, uri.find_first_of("?#")));
        std::error_code ec;
        const fs::path p = fs::weakly_canonical(fs::path(base).parent_path() / decoded, ec);
        const auto rel = p.lexically_relative(_root);
        if (rel.empty() || *rel.begin() == "..")
            return R::failure("URI '" + uri + "' leaves the tileset's folder: refused", base, 0,
                              field);
        return p.string();
    }
    // Encoded dots and slashes would let a URI pass the check below and
    // escape once the server decodes them.
    const std::string l = lower(uri);
    if (l.find("%2e") != std::string::npos || l.find("%2f") != std::string::npos ||
        l.find("%5c") != std::string::npos || uri.find('\\') != std::string::npos)
        return R::failure("URI '" + uri + "' hides dots or slashes in %-escapes: refused", base, 0,
                          field);
    std::string absolute;
    if (uri.find("://") != std::string::npos) {
        absolute = uri;
    } else if (uri.rfind("//", 0) == 0) {
        absolute = _origin.substr(0, _origin.find("://") + 1) + uri;
    } else {
        const auto baseParts = splitUrl(base);
        if (!baseParts)
            return R::failure("cannot resolve against a base that is not a URL", base, 0, field);
        const std::string dir = baseParts->path.substr(0, baseParts->path.rfind('/') + 1);
        absolute = baseParts->origin + (uri.front() == '/' ? uri : dir + uri);
    }
    auto parts = splitUrl(absolute);
    if (!parts)
        return R::failure("URI '" + uri + "' is not an http(s) URL: refused", base, 0, field);
    auto path = normalisePath(parts->path);
    if (!path)
        return R::failure("URI '" + uri + "' climbs above the server root: refused", base, 0,
                          field);
    const std::string resolved = parts->origin + *path + parts->query;
    if (parts->origin == _origin) {
        if (resolved.rfind(_root, 0) != 0)
            return R::failure("URI '" + uri + "' leaves the tileset's root " + _root + ": refused",
                              base, 0, field);
        return resolved;
    }
    if (std::find(_extraOrigins.begin(), _extraOrigins.end(), parts->origin) != _extraOrigins.end())
        return resolved;
    return R::failure("URI '" + uri + "' names host " + parts->origin +
                          ", not the tileset's own host " + _origin + ": refused",
                      base, 0, field);
}

geo::Result<std::vector<std::uint8_t>> TileSource::read(const std::string& location) const {
    using R = geo::Result<std::vector<std::uint8_t>>;
    if (!_remote) {
        std::ifstream in(location, std::ios::binary);
        if (!in)
            return R::failure("cannot open the file", location);
        return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in),
                                         std::istreambuf_iterator<char>());
    }
    // Through the client cache (revalidation, offline mode, size cap).
    return tilecache::fetchShared(location);
}

std::string TileSource::localFolderOf(const std::string& location) const {
    return _remote ? std::string() : fs::path(location).parent_path().string();
}

std::string TileSource::fileNameOf(const std::string& location) {
    std::string l = location.substr(
        0, location.find_first_of(
               "?#", location.find("://") == std::string::npos ? 0 : location.find("://") + 3));
    const auto slash = l.find_last_of("/\\");
    return slash == std::string::npos ? l : l.substr(slash + 1);
}

}  // namespace citytwin::formats
