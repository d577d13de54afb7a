#include "citytwin/sensors/StoreRecovery.h"

#include <sqlite3.h>

#include <filesystem>
#include <limits>
#include <memory>
#include <optional>

#include "Sqlite.h"
#include "citytwin/sensors/SensorStore.h"

namespace citytwin::sensors {
namespace {

using R = geo::Result<StoreRecoveryReport>;
using Db = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

/// A table of the store and its key, leading column first (integer keys
/// can be skipped over; a text-keyed table is copied until its first error).
struct TableSpec {
    const char* name;
    const char* columns;
    const char* key;  // comma-separated, the primary key in order
    int keyColumns;
    bool integerLead;
};

constexpr TableSpec kTables[] = {
    {"meta", "key, value", "key", 1, false},
    {"series", "id, sensor, metric", "id", 1, true},
    {"readings", "minute, series, ts, value, ingest_ms", "minute, series, ts", 3, true},
    {"rollup_1m", "series, start, n, sum, min, max, last_ts, last_value", "series, start", 2, true},
    {"rollup_1h", "series, start, n, sum, min, max, last_ts, last_value", "series, start", 2, true},
    {"rollup_1d", "series, start, n, sum, min, max, last_ts, last_value", "series, start", 2, true},
    {"rejected", "id, ingest_ms, topic, reason, size, first_bytes", "id", 1, true},
    {"gaps", "id, kind, source, start_ms, end_ms, lost, detail", "id", 1, true},
    {"sensors", "id, kind, lon, lat, z, metric, unit, name, low, high, max_rate, stale_s", "id", 1,
     false},
    {"alerts",
     "id, kind, sensor, metric, raised_ms, cleared_ms, ack_ms, ack_by, value, limit_value, message",
     "id", 1, true},
};

int columnCount(const char* columns) {
    int n = 1;
    for (const char* c = columns; *c; ++c)
        n += *c == ',';
    return n;
}

/// Copies one table; returns rows copied, counts skipped ranges.
class TableCopier {
public:
    TableCopier(sqlite3* from, sqlite3* to, const TableSpec& t) : _from(from), _t(t) {
        std::string placeholders;
        for (int i = 1; i <= columnCount(t.columns); ++i)
            placeholders += (i > 1 ? ",?" : "?") + std::to_string(i);
        _insert = detail::Statement(to, std::string("INSERT OR REPLACE INTO ") + t.name + "(" +
                                            t.columns + ") VALUES (" + placeholders + ")");
    }

    /// false: the table could not be read or written at all.
    bool copy(std::int64_t& rows, std::int64_t& damagedRanges) {
        if (!_insert.valid())
            return false;
        std::optional<std::int64_t> maybeLead;  // resume at lead >= this
        std::vector<std::int64_t> lastKey;      // of the last row copied
        bool readAny = false;
        for (int guard = 0; guard < 100'000; ++guard) {
            const auto outcome = scan(maybeLead, lastKey, rows, readAny);
            if (outcome == Scan::Done)
                return true;
            if (outcome == Scan::Failed)
                return readAny;
            // A damaged page: continue after it.
            ++damagedRanges;
            if (!_t.integerLead)
                return readAny;
            const std::int64_t from =
                lastKey.empty() ? std::numeric_limits<std::int64_t>::min() : lastKey.front();
            auto next = skipPast(from);
            if (!next)
                return readAny;
            maybeLead = *next;
            lastKey.clear();
        }
        return readAny;
    }

private:
    enum class Scan { Done, Damaged, Failed };

    std::string select(bool afterKey, bool fromLead) const {
        std::string sql = std::string("SELECT ") + _t.columns + " FROM " + _t.name;
        if (afterKey) {
            std::string params;
            for (int i = 1; i <= _t.keyColumns; ++i)
                params += (i > 1 ? ",?" : "?") + std::to_string(i);
            sql += " WHERE (" + std::string(_t.key) + ") > (" + params + ")";
        } else if (fromLead) {
            sql +=
                " WHERE " + std::string(_t.key).substr(0, std::string(_t.key).find(',')) + " >= ?1";
        }
        return sql + " ORDER BY " + _t.key;
    }

