#include "NginxServer.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace citytwin::test {
namespace {

namespace fs = std::filesystem;

std::string nginxBinary() {
    for (const char* p : {"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"})
        if (::access(p, X_OK) == 0)
            return p;
    return {};
}

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

NginxServer::NginxServer(std::string root, std::string workDir)
    : _root(fs::absolute(root).string()), _workDir(fs::absolute(workDir).string()) {}

NginxServer::~NginxServer() {
    stop();
}

std::string NginxServer::unavailableReason() {
    if (nginxBinary().empty())
        return "nginx is not installed (apt-get install nginx-light)";
    if (!fs::exists("/etc/nginx/mime.types"))
        return "nginx's /etc/nginx/mime.types is missing (nginx-common)";
    return {};
}

std::string NginxServer::baseUrl() const {
    return "http://127.0.0.1:" + std::to_string(_port);
}

void NginxServer::writeConfig() const {
    std::ofstream c(_workDir + "/nginx.conf");
    c << "daemon off;\n"
      << "master_process on;\n"
      << "worker_processes 1;\n"
      << "pid " << _workDir << "/nginx.pid;\n"
      << "error_log " << _workDir << "/logs/error.log info;\n";
    // As root the workers would drop to "nobody", who may not read the
    // scratch folders; not as root, nginx ignores (and warns about) `user`.
    if (::geteuid() == 0)
        c << "user root root;\n";
    c << "events { worker_connections 128; }\n"
      << "http {\n"
      << "    include /etc/nginx/mime.types;\n"
      << "    types { application/json json; application/octet-stream b3dm i3dm pnts cmpt "
         "osgb glb subtree; }\n"
      << "    default_type application/octet-stream;\n"
      << "    log_format counted '$status $request_method $request_uri $body_bytes_sent';\n"
      << "    access_log " << _workDir << "/logs/access.log counted;\n"
      << "    client_body_temp_path " << _workDir << "/temp/body;\n"
      << "    proxy_temp_path " << _workDir << "/temp/proxy;\n"
      << "    fastcgi_temp_path " << _workDir << "/temp/fastcgi;\n"
      << "    uwsgi_temp_path " << _workDir << "/temp/uwsgi;\n"
      << "    scgi_temp_path " << _workDir << "/temp/scgi;\n"
      << "    sendfile on;\n"
      << "    keepalive_requests 100000;\n"
      << "    server {\n"
      << "        listen 127.0.0.1:" << _port << ";\n"
      << "        root " << _root << ";\n"
      << (_limitRate.empty() ? std::string() : "        limit_rate " + _limitRate + ";\n")
      << "        location / { autoindex on; autoindex_format json; }\n"
      << "    }\n"
      << "}\n";
}

bool NginxServer::start() {
    if (_pid > 0)
        return true;
    const std::string binary = nginxBinary();
    if (binary.empty())
        return false;
    fs::create_directories(_workDir + "/logs");
    fs::create_directories(_workDir + "/temp");
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (_port == 0)
            _port = findFreePort();
        writeConfig();
        // -e: the error log before the configuration is read, else nginx
        // tries /var/log/nginx/error.log (not writable when not root).
        _pid = spawnProcess({binary, "-p", _workDir, "-c", _workDir + "/nginx.conf", "-e",
                             _workDir + "/logs/error.log"},
                            _workDir + "/nginx.out", _workDir + "/nginx.err");
        if (waitFor([&] { return isPortOpen(_port); }, std::chrono::seconds(10)))
            return true;
        stop();
        _port = 0;  // taken meanwhile: another one
    }
    return false;
}

void NginxServer::stop() {
    if (_pid <= 0)
        return;
    ::kill(_pid, SIGQUIT);
    int status = 0;
    const bool ended = waitFor([&] { return ::waitpid(_pid, &status, WNOHANG) == _pid; },
                               std::chrono::seconds(10));
    if (!ended) {
        ::kill(_pid, SIGKILL);
        ::waitpid(_pid, &status, 0);
    }
    _pid = -1;
}

std::vector<NginxRequest> NginxServer::requests() const {
    std::vector<NginxRequest> out;
    std::ifstream in(accessLogPath());
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        NginxRequest r;
        if (s >> r.status >> r.method >> r.uri >> r.bytes)
            out.push_back(r);
    }
    return out;
}

int NginxServer::countStatus(int status) const {
    int n = 0;
    for (const auto& r : requests())
        n += r.status == status;
    return n;
}

bool NginxServer::waitForRequests(std::size_t total) const {
    return waitFor([&] { return requests().size() >= total; }, std::chrono::seconds(10));
}

void NginxServer::clearLog() const {
    // Truncated in place: nginx keeps the file open in append mode.
    std::ofstream(accessLogPath(), std::ios::trunc);
}

std::string NginxServer::errorLog() const {
    return readAll(_workDir + "/logs/error.log") + readAll(_workDir + "/nginx.err");
}

}  // namespace citytwin::test
