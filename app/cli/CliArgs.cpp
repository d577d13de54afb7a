#include "CliArgs.h"

namespace citytwin::cli {

CliArgs::CliArgs(std::set<std::string> valueOptions, std::set<std::string> flagOptions)
    : _valueOptions(std::move(valueOptions)), _flagOptions(std::move(flagOptions)) {
    _flagOptions.insert("--help");
}

bool CliArgs::parse(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-h")
            arg = "--help";
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            _positionals.push_back(arg);
            continue;
        }
        std::string name = arg, inlineValue;
        bool hasInline = false;
        if (auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
            hasInline = true;
        }
        if (_flagOptions.count(name)) {
            if (hasInline) {
                _error = "option " + name + " takes no value";
                return false;
            }
            _flags.insert(name);
        } else if (_valueOptions.count(name)) {
            if (hasInline) {
                _values[name] = inlineValue;
            } else if (i + 1 < argc) {
                _values[name] = argv[++i];
            } else {
                _error = "option " + name + " needs a value";
                return false;
            }
        } else {
            _error = "unknown option " + name;
            return false;
        }
    }
    return true;
}

bool CliArgs::has(const std::string& option) const {
    return _flags.count(option) || _values.count(option);
}

std::optional<std::string> CliArgs::value(const std::string& option) const {
    auto it = _values.find(option);
    if (it == _values.end())
        return std::nullopt;
    return it->second;
}

std::string CliArgs::valueOr(const std::string& option, const std::string& fallback) const {
    auto v = value(option);
    return v ? *v : fallback;
}

}  // namespace citytwin::cli
