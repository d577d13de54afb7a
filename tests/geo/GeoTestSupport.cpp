#include "GeoTestSupport.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "citytwin/test/TestPaths.h"

namespace citytwin::test {
namespace fs = std::filesystem;

namespace {
std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

ScratchDir::ScratchDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    _path = fs::temp_directory_path() / ("citytwin_" + tag + "_" + std::to_string(::getpid()) +
                                         "_" + std::to_string(counter++));
    fs::remove_all(_path);
    fs::create_directories(_path);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(_path, ec);
}

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

ProcessResult runProcess(const std::string& command, const std::string& input) {
    ScratchDir dir("proc");
    writeFile(dir / "in", input);
    const std::string full = command + " < " + shellQuote((dir / "in").string()) + " > " +
                             shellQuote((dir / "out").string()) + " 2> " +
                             shellQuote((dir / "err").string());
    const int status = std::system(full.c_str());
    ProcessResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readAll(dir / "out");
    r.err = readAll(dir / "err");
    return r;
}

std::string citytwinCli() {
    return shellQuote(std::string(kBinDir) + "/citytwin-cli");
}

void writeFile(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

}  // namespace citytwin::test

namespace citytwin::test {

std::vector<Triple> runCs2cs(const std::string& from, const std::string& to,
                             const std::vector<Triple>& points) {
    std::string input;
    char line[128];
    for (const auto& p : points) {
        std::snprintf(line, sizeof line, "%.15g %.15g %.15g\n", p[0], p[1], p[2]);
        input += line;
    }
    const auto r =
        runProcess("cs2cs -f %.12f " + shellQuote(from) + " +to " + shellQuote(to), input);
    std::vector<Triple> out;
    std::istringstream lines(r.out);
    std::string l;
    while (std::getline(lines, l)) {
        std::istringstream fields(l);
        std::string a, b, c;
        fields >> a >> b >> c;
        auto num = [](const std::string& s) { return s == "*" ? std::nan("") : std::stod(s); };
        out.push_back({num(a), num(b), c.empty() ? 0.0 : num(c)});
    }
    return out;
}

bool northFirst(const std::string& epsg) {
    return epsg == "EPSG:4326" || epsg == "EPSG:4490" || epsg == "EPSG:4549" || epsg == "EPSG:4550";
}

std::vector<Triple> shanghaiLonLatGrid() {
    std::vector<Triple> out;
    for (double lon = 120.85; lon <= 122.2; lon += 0.15)
        for (double lat = 30.68; lat <= 31.87; lat += 0.17)
            out.push_back({lon, lat, 12.5});
    return out;
}

}  // namespace citytwin::test
