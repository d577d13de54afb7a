#pragma once
// The report model as PDF (QPdfWriter + QPainter): the front (header,
// coordinate system, summary, conclusion) and the body (findings, tables,
// appendix, signature block) laid out by QTextDocument page by page inside
// the printable area, the case map drawn as vectors on a page of its own
// between them (so it is never split and never runs into a margin), a
// running header and "page N of M" on every page. Fonts are embedded by Qt
// (subsets), Chinese stays text: pdftotext extracts it.

#include <QString>

#include "citytwin/assets/ReportModel.h"

namespace citytwin::app {

enum class Paper { A4, A3 };

/// Writes `model` to `path`; returns an error naming the file, or empty.
QString writeReportPdf(const assets::ReportModel& model, const QString& path,
                       Paper paper = Paper::A4);

/// The family the report is set in: the first installed font that covers
/// Chinese (WenQuanYi Micro Hei, Noto Sans CJK SC ...), else the default.
QString reportFontFamily();

/// Page margins of the report, millimetres, on every side.
inline constexpr double kReportMarginMm = 15.0;

}  // namespace citytwin::app
