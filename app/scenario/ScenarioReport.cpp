#include "scenario/ScenarioReport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <map>
#include <set>

#include "inspection/InspectionReportWriter.h"
#include "scenario/ScenarioText.h"
#include "sensors/PlaybackBar.h"

namespace citytwin::app {
namespace {

constexpr int kPdfImageWidth = 600;  // as the inspection report: inside A4's text width
constexpr qint64 kAfterEventMs = 60'000;

/// lupdate files these strings under the namespace: the same context here.
QString tr(const char* s) {
    return QCoreApplication::translate("citytwin::app", s);
}

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString durationText(qint64 ms) {
    const qint64 minutes = ms / 60000;
    return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QChar('0'));
}

QString joined(const std::vector<std::string>& ids) {
    QStringList parts;
    for (const auto& id : ids)
        parts << QString::fromStdString(id);
    return parts.join(QStringLiteral(", "));
}

}  // namespace

std::vector<AffectedSite> affectedSites(const assets::ScenarioRun& run) {
    using K = assets::LogEventKind;
    std::vector<AffectedSite> rows;
    std::map<std::pair<std::string, bool>, std::size_t> open;  // (site, outage) -> row
    for (const auto& e : run.log) {
        const bool lost = e.kind == K::BackhaulLost || e.kind == K::SiteDown;
        const bool back = e.kind == K::BackhaulRestored || e.kind == K::SiteUp;
        if (!lost && !back)
            continue;
        const auto key = std::pair{e.id, e.kind == K::SiteDown || e.kind == K::SiteUp};
        if (lost) {
            AffectedSite row;
            row.site = e.id;
            row.operatorName = e.operatorName;
            row.lostAt = e.t;
            row.cause =
                e.kind == K::SiteDown
                    ? tr("out of service") +
                          (e.detail.empty()
                               ? QString()
                               : QStringLiteral(" (%1)").arg(QString::fromStdString(e.detail)))
                    : tr("no backhaul: %1").arg(joined(e.cause));
            open[key] = rows.size();
            rows.push_back(std::move(row));
        } else if (auto it = open.find(key); it != open.end()) {
            rows[it->second].maybeRestoredAt = e.t;
            open.erase(it);
        }
    }
    return rows;
}

std::vector<qint64> reportKeyTimes(const assets::ScenarioPlayback& playback) {
    using K = assets::LogEventKind;
    static const std::set<K> keyKinds{K::CableDown,       K::SiteDown,        K::ZoneEntered,
                                      K::AnchoringInZone, K::TyphoonExposure, K::CableUp,
                                      K::SiteUp};
    std::vector<qint64> times;
    std::set<K> seen;
    for (const auto& e : playback.run().log) {
        if (!keyKinds.count(e.kind) || seen.count(e.kind))
            continue;
        seen.insert(e.kind);
        const qint64 t = std::min<qint64>(e.t + kAfterEventMs, playback.scenario().end);
        if (std::find(times.begin(), times.end(), t) == times.end())
            times.push_back(t);
        if (times.size() == 4)
            break;
    }
    if (times.empty())
        times.push_back(playback.scenario().start +
                        (playback.scenario().end - playback.scenario().start) / 2);
    std::sort(times.begin(), times.end());
    return times;
}

