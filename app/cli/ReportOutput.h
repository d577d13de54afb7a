#pragma once
// --report OUT.pdf|OUT.html for check-site, check-works and audit: the
// report model built from the check, written as self-contained HTML here
// (no Qt) or handed as JSON to citytwin-report-pdf (Qt, installed beside
// citytwin-cli) for the PDF. OUT.json beside it is the command's JSON output.

#include <optional>
#include <set>
#include <string>

#include "CliArgs.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/InspectionReport.h"
#include "citytwin/assets/ReportModel.h"

namespace citytwin::cli {

struct ReportRequest {
    std::string path;  ///< .pdf or .html
    assets::ReportHeader header;
    std::string crsDefinition;                        ///< empty: the GK zone of the case's centre
    std::string paper = "A4";                         ///< A4 or A3
    assets::MapView view = assets::MapView::TopDown;  ///< --report-view
};

/// The value options --report adds to a subcommand.
std::set<std::string> withReportOptions(std::set<std::string> options);
/// The --help lines of those options.
extern const char* const kReportHelp;

/// Reads the report options; false after printing a usage error (exit 2 then).
bool readReportRequest(const CliArgs& args, std::optional<ReportRequest>& out, std::string& error);

/// Writes the report (and OUT.json with findingsJson); returns the exit code
/// (0, or 1 naming the file that could not be written on stderr).
int writeReport(const ReportRequest& request, const assets::InspectionReport& report,
                const assets::InspectionContext& context, const std::string& findingsJson,
                const char* command);

}  // namespace citytwin::cli
