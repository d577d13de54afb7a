#pragma once
// The report model as JSON, so that a process without Qt (citytwin-cli) can
// hand a built report to the PDF renderer (citytwin-report-pdf). Not the
// findings JSON of the CLI (FindingsFormat.h), which stays as it is.

#include <string>
#include <string_view>

#include "citytwin/assets/ReportModel.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

std::string reportModelToJson(const ReportModel& model);
/// Errors name `sourceName` and the field as a JSON path ("findings[2].severity").
geo::Result<ReportModel> parseReportModelJson(std::string_view text, const std::string& sourceName);

}  // namespace citytwin::assets
