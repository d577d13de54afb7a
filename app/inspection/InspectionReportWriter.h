#pragma once
// Writes an inspection report as files: the HTML of assets::
// writeInspectionReportHtml with the map snapshot beside it (<name>_map.png),
// and the same document as PDF through QTextDocument + QPdfWriter, set in a
// CJK font so that the Chinese citations and messages are embedded as text.

#include <QImage>
#include <QString>

#include <memory>

#include "citytwin/assets/InspectionReport.h"

class QTextDocument;

namespace citytwin::app {

struct ReportFiles {
    QString html;
    QString pdf;
    QString snapshot;  ///< empty if there was no image
};

/// The files written for `htmlPath` (the PDF and PNG take its base name).
ReportFiles reportFilesFor(const QString& htmlPath);

/// Writes the three files; returns an error naming the file, or empty.
QString writeReportFiles(assets::InspectionReport report, const QImage& snapshot,
                         const QString& htmlPath);

/// The report as a QTextDocument with the snapshot as an embedded resource
/// and a CJK default font: what the PDF prints (also for previews).
std::unique_ptr<QTextDocument> buildReportDocument(const assets::InspectionReport& report,
                                                   const QImage& snapshot);

/// The family the report is set in: the first installed font that covers
/// Chinese (WenQuanYi Micro Hei, Noto Sans CJK SC ...), else the default.
QString reportFontFamily();

}  // namespace citytwin::app
