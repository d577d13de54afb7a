#include "citytwin/formats/ImplicitTiling.h"

#include "citytwin/formats/SubtreeFile.h"

#include <type_traits>
#include <variant>

namespace citytwin::formats {
namespace {

using json = nlohmann::json;

struct TileKey {
    unsigned level = 0;
    std::uint64_t x = 0, y = 0, z = 0;
};

std::string substitute(std::string uri, const TileKey& k) {
    auto replace = [&](const std::string& key, std::uint64_t value) {
        for (std::size_t at = uri.find(key); at != std::string::npos; at = uri.find(key, at + 1))
            uri.replace(at, key.size(), std::to_string(value));
    };
    replace("{level}", k.level);
    replace("{x}", k.x);
    replace("{y}", k.y);
    replace("{z}", k.z);
    return uri;
}

class ImplicitExpander {
public:
    ImplicitExpander(const json& tile, const std::string& document, const TileSource& source,
                     const ImplicitTilingLimits& limits)
        : _tile(tile), _document(document), _source(source), _limits(limits) {}

    geo::Result<json> expand(const std::string& field) {
        using R = geo::Result<json>;
        const json& it = _tile["implicitTiling"];
        const std::string f = field + ".implicitTiling";
        if (!it.is_object())
            return R::failure("implicitTiling is not an object", _document, 0, f);
        const std::string scheme = it.value("subdivisionScheme", std::string());
        if (scheme != "QUADTREE" && scheme != "OCTREE")
            return R::failure("subdivisionScheme must be QUADTREE or OCTREE", _document, 0,
                              f + ".subdivisionScheme");
        _octree = scheme == "OCTREE";
        const json levels = it.value("subtreeLevels", json()),
                   available = it.value("availableLevels", json());
        if (!levels.is_number_unsigned() || levels.get<std::uint64_t>() < 1 ||
            levels.get<std::uint64_t>() * (_octree ? 3 : 2) > 36)
            return R::failure("subtreeLevels must be a positive integer small enough to index",
                              _document, 0, f + ".subtreeLevels");
        if (!available.is_number_unsigned() || available.get<std::uint64_t>() < 1 ||
            available.get<std::uint64_t>() > 30)
            return R::failure("availableLevels must be an integer from 1 to 30", _document, 0,
                              f + ".availableLevels");
        _subtreeLevels = unsigned(levels.get<std::uint64_t>());
        _availableLevels = unsigned(available.get<std::uint64_t>());
        const auto subtrees = it.find("subtrees");
        if (subtrees == it.end() || !subtrees->is_object() || !subtrees->contains("uri") ||
            !(*subtrees)["uri"].is_string())
            return R::failure("implicitTiling has no subtrees.uri template", _document, 0,
                              f + ".subtrees.uri");
        _subtreeTemplate = (*subtrees)["uri"].get<std::string>();
        if (auto c = _tile.find("content"); c != _tile.end() && c->is_object())
            _contentTemplates.push_back(c->value("uri", std::string()));
        if (auto cs = _tile.find("contents"); cs != _tile.end() && cs->is_array())
            for (const auto& c : *cs)
                _contentTemplates.push_back(c.is_object() ? c.value("uri", std::string()) : "");
        _rootError = _tile.value("geometricError", 0.0);
        _refine = _tile.value("refine", std::string("REPLACE"));
        _bounds = _tile.value("boundingVolume", json::object());
        const std::uint64_t n = _octree ? 8 : 4;
        _childSubtreeCount = 1;
        for (unsigned i = 0; i < _subtreeLevels; ++i)
            _childSubtreeCount *= n;
        _tileCount = (_childSubtreeCount - 1) / (n - 1);

        json root = loadSubtree(TileKey{}, true);
        if (_rootFailure)
            return R(*_rootFailure);
        geo::Result<json> r(root.is_null() ? json::object() : root);
        r.addDiagnostics(_warnings);
        return r;
    }

private:
    json loadSubtree(const TileKey& key, bool isRoot) {
        const std::string uri = substitute(_subtreeTemplate, key);
        const std::string field = "implicitTiling.subtrees.uri";
        auto report = [&](const geo::Diagnostic& d) {
            if (isRoot)
                _rootFailure = d;
            else
                _warnings.push_back(
                    geo::makeWarning(d.message + "; subtree skipped", d.source, 0, d.field));
        };
        auto location = _source.resolve(_document, uri, field);
        if (!location) {
            report(location.diagnostics().front());
            return nullptr;
        }
        auto bytes = _source.read(*location);
        if (!bytes) {
            report(bytes.diagnostics().front());
            return nullptr;
        }
        const std::string subtreeLocation = *location;
        SubtreeBufferFetcher fetch =
            [&](const std::string& bufferUri) -> geo::Result<std::vector<std::uint8_t>> {
            auto l = _source.resolve(subtreeLocation, bufferUri, "buffers.uri");
            if (!l)
                return geo::Result<std::vector<std::uint8_t>>(l.diagnostics().front());
            return _source.read(*l);
        };
        auto subtree = parseSubtree(*bytes, subtreeLocation, _tileCount, _childSubtreeCount, fetch);
        if (!subtree) {
            report(subtree.diagnostics().front());
            return nullptr;
        }
        return tileAt(*subtree, key, 0, 0, 0, 0);
    }

