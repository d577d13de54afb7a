#include "TileFeatureTable.h"

#include <algorithm>
#include <cstring>

namespace citytwin::formats {
namespace {

template <typename T>
double load(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return double(v);
}

double readComponent(const std::uint8_t* p, const std::string& type) {
    if (type == "BYTE")
        return load<std::int8_t>(p);
    if (type == "UNSIGNED_BYTE")
        return load<std::uint8_t>(p);
    if (type == "SHORT")
        return load<std::int16_t>(p);
    if (type == "UNSIGNED_SHORT")
        return load<std::uint16_t>(p);
    if (type == "INT")
        return load<std::int32_t>(p);
    if (type == "UNSIGNED_INT")
        return load<std::uint32_t>(p);
    if (type == "FLOAT")
        return load<float>(p);
    return load<double>(p);  // DOUBLE
}

}  // namespace

std::size_t componentTypeSize(const std::string& t) {
    if (t == "BYTE" || t == "UNSIGNED_BYTE")
        return 1;
    if (t == "SHORT" || t == "UNSIGNED_SHORT")
        return 2;
    if (t == "INT" || t == "UNSIGNED_INT" || t == "FLOAT")
        return 4;
    if (t == "DOUBLE")
        return 8;
    return 0;
}

int typeComponents(const std::string& type) {
    if (type == "SCALAR")
        return 1;
    if (type == "VEC2")
        return 2;
    if (type == "VEC3")
        return 3;
    if (type == "VEC4")
        return 4;
    return 0;
}

geo::Result<TileFeatureTable> TileFeatureTable::parse(std::string_view json,
                                                      std::span<const std::uint8_t> binary,
                                                      const std::string& source,
                                                      const std::string& what) {
    TileFeatureTable t;
    t._binary = binary;
    t._source = source;
    t._what = what;
    // Headers are padded with spaces (and some writers pad with NULs).
    while (!json.empty() && (json.back() == '\0' || json.back() == ' '))
        json.remove_suffix(1);
    if (json.empty()) {
        t._json = nlohmann::json::object();
        return t;
    }
    t._json = nlohmann::json::parse(json, nullptr, false);
    if (t._json.is_discarded() || !t._json.is_object())
        return geo::Result<TileFeatureTable>::failure(what + " JSON is not a JSON object", source,
                                                      0, what);
    return t;
}

geo::Result<std::optional<std::uint32_t>> TileFeatureTable::count(const std::string& name) const {
    using R = geo::Result<std::optional<std::uint32_t>>;
    auto it = _json.find(name);
    if (it == _json.end())
        return std::optional<std::uint32_t>();
    const nlohmann::json* v = &*it;
    if (v->is_object() && v->contains("byteOffset")) {
        auto r = values(name, 1, 1, "UNSIGNED_INT", {"UNSIGNED_INT"});
        if (!r)
            return R(r.diagnostics().front());
        return std::optional<std::uint32_t>(std::uint32_t(r->front()));
    }
    if (!v->is_number_unsigned() || v->get<std::uint64_t>() > 0xFFFFFFFFu)
        return R::failure(name + " is not an unsigned 32-bit integer", _source, 0, name);
    return std::optional<std::uint32_t>(v->get<std::uint32_t>());
}

geo::Result<std::vector<double>> TileFeatureTable::positions(std::size_t n) const {
    using R = geo::Result<std::vector<double>>;
    if (has("POSITION"))
        return values("POSITION", n, 3, "FLOAT", {"FLOAT"});
    if (!has("POSITION_QUANTIZED"))
        return R::failure("the feature table has neither POSITION nor POSITION_QUANTIZED", _source,
                          0, "POSITION");
    auto q = values("POSITION_QUANTIZED", n, 3, "UNSIGNED_SHORT", {"UNSIGNED_SHORT"});
    if (!q)
        return q;
    auto offset = vec3("QUANTIZED_VOLUME_OFFSET");
    auto scale = vec3("QUANTIZED_VOLUME_SCALE");
    if (!offset || !*offset)
        return R::failure("POSITION_QUANTIZED needs QUANTIZED_VOLUME_OFFSET", _source, 0,
                          "QUANTIZED_VOLUME_OFFSET");
    if (!scale || !*scale)
        return R::failure("POSITION_QUANTIZED needs QUANTIZED_VOLUME_SCALE", _source, 0,
                          "QUANTIZED_VOLUME_SCALE");
    const geo::Vec3d o = **offset, s = **scale;
    std::vector<double> xyz = std::move(q.value());
    for (std::size_t i = 0; i < n; ++i) {
        xyz[3 * i] = o.x + xyz[3 * i] / 65535.0 * s.x;
        xyz[3 * i + 1] = o.y + xyz[3 * i + 1] / 65535.0 * s.y;
        xyz[3 * i + 2] = o.z + xyz[3 * i + 2] / 65535.0 * s.z;
    }
    return xyz;
}

geo::Result<std::optional<geo::Vec3d>> TileFeatureTable::vec3(const std::string& name) const {
    using R = geo::Result<std::optional<geo::Vec3d>>;
    auto it = _json.find(name);
    if (it == _json.end())
        return std::optional<geo::Vec3d>();
    if (it->is_array()) {
        if (it->size() != 3 || !(*it)[0].is_number() || !(*it)[1].is_number() ||
            !(*it)[2].is_number())
            return R::failure(name + " must be 3 numbers", _source, 0, name);
        return std::optional<geo::Vec3d>(
            geo::Vec3d{(*it)[0].get<double>(), (*it)[1].get<double>(), (*it)[2].get<double>()});
    }
    auto r = values(name, 1, 3, "FLOAT", {"FLOAT"});
    if (!r)
        return R(r.diagnostics().front());
    return std::optional<geo::Vec3d>(geo::Vec3d{(*r)[0], (*r)[1], (*r)[2]});
}

geo::Result<std::vector<double>> TileFeatureTable::values(
    const std::string& name, std::size_t elements, int components, const std::string& defaultType,
    std::initializer_list<const char*> allowed) const {
    using R = geo::Result<std::vector<double>>;
    auto it = _json.find(name);
    if (it == _json.end())
        return R::failure(_what + " has no " + name, _source, 0, name);
    const std::size_t total = elements * std::size_t(components);
    std::vector<double> out;
    if (it->is_array()) {
        if (it->size() != total)
            return R::failure(name + " holds " + std::to_string(it->size()) + " values, " +
                                  std::to_string(total) + " expected",
                              _source, 0, name);
        out.reserve(total);
        for (const auto& v : *it) {
            if (!v.is_number())
                return R::failure(name + " holds a value that is not a number", _source, 0, name);
            out.push_back(v.get<double>());
        }
        return out;
    }
    if (!it->is_object() || !it->contains("byteOffset") ||
        !(*it)["byteOffset"].is_number_unsigned())
        return R::failure(name + " must be an array or {\"byteOffset\": n}", _source, 0,
                          name + ".byteOffset");
    std::string type = defaultType;
    if (auto ct = it->find("componentType"); ct != it->end()) {
        if (!ct->is_string())
            return R::failure(name + ".componentType is not a string", _source, 0,
                              name + ".componentType");
        type = ct->get<std::string>();
    }
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return type == a; }))
        return R::failure(name + ".componentType " + type + " is not allowed here", _source, 0,
                          name + ".componentType");
    const std::size_t size = componentTypeSize(type);
    const std::uint64_t offset = (*it)["byteOffset"].get<std::uint64_t>();
    // Sizes fit in 64 bits: elements come from 32-bit counts.
    const std::uint64_t bytes = std::uint64_t(total) * size;
    if (offset > _binary.size() || _binary.size() - offset < bytes)
        return R::failure(name + " needs " + std::to_string(bytes) + " bytes at offset " +
                              std::to_string(offset) + " but the " + _what + " body has " +
                              std::to_string(_binary.size()),
                          _source, 0, name + ".byteOffset");
    out.resize(total);
    const std::uint8_t* p = _binary.data() + offset;
    for (std::size_t i = 0; i < total; ++i)
        out[i] = readComponent(p + i * size, type);
    return out;
}

}  // namespace citytwin::formats
