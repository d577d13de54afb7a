#pragma once
// A fresh temporary directory per test, removed afterwards.

#include <filesystem>
#include <random>
#include <string>

namespace citytwin::test {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        _path = std::filesystem::temp_directory_path() /
                ("citytwin-sensors-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(_path, ec);
    }
    std::string file(const std::string& name) const { return (_path / name).string(); }
    const std::filesystem::path& path() const { return _path; }

private:
    std::filesystem::path _path;
};

}  // namespace citytwin::test
