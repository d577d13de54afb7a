// citytwin-cli: headless tools sharing the libraries of the GUI.

#include <cstring>
#include <iostream>
#include <optional>
#include <vector>

#include "CliCommand.h"
#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/render/OsgLogRouting.h"
#include "citytwin/tilecache/TileCache.h"

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
    out << "\noptions:\n  --help      this text\n  --version   print the version\n"
           "\ntile cache options (before the command; for 3D Tiles, OSGB pyramids and\n"
           "terrain read over http(s), see docs/tiles-http.md):\n"
           "  --tile-cache DIR|off    the cache folder (default $CITYTWIN_TILE_CACHE, else\n"
           "                          $XDG_CACHE_HOME/citytwin/tiles); off: no disk cache\n"
           "  --tile-cache-size SIZE  its cap, e.g. 512M, 2G (default 2G;\n"
           "                          $CITYTWIN_TILE_CACHE_MB); least recently used go first\n"
           "  --offline               no network: serve what is cached, name what is not\n"
           "                          ($CITYTWIN_OFFLINE=1)\n";
}

}  // namespace

int main(int argc, char** argv) {
    citytwin::render::routeOsgNotifyToLog();
    citytwin::render::installIsolatedTileReading();  // a damaged tile must not end us
    if (argc < 2) {
        printHelp(std::cerr);
        return 2;
    }
    // The tile cache options come before the command (every command that
    // reads over HTTP shares them).
    std::optional<std::string> cacheFolder, cacheSize;
    bool offline = false;
    while (argc >= 2) {
        const std::string a = argv[1];
        const bool takesValue = a == "--tile-cache" || a == "--tile-cache-size";
        std::optional<std::string> value;
        if (takesValue) {
            if (argc < 3) {
                std::cerr << "citytwin-cli: " << a << " needs a value; see citytwin-cli --help\n";
                return 2;
            }
            value = argv[2];
        } else if (a.rfind("--tile-cache=", 0) == 0 || a.rfind("--tile-cache-size=", 0) == 0) {
            value = a.substr(a.find('=') + 1);
        } else if (a != "--offline") {
            break;
        }
        const std::string option = a.substr(0, a.find('='));
        if (option == "--tile-cache")
            cacheFolder = value;
        else if (option == "--tile-cache-size")
            cacheSize = value;
        else
            offline = true;
        const int used = takesValue ? 2 : 1;
        argv[used] = argv[0];
        argv += used;
        argc -= used;
    }
    if (cacheFolder || cacheSize || offline) {
        auto settings =
            citytwin::tilecache::cacheSettingsWithOptions(cacheFolder, cacheSize, offline);
        if (!settings) {
            std::cerr << "citytwin-cli: " << settings.messages() << "\n";
            return 2;
        }
        citytwin::tilecache::configureSharedCache(*settings);
    }
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
