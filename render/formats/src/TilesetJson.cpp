#include "citytwin/formats/TilesetJson.h"

#include <cmath>

#include "citytwin/json/JsonText.h"

namespace citytwin::formats {
namespace {

using json = nlohmann::json;

/// The numbers of `value` if it is an array of exactly N finite numbers.
template <std::size_t N>
std::optional<std::array<double, N>> numbers(const json& value) {
    if (!value.is_array() || value.size() != N)
        return std::nullopt;
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        if (!value[i].is_number())
            return std::nullopt;
        out[i] = value[i].get<double>();
        if (!std::isfinite(out[i]))
            return std::nullopt;
    }
    return out;
}

class TileParser {
public:
    TileParser(const std::string& source, std::vector<geo::Diagnostic>& diagnostics)
        : _source(source), _diagnostics(diagnostics) {}

    /// Nothing (and an error) if the tile cannot be used at all.
    std::optional<TilesetTile> parse(const json& tile, const std::string& path, int depth) {
        if (!tile.is_object())
            return fail("tile is not an object", path);
        if (depth > kMaxDepth)
            return fail("tile tree deeper than " + std::to_string(kMaxDepth) + " levels", path);
        TilesetTile out;
        out.path = path;
        if (auto t = tile.find("transform"); t != tile.end()) {
            out.transform = numbers<16>(*t);
            if (!out.transform)
                return fail("transform must be 16 numbers", path + ".transform");
        }
        if (auto e = tile.find("geometricError"); e != tile.end()) {
            if (e->is_number() && std::isfinite(e->get<double>()))
                out.geometricError = e->get<double>();
            else
                warn("geometricError is not a number: 0 is used", path + ".geometricError");
        }
        if (auto r = tile.find("refine"); r != tile.end()) {
            if (!r->is_string()) {
                warn("refine is not a string: the parent's is used", path + ".refine");
            } else if (r->get<std::string>() == "REPLACE") {
                out.refine = Refine::Replace;
            } else {
                out.refine = Refine::Add;
                if (r->get<std::string>() != "ADD")
                    warn("refine is neither ADD nor REPLACE: ADD is used", path + ".refine");
            }
        }
        volume(tile, "boundingVolume", path, out.boundingVolume);
        volume(tile, "viewerRequestVolume", path, out.viewerRequestVolume);
        if (auto c = tile.find("content"); c != tile.end())
            content(*c, path + ".content", out);
        if (auto cs = tile.find("contents"); cs != tile.end()) {
            if (!cs->is_array())
                error("contents is not an array", path + ".contents");
            else
                for (std::size_t i = 0; i < cs->size(); ++i)
                    content((*cs)[i], path + ".contents[" + std::to_string(i) + "]", out);
        }
        if (auto it = tile.find("implicitTiling"); it != tile.end()) {
            out.implicitTiling = implicitTiling(*it, path + ".implicitTiling");
            out.implicitTilingBroken = !out.implicitTiling;
        }
        if (auto ch = tile.find("children"); ch != tile.end()) {
            if (!ch->is_array()) {
                error("children is not an array", path + ".children");
            } else {
                for (std::size_t i = 0; i < ch->size(); ++i)
                    if (auto child = parse((*ch)[i], path + ".children[" + std::to_string(i) + "]",
                                           depth + 1))
                        out.children.push_back(std::move(*child));
            }
        }
        return out;
    }

private:
    static constexpr int kMaxDepth = 64;

    std::nullopt_t fail(const std::string& message, const std::string& field) {
        error(message, field);
        return std::nullopt;
    }
    void error(const std::string& message, const std::string& field) {
        _diagnostics.push_back(geo::makeError(message, _source, 0, field));
    }
    void warn(const std::string& message, const std::string& field) {
        _diagnostics.push_back(geo::makeWarning(message, _source, 0, field));
    }

    void volume(const json& tile, const char* key, const std::string& path,
                std::optional<BoundingVolume>& out) {
        const auto v = tile.find(key);
        if (v == tile.end())
            return;
        out = parseBoundingVolume(*v);
        if (!out)
            warn(std::string(key) + " is not a box, region or sphere: ignored", path + "." + key);
    }

    void content(const json& c, const std::string& field, TilesetTile& tile) {
        if (!c.is_object()) {
            error("content is not an object", field);
            return;
        }
        if (auto u = c.find("uri"); u != c.end() && u->is_string())
            tile.contentUris.push_back(u->get<std::string>());
        else if (auto u2 = c.find("url"); u2 != c.end() && u2->is_string())
            tile.contentUris.push_back(u2->get<std::string>());  // pre-1.0
        else
            return error("content has no uri", field);
        tile.contentPaths.push_back(field);
    }

