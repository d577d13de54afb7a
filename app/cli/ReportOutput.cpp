#include "ReportOutput.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "citytwin/assets/ReportHtml.h"
#include "citytwin/assets/ReportModelBuilder.h"
#include "citytwin/assets/ReportModelJson.h"
#include "citytwin/assets/SvgMapCanvas.h"
#include "citytwin/render/ObliqueCaseRenderer.h"

extern char** environ;

namespace citytwin::cli {
namespace fs = std::filesystem;
namespace {

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool writeFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return bool(out.flush());
}

/// citytwin-report-pdf: beside this executable (build tree and install), else on PATH.
std::string pdfRenderer() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path beside = self.parent_path() / "citytwin-report-pdf";
        if (fs::exists(beside, ec))
            return beside.string();
    }
    return "citytwin-report-pdf";
}

int runPdfRenderer(const std::string& modelPath, const ReportRequest& r) {
    const std::string exe = pdfRenderer();
    std::vector<std::string> args = {exe, modelPath, r.path, "--paper", r.paper};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, exe.c_str(), nullptr, nullptr, argv.data(), environ) != 0)
        return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

const char* const kReportHelp =
    "  --report OUT    also write the inspection report: OUT.pdf (A4, fonts embedded, text\n"
    "                  searchable) or OUT.html (self-contained, map inline), and OUT.json\n"
    "                  beside it (the same JSON as --format json). The PDF is drawn by\n"
    "                  citytwin-report-pdf, installed beside citytwin-cli "
    "(docs/inspection-report.md)\n"
    "  --case-number N, --inspector NAME, --organisation ORG\n"
    "                  the report's header fields\n"
    "  --report-crs C  the report's one coordinate system (EPSG code, WKT, PROJ string);\n"
    "                  default: the CGCS2000 3-degree Gauss-Kruger zone of the case's centre\n"
    "                  (EPSG:4549 west of 121.5 E inclusive, EPSG:4550 east of it); WGS 84 beside "
    "it\n"
    "  --paper P       A4 (default) or A3, for the PDF\n"
    "  --report-view V top-down (default), oblique or both: the case map top-down (north up,\n"
    "                  scale bar), or the oblique 3D view of the case (from the south, looking\n"
    "                  north, 45 degrees down, buildings at their height; rendered off-screen\n"
    "                  with OpenGL: needs a display, e.g. xvfb-run), or the top-down map and\n"
    "                  the oblique view after it; the findings' detail maps follow the same\n"
    "                  choice\n"
    "                  The top-down maps are centred on the case, over a base map of the\n"
    "                  project's roads, water and buildings (files of those names beside the\n"
    "                  project, or layers in it), the legend in the corner that hides none of\n"
    "                  the case (else below the map); a detail map for each finding that\n"
    "                  measures distances (a feature at 0 m: the case outlined, 'inside the\n"
    "                  protection zone').\n";

std::set<std::string> withReportOptions(std::set<std::string> options) {
    for (const char* o : {"--report", "--case-number", "--inspector", "--organisation",
                          "--report-crs", "--paper", "--report-view"})
        options.insert(o);
    return options;
}

bool readReportRequest(const CliArgs& args, std::optional<ReportRequest>& out, std::string& error) {
    if (!args.has("--report")) {
        for (const char* o : {"--case-number", "--inspector", "--organisation", "--report-crs",
                              "--paper", "--report-view"})
            if (args.has(o)) {
                error = std::string(o) + " needs --report";
                return false;
            }
        return true;
    }
    ReportRequest r;
    r.path = *args.value("--report");
    if (!endsWith(r.path, ".pdf") && !endsWith(r.path, ".html")) {
        error = "--report: '" + r.path + "' must end in .pdf or .html";
        return false;
    }
    r.header = {args.valueOr("--case-number", ""), args.valueOr("--inspector", ""),
                args.valueOr("--organisation", "")};
    r.crsDefinition = args.valueOr("--report-crs", "");
    r.paper = args.valueOr("--paper", "A4");
    if (r.paper != "A4" && r.paper != "A3") {
        error = "--paper must be A4 or A3";
        return false;
    }
    const auto view = assets::parseMapView(args.valueOr("--report-view", "top-down"));
    if (!view) {
        error = "--report-view must be top-down, oblique or both";
        return false;
    }
    r.view = *view;
    out = r;
    return true;
}

int writeReport(const ReportRequest& request, const assets::InspectionReport& report,
                const assets::InspectionContext& context, const std::string& findingsJson,
                const char* command) {
    auto model = assets::buildReportModel(report, context, request.header, request.crsDefinition);
    if (!model) {
        std::cerr << "citytwin-cli " << command << ": --report-crs: " << model.messages() << '\n';
        return 1;
    }
    model.value().mapView = request.view;
    if (const auto views = render::addObliqueViews(model.value()); !views) {
        std::cerr << "citytwin-cli " << command << ": --report-view: " << views.messages() << '\n';
        return 1;
    }
    const fs::path out(request.path);
    fs::path json = out;
    json.replace_extension(".json");
    if (!writeFile(json, findingsJson)) {
        std::cerr << "citytwin-cli " << command << ": " << json.string() << ": cannot write\n";
        return 1;
    }
    if (endsWith(request.path, ".html")) {
        // The HTML map at the width of an A4 text column.
        const std::string html =
            assets::reportHtmlDocument(model.value(), assets::reportMapSvg(model.value(), 180, 150),
                                       assets::reportDetailMapSvgs(model.value(), 180, 110),
                                       model.value().obliquePng.empty()
                                           ? std::string()
                                           : assets::reportObliqueMapSvg(model.value(), 180, 150));
        if (!writeFile(out, html)) {
            std::cerr << "citytwin-cli " << command << ": " << request.path << ": cannot write\n";
            return 1;
        }
        return 0;
    }
    fs::path modelPath = out;
    modelPath += ".model.json";
    if (!writeFile(modelPath, assets::reportModelToJson(model.value()))) {
        std::cerr << "citytwin-cli " << command << ": " << modelPath.string() << ": cannot write\n";
        return 1;
    }
    const int rc = runPdfRenderer(modelPath.string(), request);
    std::error_code ec;
    fs::remove(modelPath, ec);
    if (rc != 0) {
        std::cerr << "citytwin-cli " << command << ": " << request.path << ": citytwin-report-pdf "
                  << (rc < 0 ? "could not be started" : "failed") << '\n';
        return 1;
    }
    return 0;
}

}  // namespace citytwin::cli
