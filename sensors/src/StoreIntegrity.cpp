#include "StoreIntegrity.h"

#include <chrono>

#include "Sqlite.h"

namespace citytwin::sensors::detail {
namespace {

using Clock = std::chrono::steady_clock;

struct Budget {
    Clock::time_point deadline;
    bool expired = false;
};

// Called every few thousand VM steps; non-zero interrupts the statement.
extern "C" int onProgress(void* data) {
    auto& b = *static_cast<Budget*>(data);
    if (Clock::now() > b.deadline)
        b.expired = true;
    return b.expired ? 1 : 0;
}

}  // namespace

CheckOutcome checkIntegrity(sqlite3* db, bool quick, int budgetMs) {
    CheckOutcome out;
    Budget budget{Clock::now() + std::chrono::milliseconds(budgetMs)};
    if (budgetMs > 0)
        sqlite3_progress_handler(db, 10'000, &onProgress, &budget);
    {
        Statement s(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
        if (!s.valid()) {
            out.ok = false;
            out.problems = sqlite3_errmsg(db);
        } else {
            int rc;
            while ((rc = s.step()) == SQLITE_ROW) {
                const auto line = s.text(0);
                if (line == "ok")
                    continue;
                out.ok = false;
                if (!out.problems.empty())
                    out.problems += "; ";
                out.problems += line;
            }
            if (rc == SQLITE_INTERRUPT && budget.expired) {
                out.complete = false;
            } else if (rc != SQLITE_DONE) {
                out.ok = false;
                if (!out.problems.empty())
                    out.problems += "; ";
                out.problems += sqlite3_errmsg(db);
            }
        }
    }
    if (budgetMs > 0)
        sqlite3_progress_handler(db, 0, nullptr, nullptr);
    return out;
}

std::string damagedStoreMessage(const std::string& problems, const std::string& path) {
    return "the sensor store is damaged and is not used (" + problems +
           "); copy what survives into a new store with `citytwin-cli store-recover " + path +
           " NEW.db` (docs/sensors.md, \"A damaged store\")";
}

}  // namespace citytwin::sensors::detail
