// citytwin-cli store-recover: copy what survives of a damaged sensor store
// into a new one.

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/sensors/StoreRecovery.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli store-recover DAMAGED.db NEW.db\n\n"
    "Recovers a damaged sensor store (one that `ingest`, `query`, `stats` or the\n"
    "window refuse with \"the sensor store is damaged\"): every row that can still\n"
    "be read is copied into NEW.db, which must not exist, and NEW.db is checked to\n"
    "open as a sensor store. DAMAGED.db is only read. Each table is read in key\n"
    "order; where a damaged page stops it, reading continues past the page, so\n"
    "only the rows on damaged pages are lost. Rollups are copied as they were: the\n"
    "readings lost with a page may still be counted there. Prints the rows copied\n"
    "per table ('TABLE N'), the damaged ranges skipped ('damaged_ranges N') and\n"
    "any table that could not be read at all ('lost_table NAME').\n"
    "(In process: bookworm's SQLite has no recovery API, and its sqlite3 shell's\n"
    ".recover fails there for want of the sqlite_dbpage table.)\n\n"
    "exit status: 0 when NEW.db was written and opens, 1 if recovery failed,\n"
    "2 on a usage error.\n";

int runStoreRecover(int argc, char** argv) {
    CliArgs args("store-recover", kHelp, {}, {}, UsageLayout::HelpAfterBlankLine);
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (args.positionals().size() != 2)
        return args.usage("give the damaged store and the new store");
    auto report = sensors::recoverStore(args.positionals()[0], args.positionals()[1]);
    if (!report) {
        std::cerr << "citytwin-cli store-recover: " << report.messages() << '\n';
        return 1;
    }
    for (const auto& [table, rows] : report.value().rowsPerTable)
        std::cout << table << ' ' << rows << '\n';
    std::cout << "damaged_ranges " << report.value().damagedRanges << '\n';
    for (const auto& table : report.value().lostTables)
        std::cout << "lost_table " << table << '\n';
    return 0;
}

}  // namespace

CliCommand storeRecoverCommand() {
    return {"store-recover", "copy what survives of a damaged sensor store into a new one",
            runStoreRecover};
}

}  // namespace citytwin::cli
