#pragma once
// The report model as HTML. Kept to the subset QTextDocument lays out (the
// PDF prints the same fragments), in two parts so that the PDF can put the
// map on a page of its own between them: the front (header, coordinate
// system, summary, conclusion) and the body (findings, audit tables,
// appendix, signature block). The HTML file joins them around the map as an
// inline SVG data: URI: one self-contained file.

#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/ReportModel.h"

namespace citytwin::assets {

std::string reportHtmlFront(const ReportModel& model);
std::string reportHtmlBody(const ReportModel& model);
/// The whole document; mapSvg (may be empty) is inlined as a data: URI.
std::string reportHtmlDocument(const ReportModel& model, const std::string& mapSvg);
/// The same with the detail maps (reportDetailMapSvgs, one per detailPanels) after the
/// case map, and the oblique view (reportObliqueMapSvg) where the model's
/// mapView shows it (the top-down map only where it shows that).
std::string reportHtmlDocument(const ReportModel& model, const std::string& mapSvg,
                               const std::vector<std::string>& detailSvgs,
                               const std::string& obliqueSvg = {});

/// The heading of the oblique view's section and page.
inline constexpr const char* kObliqueHeading = "Oblique view of the case / 案件斜视三维图";

/// "E 553102.18 m, N 3456781.02 m" in the report system.
std::string formatProjected(const ReportPoint& p);
/// "121.4999870 E, 31.2400010 N".
std::string formatWgs84(const ReportPoint& p);

/// RFC 4648 base64 of bytes.
std::string base64(const std::string& bytes);
/// The bytes of RFC 4648 base64 text; nullopt if it is not base64.
std::optional<std::string> decodeBase64(const std::string& text);

}  // namespace citytwin::assets
