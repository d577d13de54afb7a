#pragma once
// How a scenario's log reads to people: event names, the affected count and
// the article cited, shared by the event panel and the incident report.

#include <QString>

#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/scenario/EventLog.h"

namespace citytwin::app {

/// "Cable down", "Backhaul lost", ... (translated).
QString eventKindText(assets::LogEventKind kind);
/// How many elements the entry affects: its related ids (at least 1 for
/// the element itself); coverage entries count their sites.
int affectedCount(const assets::LogEntry& entry);
/// "SH-24-2 — <article>" for the entry's rules, empty when none applies.
QString articleText(const assets::LogEntry& entry, const assets::RuleSet& rules);
/// The scenario's name in the interface language (zh when Chinese, else en).
QString scenarioName(const QString& zh, const QString& en);

}  // namespace citytwin::app
