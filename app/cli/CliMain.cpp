// citytwin-cli: headless tools sharing the libraries of the GUI.

#include <cstring>
#include <iostream>
#include <vector>

#include "CliCommand.h"
#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/render/OsgLogRouting.h"

using namespace citytwin::cli;

namespace {

std::vector<CliCommand> commands() {
    return {
        infoCommand(),         exportOsgbCommand(), modelInfoCommand(), transformCommand(),
        importCommand(),       layersCommand(),     ingestCommand(),    queryCommand(),
        statsCommand(),        simulateCommand(),   checkSiteCommand(), checkWorksCommand(),
        auditCommand(),        zonesCommand(),      networkCommand(),   scenarioCommand(),
        storeRecoverCommand(),
    };
}

void printHelp(std::ostream& out) {
    out << "usage: citytwin-cli <command> [options]\n\n"
           "Headless tools of citytwin, the digital twin of a city's information\n"
           "infrastructure. `citytwin-cli <command> --help` documents each command.\n\n"
           "commands:\n";
    for (const auto& c : commands()) {
        out << "  " << c.name;
        for (std::size_t i = std::strlen(c.name); i < 14; ++i)
            out << ' ';
        out << c.summary << '\n';
    }
    out << "\noptions:\n  --help      this text\n  --version   print the version\n";
}

}  // namespace

int main(int argc, char** argv) {
    citytwin::render::routeOsgNotifyToLog();
    citytwin::render::installIsolatedTileReading();  // a damaged tile must not end us
    if (argc < 2) {
        printHelp(std::cerr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printHelp(std::cout);
        return 0;
    }
    if (name == "--version") {
        std::cout << "citytwin-cli " << CITYTWIN_VERSION << '\n';
        return 0;
    }
    for (const auto& c : commands())
        if (name == c.name)
            return c.run(argc - 1, argv + 1);
    std::cerr << "citytwin-cli: unknown command '" << name << "'; see citytwin-cli --help\n";
    return 2;
}
