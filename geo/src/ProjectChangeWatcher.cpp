#include "citytwin/geo/ProjectChangeWatcher.h"

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::geo {
namespace {

struct ConnCloser {
    void operator()(PGconn* c) const { PQfinish(c); }
};
using Connection = std::unique_ptr<PGconn, ConnCloser>;

std::string oneLine(const char* text) {
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    for (auto& c : s)
        if (c == '\n')
            c = ' ';
    return s;
}

}  // namespace

struct ProjectChangeWatcher::Impl {
    std::string location;
    ProjectWatchCallbacks callbacks;
    int retryMs = 1000;
    std::atomic<bool> stop{false};
    std::atomic<bool> listening{false};
    int wake[2] = {-1, -1};  ///< the destructor writes here to end a wait
    std::thread thread;

    void run();
    Connection connectAndListen(std::string& error);
    /// Waits for the socket (or the wake pipe); false to stop.
    bool waitReadable(int socket, int timeoutMs);
    void report(const std::string& message) {
        if (callbacks.problem)
            callbacks.problem(maskedLocation(location) + ": " + message);
    }
};

Connection ProjectChangeWatcher::Impl::connectAndListen(std::string& error) {
    auto conninfo = postgresConninfo(location);
    if (!conninfo) {
        error = conninfo.messages();
        return nullptr;
    }
    // A non-blocking connect, so that the destructor need not wait for connect_timeout.
    Connection conn(PQconnectStart(conninfo->c_str()));
    if (!conn || PQstatus(conn.get()) == CONNECTION_BAD) {
        error = "cannot connect: " + oneLine(conn ? PQerrorMessage(conn.get()) : "out of memory");
        return nullptr;
    }
    for (PostgresPollingStatusType s = PGRES_POLLING_WRITING; s != PGRES_POLLING_OK;) {
        if (s == PGRES_POLLING_FAILED) {
            error = "cannot connect: " + oneLine(PQerrorMessage(conn.get()));
            return nullptr;
        }
        pollfd fds[2] = {
            {PQsocket(conn.get()), short(s == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0},
            {wake[0], POLLIN, 0}};
        // libpq applies connect_timeout in PQconnectdb only; bound the wait here.
        if (::poll(fds, 2, kDefaultConnectTimeoutS * 1000) <= 0) {
            error = "cannot connect: no answer within " + std::to_string(kDefaultConnectTimeoutS) +
                    " s";
            return nullptr;
        }
        if (stop)
            return nullptr;
        s = PQconnectPoll(conn.get());
    }
    // The server's notices (e.g. its shutdown) come back as problems, not on stderr.
    PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(conn.get(), (std::string("LISTEN ") + kProjectChangeChannel).c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        error = "LISTEN failed: " + oneLine(PQerrorMessage(conn.get()));
    PQclear(r);
    if (!ok)
        return nullptr;
    return conn;
}

bool ProjectChangeWatcher::Impl::waitReadable(int socket, int timeoutMs) {
    pollfd fds[2] = {{socket, POLLIN, 0}, {wake[0], POLLIN, 0}};
    ::poll(fds, 2, timeoutMs);  // a negative fd is ignored
    return !stop;
}

void ProjectChangeWatcher::Impl::run() {
    bool wasConnected = false;
    while (!stop) {
        std::string error;
        Connection conn = connectAndListen(error);
        if (stop)
            return;
        if (!conn) {
            report(error);
            pollfd wakeOnly{wake[0], POLLIN, 0};
            ::poll(&wakeOnly, 1, retryMs);
            continue;
        }
        listening = true;
        if (callbacks.listening)
            callbacks.listening();
        if (wasConnected && callbacks.changed)
            callbacks.changed("");  // notifications sent while we were away are lost
        wasConnected = true;
        while (!stop) {
            if (!waitReadable(PQsocket(conn.get()), -1))
                break;
            if (!PQconsumeInput(conn.get()) || PQstatus(conn.get()) != CONNECTION_OK) {
                listening = false;
                report("connection lost: " + oneLine(PQerrorMessage(conn.get())) +
                       "; reconnecting");
                break;
            }
            while (PGnotify* n = PQnotifies(conn.get())) {
                const std::string layer = n->extra ? n->extra : "";
                PQfreemem(n);
                if (callbacks.changed)
                    callbacks.changed(layer);
            }
        }
        listening = false;
    }
}

ProjectChangeWatcher::ProjectChangeWatcher(std::string location, ProjectWatchCallbacks callbacks,
                                           int retryMs)
    : _location(std::move(location)), _impl(std::make_unique<Impl>()) {
    _impl->location = _location;
    _impl->callbacks = std::move(callbacks);
    _impl->retryMs = retryMs;
    if (::pipe(_impl->wake) != 0)
        _impl->wake[0] = _impl->wake[1] = -1;
    _impl->thread = std::thread([impl = _impl.get()] { impl->run(); });
}

ProjectChangeWatcher::~ProjectChangeWatcher() {
    _impl->stop = true;
    if (_impl->wake[1] >= 0) {
        const char b = 1;
        [[maybe_unused]] const auto n = ::write(_impl->wake[1], &b, 1);
    }
    if (_impl->thread.joinable())
        _impl->thread.join();
    for (int fd : _impl->wake)
        if (fd >= 0)
            ::close(fd);
}

bool ProjectChangeWatcher::isListening() const {
    return _impl->listening.load();
}

}  // namespace citytwin::geo
