#pragma once
// A scratch folder under the system temp dir for tests that write files
// (tilesets, models, pyramids): named after the test and the process,
// emptied when made and removed afterwards.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace citytwin::test {

class ScratchDir {
public:
    explicit ScratchDir(const std::string& name)
        : _path(std::filesystem::temp_directory_path() /
                ("citytwin_" + name + "_" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(_path);
        std::filesystem::create_directories(_path);
    }
    ~ScratchDir() { std::filesystem::remove_all(_path); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    /// Writes `bytes` to `name` (sub-folders made as needed); its full path.
    std::filesystem::path write(const std::filesystem::path& name, const std::string& bytes) const {
        std::filesystem::create_directories((_path / name).parent_path());
        std::ofstream(_path / name, std::ios::binary) << bytes;
        return _path / name;
    }
    const std::filesystem::path& path() const { return _path; }

private:
    std::filesystem::path _path;
};

}  // namespace citytwin::test
