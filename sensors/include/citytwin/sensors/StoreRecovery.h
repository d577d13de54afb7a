#pragma once
// Recovery of a damaged sensor store: copies every row SQLite can still read
// (its `.recover` command, which walks the pages and salvages what parses)
// into a new store. The SQLite library of Debian bookworm (3.40) does not
// ship the in-process recovery API (sqlite3_recover_*, 3.44+ as a built-in
// extension), so this runs the sqlite3 command-line shell of the same
// version (package sqlite3) and applies its SQL to the new file in process.

#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::sensors {

struct StoreRecoveryReport {
    std::vector<std::pair<std::string, std::int64_t>> rowsPerTable;  ///< in the new store
    std::int64_t lostAndFoundRows =
        0;                        ///< rows of pages no table claims (kept, table lost_and_found)
    std::int64_t statements = 0;  ///< SQL statements applied
};

/// Reads damagedPath (never written) and creates recoveredPath (which must
/// not exist) holding what survives; the result opens as a sensor store.
/// sqlite3Program: the shell to run (PATH lookup).
geo::Result<StoreRecoveryReport> recoverStore(const std::string& damagedPath,
                                              const std::string& recoveredPath,
                                              const std::string& sqlite3Program = "sqlite3");

}  // namespace citytwin::sensors
