#include "citytwin/formats/SubtreeFile.h"

#include <nlohmann/json.hpp>

#include <map>

#include "TileBytes.h"
#include "citytwin/json/JsonText.h"

namespace citytwin::formats {
namespace {

using json = nlohmann::json;
using R = geo::Result<SubtreeFile>;

class SubtreeReader {
public:
    SubtreeReader(const json& doc, std::span<const std::uint8_t> binary, const std::string& source,
                  const SubtreeBufferFetcher& fetch)
        : _doc(doc), _binary(binary), _source(source), _fetch(fetch) {}

    geo::Result<SubtreeAvailability> availability(const json& a, const std::string& field,
                                                  std::uint64_t count) {
        using A = geo::Result<SubtreeAvailability>;
        if (!a.is_object())
            return A::failure("availability is not an object", _source, 0, field);
        if (auto c = a.find("constant"); c != a.end()) {
            if (!c->is_number_integer() ||
                (c->get<std::int64_t>() != 0 && c->get<std::int64_t>() != 1))
                return A::failure("constant must be 0 or 1", _source, 0, field + ".constant");
            return SubtreeAvailability::constant(c->get<std::int64_t>() == 1);
        }
        auto b = a.find("bitstream");
        if (b == a.end())
            b = a.find("bufferView");  // the 3DTILES_implicit_tiling draft's name
        if (b == a.end() || !b->is_number_unsigned())
            return A::failure("availability has neither constant nor bitstream", _source, 0,
                              field + ".bitstream");
        auto bytes = bufferView(b->get<std::uint64_t>(), field + ".bitstream");
        if (!bytes)
            return A(bytes.diagnostics().front());
        if (bytes->size() < (count + 7) / 8)
            return A::failure("bitstream has " + std::to_string(bytes->size()) + " bytes, " +
                                  std::to_string((count + 7) / 8) + " needed for " +
                                  std::to_string(count) + " bits",
                              _source, 0, field + ".bitstream");
        return SubtreeAvailability::bits(std::move(bytes.value()));
    }

private:
    geo::Result<std::vector<std::uint8_t>> bufferView(std::uint64_t index,
                                                      const std::string& field) {
        using V = geo::Result<std::vector<std::uint8_t>>;
        const auto views = _doc.find("bufferViews");
        if (views == _doc.end() || !views->is_array() || index >= views->size())
            return V::failure("buffer view " + std::to_string(index) + " does not exist", _source,
                              0, field);
        const json& view = (*views)[index];
        const std::string vfield = "bufferViews[" + std::to_string(index) + "]";
        if (!view.is_object() || !view.value("buffer", json()).is_number_unsigned() ||
            !view.value("byteLength", json()).is_number_unsigned() ||
            (view.contains("byteOffset") && !view["byteOffset"].is_number_unsigned()))
            return V::failure("buffer view needs unsigned buffer, byteOffset and byteLength",
                              _source, 0, vfield);
        const std::uint64_t bufferIndex = view["buffer"].get<std::uint64_t>();
        const std::uint64_t offset = view.value("byteOffset", std::uint64_t(0));
        const std::uint64_t length = view["byteLength"].get<std::uint64_t>();
        auto buffer = bufferBytes(bufferIndex);
        if (!buffer)
            return V(buffer.diagnostics().front());
        if (offset > buffer->size() || buffer->size() - offset < length)
            return V::failure("buffer view (offset " + std::to_string(offset) + ", length " +
                                  std::to_string(length) + ") runs past its buffer of " +
                                  std::to_string(buffer->size()) + " bytes",
                              _source, 0, vfield + ".byteLength");
        return std::vector<std::uint8_t>(buffer->begin() + std::ptrdiff_t(offset),
                                         buffer->begin() + std::ptrdiff_t(offset + length));
    }

    geo::Result<std::span<const std::uint8_t>> bufferBytes(std::uint64_t index) {
        using S = geo::Result<std::span<const std::uint8_t>>;
        const std::string field = "buffers[" + std::to_string(index) + "]";
        const auto buffers = _doc.find("buffers");
        if (buffers == _doc.end() || !buffers->is_array() || index >= buffers->size())
            return S::failure("buffer " + std::to_string(index) + " does not exist", _source, 0,
                              field);
        const json& b = (*buffers)[index];
        if (!b.is_object() || !b.value("byteLength", json()).is_number_unsigned())
            return S::failure("buffer has no byteLength", _source, 0, field + ".byteLength");
        const std::uint64_t length = b["byteLength"].get<std::uint64_t>();
        std::span<const std::uint8_t> bytes;
        if (auto uri = b.find("uri"); uri != b.end()) {
            if (!uri->is_string())
                return S::failure("buffer uri is not a string", _source, 0, field + ".uri");
            auto it = _external.find(index);
            if (it == _external.end()) {
                if (!_fetch)
                    return S::failure("external buffers are not available here", _source, 0,
                                      field + ".uri");
                auto fetched = _fetch(uri->get<std::string>());
                if (!fetched)
                    return S(fetched.diagnostics().front());
                it = _external.emplace(index, std::move(fetched.value())).first;
            }
            bytes = it->second;
        } else {
            bytes = _binary;
        }
        if (bytes.size() < length)
            return S::failure("buffer declares " + std::to_string(length) + " bytes but has " +
                                  std::to_string(bytes.size()),
                              _source, 0, field + ".byteLength");
        return bytes.first(length);
    }

