#pragma once
// A small, strict parser for citytwin-cli subcommand arguments: options are
// declared up front, so an unknown or misspelled option is an error naming
// it, never silently ignored.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace citytwin::cli {

class CliArgs {
public:
    /// valueOptions take a value ("--from EPSG:4326" or "--from=EPSG:4326");
    /// flagOptions take none.
    CliArgs(std::set<std::string> valueOptions, std::set<std::string> flagOptions);

    /// Parses argv[first..argc); returns false and sets error() on bad input.
    bool parse(int argc, char** argv, int first);

    const std::string& error() const { return _error; }
    bool has(const std::string& option) const;
    std::optional<std::string> value(const std::string& option) const;
    std::string valueOr(const std::string& option, const std::string& fallback) const;
    const std::vector<std::string>& positionals() const { return _positionals; }

private:
    std::set<std::string> _valueOptions, _flagOptions;
    std::map<std::string, std::string> _values;
    std::set<std::string> _flags;
    std::vector<std::string> _positionals;
    std::string _error;
};

}  // namespace citytwin::cli
