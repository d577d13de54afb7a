#pragma once
// Reads a kiosk tour from JSON text (docs/kiosk.md). Every field is checked;
// an error names the stop index and the field ("stops[2].camera.pitch").
// No Qt: the fuzz target links it alone.

#include <string>
#include <string_view>

#include "citytwin/geo/Result.h"
#include "kiosk/Tour.h"

namespace citytwin::app::kiosk {

/// `source` names the file in the diagnostics.
geo::Result<Tour> parseTour(std::string_view json, const std::string& source);

/// The tour as JSON text that parseTour reads back to the same tour
/// (version, title, idle return, exit chord and PIN, memory ceiling, every
/// stop's fields; defaults are written out). Bookmarks export through it.
std::string writeTour(const Tour& tour);

/// Reads and parses the file at `path`.
geo::Result<Tour> readTourFile(const std::string& path);

/// True if `chord` is modifiers (Ctrl, Alt, Shift, Meta) and one key joined
/// by '+', e.g. "Ctrl+Alt+Shift+E" or "Ctrl+Alt+F12".
bool isValidChord(const std::string& chord);

}  // namespace citytwin::app::kiosk
