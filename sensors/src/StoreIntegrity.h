#pragma once
// SQLite's integrity checks over a store's connection, with a time budget so
// that opening a very large store stays bounded. Private to sensors/.

#include <sqlite3.h>

#include <string>

namespace citytwin::sensors::detail {

struct CheckOutcome {
    bool ok = true;        ///< no problem found (in what was checked)
    bool complete = true;  ///< false: the budget ran out before the end
    std::string problems;  ///< SQLite's lines, "; "-joined, when !ok
};

/// Runs `PRAGMA quick_check` (quick) or `PRAGMA integrity_check` on db;
/// budgetMs <= 0 means no limit.
CheckOutcome checkIntegrity(sqlite3* db, bool quick, int budgetMs);

/// The message of a store refused as damaged: names the file and the way out.
std::string damagedStoreMessage(const std::string& problems, const std::string& path);

}  // namespace citytwin::sensors::detail
