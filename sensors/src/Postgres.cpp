#include "Postgres.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>

namespace citytwin::sensors::pg {

Result& Result::operator=(Result&& o) noexcept {
    if (this != &o) {
        PQclear(_r);
        _r = o._r;
        o._r = nullptr;
    }
    return *this;
}

bool Result::ok() const {
    if (!_r)
        return false;
    const auto s = PQresultStatus(_r);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

std::string Result::error() const {
    if (!_r)
        return "no result (connection lost?)";
    std::string e = PQresultErrorMessage(_r);
    while (!e.empty() && (e.back() == '\n' || e.back() == ' '))
        e.pop_back();
    return e;
}

std::string Result::sqlState() const {
    const char* s = _r ? PQresultErrorField(_r, PG_DIAG_SQLSTATE) : nullptr;
    return s ? s : "";
}

std::int64_t Result::int64(int row, int col) const {
    return std::strtoll(PQgetvalue(_r, row, col), nullptr, 10);
}

double Result::real(int row, int col) const {
    return std::strtod(PQgetvalue(_r, row, col), nullptr);
}

std::string Result::bytes(int row, int col) const {
    std::size_t n = 0;
    unsigned char* raw =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(_r, row, col)), &n);
    if (!raw)
        return {};
    std::string out(reinterpret_cast<const char*>(raw), n);
    PQfreemem(raw);
    return out;
}

std::int64_t Result::affected() const {
    return _r ? std::strtoll(PQcmdTuples(_r), nullptr, 10) : 0;
}

Connection& Connection::operator=(Connection&& o) noexcept {
    if (this != &o) {
        PQfinish(_c);
        _c = o._c;
        o._c = nullptr;
    }
    return *this;
}

std::string Connection::connect(const std::string& conninfo) {
    _c = PQconnectdb(conninfo.c_str());
    if (!_c)
        return "out of memory";
    if (PQstatus(_c) != CONNECTION_OK) {
        std::string e = PQerrorMessage(_c);
        while (!e.empty() && e.back() == '\n')
            e.pop_back();
        return e;
    }
    // "relation already exists, skipping" and the like are not for stderr.
    PQsetNoticeProcessor(
        _c, [](void*, const char*) {}, nullptr);
    return {};
}

Result Connection::exec(const std::string& sql, const std::vector<Param>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    return Result(PQexecParams(_c, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0));
}

std::string Connection::run(const std::string& sql) {
    Result r(PQexec(_c, sql.c_str()));
    return r.ok() ? std::string() : r.error();
}

std::string num(double v) {
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string byteaHex(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (const unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

void ArrayLiteral::add(std::string_view text) {
    auto& s = sep();
    s += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\')
            s += '\\';
        s += c;
    }
    s += '"';
}

std::string redacted(const std::string& location) {
    static const std::regex keyValue(R"((password\s*=\s*)('[^']*'|\S+))");
    static const std::regex uri(R"(^(postgres(ql)?://[^:/@]*):[^@/]*@)");
    return std::regex_replace(std::regex_replace(location, keyValue, "$1***"), uri, "$1:***@");
}

}  // namespace citytwin::sensors::pg
