#include "citytwin/formats/BatchTable.h"

#include <cmath>

#include "TileFeatureTable.h"

namespace citytwin::formats {
namespace {

std::string formatNumber(double v) {
    nlohmann::json j = v;
    if (v == double(std::int64_t(v)) && std::abs(v) < 9e15)
        j = std::int64_t(v);
    return j.dump();
}

}  // namespace

geo::Result<std::shared_ptr<geo::FeatureLayer>> buildBatchTableLayer(
    std::string_view json, std::span<const std::uint8_t> binary, std::uint32_t count,
    const std::string& layerName, const std::string& source) {
    // Features are built one per id even when the table is absent or broken.
    constexpr std::uint32_t kMaxFeatures = 10'000'000;
    auto layer = std::make_shared<geo::FeatureLayer>();
    layer->name = layerName;
    layer->sourcePath = source;
    if (count > kMaxFeatures)
        return geo::Result<std::shared_ptr<geo::FeatureLayer>>::failure(
            "batch length " + std::to_string(count) + " is implausibly large", source, 0,
            "BATCH_LENGTH");
    layer->features.resize(count);
    for (std::uint32_t i = 0; i < count; ++i)
        layer->features[i].id = i;
    auto table = TileFeatureTable::parse(json, binary, source, "batch table");
    if (!table) {
        geo::Result<std::shared_ptr<geo::FeatureLayer>> r(layer);
        for (const auto& d : table.diagnostics())
            r.addDiagnostic(
                geo::makeWarning(d.message + "; properties skipped", d.source, 0, d.field));
        return r;
    }
    std::vector<geo::Diagnostic> warnings;
    for (const auto& [name, value] : table->json().items()) {
        if (name == "extensions" || name == "extras")
            continue;
        if (value.is_array()) {
            if (value.size() != count) {
                warnings.push_back(geo::makeWarning(
                    "batch table property has " + std::to_string(value.size()) + " values for " +
                        std::to_string(count) + " features; skipped",
                    source, 0, name));
                continue;
            }
            for (std::uint32_t i = 0; i < count; ++i) {
                const auto& v = value[i];
                layer->features[i].attributes.push_back(
                    {name, v.is_string() ? v.get<std::string>() : v.dump()});
            }
            continue;
        }
        const int components = typeComponents(value.value("type", std::string()));
        if (!value.is_object() || components == 0 || !value.contains("componentType")) {
            warnings.push_back(geo::makeWarning(
                "batch table property is neither an array nor a binary reference with "
                "componentType and type; skipped",
                source, 0, name));
            continue;
        }
        auto values = table->values(name, count, components, "",
                                    {"BYTE", "UNSIGNED_BYTE", "SHORT", "UNSIGNED_SHORT", "INT",
                                     "UNSIGNED_INT", "FLOAT", "DOUBLE"});
        if (!values) {
            for (const auto& d : values.diagnostics())
                warnings.push_back(geo::makeWarning(d.message + "; skipped", d.source, 0, d.field));
            continue;
        }
        for (std::uint32_t i = 0; i < count; ++i) {
            std::string text;
            for (int c = 0; c < components; ++c) {
                if (c)
                    text += ", ";
                text += formatNumber(
                    (*values)[std::size_t(i) * std::size_t(components) + std::size_t(c)]);
            }
            layer->features[i].attributes.push_back({name, text});
        }
    }
    geo::Result<std::shared_ptr<geo::FeatureLayer>> r(layer);
    r.addDiagnostics(warnings);
    return r;
}

}  // namespace citytwin::formats
