// Fuzz target: arbitrary bytes as a server's listing of a folder
// (render/src/osgb/DirectoryListing.cpp: nginx autoindex JSON or HTML
// links). Never a crash; every name returned is one path segment, not "."
// or "..", so a tile URL built from it cannot leave the pyramid's Data/.

#include <cstdint>
#include <string>

#include "osgb/DirectoryListing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    for (const auto& name : citytwin::render::detail::parseDirectoryListing(body))
        if (name.empty() || name == "." || name == ".." ||
            name.find_first_of("/\\") != std::string::npos)
            __builtin_trap();
    return 0;
}
