#pragma once
// A real nginx for tests: serves one folder on 127.0.0.1 on a free port, with
// its own prefix, configuration, pid file, temp folders and logs in a
// scratch folder (root or not; `daemon off`, so it is our child). Static
// files carry nginx's default ETag and Last-Modified, so conditional GETs
// answer 304. The access log has one line per request, "<status> <method>
// <uri> <bytes>", which the tests read to count requests by status.
// Folders answer with a JSON listing (autoindex), as docs/tiles-http.md
// configures for OSGB pyramids.

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "TestProcess.h"

namespace citytwin::test {

/// One line of the access log.
struct NginxRequest {
    int status = 0;
    std::string method;
    std::string uri;
    long bytes = 0;
};

class NginxServer {
public:
    /// `root`: the folder to serve; `workDir`: where nginx keeps its files.
    NginxServer(std::string root, std::string workDir);
    ~NginxServer();  ///< stops nginx if running

    /// Caps each response's rate (nginx `limit_rate`, e.g. "10m" bytes/s)
    /// from the next start(): a slower network for the benches. "" = none.
    void setLimitRate(std::string rate) { _limitRate = std::move(rate); }

    /// "" when nginx can be run here, else why not (tests skip with it).
    static std::string unavailableReason();

    /// Starts nginx (same port on a restart); false if it did not accept
    /// connections within 10 s (errorLog() says why).
    bool start();
    /// SIGQUIT (graceful) and wait; SIGKILL if it lingers.
    void stop();
    int port() const { return _port; }
    bool running() const { return _pid > 0; }
    /// "http://127.0.0.1:<port>"
    std::string baseUrl() const;

    /// Every request logged so far, oldest first.
    std::vector<NginxRequest> requests() const;
    /// How many logged requests had `status`.
    int countStatus(int status) const;
    /// Waits until `total` requests are logged (nginx logs after sending).
    bool waitForRequests(std::size_t total) const;
    /// Empties the access log (the next requests start a fresh count).
    void clearLog() const;
    std::string errorLog() const;
    std::string accessLogPath() const { return _workDir + "/logs/access.log"; }

private:
    void writeConfig() const;
    std::string _root;
    std::string _workDir;
    std::string _limitRate;
    int _port = 0;
    pid_t _pid = -1;
};

}  // namespace citytwin::test
