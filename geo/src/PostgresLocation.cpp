#include "citytwin/geo/PostgresLocation.h"

#include <libpq-fe.h>

#include <cctype>
#include <memory>
#include <regex>

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

/// What libpq is given: the location without GDAL's "PG:".
std::string withoutPrefix(const std::string& location) {
    return startsWithNoCase(location, "PG:") ? location.substr(3) : location;
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
    return "PG:" + conninfo.value();
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
    if (const Options options = parse(location, error))
        return "PG:" + serialise(options.get(), /*maskPassword=*/true, false);
    // Unparsable: mask what looks like a password.
    static const std::regex keyValue(R"((password\s*=\s*)('([^'\\]|\\.)*'|\S+))",
                                     std::regex::icase);
    return std::regex_replace(location, keyValue, "$1***");
}

}  // namespace citytwin::geo
