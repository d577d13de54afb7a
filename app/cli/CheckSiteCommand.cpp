// citytwin-cli check-site: the Shanghai siting rules for a proposed base station.

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "ReportOutput.h"
#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/FindingsFormat.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/geo/CrsTransform.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli check-site --project P --lon X --lat Y [--crs CRS] [--operator OP]\n"
    "                               [--host-type T] [--rules R] [--format json|text]\n"
    "                               [--report OUT.pdf|OUT.html [--case-number N] [--inspector I]\n"
    "                                [--organisation O] [--report-crs C] [--paper A4|A3]]\n\n"
    "Checks a proposed base-station site against the Shanghai rules and prints the\n"
    "findings, each citing its article:\n"
    "  SH-11    suitable public facilities within the search radius (200 m), nearest\n"
    "           first, unless the host type is itself a public facility\n"
    "  SH-12    existing non-removed sites with spare capacity within 100 m (share first)\n"
    "  SH-16    public places obliged to open within 300 m\n"
    "  SH-24-4  interference sources within 100 m\n"
    "  SH-24-2 / SCP-7  land / submarine cable protection zones the point falls in\n"
    "(distances as set by the rules file).\n\n"
    "options:\n"
    "  --project P     project GeoPackage with the asset layers (docs/assets.md),\n"
    "                  or a PostGIS database, PG:\"host=H dbname=D\" or\n"
    "                  postgresql://U@H/D (docs/deployment.md)\n"
    "  --lon X         longitude (or easting) of the site in --crs\n"
    "  --lat Y         latitude (or northing) of the site in --crs\n"
    "  --crs CRS       CRS of X/Y (EPSG code, WKT, PROJ string, GCJ02, BD09);\n"
    "                  default EPSG:4326 (WGS 84)\n"
    "  --operator OP   operator proposing the site (shown in text output)\n"
    "  --host-type T   tower, rooftop, integrated_pole, lamp_pole, bus_shelter,\n"
    "                  elevated_road, gantry, road_sign, phone_booth, indoor, other\n"
    "                  (default: unknown, treated as a stand-alone site)\n"
    "  --rules R       rules file (JSON, docs/assets.md); default: the shipped\n"
    "                  assets/rules/shanghai-2023.json\n"
    "  --format F      json (default) or text\n"
    "%REPORT%\n"
    "JSON output: {\"findings\":[{\"rule\":\"SH-11\",\"article\":\"...\",\"severity\":\"advice\",\n"
    "  "
    "\"message_zh\":\"...\",\"message_en\":\"...\",\"related\":[{\"layer\":\"public_facilities\",\n"
    "  \"id\":\"...\",\"distance_m\":80.2}]}]}  (distances in metres, related nearest first)\n"
    "Problems in the project's data are printed to stderr naming layer, feature and field.\n"
    "exit status: 0 if the check ran (with or without findings), 1 if it could not\n"
    "(unreadable project or rules, point outside the project), 2 on a usage error.\n";

int runCheckSite(int argc, char** argv) {
    std::string help = kHelp;
    help.replace(help.find("%REPORT%"), 8, kReportHelp);
    CliArgs args("check-site", help,
                 withReportOptions({"--project", "--lon", "--lat", "--crs", "--operator",
                                    "--host-type", "--rules", "--format"}),
                 {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.positionals().empty())
        return args.usage("unexpected argument '" + args.positionals()[0] + "'");
    for (const char* required : {"--project", "--lon", "--lat"})
        if (!args.has(required))
            return args.usage(std::string(required) + " is required");
    const std::string format = args.valueOr("--format", "json");
    if (format != "json" && format != "text")
        return args.usage("--format must be json or text");
    // As std::stod reads them: NaN and infinities pass (the checker refuses
    // them), what over- or underflows a double does not.
    NumberSpec coordinate;
    coordinate.allowInfinity = true;
    coordinate.allowNan = true;
    coordinate.rejectRangeErrors = true;
    double x = 0.0, y = 0.0;
    if (!args.number("--lon", coordinate, x) || !args.number("--lat", coordinate, y))
        return args.usage("--lon and --lat must be numbers");
    std::optional<ReportRequest> maybeReport;
    std::string reportError;
    if (!readReportRequest(args, maybeReport, reportError))
        return args.usage(reportError);
    assets::SiteProposal proposal;
    proposal.operatorName = args.valueOr("--operator", "");
    if (auto t = args.value("--host-type")) {
        proposal.maybeHostType = assets::parseHostType(*t);
        if (!proposal.maybeHostType)
            return args.usage("--host-type: unknown host type '" + *t + "'");
    }
    proposal.position = {x, y, 0.0};
    std::optional<geo::Crs> maybeCrs;
    if (!args.crs("--crs", maybeCrs))
        return args.usage(args.error());
    if (maybeCrs) {
        auto transform = geo::CrsTransform::create(*maybeCrs, geo::Crs::wgs84());
        if (!transform)
            return args.usage("--crs: " + transform.messages());
        auto p = transform->transform(proposal.position);
        if (!p) {
            std::cerr << "citytwin-cli check-site: --lon/--lat: " << p.messages() << '\n';
            return 1;
        }
        proposal.position = p.value();
    }

    const auto repository = assets::openAssetRepository(*args.value("--project"));
    auto context = assets::InspectionContext::open(*repository, args.valueOr("--rules", ""));
    for (const auto& d : context.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!context) {
        std::cerr << "citytwin-cli check-site: cannot run the check\n";
        return 1;
    }
    auto findings = context.value()->siteChecker().check(proposal);
    if (!findings) {
        for (const auto& d : findings.diagnostics())
            std::cerr << "citytwin-cli check-site: --lon/--lat: " << d.message << '\n';
        return 1;
    }
    const std::string json = assets::findingsToJson(findings.value());
    if (format == "json")
        std::cout << json;
    else {
        std::cout << "check-site " << proposal.position.x << ", " << proposal.position.y
                  << " (WGS 84)";
        if (!proposal.operatorName.empty())
            std::cout << " operator " << proposal.operatorName;
        if (proposal.maybeHostType)
            std::cout << " host " << assets::toString(*proposal.maybeHostType);
        std::cout << "; rules " << context.value()->rules().version << "\n"
                  << assets::findingsToText(findings.value());
    }
    if (maybeReport) {
        assets::InspectionReport report;
        report.title = "Siting check";
        report.checkKind = assets::CheckKind::Site;
        report.date = assets::IsoDate::today();
        report.projectPath = *args.value("--project");
        assets::setRules(report, context.value()->rules());
        report.maybeLocation = proposal.position;
        report.parameters.push_back("Operator / 运营单位: " + (proposal.operatorName.empty()
                                                                   ? std::string("—")
                                                                   : proposal.operatorName));
        report.parameters.push_back(
            "Host type / 宿主类型: " +
            (proposal.maybeHostType
                 ? assets::displayName(*proposal.maybeHostType).both()
                 : std::string("unknown, treated as stand-alone / 未知（按独立站址）")));
        report.findings = findings.value();
        return writeReport(*maybeReport, report, *context.value(), json, "check-site");
    }
    return 0;
}

}  // namespace

CliCommand checkSiteCommand() {
    return {"check-site", "check a proposed base-station site against the Shanghai rules",
            runCheckSite};
}

}  // namespace citytwin::cli
