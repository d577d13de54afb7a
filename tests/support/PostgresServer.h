#pragma once
// A real PostgreSQL 15 (+ PostGIS when installed) for tests: its own cluster
// in a scratch folder, started on 127.0.0.1 on a free port, trust
// authentication for the role "citytwin", stopped and removed at teardown.
// Under root the cluster belongs to the unprivileged user "postgres" (initdb
// refuses root). Tests that need it carry the label 'pg'.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace citytwin::test {

class PostgresServer {
public:
    /// `name` names the scratch folder (one per test program and process).
    explicit PostgresServer(const std::string& name);
    ~PostgresServer();  ///< stops the server, removes the cluster
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    /// Why a cluster cannot be made here ("" when it can): PostgreSQL's
    /// programs not installed. Tests skip with this message.
    static std::string missingReason();
    /// True when the PostGIS extension is installed for this server.
    static bool hasPostgis();
    /// missingReason(), or why PostGIS is missing ("" when both are there):
    /// what a test of projects in PostGIS skips with.
    static std::string postgisMissingReason();

    /// initdb, start, create the database "citytwin" (with PostGIS when
    /// installed). False with `error()` saying why.
    bool start();
    /// A fast shutdown (pg_ctl stop -m fast); start() again keeps the data.
    void stop();
    /// SIGKILL the postmaster (a crash).
    void kill();
    bool running() const { return _pid > 0; }

    /// A new empty database (PostGIS enabled when installed).
    bool createDatabase(const std::string& db);
    /// Runs SQL through psql on `db`; false with `error()` holding psql's output.
    bool execute(const std::string& sql, const std::string& db = "citytwin");

    int port() const { return _port; }
    /// libpq key/value form: "host=127.0.0.1 port=N user=citytwin dbname=DB".
    std::string conninfo(const std::string& db = "citytwin") const;
    /// GDAL's form: "PG:host=... dbname=DB".
    std::string gdalName(const std::string& db = "citytwin") const { return "PG:" + conninfo(db); }
    /// URI form: "postgresql://citytwin@127.0.0.1:N/DB".
    std::string uri(const std::string& db = "citytwin") const;
    const std::string& error() const { return _error; }
    const std::filesystem::path& dir() const { return _dir; }

private:
    bool initCluster();
    bool launch();
    int runAsOwner(const std::vector<std::string>& argv, const std::string& log);
    std::string readLog(const std::string& name) const;

    std::filesystem::path _dir;
    int _port = 0;
    pid_t _pid = -1;
    bool _initialised = false;
    std::string _error;
};

}  // namespace citytwin::test
