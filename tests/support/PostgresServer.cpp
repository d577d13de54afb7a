#include "PostgresServer.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "TestProcess.h"

namespace citytwin::test {
namespace {

// Debian keeps the server programs out of PATH, under the major version.
std::filesystem::path binDir() {
    if (const char* env = std::getenv("CITYTWIN_PG_BINDIR"))
        return env;
    for (const char* v : {"17", "16", "15"}) {
        const std::filesystem::path dir = std::string("/usr/lib/postgresql/") + v + "/bin";
        if (std::filesystem::exists(dir / "initdb"))
            return dir;
    }
    return {};
}

std::string bin(const char* program) {
    const auto dir = binDir();
    return dir.empty() ? std::string(program) : (dir / program).string();
}

std::filesystem::path shareDir() {
    const auto dir = binDir();
    if (dir.empty())
        return {};
    // /usr/lib/postgresql/15/bin -> /usr/share/postgresql/15
    return std::filesystem::path("/usr/share/postgresql") / dir.parent_path().filename();
}

bool runningAsRoot() {
    return ::geteuid() == 0;
}

}  // namespace

PostgresServer::PostgresServer(const std::string& name)
    : _dir(std::filesystem::temp_directory_path() /
           ("citytwin_pg_" + name + "_" + std::to_string(::getpid()))) {}

PostgresServer::~PostgresServer() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(_dir, ec);
}

std::string PostgresServer::missingReason() {
    if (binDir().empty())
        return "PostgreSQL's server programs (initdb, postgres) are not installed "
               "(Debian: postgresql-15); packaging/install-deps.sh installs them";
    return "";
}

bool PostgresServer::hasPostgis() {
    const auto share = shareDir();
    return !share.empty() && std::filesystem::exists(share / "extension" / "postgis.control");
}

std::string PostgresServer::postgisMissingReason() {
    if (auto why = missingReason(); !why.empty())
        return why;
    return hasPostgis() ? "" : "PostGIS is not installed (Debian: postgresql-15-postgis-3)";
}

int PostgresServer::runAsOwner(const std::vector<std::string>& argv, const std::string& log) {
    std::vector<std::string> full;
    if (runningAsRoot())
        full = {"runuser", "-u", "postgres", "--"};
    full.insert(full.end(), argv.begin(), argv.end());
    return runProcess(full, (_dir / log).string());
}

std::string PostgresServer::readLog(const std::string& name) const {
    std::ifstream in(_dir / name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool PostgresServer::initCluster() {
    std::error_code ec;
    std::filesystem::remove_all(_dir, ec);
    std::filesystem::create_directories(_dir / "socket");
    if (runningAsRoot() &&
        runProcess({"chown", "-R", "postgres:", _dir.string()}, "/dev/null") != 0) {
        _error = "could not give " + _dir.string() + " to the user postgres";
        return false;
    }
    const int rc = runAsOwner({bin("initdb"), "-D", (_dir / "data").string(), "-U", "citytwin",
                               "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"},
                              "initdb.log");
    if (rc != 0) {
        _error = "initdb failed: " + readLog("initdb.log");
        return false;
    }
    _initialised = true;
    return true;
}

bool PostgresServer::launch() {
    if (_port == 0)
        _port = findFreePort();
    std::vector<std::string> argv;
    if (runningAsRoot())
        argv = {"runuser", "-u", "postgres", "--"};
    // Durability is not under test here: fsync off keeps the suite fast.
    for (const std::string& a :
         {bin("postgres"), std::string("-D"), (_dir / "data").string(), std::string("-p"),
          std::to_string(_port), std::string("-k"), (_dir / "socket").string(), std::string("-c"),
          std::string("listen_addresses=127.0.0.1"), std::string("-c"), std::string("fsync=off"),
          std::string("-c"), std::string("full_page_writes=off"), std::string("-c"),
          std::string("max_connections=60")})
        argv.push_back(a);
    // After a crash the old backends take a moment to notice and leave the
    // shared memory; until then a new postmaster exits at once: start again.
    for (int attempt = 0; attempt < 50; ++attempt) {
        _pid =
            spawnProcess(argv, (_dir / "postgres.out").string(), (_dir / "postgres.log").string());
        bool exited = false;
        const bool up = waitFor(
            [&] {
                if (::waitpid(_pid, nullptr, WNOHANG) == _pid)
                    return exited = true;
                return runProcess({bin("pg_isready"), "-q", "-h", "127.0.0.1", "-p",
                                   std::to_string(_port)},
                                  "/dev/null") == 0;
            },
            std::chrono::seconds(30));
        if (up && !exited)
            return true;
        if (!exited) {
            _error =
                "the server did not accept connections within 30 s: " + readLog("postgres.log");
            kill();
            return false;
        }
        _pid = -1;
        waitFor([] { return false; }, std::chrono::milliseconds(200));
    }
    _error = "the server exited at each of 50 starts: " + readLog("postgres.log");
    return false;
}

bool PostgresServer::start() {
    if (_pid > 0)
        return true;
    if (const auto why = missingReason(); !why.empty()) {
        _error = why;
        return false;
    }
    const bool fresh = !_initialised;
    if (fresh && !initCluster())
        return false;
    if (!launch())
        return false;
    return !fresh || createDatabase("citytwin");
}

bool PostgresServer::createDatabase(const std::string& db) {
    if (!execute("CREATE DATABASE \"" + db + "\"", "postgres"))
        return false;
    return !hasPostgis() || execute("CREATE EXTENSION IF NOT EXISTS postgis", db);
}

bool PostgresServer::execute(const std::string& sql, const std::string& db) {
    const std::string log = (_dir / "psql.log").string();
    const int rc = runProcess({bin("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                               "-p", std::to_string(_port), "-U", "citytwin", "-d", db, "-c", sql},
                              log);
    if (rc != 0)
        _error = "psql on " + db + ": " + readLog("psql.log");
    return rc == 0;
}

void PostgresServer::stop() {
    if (_pid <= 0)
        return;
    runAsOwner({bin("pg_ctl"), "-D", (_dir / "data").string(), "-m", "fast", "-w", "stop"},
               "pg_ctl.log");
    ::waitpid(_pid, nullptr, 0);
    _pid = -1;
}

void PostgresServer::kill() {
    if (_pid <= 0)
        return;
    // Under runuser the postmaster is runuser's child: kill the postmaster (by
    // its pid file) and let runuser reap it and exit, so no zombie holds the
    // pid the next postmaster checks.
    std::ifstream pidFile(_dir / "data" / "postmaster.pid");
    pid_t postmaster = 0;
    if (pidFile >> postmaster && postmaster > 0 && postmaster != _pid)
        ::kill(postmaster, SIGKILL);
    else
        ::kill(_pid, SIGKILL);
    ::waitpid(_pid, nullptr, 0);
    _pid = -1;
}

std::string PostgresServer::conninfo(const std::string& db) const {
    return "host=127.0.0.1 port=" + std::to_string(_port) + " user=citytwin dbname=" + db;
}

std::string PostgresServer::uri(const std::string& db) const {
    return "postgresql://citytwin@127.0.0.1:" + std::to_string(_port) + "/" + db;
}

}  // namespace citytwin::test
