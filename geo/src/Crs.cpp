#include "citytwin/geo/Crs.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

#include "ProjContext.h"

namespace citytwin::geo {
namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}
std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

struct PjDeleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

bool isDigits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

/// What users type and PROJ reads differently: a bare EPSG number ("4549"),
/// and PROJ strings without "+type=crs" (which PROJ would take for a
/// coordinate operation, not a CRS).
std::string normaliseDefinition(const std::string& d) {
    if (isDigits(d))
        return "EPSG:" + d;
    const bool projString =
        d.rfind("+proj=", 0) == 0 || d.rfind("proj=", 0) == 0 || d.rfind("+init=", 0) == 0;
    if (projString && d.find("type=crs") == std::string::npos)
        return d + " +type=crs";
    return d;
}

/// "EPSG:4549", "ESRI:102100", "IGNF:LAMB93": an authority and a code,
/// nothing else (no spaces, no "::" of a URN, no "+" of a compound code).
bool isAuthorityCode(const std::string& d, std::string& authority, std::string& code) {
    const auto colon = d.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == d.size())
        return false;
    authority = d.substr(0, colon);
    code = d.substr(colon + 1);
    const auto word = [](const std::string& s, const char* extra) {
        return std::all_of(s.begin(), s.end(), [&](unsigned char c) {
            return std::isalnum(c) || c == '_' || std::strchr(extra, c);
        });
    };
    return std::isalpha(static_cast<unsigned char>(authority[0])) && word(authority, "") &&
           word(code, ".-");
}

/// proj_create, except that an authority code is looked up as one: given
/// a code it does not have ("EPSG:999999", "EPxSG:4549"), proj_create goes
/// on to search every object's name in proj.db for the text (60 ms; a
/// fuzzer mutates such texts on most inputs). An operation's code is found
/// too, so that the caller refuses it for what it is.
PJ* createProjObject(PJ_CONTEXT* ctx, const std::string& d) {
    std::string authority, code;
    if (!isAuthorityCode(d, authority, code))
        return proj_create(ctx, d.c_str());
    for (const PJ_CATEGORY category : {PJ_CATEGORY_CRS, PJ_CATEGORY_COORDINATE_OPERATION})
        if (PJ* pj = proj_create_from_database(ctx, authority.c_str(), code.c_str(), category,
                                               false, nullptr))
            return pj;
    return nullptr;
}

}  // namespace

Result<Crs> Crs::parse(const std::string& definition) {
    Crs crs;
    const std::string u = upper(definition);
    if (u == "GCJ02" || u == "GCJ-02") {
        crs._kind = Kind::Gcj02;
        crs._definition = "GCJ02";
        crs._label = "GCJ-02 (Chinese web-map offset of WGS 84)";
        crs._geographic = true;
        return crs;
    }
    if (u == "BD09" || u == "BD-09") {
        crs._kind = Kind::Bd09;
        crs._definition = "BD09";
        crs._label = "BD-09 (Baidu offset of GCJ-02)";
        crs._geographic = true;
        return crs;
    }

    PJ_CONTEXT* ctx = detail::projContext();
    const std::string projInput = normaliseDefinition(definition);
    PjPtr pj(createProjObject(ctx, projInput));
    if (!pj) {
        std::string authority, code;
        const std::string why = isAuthorityCode(projInput, authority, code)
                                    ? "PROJ's database has no " + authority + " code " + code
                                    : detail::projLastError(ctx);
        return Result<Crs>::failure("unknown or invalid CRS '" + definition + "': " + why, {}, 0,
                                    "crs");
    }
    // A PROJ string may name an operation rather than a CRS; only CRSs locate data.
    PJ_TYPE type = proj_get_type(pj.get());
    if (type == PJ_TYPE_BOUND_CRS) {
        PjPtr base(proj_get_source_crs(ctx, pj.get()));
        if (base)
            type = proj_get_type(base.get());
    }
    const bool isCrs = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
                       type == PJ_TYPE_PROJECTED_CRS || type == PJ_TYPE_COMPOUND_CRS ||
                       type == PJ_TYPE_GEOCENTRIC_CRS || type == PJ_TYPE_ENGINEERING_CRS ||
                       type == PJ_TYPE_GEOGRAPHIC_CRS || type == PJ_TYPE_OTHER_CRS;
    if (!isCrs) {
        return Result<Crs>::failure(
            "'" + definition + "' is a coordinate operation, not a coordinate reference system", {},
            0, "crs");
    }
    crs._kind = Kind::Proj;
    crs._definition = projInput;
    crs._geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
                      type == PJ_TYPE_GEOGRAPHIC_CRS;
    if (type == PJ_TYPE_COMPOUND_CRS) {
        PjPtr horizontal(proj_crs_get_sub_crs(ctx, pj.get(), 0));
        if (horizontal) {
            const PJ_TYPE ht = proj_get_type(horizontal.get());
            crs._geographic = ht == PJ_TYPE_GEOGRAPHIC_2D_CRS || ht == PJ_TYPE_GEOGRAPHIC_3D_CRS;
        }
    }
    const char* auth = proj_get_id_auth_name(pj.get(), 0);
    const char* code = proj_get_id_code(pj.get(), 0);
    if (auth && code)
        crs._authorityCode = std::string(auth) + ":" + code;
    const char* name = proj_get_name(pj.get());
    crs._label = crs._authorityCode.empty() ? std::string(name ? name : definition)
                                            : crs._authorityCode + " " + (name ? name : "");
    return crs;
}

// Parsed definitions, shared by all threads (a Crs is plain data, no PROJ
// object): every reader, parser and fuzz input names the same few CRSs.
// Failures are kept too (a bad CRS repeated on every row of a file).
// Bounded: a fuzzer's or a file's distinct texts must not grow it without
// limit; past the bound it starts again.
Result<Crs> Crs::fromString(const std::string& definitionIn) {
    const std::string definition = trim(definitionIn);
    if (definition.empty())
        return Result<Crs>::failure("empty CRS definition", {}, 0, "crs");
    constexpr std::size_t kMaxEntries = 256;
    // Never destroyed: a thread still reading tiles while the process exits
    // (the pager) may parse a CRS after static destructors have run.
    static auto* const mutex = new std::mutex;
    static auto* const cache = new std::map<std::string, Result<Crs>>;
    {
        std::lock_guard lock(*mutex);
        if (auto it = cache->find(definition); it != cache->end())
            return it->second;
    }
    Result<Crs> parsed = parse(definition);
    std::lock_guard lock(*mutex);
    if (cache->size() >= kMaxEntries)
        cache->clear();
    cache->emplace(definition, parsed);
    return parsed;
}

Crs Crs::wgs84() {
    static const Crs c = fromString("EPSG:4326").value();
    return c;
}

Crs Crs::cgcs2000() {
    static const Crs c = fromString("EPSG:4490").value();
    return c;
}

Crs Crs::gcj02() {
    return fromString("GCJ02").value();
}

Crs Crs::bd09() {
    return fromString("BD09").value();
}

}  // namespace citytwin::geo
