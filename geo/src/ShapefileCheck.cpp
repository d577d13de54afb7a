#include "ShapefileCheck.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>

namespace citytwin::geo::detail {
namespace {

namespace fs = std::filesystem;

std::string upper(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

/// The sibling of `base` with extension `ext` in either case ("x.SHX").
std::optional<fs::path> sibling(const fs::path& base, const std::string& ext) {
    for (const std::string& e : {ext, upper(ext)}) {
        fs::path p = base;
        p.replace_extension(e);
        std::error_code ec;
        if (fs::is_regular_file(p, ec))
            return p;
    }
    return std::nullopt;
}

template <std::size_t N>
std::optional<std::array<unsigned char, N>> readHeader(const fs::path& p) {
    std::array<unsigned char, N> h{};
    std::ifstream in(p, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(h.data()), N))
        return std::nullopt;
    return h;
}

std::uint64_t bigEndian32(const unsigned char* b) {
    return (std::uint64_t(b[0]) << 24) | (std::uint64_t(b[1]) << 16) | (std::uint64_t(b[2]) << 8) |
           b[3];
}
std::uint64_t littleEndian(const unsigned char* b, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | b[i];
    return v;
}

std::string sizeText(std::uint64_t declared, std::uintmax_t actual) {
    return "its header declares " + std::to_string(declared) + " bytes, the file has " +
           std::to_string(actual) + " (truncated)";
}

/// .shp and .shx: a 100-byte header, file code 9994, the file length in
/// 16-bit words (big-endian) at byte 24.
void checkMainOrIndex(const fs::path& p, std::vector<std::string>& problems) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(p, ec);
    if (ec)
        return;
    const auto h = readHeader<100>(p);
    if (!h) {
        problems.push_back(p.string() + ": shorter than the 100-byte shapefile header (" +
                           std::to_string(size) + " bytes; truncated)");
        return;
    }
    if (bigEndian32(h->data()) != 9994)
        return;  // not a shapefile header: GDAL's own error says so
    const std::uint64_t declared = bigEndian32(h->data() + 24) * 2;
    if (size < declared)
        problems.push_back(p.string() + ": " + sizeText(declared, size));
}

/// The shapes a whole .shx indexes: one 8-byte record (offset and content
/// length in 16-bit words, big-endian) per shape after its header. A .shp
/// cut on a record boundary whose header was rewritten to its new length
/// still ends before the last shape its .shx points at.
std::optional<std::uint64_t> checkIndexAgainstMain(const fs::path& shx, const fs::path& shp,
                                                   std::vector<std::string>& problems) {
    std::error_code ec;
    const std::uintmax_t shxSize = fs::file_size(shx, ec);
    const std::uintmax_t shpSize = ec ? 0 : fs::file_size(shp, ec);
    if (ec || shxSize < 100 || (shxSize - 100) % 8 != 0)
        return std::nullopt;
    const std::uint64_t shapes = (shxSize - 100) / 8;
    if (shapes == 0)
        return shapes;
    std::ifstream in(shx, std::ios::binary);
    std::array<unsigned char, 8> last{};
    in.seekg(static_cast<std::streamoff>(shxSize - 8));
    if (!in.read(reinterpret_cast<char*>(last.data()), last.size()))
        return std::nullopt;
    const std::uint64_t end = bigEndian32(last.data()) * 2 + 8 + bigEndian32(last.data() + 4) * 2;
    if (shpSize < end)
        problems.push_back(shp.string() + ": " + shx.filename().string() + " indexes " +
                           std::to_string(shapes) + " shapes ending at byte " +
                           std::to_string(end) + ", the file has " + std::to_string(shpSize) +
                           " (truncated)");
    return shapes;
}

/// .dbf: record count (uint32) at byte 4, header and record length (uint16)
/// at bytes 8 and 10, little-endian; the records follow the header. Returns
/// the record count the header declares.
std::optional<std::uint64_t> checkDbf(const fs::path& p, std::vector<std::string>& problems) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(p, ec);
    if (ec)
        return std::nullopt;
    const auto h = readHeader<32>(p);
    if (!h) {
        problems.push_back(p.string() + ": shorter than the 32-byte dBASE header (" +
                           std::to_string(size) + " bytes; truncated)");
        return std::nullopt;
    }
    const std::uint64_t records = littleEndian(h->data() + 4, 4);
    const std::uint64_t headerLength = littleEndian(h->data() + 8, 2);
    const std::uint64_t recordLength = littleEndian(h->data() + 10, 2);
    const std::uint64_t declared = headerLength + records * recordLength;
    if (size < declared)
        problems.push_back(p.string() + ": " + sizeText(declared, size) + ": " +
                           std::to_string(records) + " records of " + std::to_string(recordLength) +
                           " bytes declared");
    return records;
}

}  // namespace

std::vector<std::string> shapefileTruncation(const std::string& path) {
    const fs::path base(path);
    std::string ext = base.extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".shp" && ext != ".shx" && ext != ".dbf")
        return {};
    std::vector<std::string> problems;
    const auto shp = sibling(base, ".shp");
    const auto shx = sibling(base, ".shx");
    const auto dbf = sibling(base, ".dbf");
    if (shp)
        checkMainOrIndex(*shp, problems);
    if (shx)
        checkMainOrIndex(*shx, problems);
    const auto shapes =
        shp && shx && problems.empty() ? checkIndexAgainstMain(*shx, *shp, problems) : std::nullopt;
    const auto records = dbf ? checkDbf(*dbf, problems) : std::nullopt;
    // GDAL reads as many features as the .shx indexes, attributes from the
    // .dbf: a .dbf with fewer records leaves the last features without
    // theirs, one with more has rows no shape belongs to.
    // value_or, not *: gcc 12 -O2 sees the optionals' payload as maybe uninitialised.
    const std::size_t shapeCount = shapes.value_or(0), recordCount = records.value_or(0);
    if (shapes && records && shapeCount != recordCount && problems.empty())
        problems.push_back(dbf->string() + ": " + std::to_string(recordCount) + " records, but " +
                           shx->filename().string() + " indexes " + std::to_string(shapeCount) +
                           " shapes (one of the files is cut short or from another copy)");
    return problems;
}

}  // namespace citytwin::geo::detail
