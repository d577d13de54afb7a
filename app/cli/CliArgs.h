#pragma once
// A small, strict parser for citytwin-cli subcommand arguments: options are
// declared up front, so an unknown or misspelled option is an error naming
// it, never silently ignored. It also owns what every subcommand does the
// same way: --help (exit 0), usage errors naming the option followed by the
// help text (exit 2), and typed values (numbers, CRSs).

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"

namespace citytwin::cli {

/// How a usage error is laid out on stderr: "citytwin-cli CMD: message",
/// then the help text on the next line or after a blank line.
enum class UsageLayout { HelpNextLine, HelpAfterBlankLine };

/// Which numbers a numeric option accepts. The whole text must be a number
/// (strtod syntax); complaint follows the option's name in the usage error,
/// with every "%v" replaced by the text given, e.g. ": '%v' is not a count".
struct NumberSpec {
    double min = -std::numeric_limits<double>::infinity();
    bool minExclusive = false;
    double max = std::numeric_limits<double>::infinity();
    bool integer = false;            ///< no fractional part
    bool allowInfinity = false;      ///< "inf" (or an overflow) is a number, range-checked
    bool allowNan = false;           ///< "nan" is a number, not range-checked
    bool rejectRangeErrors = false;  ///< reject what over- or underflows a double
    std::string complaint = " must be a number";
};

class CliArgs {
public:
    /// command: the subcommand's name, for messages; help: its --help text.
    /// valueOptions take a value ("--from EPSG:4326" or "--from=EPSG:4326");
    /// flagOptions take none. --help (and -h) is always a flag.
    CliArgs(std::string command, std::string help, std::set<std::string> valueOptions,
            std::set<std::string> flagOptions, UsageLayout layout = UsageLayout::HelpNextLine);

    /// Parses argv[1..argc). Returns the exit code the command ends with at
    /// once: 0 after printing the help for --help, 2 after a usage error (an
    /// unknown option, a missing or unwanted value); nullopt to go on.
    std::optional<int> parseOrExit(int argc, char** argv);

    /// Parses argv[first..argc); returns false and sets error() on bad input.
    bool parse(int argc, char** argv, int first);

    /// Prints "citytwin-cli CMD: message" and the help to stderr; returns 2.
    int usage(const std::string& message) const;
    /// Prints "citytwin-cli CMD: message" alone to stderr; returns 2.
    int usageWithoutHelp(const std::string& message) const;

    const std::string& error() const { return _error; }
    bool has(const std::string& option) const;
    std::optional<std::string> value(const std::string& option) const;
    std::string valueOr(const std::string& option, const std::string& fallback) const;
    const std::vector<std::string>& positionals() const { return _positionals; }

    /// The option's value as a number spec accepts, into out (left as it is
    /// when the option is absent). False if the value is not acceptable;
    /// error() then names the option: option + spec.complaint.
    bool number(const std::string& option, const NumberSpec& spec, double& out);
    /// The option's value as strtoull reads it (base 10, the whole text).
    /// False if it is not; error() then reads "OPTION: 'TEXT' is not an integer".
    bool unsignedInteger(const std::string& option, std::uint64_t& out);
    /// The option's value as a CRS (EPSG code, WKT, PROJ string, GCJ02, BD09),
    /// into out (left as it is when absent). False if it is not one; error()
    /// then reads "OPTION: why".
    bool crs(const std::string& option, std::optional<geo::Crs>& out);

private:
    std::string _command, _help;
    UsageLayout _layout;
    std::set<std::string> _valueOptions, _flagOptions;
    std::map<std::string, std::string> _values;
    std::set<std::string> _flags;
    std::vector<std::string> _positionals;
    std::string _error;
};

}  // namespace citytwin::cli
