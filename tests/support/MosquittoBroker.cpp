#include "MosquittoBroker.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fstream>

namespace citytwin::test {

MosquittoBroker::MosquittoBroker(std::string workDir) : _workDir(std::move(workDir)) {}

MosquittoBroker::~MosquittoBroker() {
    kill();
}

bool MosquittoBroker::start() {
    if (_pid > 0)
        return true;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (_port == 0)
            _port = findFreePort();
        const std::string conf = _workDir + "/mosquitto.conf";
        {
            std::ofstream c(conf);
            c << "listener " << _port << " 127.0.0.1\n"
              << "allow_anonymous true\n"
              << "persistence false\n"
              << "max_queued_messages 100000\n"
              << "log_dest stderr\n"
              << _extraConfig;
        }
        _pid = spawnProcess({"mosquitto", "-c", conf}, _workDir + "/mosquitto.out",
                            _workDir + "/mosquitto.log");
        if (waitFor([&] { return isPortOpen(_port); }, std::chrono::seconds(10)))
            return true;
        kill();
    }
    return false;
}

void MosquittoBroker::stop() {
    if (_pid <= 0)
        return;
    ::kill(_pid, SIGTERM);
    ::waitpid(_pid, nullptr, 0);
    _pid = -1;
}

void MosquittoBroker::kill() {
    if (_pid <= 0)
        return;
    ::kill(_pid, SIGKILL);
    ::waitpid(_pid, nullptr, 0);
    _pid = -1;
}

}  // namespace citytwin::test