    json boundingVolume(const TileKey& k) const {
        const double cells = double(std::uint64_t(1) << k.level);
        if (auto b = _bounds.find("box"); b != _bounds.end() && b->is_array() && b->size() == 12) {
            std::array<double, 12> v{};
            for (std::size_t i = 0; i < 12; ++i)
                v[i] = (*b)[i].is_number() ? (*b)[i].get<double>() : 0.0;
            const double f[3] = {-1.0 + (2.0 * double(k.x) + 1.0) / cells,
                                 -1.0 + (2.0 * double(k.y) + 1.0) / cells,
                                 _octree ? -1.0 + (2.0 * double(k.z) + 1.0) / cells : 0.0};
            json box = json::array();
            for (int c = 0; c < 3; ++c)
                box.push_back(v[std::size_t(c)] + f[0] * v[3 + std::size_t(c)] +
                              f[1] * v[6 + std::size_t(c)] + f[2] * v[9 + std::size_t(c)]);
            for (int axis = 0; axis < 3; ++axis)
                for (int c = 0; c < 3; ++c)
                    box.push_back(v[3 + 3 * std::size_t(axis) + std::size_t(c)] /
                                  (axis < 2 || _octree ? cells : 1.0));
            return {{"box", box}};
        }
        if (auto r = _bounds.find("region");
            r != _bounds.end() && r->is_array() && r->size() == 6) {
            std::array<double, 6> v{};
            for (std::size_t i = 0; i < 6; ++i)
                v[i] = (*r)[i].is_number() ? (*r)[i].get<double>() : 0.0;
            const double w = (v[2] - v[0]) / cells, s = (v[3] - v[1]) / cells;
            const double h = _octree ? (v[5] - v[4]) / cells : v[5] - v[4];
            const double hz = _octree ? double(k.z) : 0.0;
            return {{"region", json::array({v[0] + w * double(k.x), v[1] + s * double(k.y),
                                            v[0] + w * double(k.x + 1), v[1] + s * double(k.y + 1),
                                            v[4] + h * hz, v[4] + h * (hz + 1.0)})}};
        }
        return _bounds;
    }

    json tileAt(const SubtreeFile& subtree, const TileKey& subtreeRoot, unsigned localLevel,
                std::uint64_t lx, std::uint64_t ly, std::uint64_t lz) {
        const std::uint64_t n = _octree ? 8 : 4;
        const std::uint64_t index = subtreeTileIndex(localLevel, lx, ly, lz, _octree);
        if (!subtree.tiles.isAvailable(index))
            return nullptr;
        if (++_expanded > _limits.maxTiles) {
            if (_expanded == _limits.maxTiles + 1)
                _warnings.push_back(geo::makeWarning("implicit tileset has more than " +
                                                         std::to_string(_limits.maxTiles) +
                                                         " tiles; the rest is skipped",
                                                     _document, 0, "implicitTiling"));
            return nullptr;
        }
        const TileKey key{subtreeRoot.level + localLevel, (subtreeRoot.x << localLevel) + lx,
                          (subtreeRoot.y << localLevel) + ly, (subtreeRoot.z << localLevel) + lz};
        json tile = {{"geometricError", _rootError / double(std::uint64_t(1) << key.level)},
                     {"refine", _refine},
                     {"boundingVolume", boundingVolume(key)}};
        json contents = json::array();
        for (std::size_t c = 0; c < _contentTemplates.size(); ++c)
            if (c < subtree.contents.size() && subtree.contents[c].isAvailable(index) &&
                !_contentTemplates[c].empty())
                contents.push_back({{"uri", substitute(_contentTemplates[c], key)}});
        if (!contents.empty())
            tile["contents"] = contents;
        json children = json::array();
        for (std::uint64_t c = 0; c < n; ++c) {
            const std::uint64_t cx = 2 * lx + (c & 1u), cy = 2 * ly + ((c >> 1) & 1u),
                                cz = _octree ? 2 * lz + ((c >> 2) & 1u) : 0;
            json child;
            if (localLevel + 1 < _subtreeLevels) {
                child = tileAt(subtree, subtreeRoot, localLevel + 1, cx, cy, cz);
            } else if (key.level + 1 < _availableLevels &&
                       subtree.childSubtrees.isAvailable(mortonIndex(cx, cy, cz, _octree))) {
                const TileKey childRoot{key.level + 1, (subtreeRoot.x << (localLevel + 1)) + cx,
                                        (subtreeRoot.y << (localLevel + 1)) + cy,
                                        (subtreeRoot.z << (localLevel + 1)) + cz};
                child = loadSubtree(childRoot, false);
            }
            if (!child.is_null())
                children.push_back(std::move(child));
        }
        if (!children.empty())
            tile["children"] = std::move(children);
        return tile;
    }

