#pragma once
// A real mosquitto broker for tests: started on 127.0.0.1 on a free port with
// a generated configuration, stopped (or killed) on demand and at teardown.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace citytwin::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0).
int findFreePort();
/// True once something accepts TCP connections on 127.0.0.1:port.
bool isPortOpen(int port);

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
template <typename F>
bool waitFor(F condition, std::chrono::milliseconds timeout = std::chrono::seconds(20));

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
    bool running() const { return _pid > 0; }

private:
    std::string _workDir;
    int _port = 0;
    pid_t _pid = -1;
};

/// Runs a program with arguments, stdout and stderr to files; returns its pid.
pid_t spawnProcess(const std::vector<std::string>& argv, const std::string& stdoutPath,
                   const std::string& stderrPath);

template <typename F>
bool waitFor(F condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        struct timespec ts {
            0, 20'000'000
        };
        nanosleep(&ts, nullptr);
    }
    return true;
}

}  // namespace citytwin::test
