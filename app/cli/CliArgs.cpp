#include "CliArgs.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>

namespace citytwin::cli {

CliArgs::CliArgs(std::string command, std::string help, std::set<std::string> valueOptions,
                 std::set<std::string> flagOptions, UsageLayout layout)
    : _command(std::move(command)),
      _help(std::move(help)),
      _layout(layout),
      _valueOptions(std::move(valueOptions)),
      _flagOptions(std::move(flagOptions)) {
    _flagOptions.insert("--help");
}

std::optional<int> CliArgs::parseOrExit(int argc, char** argv) {
    if (!parse(argc, argv, 1))
        return usage(_error);
    if (has("--help")) {
        std::cout << _help;
        return 0;
    }
    return std::nullopt;
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

int CliArgs::usage(const std::string& message) const {
    std::cerr << "citytwin-cli " << _command << ": " << message
              << (_layout == UsageLayout::HelpAfterBlankLine ? "\n\n" : "\n") << _help;
    return 2;
}

int CliArgs::usageWithoutHelp(const std::string& message) const {
    std::cerr << "citytwin-cli " << _command << ": " << message << '\n';
    return 2;
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

bool CliArgs::number(const std::string& option, const NumberSpec& spec, double& out) {
    const auto text = value(option);
    if (!text)
        return true;
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text->c_str(), &end);
    const bool rangeError = errno == ERANGE;
    bool ok = !text->empty() && end == text->c_str() + text->size();
    ok = ok && !(spec.rejectRangeErrors && rangeError);
    if (ok && std::isnan(v)) {
        ok = spec.allowNan;
    } else if (ok) {
        ok = (spec.allowInfinity || std::isfinite(v)) &&
             (spec.minExclusive ? v > spec.min : v >= spec.min) && v <= spec.max &&
             !(spec.integer && v != std::floor(v));
    }
    if (!ok) {
        std::string complaint = spec.complaint;
        for (auto at = complaint.find("%v"); at != std::string::npos;
             at = complaint.find("%v", at + text->size()))
            complaint.replace(at, 2, *text);
        _error = option + complaint;
        return false;
    }
    out = v;
    return true;
}

bool CliArgs::unsignedInteger(const std::string& option, std::uint64_t& out) {
    const auto text = value(option);
    if (!text)
        return true;
    char* end = nullptr;
    const auto v = std::strtoull(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0') {
        _error = option + ": '" + *text + "' is not an integer";
        return false;
    }
    out = v;
    return true;
}

bool CliArgs::crs(const std::string& option, std::optional<geo::Crs>& out) {
    const auto text = value(option);
    if (!text)
        return true;
    auto parsed = geo::Crs::fromString(*text);
    if (!parsed) {
        _error = option + ": " + parsed.messages();
        return false;
    }
    out = parsed.value();
    return true;
}

}  // namespace citytwin::cli