    const json& _doc;
    std::span<const std::uint8_t> _binary;
    const std::string& _source;
    const SubtreeBufferFetcher& _fetch;
    std::map<std::uint64_t, std::vector<std::uint8_t>> _external;
};

}  // namespace

/// The loader proper; the public function keeps what it may throw in.
static geo::Result<SubtreeFile> parseSubtreeUnguarded(std::span<const std::uint8_t> bytes,
                                                      const std::string& source,
                                                      std::uint64_t tileCount,
                                                      std::uint64_t childSubtreeCount,
                                                      const SubtreeBufferFetcher& fetchBuffer) {
    std::span<const std::uint8_t> jsonBytes = bytes, binary;
    if (detail::hasMagic(bytes.data(), bytes.size(), "subt")) {
        constexpr std::size_t kHeader = 24;
        if (bytes.size() < kHeader)
            return R::failure("subtree is " + std::to_string(bytes.size()) +
                                  " bytes, shorter than its 24-byte header",
                              source, 0, "jsonByteLength");
        const std::uint32_t version = detail::readU32(bytes.data() + 4);
        if (version != 1)
            return R::failure(
                "subtree version " + std::to_string(version) + " is not supported (only 1)", source,
                0, "version");
        const std::uint64_t jsonLength = detail::readU64(bytes.data() + 8);
        const std::uint64_t binLength = detail::readU64(bytes.data() + 16);
        const std::uint64_t rest = bytes.size() - kHeader;
        if (jsonLength > rest)
            return R::failure("subtree jsonByteLength " + std::to_string(jsonLength) +
                                  " runs past the file (" + std::to_string(rest) +
                                  " bytes after the header)",
                              source, 0, "jsonByteLength");
        if (binLength > rest - jsonLength)
            return R::failure(
                "subtree binaryByteLength " + std::to_string(binLength) + " runs past the file",
                source, 0, "binaryByteLength");
        jsonBytes = bytes.subspan(kHeader, jsonLength);
        binary = bytes.subspan(kHeader + jsonLength, binLength);
    }
    const auto parsed = citytwin::json::parseJsonText(
        std::string_view(reinterpret_cast<const char*>(jsonBytes.data()), jsonBytes.size()));
    if (!parsed.ok)
        return R::failure("subtree JSON is not valid: " + parsed.message, source, parsed.line,
                          parsed.numberOutOfRange && !parsed.path.empty() ? parsed.path : "json");
    const json& doc = parsed.doc;
    if (!doc.is_object())
        return R::failure("subtree JSON is not a JSON object", source, 0, "json");
    SubtreeReader reader(doc, binary, source, fetchBuffer);
    SubtreeFile subtree;
    if (!doc.contains("tileAvailability"))
        return R::failure("subtree has no tileAvailability", source, 0, "tileAvailability");
    auto tiles = reader.availability(doc["tileAvailability"], "tileAvailability", tileCount);
    if (!tiles)
        return R(tiles.diagnostics().front());
    subtree.tiles = std::move(tiles.value());
    if (auto c = doc.find("contentAvailability"); c != doc.end()) {
        const json list = c->is_array() ? *c : json::array({*c});
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto a = reader.availability(list[i], "contentAvailability[" + std::to_string(i) + "]",
                                         tileCount);
            if (!a)
                return R(a.diagnostics().front());
            subtree.contents.push_back(std::move(a.value()));
        }
    }
    if (!doc.contains("childSubtreeAvailability"))
        return R::failure("subtree has no childSubtreeAvailability", source, 0,
                          "childSubtreeAvailability");
    auto children = reader.availability(doc["childSubtreeAvailability"], "childSubtreeAvailability",
                                        childSubtreeCount);
    if (!children)
        return R(children.diagnostics().front());
    subtree.childSubtrees = std::move(children.value());
    return subtree;
}

geo::Result<SubtreeFile> parseSubtree(std::span<const std::uint8_t> bytes,
                                      const std::string& source, std::uint64_t tileCount,
                                      std::uint64_t childSubtreeCount,
                                      const SubtreeBufferFetcher& fetchBuffer) {
    try {
        return parseSubtreeUnguarded(bytes, source, tileCount, childSubtreeCount, fetchBuffer);
    } catch (const std::exception& e) {  // a typed read we missed: an error, not a crash
        return geo::Result<SubtreeFile>::failure(
            std::string("unexpected subtree content: ") + e.what(), source);
    }
}

}  // namespace citytwin::formats
