#pragma once
// OSG's notify output (OSG_WARN, OSG_NOTICE ... from OSG itself and its
// plugins) goes to geo::log, the one log channel of the program, instead of
// straight to stderr. OSG still filters by its own notify level first
// (OSG_NOTIFY_LEVEL, NOTICE by default); geo::log then applies its level.

namespace citytwin::render {

/// Installs the routing; call once at start-up, before OSG prints anything.
/// Severities: FATAL -> Error, WARN -> Warning, ALWAYS and NOTICE -> Info,
/// INFO and the debug levels -> Debug.
void routeOsgNotifyToLog();

}  // namespace citytwin::render
