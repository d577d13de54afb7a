#include "citytwin/geo/PostgresLocation.h"

#include <libpq-fe.h>

#include <array>
#include <cctype>
#include <memory>
#include <regex>
#include <string_view>

namespace citytwin::geo {
namespace {

bool startsWithNoCase(const std::string& s, const char* prefix) {
    std::size_t i = 0;
    for (; prefix[i]; ++i)
        if (i >= s.size() || std::tolower(static_cast<unsigned char>(s[i])) !=
                                 std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

/// Options of GDAL's PostgreSQL driver that libpq does not know.
bool isGdalOption(std::string_view key) {
    static constexpr std::array<std::string_view, 4> kGdalOptions{"schemas", "active_schema",
                                                                  "tables", "list_all_tables"};
    for (const auto k : kGdalOptions)
        if (key.size() == k.size() &&
            std::equal(key.begin(), key.end(), k.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return true;
    return false;
}

/// A location split into what libpq parses and GDAL's options ("k=v k=v").
struct SplitLocation {
    std::string forLibpq;
    std::string gdalOptions;
};

void appendOption(std::string& options, const std::string& keyValue) {
    options += (options.empty() ? "" : " ") + keyValue;
}

/// "key = value" pairs of a conninfo string (values possibly single-quoted
/// with backslash escapes), GDAL's taken out; the rest kept as written.
SplitLocation splitKeyValues(const std::string& conninfo) {
    SplitLocation out;
    std::size_t i = 0;
    while (i < conninfo.size()) {
        while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i])))
            ++i;
        const std::size_t start = i;
        while (i < conninfo.size() && conninfo[i] != '=' &&
               !std::isspace(static_cast<unsigned char>(conninfo[i])))
            ++i;
        const std::string key = conninfo.substr(start, i - start);
        while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i])))
            ++i;
        if (i < conninfo.size() && conninfo[i] == '=') {
            ++i;
            while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i])))
                ++i;
            if (i < conninfo.size() && conninfo[i] == '\'') {
                for (++i; i < conninfo.size() && conninfo[i] != '\''; ++i)
                    if (conninfo[i] == '\\')
                        ++i;
                ++i;  // the closing quote (libpq judges a missing one)
            } else {
                while (i < conninfo.size() &&
                       !std::isspace(static_cast<unsigned char>(conninfo[i])))
                    ++i;
            }
        }
        const std::string pair = conninfo.substr(start, std::min(i, conninfo.size()) - start);
        if (!pair.empty())
            appendOption(isGdalOption(key) ? out.gdalOptions : out.forLibpq, pair);
    }
    return out;
}

/// A URI's query parameters of GDAL's taken out ("?a=1&schemas=x&b=2").
SplitLocation splitUri(const std::string& uri) {
    SplitLocation out;
    const std::size_t q = uri.find('?');
    if (q == std::string::npos)
        return {uri, {}};
    std::string kept;
    std::size_t i = q + 1;
    while (i <= uri.size()) {
        std::size_t end = uri.find('&', i);
        if (end == std::string::npos)
            end = uri.size();
        const std::string param = uri.substr(i, end - i);
        if (!param.empty()) {
            if (isGdalOption(param.substr(0, param.find('='))))
                appendOption(out.gdalOptions, param);
            else
                kept += (kept.empty() ? "" : "&") + param;
        }
        i = end + 1;
    }
    out.forLibpq = uri.substr(0, q) + (kept.empty() ? "" : "?" + kept);
    return out;
}

SplitLocation split(const std::string& location) {
    if (startsWithNoCase(location, "PG:"))
        return splitKeyValues(location.substr(3));
    if (isPostgresLocation(location))
        return splitUri(location);
    return {location, {}};
}

/// What libpq is given: the location without GDAL's "PG:" and GDAL's options.
std::string withoutPrefix(const std::string& location) {
    return split(location).forLibpq;
}

/// A conninfo value, quoted only when it has to be (GDAL reads the unquoted
/// form most reliably).
std::string quoted(const std::string& v) {
    bool plain = !v.empty();
    for (char c : v)
        if (std::isspace(static_cast<unsigned char>(c)) || c == '\'' || c == '\\' || c == '=')
            plain = false;
    if (plain)
        return v;
    std::string out = "'";
    for (char c : v) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

struct OptionsFree {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using Options = std::unique_ptr<PQconninfoOption, OptionsFree>;

/// Parsed options, or null with `error` set.
Options parse(const std::string& location, std::string& error) {
    char* message = nullptr;
    Options options(PQconninfoParse(withoutPrefix(location).c_str(), &message));
    if (!options) {
        error = message ? message : "libpq cannot parse it";
        while (!error.empty() && std::isspace(static_cast<unsigned char>(error.back())))
            error.pop_back();
        PQfreemem(message);
    }
    return options;
}

std::string serialise(const PQconninfoOption* options, bool maskPassword, bool addTimeout) {
    std::string out;
    bool haveTimeout = false;
    for (const PQconninfoOption* o = options; o && o->keyword; ++o) {
        if (!o->val)
            continue;
        const std::string key = o->keyword;
        haveTimeout = haveTimeout || key == "connect_timeout";
        if (!out.empty())
            out += ' ';
        out +=
            key + '=' + (maskPassword && key == "password" ? std::string("***") : quoted(o->val));
    }
    if (addTimeout && !haveTimeout)
        out += (out.empty() ? "" : " ") + std::string("connect_timeout=") +
               std::to_string(kDefaultConnectTimeoutS);
    return out;
}

}  // namespace

bool isPostgresLocation(const std::string& location) {
    return startsWithNoCase(location, "PG:") || location.rfind("postgresql://", 0) == 0 ||
           location.rfind("postgres://", 0) == 0;
}

Result<std::string> postgresConninfo(const std::string& location) {
    std::string error;
    const Options options = parse(location, error);
    if (!options)
        return Result<std::string>::failure("not a valid PostgreSQL connection string: " + error,
                                            maskedLocation(location));
    return serialise(options.get(), /*maskPassword=*/false, /*addTimeout=*/true);
}

Result<std::string> gdalPostgresName(const std::string& location) {
    auto conninfo = postgresConninfo(location);
    CITYTWIN_RETURN_IF_FAILED(conninfo);
    const std::string gdalOptions = split(location).gdalOptions;
    return "PG:" + conninfo.value() + (gdalOptions.empty() ? "" : " " + gdalOptions);
}

std::string maskedLocation(const std::string& location) {
    if (!isPostgresLocation(location))
        return location;
    // A URI keeps its form: "postgresql://twin:***@host/db?password=***".
    static const std::regex uriPassword(R"((://[^:/@]*:)[^@/]*@)");
    static const std::regex queryPassword(R"(([?&]password=)[^&]*)", std::regex::icase);
    if (!startsWithNoCase(location, "PG:"))
        return std::regex_replace(std::regex_replace(location, uriPassword, "$1***@"),
                                  queryPassword, "$1***");
    std::string error;
    if (const Options options = parse(location, error)) {
        const std::string gdalOptions = split(location).gdalOptions;
        return "PG:" + serialise(options.get(), /*maskPassword=*/true, false) +
               (gdalOptions.empty() ? "" : " " + gdalOptions);
    }
    // Unparsable: mask what looks like a password.
    static const std::regex keyValue(R"((password\s*=\s*)('([^'\\]|\\.)*'|\S+))",
                                     std::regex::icase);
    return std::regex_replace(location, keyValue, "$1***");
}

}  // namespace citytwin::geo
