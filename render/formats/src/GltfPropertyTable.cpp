#include "citytwin/formats/GltfPropertyTable.h"

#include <nlohmann/json.hpp>

#include <cstring>

namespace citytwin::formats {
namespace {

std::size_t componentSize(const std::string& t) {
    if (t == "INT8" || t == "UINT8")
        return 1;
    if (t == "INT16" || t == "UINT16")
        return 2;
    if (t == "INT32" || t == "UINT32" || t == "FLOAT32")
        return 4;
    if (t == "INT64" || t == "UINT64" || t == "FLOAT64")
        return 8;
    return 0;
}

std::size_t typeComponents(const std::string& t) {
    if (t == "SCALAR")
        return 1;
    if (t == "VEC2")
        return 2;
    if (t == "VEC3")
        return 3;
    if (t == "VEC4" || t == "MAT2")
        return 4;
    if (t == "MAT3")
        return 9;
    if (t == "MAT4")
        return 16;
    return 0;
}

template <typename T>
T load(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

std::string formatComponent(const std::uint8_t* p, const std::string& t) {
    if (t == "FLOAT32")
        return nlohmann::json(double(load<float>(p))).dump();
    if (t == "FLOAT64")
        return nlohmann::json(load<double>(p)).dump();
    if (t == "INT8")
        return std::to_string(load<std::int8_t>(p));
    if (t == "UINT8")
        return std::to_string(load<std::uint8_t>(p));
    if (t == "INT16")
        return std::to_string(load<std::int16_t>(p));
    if (t == "UINT16")
        return std::to_string(load<std::uint16_t>(p));
    if (t == "INT32")
        return std::to_string(load<std::int32_t>(p));
    if (t == "UINT32")
        return std::to_string(load<std::uint32_t>(p));
    if (t == "INT64")
        return std::to_string(load<std::int64_t>(p));
    return std::to_string(load<std::uint64_t>(p));
}

std::uint64_t readOffset(const std::uint8_t* p, const std::string& t) {
    if (t == "UINT8")
        return load<std::uint8_t>(p);
    if (t == "UINT16")
        return load<std::uint16_t>(p);
    if (t == "UINT64")
        return load<std::uint64_t>(p);
    return load<std::uint32_t>(p);
}

std::string text(const tinygltf::Value& v, const char* key) {
    return v.Has(key) && v.Get(key).IsString() ? v.Get(key).Get<std::string>() : std::string();
}

}  // namespace

std::shared_ptr<geo::FeatureLayer> propertyTableLayer(const tinygltf::Model& model, int table,
                                                      const GltfAccessorReader& reader,
                                                      const std::string& layerId,
                                                      std::vector<geo::Diagnostic>& diagnostics) {
    const std::string field =
        "EXT_structural_metadata.propertyTables[" + std::to_string(table) + "]";
    auto warn = [&](const std::string& message, const std::string& f) {
        diagnostics.push_back(geo::makeWarning(message, reader.source(), 0, f));
    };
    const auto ext = model.extensions.find("EXT_structural_metadata");
    if (ext == model.extensions.end())
        return nullptr;
    const tinygltf::Value& tables = ext->second.Get("propertyTables");
    if (!tables.IsArray() || table < 0 || std::size_t(table) >= tables.ArrayLen()) {
        warn("property table does not exist; features listed by id only", field);
        return nullptr;
    }
    const tinygltf::Value& t = tables.Get(table);
    const int count = t.Get("count").IsInt() ? t.Get("count").GetNumberAsInt() : -1;
    if (count < 0 || count > 10'000'000) {
        warn("property table count is missing or implausible", field + ".count");
        return nullptr;
    }
    const tinygltf::Value& cls =
        ext->second.Get("schema").Get("classes").Get(text(t, "class")).Get("properties");
    if (!cls.IsObject()) {
        warn("property table class '" + text(t, "class") + "' is not in the schema",
             field + ".class");
        return nullptr;
    }
    auto layer = std::make_shared<geo::FeatureLayer>();
    layer->name = text(t, "name").empty() ? layerId : text(t, "name");
    layer->sourcePath = reader.source();
    layer->features.resize(std::size_t(count));
    for (int i = 0; i < count; ++i)
        layer->features[std::size_t(i)].id = i;
    const tinygltf::Value& properties = t.Get("properties");
    for (const std::string& name : properties.Keys()) {
        const std::string pfield = field + ".properties." + name;
        const tinygltf::Value& p = properties.Get(name);
        const tinygltf::Value& def = cls.Get(name);
        const std::string type = text(def, "type");
        if (def.Has("array") && def.Get("array").IsBool() && def.Get("array").Get<bool>()) {
            warn("array properties are not shown; skipped", pfield);
            continue;
        }
        if (!p.Get("values").IsInt()) {
            warn("property has no values buffer view; skipped", pfield);
            continue;
        }
        auto values = reader.bufferViewBytes(p.Get("values").GetNumberAsInt(), pfield + ".values");
        if (!values) {
            warn(values.diagnostics().front().message + "; skipped", pfield);
            continue;
        }
        const std::size_t n = std::size_t(count);
        if (type == "STRING") {
            const std::string offsetType =
                text(p, "stringOffsetType").empty() ? "UINT32" : text(p, "stringOffsetType");
            const std::size_t size = componentSize(offsetType);
            auto offsets =
                p.Get("stringOffsets").IsInt()
                    ? reader.bufferViewBytes(p.Get("stringOffsets").GetNumberAsInt(),
                                             pfield + ".stringOffsets")
                    : geo::Result<std::vector<std::uint8_t>>::failure("no stringOffsets");
            if (!offsets || size == 0 || offsets->size() < (n + 1) * size) {
                warn("string offsets are missing or too short; skipped", pfield + ".stringOffsets");
                continue;
            }
            bool ok = true;
            std::vector<std::string> strings;
            for (std::size_t i = 0; i < n && ok; ++i) {
                const std::uint64_t a = readOffset(offsets->data() + i * size, offsetType);
                const std::uint64_t b = readOffset(offsets->data() + (i + 1) * size, offsetType);
                ok = a <= b && b <= values->size();
                if (ok)
                    strings.emplace_back(reinterpret_cast<const char*>(values->data()) + a, b - a);
            }
            if (!ok) {
                warn("a string offset runs past its values; skipped", pfield + ".stringOffsets");
                continue;
            }
            for (std::size_t i = 0; i < n; ++i)
                layer->features[i].attributes.push_back({name, strings[i]});
            continue;
        }
        if (type == "BOOLEAN") {
            if (values->size() < (n + 7) / 8) {
                warn("boolean bitstream is too short; skipped", pfield + ".values");
                continue;
            }
            for (std::size_t i = 0; i < n; ++i)
                layer->features[i].attributes.push_back(
                    {name, ((*values)[i / 8] >> (i % 8)) & 1u ? "true" : "false"});
            continue;
        }
        const std::string componentType = text(def, "componentType");
        const std::size_t size = componentSize(componentType), components = typeComponents(type);
        if (size == 0 || components == 0) {
            warn("property type " + type + " " + componentType + " is not shown; skipped", pfield);
            continue;
        }
        if (values->size() < n * components * size) {
            warn("property values are shorter than " + std::to_string(n) + " rows; skipped",
                 pfield + ".values");
            continue;
        }
        for (std::size_t i = 0; i < n; ++i) {
            std::string value;
            for (std::size_t c = 0; c < components; ++c)
                value +=
                    (c ? ", " : "") +
                    formatComponent(values->data() + (i * components + c) * size, componentType);
            layer->features[i].attributes.push_back({name, value});
        }
    }
    return layer;
}

}  // namespace citytwin::formats
