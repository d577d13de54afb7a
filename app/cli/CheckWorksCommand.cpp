// citytwin-cli check-works: a works area against the infrastructure it may affect.

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "ReportOutput.h"
#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/FindingsFormat.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/WorksAreaInput.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli check-works --project P (--wkt 'POLYGON(...)' | --file F) --kind K\n"
    "                                [--start DATE --end DATE] [--crs CRS] [--rules R]\n"
    "                                [--format json|text] [--report OUT.pdf|OUT.html ...]\n\n"
    "Checks a works area against the Shanghai rules and prints the findings, each\n"
    "citing its article:\n"
    "  SH-19    notice list: every base station and cable within the notice distance\n"
    "           (50 m), one finding per operator (tenants of shared sites included)\n"
    "  SH-24-2  excavation-type works touching a land cable's protection zone\n"
    "  SH-24-3, SCP-8  anchoring, trawling, sand digging, blasting, piling or drilling\n"
    "           inside an underwater / submarine cable zone (500/100/50 m by waters)\n\n"
    "options:\n"
    "  --project P   project GeoPackage with the asset layers (docs/assets.md),\n"
    "                or a PostGIS database, PG:\"host=H dbname=D\" or\n"
    "                postgresql://U@H/D (docs/deployment.md)\n"
    "  --wkt W       the works area as POLYGON or MULTIPOLYGON WKT in --crs\n"
    "  --file F      a vector file (GeoJSON, GeoPackage, Shapefile, KML ...) whose first\n"
    "                polygon layer is the works area, or a text file of WKT\n"
    "  --kind K      construction, demolition, excavation, piling, drilling, trenching,\n"
    "                pipe_laying, hazardous_material, anchoring, trawling, sand_digging,\n"
    "                blasting, other\n"
    "  --start DATE  first day of the works (YYYY-MM-DD)\n"
    "  --end DATE    last day of the works (YYYY-MM-DD)\n"
    "  --crs CRS     CRS of --wkt, and of --file if it declares none (EPSG code, WKT,\n"
    "                PROJ string, GCJ02, BD09); default EPSG:4326\n"
    "  --rules R     rules file (JSON); default: the shipped assets/rules/shanghai-2023.json\n"
    "  --format F    json (default) or text\n"
    "%REPORT%\n"
    "JSON output: "
    "{\"findings\":[{\"rule\":...,\"article\":...,\"severity\":...,\"message_zh\":...,\n"
    "  \"message_en\":...,\"related\":[{\"layer\":...,\"id\":...,\"distance_m\":...}]}]}\n"
    "(distances in metres from the works area, related nearest first).\n"
    "exit status: 0 if the check ran (with or without findings), 1 if it could not\n"
    "(unreadable project, rules or area, invalid or self-intersecting polygon, area\n"
    "outside the project or larger than the rules' works.max_area_km2, default\n"
    "100 km²), 2 on a usage error.\n";

int runCheckWorks(int argc, char** argv) {
    std::string help = kHelp;
    help.replace(help.find("%REPORT%"), 8, kReportHelp);
    CliArgs args("check-works", help,
                 withReportOptions({"--project", "--wkt", "--file", "--kind", "--start", "--end",
                                    "--crs", "--rules", "--format"}),
                 {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.positionals().empty())
        return args.usage("unexpected argument '" + args.positionals()[0] + "'");
    if (!args.has("--project"))
        return args.usage("--project is required");
    if (args.has("--wkt") == args.has("--file"))
        return args.usage("give exactly one of --wkt and --file");
    if (!args.has("--kind"))
        return args.usage("--kind is required");
    const std::string format = args.valueOr("--format", "json");
    if (format != "json" && format != "text")
        return args.usage("--format must be json or text");
    std::optional<ReportRequest> maybeReport;
    std::string reportError;
    if (!readReportRequest(args, maybeReport, reportError))
        return args.usage(reportError);
    assets::WorksProposal works;
    const auto kind = assets::parseWorksKind(*args.value("--kind"));
    if (!kind)
        return args.usage("--kind: unknown works kind '" + *args.value("--kind") + "'");
    works.kind = *kind;
    for (const char* option : {"--start", "--end"}) {
        if (!args.has(option))
            continue;
        auto date = assets::IsoDate::parse(*args.value(option));
        if (!date)
            return args.usage(std::string(option) + ": not a date (YYYY-MM-DD): '" +
                              *args.value(option) + "'");
        (std::string(option) == "--start" ? works.maybeStart : works.maybeEnd) = date;
    }
    std::optional<geo::Crs> maybeCrs;
    if (!args.crs("--crs", maybeCrs))
        return args.usage(args.error());
    const geo::Crs crs = maybeCrs.value_or(geo::Crs::wgs84());
    auto area = args.has("--wkt") ? assets::parseWorksAreaWkt(*args.value("--wkt"), crs)
                                  : assets::readWorksAreaFile(*args.value("--file"), crs);
    if (!area) {
        for (const auto& d : area.diagnostics())
            std::cerr << "citytwin-cli check-works: " << d.toString() << '\n';
        return 1;
    }
    works.polygons = area.value();

    const auto repository = assets::openAssetRepository(*args.value("--project"));
    auto context = assets::InspectionContext::open(*repository, args.valueOr("--rules", ""));
    for (const auto& d : context.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!context) {
        std::cerr << "citytwin-cli check-works: cannot run the check\n";
        return 1;
    }
    auto findings = context.value()->worksChecker().check(works);
    if (!findings) {
        for (const auto& d : findings.diagnostics())
            std::cerr << "citytwin-cli check-works: " << (args.has("--wkt") ? "--wkt" : "--file")
                      << ": " << d.message << '\n';
        return 1;
    }
    const std::string json = assets::findingsToJson(findings.value());
    if (format == "json")
        std::cout << json;
    else {
        std::cout << "check-works " << assets::toString(works.kind);
        if (works.maybeStart)
            std::cout << " from " << works.maybeStart->toString();
        if (works.maybeEnd)
            std::cout << " to " << works.maybeEnd->toString();
        std::cout << "; rules " << context.value()->rules().version << "\n"
                  << assets::findingsToText(findings.value());
    }
    if (maybeReport) {
        assets::InspectionReport report;
        report.title = "Works check";
        report.checkKind = assets::CheckKind::Works;
        report.date = assets::IsoDate::today();
        report.projectPath = *args.value("--project");
        assets::setRules(report, context.value()->rules());
        report.worksArea = works.polygons;
        if (!works.polygons.empty() && !works.polygons[0].rings.empty()) {
            // The centre of the outer ring's corners (the closing vertex once).
            const auto& ring = works.polygons[0].rings[0];
            const std::size_t n = ring.size() > 1 ? ring.size() - 1 : ring.size();
            geo::GeoPoint centre;
            for (std::size_t i = 0; i < n; ++i) {
                centre.x += ring[i].x / double(n);
                centre.y += ring[i].y / double(n);
            }
            report.maybeLocation = centre;
        }
        report.parameters.push_back("Works kind / 作业类型: " +
                                    assets::displayName(works.kind).both());
        if (works.maybeStart)
            report.parameters.push_back("Start / 开始: " + works.maybeStart->toString());
        if (works.maybeEnd)
            report.parameters.push_back("End / 结束: " + works.maybeEnd->toString());
        report.findings = findings.value();
        return writeReport(*maybeReport, report, *context.value(), json, "check-works");
    }
    return 0;
}

}  // namespace

CliCommand checkWorksCommand() {
    return {"check-works", "check a works area against cables and sites it may affect",
            runCheckWorks};
}

}  // namespace citytwin::cli
