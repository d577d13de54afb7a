#pragma once
// A real static file server for tests: `python3 -m http.server` bound to
// 127.0.0.1 on a free port, serving one folder, stopped (by its own pid)
// when the object goes away.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

extern char** environ;

namespace citytwin::test {

/// A port nobody listens on right now (the kernel's pick).
inline int freeLocalPort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(s);
    return port;
}

inline bool acceptsConnections(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(std::uint16_t(port));
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

class LocalHttpServer {
public:
    /// Starts serving `folder`; ok() tells whether it is listening.
    explicit LocalHttpServer(const std::string& folder) : _port(freeLocalPort()) {
        if (_port == 0)
            return;
        const std::string port = std::to_string(_port);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        const char* argv[] = {"python3",    "-m",          "http.server",  "--bind", "127.0.0.1",
                              port.c_str(), "--directory", folder.c_str(), nullptr};
        if (posix_spawnp(&_pid, "python3", &actions, nullptr, const_cast<char* const*>(argv),
                         environ) != 0)
            _pid = 0;
        posix_spawn_file_actions_destroy(&actions);
        for (int i = 0; _pid > 0 && i < 150 && !acceptsConnections(_port); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ~LocalHttpServer() {
        if (_pid > 0) {
            ::kill(_pid, SIGTERM);
            ::waitpid(_pid, nullptr, 0);
        }
    }
    LocalHttpServer(const LocalHttpServer&) = delete;
    LocalHttpServer& operator=(const LocalHttpServer&) = delete;

    bool ok() const { return _pid > 0 && acceptsConnections(_port); }
    int port() const { return _port; }
    /// "http://127.0.0.1:PORT/" + path
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(_port) + "/" + path;
    }

private:
    int _port = 0;
    pid_t _pid = 0;
};

}  // namespace citytwin::test
