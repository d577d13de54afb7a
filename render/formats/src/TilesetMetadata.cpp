#include "citytwin/formats/TilesetMetadata.h"

#include "citytwin/formats/TileSource.h"

#include <nlohmann/json.hpp>

namespace citytwin::formats {
namespace {

using Rows = std::vector<TilesetMetadataRow>;

std::string text(const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

/// One row per value of a metadata entity ({"class": ..., "properties": {...}}).
void addEntity(Rows& rows, const std::string& prefix, const nlohmann::json& entity) {
    if (!entity.is_object())
        return;
    const auto cls = entity.find("class");
    const std::string name =
        prefix +
        (cls != entity.end() && cls->is_string() ? " (" + cls->get<std::string>() + ")" : "");
    const auto properties = entity.find("properties");
    if (properties == entity.end() || !properties->is_object() || properties->empty()) {
        rows.push_back({name, ""});
        return;
    }
    for (const auto& [key, value] : properties->items())
        rows.push_back({name + "." + key, text(value)});
}

/// "author (STRING), tileCount (SCALAR UINT8)": a class's properties and types.
std::string classProperties(const nlohmann::json& cls) {
    std::string out;
    const auto properties = cls.find("properties");
    if (properties == cls.end() || !properties->is_object())
        return out;
    for (const auto& [key, p] : properties->items()) {
        std::string type;
        for (const char* field : {"type", "componentType"})
            if (p.is_object() && p.contains(field) && p[field].is_string())
                type += (type.empty() ? "" : " ") + p[field].get<std::string>();
        out += (out.empty() ? "" : ", ") + key + (type.empty() ? "" : " (" + type + ")");
    }
    return out;
}

void addSchema(Rows& rows, const nlohmann::json& schema) {
    if (!schema.is_object())
        return;
    if (const auto id = schema.find("id"); id != schema.end())
        rows.push_back({"schema.id", text(*id)});
    const auto classes = schema.find("classes");
    if (classes == schema.end() || !classes->is_object())
        return;
    for (const auto& [key, cls] : classes->items()) {
        std::string value = classProperties(cls);
        if (cls.is_object() && cls.contains("name") && cls["name"].is_string())
            value = cls["name"].get<std::string>() + (value.empty() ? "" : ": " + value);
        rows.push_back({"schema.class " + key, value});
    }
}

}  // namespace

geo::Result<std::vector<TilesetMetadataRow>> parseTilesetMetadata(std::string_view json,
                                                                  const std::string& source) {
    using R = geo::Result<Rows>;
    const nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return R::failure("not a JSON object", source);
    Rows rows;
    if (const auto asset = doc.find("asset"); asset != doc.end() && asset->is_object())
        for (const auto& [key, value] : asset->items())
            rows.push_back({"asset." + key, text(value)});
    // 3D Tiles 1.0: the range of each batch-table property over the tiles.
    if (const auto p = doc.find("properties"); p != doc.end() && p->is_object())
        for (const auto& [key, value] : p->items())
            rows.push_back({"properties." + key, text(value)});
    if (const auto schema = doc.find("schema"); schema != doc.end())
        addSchema(rows, *schema);
    if (const auto uri = doc.find("schemaUri"); uri != doc.end())
        rows.push_back({"schemaUri", text(*uri)});
    if (const auto metadata = doc.find("metadata"); metadata != doc.end())
        addEntity(rows, "metadata", *metadata);
    if (const auto groups = doc.find("groups"); groups != doc.end() && groups->is_array())
        for (std::size_t i = 0; i < groups->size(); ++i)
            addEntity(rows, "group " + std::to_string(i), (*groups)[i]);
    return rows;
}

geo::Result<std::vector<TilesetMetadataRow>> readTilesetMetadata(const std::string& location) {
    using R = geo::Result<std::vector<TilesetMetadataRow>>;
    auto source = TileSource::open(location);
    if (!source)
        return R(source.diagnostics().front());
    auto bytes = source->read(source->tilesetLocation());
    if (!bytes)
        return R::failure("cannot read the tileset: " + bytes.diagnostics().front().message,
                          location);
    return parseTilesetMetadata(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), location);
}

}  // namespace citytwin::formats
