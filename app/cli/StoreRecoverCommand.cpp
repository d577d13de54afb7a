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
    "window refuse with \"the sensor store is damaged\"): every row SQLite can still\n"
    "read is copied into NEW.db, which must not exist, and NEW.db is checked to open\n"
    "as a sensor store. DAMAGED.db is only read. Rows on pages that no table\n"
    "claims any more are kept in NEW.db's table lost_and_found. Rollups are copied\n"
    "as they were: readings lost with a damaged page may still be counted there.\n"
    "Runs the sqlite3 shell's .recover (package sqlite3; bookworm's SQLite\n"
    "library has no built-in recovery). Prints the rows per table of NEW.db.\n\n"
    "options:\n"
    "  --sqlite3 PROGRAM   the sqlite3 shell to run (default: sqlite3 on PATH)\n"
    "exit status: 0 when NEW.db was written and opens, 1 if recovery failed,\n"
    "2 on a usage error.\n";

int runStoreRecover(int argc, char** argv) {
    CliArgs args("store-recover", kHelp, {"--sqlite3"}, {}, UsageLayout::HelpAfterBlankLine);
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (args.positionals().size() != 2)
        return args.usage("give the damaged store and the new store");
    auto report = sensors::recoverStore(args.positionals()[0], args.positionals()[1],
                                        args.valueOr("--sqlite3", "sqlite3"));
    if (!report) {
        std::cerr << "citytwin-cli store-recover: " << report.messages() << '\n';
        return 1;
    }
    for (const auto& [table, rows] : report.value().rowsPerTable)
        std::cout << table << ' ' << rows << '\n';
    std::cout << "lost_and_found " << report.value().lostAndFoundRows << '\n';
    return 0;
}

}  // namespace

CliCommand storeRecoverCommand() {
    return {"store-recover", "copy what survives of a damaged sensor store into a new one",
            runStoreRecover};
}

}  // namespace citytwin::cli
