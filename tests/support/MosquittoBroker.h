#pragma once
// A real mosquitto broker for tests: started on 127.0.0.1 on a free port with
// a generated configuration, stopped (or killed) on demand and at teardown.

#include <sys/types.h>

#include <string>

#include "TestProcess.h"

namespace citytwin::test {

class MosquittoBroker {
public:
    explicit MosquittoBroker(std::string workDir);
    ~MosquittoBroker();  ///< kills the broker if running

    /// Starts on the same port each time (a restart keeps the port); false if
    /// it did not accept connections within 10 s.
    bool start();
    /// SIGTERM and wait (a clean broker shutdown).
    void stop();
    /// SIGKILL and wait (a crash).
    void kill();
    int port() const { return _port; }
    /// Lines appended to the generated configuration (a bridge, say) from the
    /// next start() on.
    void addConfig(const std::string& lines) { _extraConfig += lines + "\n"; }
    bool running() const { return _pid > 0; }

private:
    std::string _workDir;
    int _port = 0;
    pid_t _pid = -1;
    std::string _extraConfig;
};

}  // namespace citytwin::test
