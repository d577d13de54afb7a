#pragma once
// Helpers for the geo tests: scratch folders and running real programs
// (citytwin-cli, PROJ's cs2cs) as subprocesses.

#include <filesystem>
#include <string>

namespace citytwin::test {

/// A fresh, empty folder under the system temp dir, removed on destruction.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag);
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return _path; }
    std::filesystem::path operator/(const std::string& name) const { return _path / name; }

private:
    std::filesystem::path _path;
};

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs a shell command with the given text on stdin; captures stdout/stderr.
ProcessResult runProcess(const std::string& command, const std::string& input = {});

/// "'text'" quoted for /bin/sh.
std::string shellQuote(const std::string& s);

/// Path of a built program in kBinDir, e.g. citytwinCli() for citytwin-cli.
std::string citytwinCli();

/// Writes text to a file.
void writeFile(const std::filesystem::path& p, const std::string& text);

}  // namespace citytwin::test

#include <array>
#include <vector>

namespace citytwin::test {

using Triple = std::array<double, 3>;

/// Runs PROJ's cs2cs from -> to on points given in the CRSs' authority axis
/// order (as cs2cs reads them); NaN triples where cs2cs printed '*'.
std::vector<Triple> runCs2cs(const std::string& from, const std::string& to,
                             const std::vector<Triple>& points);

/// True for the CRSs whose EPSG axis order is latitude/northing first.
bool northFirst(const std::string& epsg);

/// A grid of lon/lat points across Shanghai (120.85-122.2 E, 30.68-31.87 N).
std::vector<Triple> shanghaiLonLatGrid();

}  // namespace citytwin::test
