#pragma once
// What the tests that start real servers (mosquitto, PostgreSQL, nginx) share:
// a free port on 127.0.0.1, a check that it accepts connections, a child
// process with its output in files, and a poll that waits for a condition.

#include <sys/types.h>
#include <time.h>

#include <chrono>
#include <string>
#include <vector>

namespace citytwin::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0).
int findFreePort();
/// True once something accepts TCP connections on 127.0.0.1:port.
bool isPortOpen(int port);

/// Runs a program with arguments, stdout and stderr to files; returns its pid.
pid_t spawnProcess(const std::vector<std::string>& argv, const std::string& stdoutPath,
                   const std::string& stderrPath);

/// Runs a program to completion (output to `logPath`); its exit status, -1 if
/// it could not run or was killed.
int runProcess(const std::vector<std::string>& argv, const std::string& logPath);

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
template <typename F>
bool waitFor(F condition, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
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
