#include "citytwin/sensors/StoreRecovery.h"

#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "Sqlite.h"
#include "citytwin/sensors/SensorStore.h"

extern char** environ;

namespace citytwin::sensors {
namespace {

using R = geo::Result<StoreRecoveryReport>;

struct Child {
    pid_t pid = -1;
    FILE* out = nullptr;  // the child's stdout
    ~Child() {
        if (out)
            std::fclose(out);
        if (pid > 0)
            ::waitpid(pid, nullptr, 0);
    }
    /// Exit status, or -1 if it did not exit normally.
    int wait() {
        if (out) {
            std::fclose(out);
            out = nullptr;
        }
        int status = 0;
        const pid_t p = pid;
        pid = -1;
        if (::waitpid(p, &status, 0) != p || !WIFEXITED(status))
            return -1;
        return WEXITSTATUS(status);
    }
};

/// Starts `program -readonly damaged .recover` (no shell: paths are
/// arguments), its stdout piped to us and its stderr to errPath.
std::string spawnRecover(Child& child, const std::string& program, const std::string& damaged,
                         const std::string& errPath) {
    int fds[2];
    if (::pipe(fds) != 0)
        return std::string("pipe: ") + std::strerror(errno);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<std::string> args{program, "-readonly", damaged, ".recover"};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc =
        posix_spawnp(&child.pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        child.pid = -1;
        return "cannot run '" + program + "' (package sqlite3): " + std::strerror(rc);
    }
    child.out = ::fdopen(fds[0], "r");
    return {};
}

std::string firstLine(const std::string& path) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "r"), &std::fclose);
    if (!f)
        return {};
    char buf[512] = {};
    if (!std::fgets(buf, sizeof buf, f.get()))
        return {};
    std::string s(buf);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

}  // namespace

geo::Result<StoreRecoveryReport> recoverStore(const std::string& damagedPath,
                                              const std::string& recoveredPath,
                                              const std::string& sqlite3Program) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_regular_file(damagedPath, ec))
        return R::failure("no such store file", damagedPath);
    if (fs::exists(recoveredPath, ec))
        return R::failure("the recovered store must be a new file; it exists", recoveredPath);
    if (fs::weakly_canonical(damagedPath, ec) == fs::weakly_canonical(recoveredPath, ec))
        return R::failure("the recovered store must be another file", recoveredPath);

    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(recoveredPath.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        std::string why = raw ? sqlite3_errmsg(raw) : "out of memory";
        sqlite3_close(raw);
        return R::failure("cannot create: " + why, recoveredPath);
    }
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, &sqlite3_close);
    auto abandon = [&](std::string message, const std::string& source) {
        db.reset();
        fs::remove(recoveredPath, ec);
        return R::failure(std::move(message), source);
    };

    const std::string errPath = recoveredPath + ".recover-log";
    Child child;
    if (auto err = spawnRecover(child, sqlite3Program, damagedPath, errPath); !err.empty())
        return abandon(err, damagedPath);

    // Apply the shell's SQL statement by statement as it streams out (it can
    // be several times the store's size: never held whole).
    StoreRecoveryReport report;
    std::string statement;
    std::string failure;
    char buf[1 << 16];
    while (std::fgets(buf, sizeof buf, child.out)) {
        statement += buf;
        if (statement.back() != '\n' || !sqlite3_complete(statement.c_str()))
            continue;
        if (auto err = detail::exec(db.get(), statement.c_str()); !err.empty() && failure.empty())
            failure = err + " in: " + statement.substr(0, 200);
        ++report.statements;
        statement.clear();
    }
    const int status = child.wait();
    if (status != 0) {
        const auto why = firstLine(errPath);
        return abandon("sqlite3 .recover failed (exit " + std::to_string(status) + ")" +
                           (why.empty() ? "" : ": " + why),
                       damagedPath);
    }
    fs::remove(errPath, ec);
    if (!failure.empty())
        return abandon("cannot apply the recovered SQL: " + failure, recoveredPath);
    if (report.statements == 0)
        return abandon("sqlite3 .recover produced nothing", damagedPath);
    db.reset();

    // The result must be a sensor store in its own right.
    {
        auto store = SensorStore::open(recoveredPath);
        if (!store)
            return abandon("the recovered file is not a usable sensor store: " + store.messages(),
                           recoveredPath);
        if (auto check = store.value().integrityCheck(); !check)
            return abandon(check.messages(), recoveredPath);
    }
    sqlite3* count = nullptr;
    sqlite3_open_v2(recoveredPath.c_str(), &count, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> counter(count, &sqlite3_close);
    for (const char* table : {"readings", "series", "rollup_1m", "rollup_1h", "rejected", "gaps",
                              "alerts", "sensors"}) {
        detail::Statement s(count, std::string("SELECT count(*) FROM ") + table);
        if (s.valid() && s.step() == SQLITE_ROW)
            report.rowsPerTable.emplace_back(table, s.int64(0));
    }
    detail::Statement lost(count, "SELECT count(*) FROM lost_and_found");
    if (lost.valid() && lost.step() == SQLITE_ROW)
        report.lostAndFoundRows = lost.int64(0);
    return report;
}

}  // namespace citytwin::sensors
