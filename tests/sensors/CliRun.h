#pragma once
// Runs the built citytwin-cli with arguments (through the shell: quote what
// needs it) and returns its exit status and output (stdout + stderr).

#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <utility>

#include "citytwin/test/TestPaths.h"

namespace citytwin::test {

inline std::pair<int, std::string> cli(const std::string& args) {
    const std::string command = std::string(kBinDir) + "/citytwin-cli " + args + " 2>&1";
    FILE* p = ::popen(command.c_str(), "r");
    std::string out;
    char buf[4096];
    while (p && std::fgets(buf, sizeof buf, p))
        out += buf;
    const int status = p ? ::pclose(p) : -1;
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace citytwin::test