    std::optional<ImplicitTilingInfo> implicitTiling(const json& it, const std::string& field) {
        if (!it.is_object())
            return fail("implicitTiling is not an object", field);
        ImplicitTilingInfo out;
        const std::string scheme = it.value("subdivisionScheme", std::string());
        if (scheme == "QUADTREE")
            out.scheme = SubdivisionScheme::Quadtree;
        else if (scheme == "OCTREE")
            out.scheme = SubdivisionScheme::Octree;
        else
            return fail("subdivisionScheme must be QUADTREE or OCTREE",
                        field + ".subdivisionScheme");
        // A subtree's tiles are indexed in 36 bits; deeper than 30 levels
        // the tile coordinates would not fit the expansion's arithmetic.
        const int bitsPerLevel = out.scheme == SubdivisionScheme::Octree ? 3 : 2;
        auto level = [&](const char* key, std::uint64_t max, const std::string& message,
                         unsigned& value) {
            const auto v = it.find(key);
            if (v == it.end() || !v->is_number_unsigned() || v->get<std::uint64_t>() < 1 ||
                v->get<std::uint64_t>() > max) {
                error(std::string(key) + message, field + "." + key);
                return false;
            }
            value = unsigned(v->get<std::uint64_t>());
            return true;
        };
        if (!level("subtreeLevels", std::uint64_t(36 / bitsPerLevel),
                   " must be a positive integer small enough to index", out.subtreeLevels) ||
            !level("availableLevels", 30, " must be an integer from 1 to 30", out.availableLevels))
            return std::nullopt;
        const auto subtrees = it.find("subtrees");
        if (subtrees == it.end() || !subtrees->is_object() || !subtrees->contains("uri") ||
            !(*subtrees)["uri"].is_string())
            return fail("implicitTiling has no subtrees.uri template", field + ".subtrees.uri");
        out.subtreesUri = (*subtrees)["uri"].get<std::string>();
        return out;
    }

    const std::string& _source;
    std::vector<geo::Diagnostic>& _diagnostics;
};

}  // namespace

std::optional<BoundingVolume> parseBoundingVolume(const nlohmann::json& volume) {
    if (!volume.is_object())
        return std::nullopt;
    if (auto b = volume.find("box"); b != volume.end())
        if (auto v = numbers<12>(*b))
            return BoundingBox{*v};
    if (auto r = volume.find("region"); r != volume.end())
        if (auto v = numbers<6>(*r))
            return BoundingRegion{*v};
    if (auto s = volume.find("sphere"); s != volume.end())
        if (auto v = numbers<4>(*s))
            return BoundingSphere{*v};
    return std::nullopt;
}

geo::Result<TilesetTile> parseTilesetTile(const nlohmann::json& tile, const std::string& source,
                                          const std::string& path) {
    std::vector<geo::Diagnostic> diagnostics;
    auto parsed = TileParser(source, diagnostics).parse(tile, path, 0);
    if (!parsed)
        return geo::Failure{diagnostics};
    geo::Result<TilesetTile> r(std::move(*parsed));
    r.addDiagnostics(diagnostics);
    return r;
}

/// The typed tileset of a parsed document (may throw on a read we missed).
geo::Result<Tileset> parseTilesetDocument(const nlohmann::json& doc, const std::string& source);

geo::Result<Tileset> parseTilesetJson(std::span<const std::uint8_t> bytes,
                                      const std::string& source) {
    using R = geo::Result<Tileset>;
    const auto parsed = citytwin::json::parseJsonText(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    if (!parsed.ok)
        return R::failure("tileset is not valid JSON: " + parsed.message, source, parsed.line,
                          parsed.path);
    try {
        return parseTilesetDocument(parsed.doc, source);
    } catch (const std::exception& e) {  // a typed read we missed: still an error, not a crash
        return R::failure(std::string("unexpected tileset content: ") + e.what(), source);
    }
}

geo::Result<Tileset> parseTilesetDocument(const json& doc, const std::string& source) {
    using R = geo::Result<Tileset>;
    if (!doc.is_object() || !doc.contains("root") || !doc["root"].is_object())
        return R::failure("tileset has no root tile object", source, 0, "root");
    Tileset tileset;
    std::vector<geo::Diagnostic> diagnostics;
    if (auto a = doc.find("asset");
        a != doc.end() && a->is_object() && a->contains("version") && (*a)["version"].is_string())
        tileset.assetVersion = (*a)["version"].get<std::string>();
    else
        diagnostics.push_back(geo::makeWarning("tileset has no asset.version", source, 0, "asset"));
    if (auto e = doc.find("geometricError"); e != doc.end() && e->is_number())
        tileset.geometricError = e->get<double>();
    if (auto x = doc.find("extensionsRequired"); x != doc.end()) {
        if (x->is_array())
            for (const auto& name : *x)
                if (name.is_string())
                    tileset.extensionsRequired.push_back(name.get<std::string>());
        diagnostics.push_back(
            geo::makeWarning("required extensions are ignored", source, 0, "extensionsRequired"));
    }
    auto root = TileParser(source, diagnostics).parse(doc["root"], "root", 0);
    if (!root)
        return geo::Failure{diagnostics};
    tileset.root = std::move(*root);
    R r(std::move(tileset));
    r.addDiagnostics(diagnostics);
    return r;
}

}  // namespace citytwin::formats