    /// Copies rows from after lastKey (or from lead >= maybeLead) until the
    /// end or an error.
    Scan scan(const std::optional<std::int64_t>& maybeLead, std::vector<std::int64_t>& lastKey,
              std::int64_t& rows, bool& readAny) {
        const bool afterKey = !lastKey.empty();
        detail::Statement s(_from, select(afterKey, maybeLead.has_value()));
        if (!s.valid())
            return readAny ? Scan::Damaged : Scan::Failed;
        if (afterKey)
            for (int i = 0; i < _t.keyColumns; ++i)
                s.bind(i + 1, lastKey[static_cast<std::size_t>(i)]);
        else if (maybeLead)
            s.bind(1, *maybeLead);
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            if (!copyRow(s))
                return Scan::Failed;
            ++rows;
            readAny = true;
            if (_t.integerLead) {
                lastKey.clear();
                for (int i = 0; i < _t.keyColumns; ++i)
                    lastKey.push_back(s.int64(i));
            }
        }
        return rc == SQLITE_DONE ? Scan::Done : Scan::Damaged;
    }

    bool copyRow(detail::Statement& s) {
        for (int i = 0; i < columnCount(_t.columns); ++i)
            s.copyColumnTo(i, _insert, i + 1);
        const int rc = _insert.step();
        _insert.reset();
        return rc == SQLITE_DONE;
    }

    /// Whether a scan from lead >= v starts without an error.
    bool readableFrom(std::int64_t v) {
        detail::Statement s(_from, select(false, true));
        if (!s.valid())
            return false;
        s.bind(1, v);
        const int rc = s.step();
        return rc == SQLITE_ROW || rc == SQLITE_DONE;
    }

    /// The smallest leading key above `from` from which the table reads
    /// again: doubling steps find one, bisection brings it close.
    std::optional<std::int64_t> skipPast(std::int64_t from) {
        const std::int64_t base =
            from == std::numeric_limits<std::int64_t>::min() ? -(1LL << 62) : from;
        std::int64_t bad = base, step = 1;
        std::optional<std::int64_t> good;
        for (int i = 0; i < 63; ++i, step *= 2) {
            if (base > std::numeric_limits<std::int64_t>::max() - step)
                break;
            if (readableFrom(base + step)) {
                good = base + step;
                break;
            }
            bad = base + step;
        }
        if (!good)
            return std::nullopt;
        while (*good - bad > 1) {
            const std::int64_t mid = bad + (*good - bad) / 2;
            if (readableFrom(mid))
                good = mid;
            else
                bad = mid;
        }
        return good;
    }

    sqlite3* _from;
    const TableSpec& _t;
    detail::Statement _insert;
};

}  // namespace

geo::Result<StoreRecoveryReport> recoverStore(const std::string& damagedPath,
                                              const std::string& recoveredPath) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_regular_file(damagedPath, ec))
        return R::failure("no such store file", damagedPath);
    if (fs::exists(recoveredPath, ec))
        return R::failure("the recovered store must be a new file; it exists", recoveredPath);

    sqlite3* raw = nullptr;
    const int openRc = sqlite3_open_v2(damagedPath.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    Db from(raw, &sqlite3_close);
    if (openRc != SQLITE_OK)
        return R::failure(std::string("cannot open: ") + (raw ? sqlite3_errmsg(raw) : "no memory"),
                          damagedPath);
    // Cells that point outside their page are errors, not garbage rows.
    detail::exec(from.get(), "PRAGMA cell_size_check = ON");

    // The new store gets its schema from SensorStore itself.
    {
        auto created = SensorStore::open(recoveredPath);
        if (!created)
            return R::failure("cannot create the new store: " + created.messages(), recoveredPath);
    }
    auto abandon = [&](std::string message) {
        fs::remove(recoveredPath, ec);
        fs::remove(recoveredPath + "-wal", ec);
        fs::remove(recoveredPath + "-shm", ec);
        return R::failure(std::move(message), recoveredPath);
    };
    raw = nullptr;
    sqlite3_open_v2(recoveredPath.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    Db to(raw, &sqlite3_close);
    if (auto err = detail::exec(to.get(), "BEGIN"); !err.empty())
        return abandon("cannot write: " + err);

    StoreRecoveryReport report;
    for (const auto& table : kTables) {
        std::int64_t rows = 0;
        TableCopier copier(from.get(), to.get(), table);
        if (!copier.copy(rows, report.damagedRanges))
            report.lostTables.emplace_back(table.name);
        report.rowsPerTable.emplace_back(table.name, rows);
    }
    if (auto err = detail::exec(to.get(), "COMMIT"); !err.empty())
        return abandon("cannot write: " + err);
    to.reset();

    // The result must be a sensor store in its own right.
    auto store = SensorStore::open(recoveredPath);
    if (!store)
        return abandon("the recovered file is not a usable sensor store: " + store.messages());
    if (auto check = store.value().integrityCheck(); !check)
        return abandon(check.messages());
    return report;
}

}  // namespace citytwin::sensors