QString scenarioReportHtml(const OpenScenario& open, const std::vector<ReportSnapshot>& snapshots,
                           const QStringList& imageNames) {
    const assets::Scenario& s = open.playback->scenario();
    const assets::ScenarioRun& run = open.playback->run();
    const assets::RuleSet& rules = open.network->context->rules();
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>")
             .arg(tr("Incident report"));
    h += QStringLiteral(
        "<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:2px 6px;vertical-align:top}th{background:#eee}"
        "img{max-width:100%}</style></head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(tr("Incident report"));
    h += QStringLiteral("<h2>%1<br>%2</h2>\n").arg(esc(s.nameZh), esc(s.nameEn));
    if (!s.description.empty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(s.description));
    h += QStringLiteral("<p>%1: %2 — %3 (%4)<br>%5: %6<br>%7: %8<br>%9: %10</p>\n")
             .arg(tr("Period"), shanghaiTimeText(s.start), shanghaiTimeText(s.end),
                  tr("Shanghai time, UTC+8"), tr("Scenario file"),
                  QString(open.path).toHtmlEscaped(), tr("Project"),
                  esc(open.network->context->project().sourcePath), tr("Rules"),
                  esc(rules.name + " " + rules.version));

    // Timeline.
    h += QStringLiteral(
             "<h3>%1</h3>\n<table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
             "<th>%6</th></tr>\n")
             .arg(tr("Timeline"), tr("Time"), tr("Event"), tr("Id"), tr("Affected"), tr("Rule"));
    std::set<std::string> cited;
    for (const auto& e : run.log) {
        if (e.kind == assets::LogEventKind::SensorReading)
            continue;
        for (const auto& code : e.rules)
            cited.insert(code);
        if (!e.rule.empty())
            cited.insert(e.rule);
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                 .arg(shanghaiTimeText(e.t), eventKindText(e.kind).toHtmlEscaped(), esc(e.id))
                 .arg(affectedCount(e))
                 .arg(esc(e.rule));
    }
    h += QStringLiteral("</table>\n");

    // Affected sites.
    const auto sites = affectedSites(run);
    h += QStringLiteral("<h3>%1</h3>\n").arg(tr("Affected sites"));
    if (sites.empty()) {
        h += QStringLiteral("<p>%1</p>\n").arg(tr("No site lost service."));
    } else {
        h += QStringLiteral(
                 "<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                 "<th>%6</th></tr>\n")
                 .arg(tr("Site"), tr("Operator"), tr("Lost at"), tr("Restored at"), tr("Duration"),
                      tr("Cause"));
        for (const auto& row : sites) {
            const qint64 until = row.maybeRestoredAt.value_or(s.end);
            h += QStringLiteral(
                     "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                     "</tr>\n")
                     .arg(esc(row.site), esc(row.operatorName), shanghaiTimeText(row.lostAt),
                          row.maybeRestoredAt ? shanghaiTimeText(*row.maybeRestoredAt)
                                              : tr("not within the scenario"),
                          durationText(until - row.lostAt) +
                              (row.maybeRestoredAt ? QString() : QStringLiteral("+")),
                          row.cause.toHtmlEscaped());
        }
        h += QStringLiteral("</table>\n");
    }

    // Map snapshots.
    h += QStringLiteral("<h3>%1</h3>\n").arg(tr("Map at key times"));
    for (std::size_t i = 0; i < snapshots.size() && i < std::size_t(imageNames.size()); ++i)
        h += QStringLiteral("<p><b>%1</b><br><img src=\"%2\" alt=\"%1\"></p>\n")
                 .arg(shanghaiTimeText(snapshots[i].t), imageNames[int(i)].toHtmlEscaped());

    // Articles.
    h += QStringLiteral("<h3>%1</h3>\n").arg(tr("Articles cited"));
    if (cited.empty())
        h += QStringLiteral("<p>%1</p>\n").arg(tr("No rule was cited."));
    else
        h += QStringLiteral("<ul>\n");
    for (const auto& code : cited) {
        const assets::RuleDefinition* rule = rules.find(code);
        h += QStringLiteral("<li><b>%1</b> — %2</li>\n")
                 .arg(esc(code), rule ? esc(rule->article) : tr("(not in the rule set)"));
    }
    if (!cited.empty())
        h += QStringLiteral("</ul>\n");

    h += QStringLiteral("<h3>%1</h3>\n<p>%2 <code>%3</code><br>%4: %5, %6: %7</p>\n")
             .arg(tr("Event log"), tr("SHA-256 of the canonical log:"), esc(run.sha256),
                  tr("Entries"))
             .arg(run.log.size())
             .arg(tr("seed"))
             .arg(s.seed);
    h += QStringLiteral("<p><small>citytwin %1</small></p></body></html>\n")
             .arg(QStringLiteral(CITYTWIN_VERSION));
    return h;
}

QString writeScenarioReport(const OpenScenario& open, const std::vector<ReportSnapshot>& snapshots,
                            const QString& path) {
    const QFileInfo info(path);
    const bool pdfOnly = info.suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) == 0;
    const QString base = info.dir().filePath(info.completeBaseName());
    QStringList names;
    for (std::size_t i = 0; i < snapshots.size(); ++i)
        names << QStringLiteral("%1_map%2.png").arg(info.completeBaseName()).arg(i + 1);

    const QString html = scenarioReportHtml(open, snapshots, names);
    if (!pdfOnly) {
        for (std::size_t i = 0; i < snapshots.size(); ++i)
            if (!snapshots[i].image.save(info.dir().filePath(names[int(i)]), "PNG"))
                return tr("%1: cannot write the map snapshot").arg(names[int(i)]);
        QFile file(path);
        const QByteArray bytes = html.toUtf8();
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(bytes) != bytes.size())
            return tr("%1: cannot write: %2").arg(path, file.errorString());
    }

    const QString pdfPath = pdfOnly ? path : base + ".pdf";
    {
        QPdfWriter pdf(pdfPath);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdf.setTitle(tr("Incident report"));
        pdf.setCreator(QStringLiteral("citytwin " CITYTWIN_VERSION));
        QTextDocument doc;
        QFont font(reportFontFamily());
        font.setPointSizeF(9.0);
        doc.setDefaultFont(font);
        QString printed = html;
        for (std::size_t i = 0; i < snapshots.size(); ++i)
            doc.addResource(
                QTextDocument::ImageResource, QUrl(names[int(i)]),
                snapshots[i].image.scaledToWidth(kPdfImageWidth * 2, Qt::SmoothTransformation));
        // QTextDocument ignores CSS max-width: give the images their printed width.
        printed.replace(QStringLiteral("<img src="),
                        QStringLiteral("<img width=\"%1\" src=").arg(kPdfImageWidth));
        doc.setHtml(printed);
        doc.print(&pdf);
    }
    if (QFileInfo(pdfPath).size() == 0)
        return tr("%1: cannot write the PDF").arg(pdfPath);
    return {};
}

}  // namespace citytwin::app