    const json& _tile;
    const std::string& _document;
    const TileSource& _source;
    ImplicitTilingLimits _limits;
    bool _octree = false;
    unsigned _subtreeLevels = 1, _availableLevels = 1;
    std::uint64_t _tileCount = 1, _childSubtreeCount = 1;
    std::string _subtreeTemplate;
    std::vector<std::string> _contentTemplates;
    double _rootError = 0.0;
    std::string _refine;
    json _bounds;
    std::size_t _expanded = 0;
    std::optional<geo::Diagnostic> _rootFailure;
    std::vector<geo::Diagnostic> _warnings;
};

/// A bounding volume as tileset.json writes it.
json volumeJson(const BoundingVolume& volume) {
    return std::visit(
        [](const auto& v) -> json {
            using V = std::decay_t<decltype(v)>;
            const char* key = std::is_same_v<V, BoundingBox>      ? "box"
                              : std::is_same_v<V, BoundingRegion> ? "region"
                                                                  : "sphere";
            return {{key, json(v.values)}};
        },
        volume);
}

/// The json tile the expander reads, from a parsed one.
json implicitTileJson(const TilesetTile& tile) {
    const ImplicitTilingInfo& it = *tile.implicitTiling;
    json out = {
        {"geometricError", tile.geometricError},
        {"implicitTiling",
         {{"subdivisionScheme", it.scheme == SubdivisionScheme::Octree ? "OCTREE" : "QUADTREE"},
          {"subtreeLevels", it.subtreeLevels},
          {"availableLevels", it.availableLevels},
          {"subtrees", {{"uri", it.subtreesUri}}}}}};
    if (tile.refine)
        out["refine"] = *tile.refine == Refine::Replace ? "REPLACE" : "ADD";
    if (tile.boundingVolume)
        out["boundingVolume"] = volumeJson(*tile.boundingVolume);
    json contents = json::array();
    for (const auto& uri : tile.contentUris)
        contents.push_back({{"uri", uri}});
    if (!contents.empty())
        out["contents"] = std::move(contents);
    return out;
}

/// The expander's explicit tile (always well formed) as a typed tile.
TilesetTile typedTile(const json& tile, const std::string& path) {
    TilesetTile out;
    out.path = path;
    out.geometricError = tile.value("geometricError", 0.0);
    out.refine = tile.value("refine", std::string()) == "REPLACE" ? Refine::Replace : Refine::Add;
    if (auto v = tile.find("boundingVolume"); v != tile.end())
        out.boundingVolume = parseBoundingVolume(*v);
    if (auto cs = tile.find("contents"); cs != tile.end())
        for (std::size_t i = 0; i < cs->size(); ++i) {
            out.contentUris.push_back((*cs)[i].value("uri", std::string()));
            out.contentPaths.push_back(path + ".contents[" + std::to_string(i) + "]");
        }
    if (auto ch = tile.find("children"); ch != tile.end())
        for (std::size_t i = 0; i < ch->size(); ++i)
            out.children.push_back(
                typedTile((*ch)[i], path + ".children[" + std::to_string(i) + "]"));
    return out;
}

}  // namespace

std::uint64_t mortonIndex(std::uint64_t x, std::uint64_t y, std::uint64_t z, bool octree) {
    std::uint64_t m = 0;
    const int axes = octree ? 3 : 2;
    for (int b = 0; b < 21; ++b) {
        m |= ((x >> b) & 1u) << (axes * b);
        m |= ((y >> b) & 1u) << (axes * b + 1);
        if (octree)
            m |= ((z >> b) & 1u) << (axes * b + 2);
    }
    return m;
}

std::uint64_t subtreeTileIndex(unsigned localLevel, std::uint64_t x, std::uint64_t y,
                               std::uint64_t z, bool octree) {
    const std::uint64_t n = octree ? 8 : 4;
    std::uint64_t levelOffset = 0, levelSize = 1;
    for (unsigned i = 0; i < localLevel; ++i) {
        levelOffset += levelSize;
        levelSize *= n;
    }
    return levelOffset + mortonIndex(x, y, z, octree);
}

geo::Result<nlohmann::json> expandImplicitTiling(const nlohmann::json& tile,
                                                 const std::string& document,
                                                 const TileSource& source, const std::string& field,
                                                 const ImplicitTilingLimits& limits) {
    if (!tile.is_object() || !tile.contains("implicitTiling"))
        return geo::Result<nlohmann::json>::failure("tile has no implicitTiling", document, 0,
                                                    field);
    return ImplicitExpander(tile, document, source, limits).expand(field);
}

geo::Result<TilesetTile> expandImplicitTiling(const TilesetTile& tile, const std::string& document,
                                              const TileSource& source,
                                              const ImplicitTilingLimits& limits) {
    using R = geo::Result<TilesetTile>;
    if (!tile.implicitTiling)
        return R::failure("tile has no implicitTiling", document, 0, tile.path);
    auto expanded =
        ImplicitExpander(implicitTileJson(tile), document, source, limits).expand(tile.path);
    if (!expanded)
        return geo::Failure{expanded.diagnostics()};
    R r(typedTile(*expanded, tile.path));
    r.addDiagnostics(expanded.diagnostics());
    return r;
}

}  // namespace citytwin::formats
