#pragma once
// Recovery of a damaged sensor store: copies every row that can still be
// read into a new store. In process, with the system SQLite: bookworm's
// libsqlite3 3.40 has neither the recovery API (sqlite3_recover_*, 3.44+)
// nor the sqlite_dbpage table that the sqlite3 shell's `.recover` needs
// (that command fails there with "SQL logic error"). So each table is read
// in key order, and where a damaged page stops the scan, the scan seeks past
// it by its leading key (doubling the step, then narrowing it down), losing
// only the rows stored on the damaged pages.

#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::sensors {

struct StoreRecoveryReport {
    std::vector<std::pair<std::string, std::int64_t>> rowsPerTable;  ///< copied into the new store
    std::int64_t damagedRanges = 0;       ///< key ranges skipped over damaged pages
    std::vector<std::string> lostTables;  ///< tables whose rows could not be read at all
};

/// Reads damagedPath (opened read-only) and creates recoveredPath (which
/// must not exist) holding what survives; the result opens as a sensor store.
geo::Result<StoreRecoveryReport> recoverStore(const std::string& damagedPath,
                                              const std::string& recoveredPath);

}  // namespace citytwin::sensors
