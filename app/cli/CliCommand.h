#pragma once
// A citytwin-cli subcommand. Each lives in its own file and is listed once
// in CliMain.cpp's table (explicitly: static self-registration would be
// dropped by the linker from a static library).

#include <string>

namespace citytwin::cli {

struct CliCommand {
    const char* name;
    const char* summary;  ///< one line for `citytwin-cli --help`
    /// argv[0] is the subcommand name; returns the process exit code.
    int (*run)(int argc, char** argv);
};

// One declaration per subcommand, defined in <Name>Command.cpp.
CliCommand infoCommand();
CliCommand exportOsgbCommand();
CliCommand modelInfoCommand();
CliCommand transformCommand();
CliCommand importCommand();
CliCommand layersCommand();
CliCommand ingestCommand();
CliCommand queryCommand();
CliCommand statsCommand();
CliCommand simulateCommand();
CliCommand checkSiteCommand();
CliCommand checkWorksCommand();
CliCommand auditCommand();
CliCommand zonesCommand();
CliCommand networkCommand();
CliCommand scenarioCommand();
CliCommand storeRecoverCommand();

}  // namespace citytwin::cli
