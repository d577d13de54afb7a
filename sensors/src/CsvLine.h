#pragma once
// Splits one line of RFC 4180-ish CSV (quotes, doubled quotes; no embedded
// newlines: our files are one record per line).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citytwin::sensors::detail {

/// The fields of the line, or nullopt if a quote is not closed.
std::optional<std::vector<std::string>> splitCsvLine(std::string_view line);

/// Strips spaces, tabs and a trailing '\r'.
std::string_view trim(std::string_view s);

/// Parses a whole string as a finite double.
std::optional<double> parseDouble(std::string_view s);

}  // namespace citytwin::sensors::detail
