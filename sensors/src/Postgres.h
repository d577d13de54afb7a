#pragma once
// Minimal RAII over libpq for the PostgreSQL sensor store: a connection,
// results, text parameters and array literals for multi-row statements.
// Private to sensors/.

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citytwin::sensors::pg {

/// One result; frees itself.
class Result {
public:
    Result() = default;
    explicit Result(PGresult* r) : _r(r) {}
    Result(Result&& o) noexcept : _r(o._r) { o._r = nullptr; }
    Result& operator=(Result&& o) noexcept;
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    ~Result() { PQclear(_r); }

    /// The command succeeded (with or without rows).
    bool ok() const;
    std::string error() const;
    /// SQLSTATE of a failure ("40P01": deadlock), empty when none.
    std::string sqlState() const;
    int rows() const { return _r ? PQntuples(_r) : 0; }
    bool isNull(int row, int col) const { return PQgetisnull(_r, row, col) != 0; }
    std::string text(int row, int col) const { return PQgetvalue(_r, row, col); }
    std::int64_t int64(int row, int col) const;
    double real(int row, int col) const;
    /// A bytea column (text output, hex) as its bytes.
    std::string bytes(int row, int col) const;
    /// Rows a command touched (UPDATE, DELETE, INSERT).
    std::int64_t affected() const;

private:
    PGresult* _r = nullptr;
};

using Param = std::optional<std::string>;  // nullopt: SQL NULL

/// One connection; closes itself.
class Connection {
public:
    Connection() = default;
    Connection(Connection&& o) noexcept : _c(o._c) { o._c = nullptr; }
    Connection& operator=(Connection&& o) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { PQfinish(_c); }

    /// Connects; empty on success, else libpq's reason.
    std::string connect(const std::string& conninfo);
    std::string error() const { return _c ? PQerrorMessage(_c) : "not connected"; }
    /// SQL with $1.. text parameters (one statement).
    Result exec(const std::string& sql, const std::vector<Param>& params = {});
    /// Several statements, no parameters: empty on success, else the error.
    std::string run(const std::string& sql);

private:
    PGconn* _c = nullptr;
};

/// Text forms of values for parameters.
inline std::string num(std::int64_t v) {
    return std::to_string(v);
}
std::string num(double v);
/// bytea input ("\x4142").
std::string byteaHex(std::string_view bytes);

/// Array literals ("{1,2,3}", "{\"a\",\"b\"}") for unnest($1::bigint[], ...):
/// a batch is one statement whatever its size.
class ArrayLiteral {
public:
    void add(std::int64_t v) { sep() += std::to_string(v); }
    void add(double v) { sep() += num(v); }
    void add(std::string_view text);
    std::string str() const { return "{" + _s + "}"; }

private:
    std::string& sep() {
        if (_any)
            _s += ',';
        _any = true;
        return _s;
    }
    std::string _s;
    bool _any = false;
};

/// The location with any password replaced by "***", for messages.
std::string redacted(const std::string& location);

}  // namespace citytwin::sensors::pg
