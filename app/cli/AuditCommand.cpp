// citytwin-cli audit: lifecycle, maintenance and coverage findings of a whole project.

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "ReportOutput.h"
#include "citytwin/assets/FindingsFormat.h"
#include "citytwin/assets/InspectionContext.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli audit --project P [--date YYYY-MM-DD] [--rules R] [--format json|text]\n"
    "                          [--report OUT.pdf|OUT.html ...]\n\n"
    "Audits every asset of the project at a date and prints the findings, each\n"
    "citing its article, one per asset:\n"
    "  SH-18/22  overdue inspections (last_inspection + inspection_interval_days)\n"
    "  SH-20     sites removed without a replacement_id naming an existing site\n"
    "  SH-21     decommissioned sites not removed after the grace period (90 days),\n"
    "            with the days overdue\n"
    "  SH-23     missing or damaged warning signs\n"
    "  SH-17     coverage targets outside every active site's coverage radius\n\n"
    "options:\n"
    "  --project P  project GeoPackage with the asset layers (docs/assets.md),\n"
    "               or a PostGIS database, PG:\"host=H dbname=D\" or\n"
    "               postgresql://U@H/D (docs/deployment.md)\n"
    "  --date D     the audit date (default: today, UTC)\n"
    "  --rules R    rules file (JSON); default: the shipped assets/rules/shanghai-2023.json\n"
    "  --format F   json (default) or text\n"
    "%REPORT%\n"
    "JSON output: "
    "{\"findings\":[{\"rule\":...,\"article\":...,\"severity\":...,\"message_zh\":...,\n"
    "  \"message_en\":...,\"related\":[{\"layer\":...,\"id\":...,\"distance_m\":...}]}]}\n"
    "(the audited asset first with distance 0).\n"
    "exit status: 0 if the audit ran, 1 if it could not (unreadable project or\n"
    "rules), 2 on a usage error.\n";

int runAudit(int argc, char** argv) {
    std::string help = kHelp;
    help.replace(help.find("%REPORT%"), 8, kReportHelp);
    CliArgs args("audit", help, withReportOptions({"--project", "--date", "--rules", "--format"}),
                 {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.positionals().empty())
        return args.usage("unexpected argument '" + args.positionals()[0] + "'");
    if (!args.has("--project"))
        return args.usage("--project is required");
    const std::string format = args.valueOr("--format", "json");
    if (format != "json" && format != "text")
        return args.usage("--format must be json or text");
    std::optional<ReportRequest> maybeReport;
    std::string reportError;
    if (!readReportRequest(args, maybeReport, reportError))
        return args.usage(reportError);
    assets::IsoDate date = assets::IsoDate::today();
    if (auto text = args.value("--date")) {
        auto parsed = assets::IsoDate::parse(*text);
        if (!parsed || text->size() != 10)
            return args.usage("--date: not a date (YYYY-MM-DD): '" + *text + "'");
        date = *parsed;
    }
    const auto repository = assets::openAssetRepository(*args.value("--project"));
    auto context = assets::InspectionContext::open(*repository, args.valueOr("--rules", ""));
    for (const auto& d : context.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!context) {
        std::cerr << "citytwin-cli audit: cannot run the audit\n";
        return 1;
    }
    const auto findings = context.value()->auditor().audit(date);
    const std::string json = assets::findingsToJson(findings);
    if (format == "json")
        std::cout << json;
    else
        std::cout << "audit at " << date.toString() << "; rules "
                  << context.value()->rules().version << "\n"
                  << assets::findingsToText(findings);
    if (maybeReport) {
        assets::InspectionReport report;
        report.title = "Audit";
        report.checkKind = assets::CheckKind::Audit;
        report.date = date;
        report.projectPath = *args.value("--project");
        assets::setRules(report, context.value()->rules());
        report.findings = findings;
        return writeReport(*maybeReport, report, *context.value(), json, "audit");
    }
    return 0;
}

}  // namespace

CliCommand auditCommand() {
    return {"audit", "audit inspections, removals, signs and coverage of a project", runAudit};
}

}  // namespace citytwin::cli
