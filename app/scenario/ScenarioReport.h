#pragma once
// The incident report of a computed scenario, as HTML and PDF (QTextDocument
// printed by QPdfWriter, in the inspection report's style): title, the
// scenario's name in Chinese and English, the timeline, the affected sites
// (operator, lost at, restored at, duration, cause), map snapshots at key
// times, the articles cited with their text, and the log's SHA-256.

#include <QImage>
#include <QString>

#include <vector>

#include "citytwin/assets/scenario/ScenarioPlayback.h"
#include "scenario/ScenarioSession.h"

namespace citytwin::app {

struct ReportSnapshot {
    qint64 t = 0;
    QImage image;
};

/// One row of the affected-sites table: a site's loss of service.
struct AffectedSite {
    std::string site;
    std::string operatorName;
    qint64 lostAt = 0;
    std::optional<qint64> maybeRestoredAt;  ///< nullopt: not within the scenario
    QString cause;
};

/// From the log: each backhaul_lost / site_down paired with its restoration.
std::vector<AffectedSite> affectedSites(const assets::ScenarioRun& run);

/// The times the map is shown at: just after the first failures, the
/// violations and the repairs (at most four, distinct, in order).
std::vector<qint64> reportKeyTimes(const assets::ScenarioPlayback& playback);

/// The report's HTML; images referenced as `imageNames[i]`.
QString scenarioReportHtml(const OpenScenario& open, const std::vector<ReportSnapshot>& snapshots,
                           const QStringList& imageNames);

/// Writes path (.html: the HTML, its images and a PDF beside it; .pdf: the
/// PDF only). Returns an error naming the file, or empty.
QString writeScenarioReport(const OpenScenario& open, const std::vector<ReportSnapshot>& snapshots,
                            const QString& path);

}  // namespace citytwin::app
