#pragma once
// Writes an inspection report's files from its model: the self-contained
// HTML (the map inline as SVG), the PDF beside it (ReportPdfWriter) and the
// JSON of the findings beside both (the same JSON as citytwin-cli).

#include <QString>

#include <vector>

#include "citytwin/assets/Finding.h"
#include "citytwin/assets/ReportModel.h"
#include "inspection/ReportPdfWriter.h"

namespace citytwin::app {

struct ReportFiles {
    QString html;
    QString pdf;
    QString json;
};

/// The files written for `htmlPath` (the PDF and JSON take its base name).
ReportFiles reportFilesFor(const QString& htmlPath);

/// Writes the three files; returns an error naming the file, or empty.
QString writeReportFiles(const assets::ReportModel& model,
                         const std::vector<assets::Finding>& findings, const QString& htmlPath,
                         Paper paper = Paper::A4);

/// The map's size in the HTML, millimetres (an A4 text column).
inline constexpr double kHtmlMapWidthMm = 180.0;
inline constexpr double kHtmlMapHeightMm = 150.0;
inline constexpr double kHtmlDetailMapHeightMm = 110.0;

}  // namespace citytwin::app
