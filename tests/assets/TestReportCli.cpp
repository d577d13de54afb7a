// citytwin-cli check-site / check-works / audit --report on the demo cases,
// checked the way an office would receive them, with poppler-utils: page
// count, every page's ink inside the printable area (so no map runs over a
// margin or a page break), the case number, the one report CRS and only
// coordinates in it (parsed and re-projected), the conclusion line,
// extractable Chinese, and the audit summary equal to the findings.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

#include "AssetTestSupport.h"
#include "citytwin/assets/ArticleTexts.h"
#include "citytwin/geo/Crs.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::assets::test;
using nlohmann::json;

namespace {

constexpr double kMarginMm = 15.0;  // app/inspection/ReportPdfWriter.h

std::string demo() {
    return std::string(citytwin::test::kRepoDataDir) + "/demo/demo.gpkg";
}

/// Standard output of a shell command; empty if it could not run.
std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        out.append(buffer.data(), n);
    ::pclose(pipe);
    return out;
}

bool haveTool(const char* tool) {
    return !run(std::string("command -v ") + tool + " 2>/dev/null").empty();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int pageCount(const std::string& pdf) {
    std::smatch m;
    const std::string info = run("pdfinfo '" + pdf + "'");
    const std::regex pages("Pages:\\s+(\\d+)");
    return std::regex_search(info, m, pages) ? std::stoi(m[1]) : -1;
}

std::string text(const std::string& pdf, const char* options = "") {
    return run(std::string("pdftotext ") + options + " '" + pdf + "' -");
}

/// A P5 (binary, 8-bit) PGM as written by pdftoppm -gray.
struct Gray {
    int w = 0, h = 0;
    std::string pixels;
    int at(int x, int y) const {
        return static_cast<unsigned char>(pixels[std::size_t(y * w + x)]);
    }
};

Gray readPgm(const std::string& path) {
    Gray g;
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int maxValue = 0;
    in >> magic >> g.w >> g.h >> maxValue;
    in.get();
    if (magic != "P5" || maxValue != 255)
        return {};
    g.pixels.resize(std::size_t(g.w) * std::size_t(g.h));
    in.read(g.pixels.data(), std::streamsize(g.pixels.size()));
    return g;
}

/// Counts dark pixels outside the printable area of every page (rasterised at `dpi`).
void expectInkInsidePrintableArea(const std::string& pdf, const std::string& dir, int pages) {
    const int dpi = 50;
    run("pdftoppm -r " + std::to_string(dpi) + " -gray '" + pdf + "' '" + dir + "/page'");
    const int margin = int(std::floor(kMarginMm / 25.4 * dpi)) - 1;
    for (int p = 1; p <= pages; ++p) {
        char name[64];
        // pdftoppm pads the page number to the width of the page count.
        std::snprintf(name, sizeof name, "/page-%0*d.pgm", pages >= 10 ? 2 : 1, p);
        const Gray g = readPgm(dir + name);
        ASSERT_GT(g.w, 0) << dir + name;
        int outside = 0, inside = 0;
        for (int y = 0; y < g.h; ++y)
            for (int x = 0; x < g.w; ++x) {
                if (g.at(x, y) > 200)
                    continue;
                const bool in = x >= margin && x < g.w - margin && y >= margin && y < g.h - margin;
                (in ? inside : outside)++;
            }
        EXPECT_EQ(outside, 0) << "page " << p << ": ink in the margin of " << pdf;
        EXPECT_GT(inside, 0) << "page " << p << " is blank";
    }
}

/// Every "E x m, N y m" in the text followed by its WGS 84 "lon E, lat N":
/// returns how many, and fails where the pair is not the same point in `crs`.
int expectOnlyCoordinatesIn(const std::string& textOfPdf, const std::string& crs) {
    auto transform =
        geo::CrsTransform::create(geo::Crs::wgs84(), geo::Crs::fromString(crs).value());
    EXPECT_TRUE(transform.ok());
    const std::regex pair(
        "E (\\d+\\.\\d{2}) m,\\s+N\\s+(\\d+\\.\\d{2})\\s+m\\s+(\\d+\\.\\d{7}) "
        "E,\\s+(\\d+\\.\\d{7})\\s+N");
    int n = 0;
    for (auto it = std::sregex_iterator(textOfPdf.begin(), textOfPdf.end(), pair);
         it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const auto q = transform.value().transform({std::stod(m[3]), std::stod(m[4]), 0.0});
        EXPECT_TRUE(q.ok());
        // 0.01 m printed, 1e-7 degree (about 1 cm) beside it.
        EXPECT_NEAR(std::stod(m[1]), q.value().x, 0.05) << m.str();
        EXPECT_NEAR(std::stod(m[2]), q.value().y, 0.05) << m.str();
        ++n;
    }
    // And no projected coordinate without its WGS 84 pair (so none escaped the
    // check); table cells may wrap the text.
    const std::regex alone("E \\d+\\.\\d{2} m,\\s+N\\s+\\d+\\.\\d{2}\\s+m");
    const auto all = std::distance(std::sregex_iterator(textOfPdf.begin(), textOfPdf.end(), alone),
                                   std::sregex_iterator());
    EXPECT_EQ(all, n);
    return n;
}

/// The SVG documents inlined in a report HTML as data: URIs, in order.
std::vector<std::string> inlineSvgs(const std::string& html) {
    std::vector<std::string> out;
    const std::string tag = "src=\"data:image/svg+xml;base64,";
    for (std::size_t at = html.find(tag); at != std::string::npos; at = html.find(tag, at + 1)) {
        const std::size_t begin = at + tag.size();
        const std::string b64 = html.substr(begin, html.find('"', begin) - begin);
        std::string bytes;
        int bits = 0;
        unsigned value = 0;
        for (const char c : b64) {
            const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            const char* q = std::strchr(k, c);
            if (c == '=' || !q)
                break;
            value = (value << 6) | unsigned(q - k);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes += char((value >> bits) & 0xff);
            }
        }
        out.push_back(bytes);
    }
    return out;
}

/// The bounding box centre (mm) of the SVG elements matching `element`,
/// read from their cx/cy or points attributes.
std::pair<double, double> centreOf(const std::string& svg, const std::regex& element) {
    double minX = 1e9, minY = 1e9, maxX = -1e9, maxY = -1e9;
    const std::regex number("(-?\\d+\\.\\d+),(-?\\d+\\.\\d+)");
    const std::regex circle("cx=\"(-?[\\d.]+)\" cy=\"(-?[\\d.]+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element);
         it != std::sregex_iterator(); ++it) {
        const std::string e = it->str();
        std::smatch c;
        if (std::regex_search(e, c, circle)) {
            minX = std::min(minX, std::stod(c[1]));
            maxX = std::max(maxX, std::stod(c[1]));
            minY = std::min(minY, std::stod(c[2]));
            maxY = std::max(maxY, std::stod(c[2]));
        }
        for (auto p = std::sregex_iterator(e.begin(), e.end(), number); p != std::sregex_iterator();
             ++p) {
            minX = std::min(minX, std::stod((*p)[1]));
            maxX = std::max(maxX, std::stod((*p)[1]));
            minY = std::min(minY, std::stod((*p)[2]));
            maxY = std::max(maxY, std::stod((*p)[2]));
        }
    }
    return {(minX + maxX) / 2, (minY + maxY) / 2};
}

/// The case's centre in the middle of the map frame, the first polygon of
/// the SVG ("0,0 W,0 W,H 0,H"; the attribution is below it).
void expectCentredInHtmlMap(const std::string& svg, const std::regex& caseElement) {
    std::smatch frame;
    ASSERT_TRUE(std::regex_search(
        svg, frame, std::regex("points=\"0.00,0.00 ([\\d.]+),0.00 [\\d.]+,([\\d.]+) ")));
    const auto [x, y] = centreOf(svg, caseElement);
    EXPECT_NEAR(x, std::stod(frame[1]) / 2, 1.0) << "the case is not in the middle of the map";
    EXPECT_NEAR(y, std::stod(frame[2]) / 2, 1.0) << "the case is not in the middle of the map";
}

/// pdftotext's text without line breaks (a wrapped sentence is one again).
std::string joined(std::string t) {
    t.erase(std::remove(t.begin(), t.end(), '\n'), t.end());
    return t;
}

class ReportCli : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm", "pdfimages"})
            if (!haveTool(tool))
                GTEST_SKIP() << tool << " is missing (poppler-utils, packaging/install-deps.sh)";
    }
};

}  // namespace

TEST_F(ReportCli, siteReportIsInTheCentresZoneWithTheCaseTheConclusionAndChinese) {
    const std::string dir = tempDir("report_site");
    const std::string pdf = dir + "/site.pdf";
    // Scenario A of docs/assets.md on a rooftop: 121.5045 E, east of the
    // border, so the whole report is in EPSG:4550 (CM 123 E).
    const CliRun cli = runCli("check-site --project " + demo() +
                              " --lon 121.504481 --lat 31.238967 --host-type rooftop --report " +
                              pdf + " --case-number SH-2026-0042 --inspector 王伟" +
                              " --organisation 浦东新区通信管理办公室");
    ASSERT_EQ(cli.exitCode, 0);
    const int pages = pageCount(pdf);
    ASSERT_GE(pages, 3);  // front, map, findings
    const std::string all = text(pdf);
    EXPECT_NE(all.find("SH-2026-0042"), std::string::npos);
    EXPECT_NE(all.find("浦东新区通信管理办公室"), std::string::npos) << "Chinese not extractable";
    EXPECT_NE(all.find("选址核查"), std::string::npos);
    EXPECT_NE(all.find("All coordinates in this report are in EPSG:4550"), std::string::npos);
    EXPECT_EQ(all.find("EPSG:4549"), std::string::npos) << "a second GK zone in the report";
    EXPECT_NE(all.find("Conclusion / 结论: Non-compliant / 不合规"), std::string::npos);
    EXPECT_GE(expectOnlyCoordinatesIn(all, "EPSG:4550"), 5);
    EXPECT_NE(all.find("page 1 of " + std::to_string(pages)), std::string::npos);
    EXPECT_NE(all.find("page " + std::to_string(pages) + " of " + std::to_string(pages)),
              std::string::npos);
    EXPECT_NE(all.find("Signature / 签字"), std::string::npos);
    // The map: one page of its own with its legend and attribution, drawn as vectors.
    int mapPages = 0;
    for (int p = 1; p <= pages; ++p) {
        const std::string page = run("pdftotext -f " + std::to_string(p) + " -l " +
                                     std::to_string(p) + " '" + pdf + "' -");
        if (page.find("Map of the case / 案件位置图") == std::string::npos)
            continue;
        ++mapPages;
        EXPECT_NE(page.find("Legend / 图例"), std::string::npos);
        EXPECT_NE(page.find("OpenStreetMap"), std::string::npos);
        EXPECT_NE(page.find("Proposed site / 拟建站址"), std::string::npos);
    }
    EXPECT_EQ(mapPages, 1);
    // No raster at all, so no image can cross a page break.
    const std::string images = run("pdfimages -list '" + pdf + "'");
    EXPECT_EQ(std::count(images.begin(), images.end(), '\n'), 2) << images;  // header lines only
    expectInkInsidePrintableArea(pdf, dir, pages);
    // The fonts are embedded.
    const std::string fonts = run("pdffonts '" + pdf + "'");
    EXPECT_NE(fonts.find("CID TrueType"), std::string::npos) << fonts;
    for (std::istringstream lines(fonts); lines;) {
        std::string line;
        std::getline(lines, line);
        if (line.find("TrueType") != std::string::npos) {
            EXPECT_NE(line.find(" yes "), std::string::npos) << "not embedded: " << line;
        }
    }
    // The JSON beside it is the command's JSON output.
    EXPECT_EQ(readFile(dir + "/site.json"), cli.out);
}

TEST_F(ReportCli, aSiteWestOfTheBorderKeepsItsZoneForFeaturesEastOfIt) {
    const std::string dir = tempDir("report_site_west");
    const std::string pdf = dir + "/west.pdf";
    ASSERT_EQ(runCli("check-site --project " + demo() +
                     " --lon 121.4998 --lat 31.238967 --report " + pdf + " --case-number W-7")
                  .exitCode,
              0);
    const std::string all = text(pdf);
    EXPECT_NE(all.find("All coordinates in this report are in EPSG:4549"), std::string::npos);
    EXPECT_EQ(all.find("EPSG:4550"), std::string::npos);
    const std::regex east("(\\d+\\.\\d{7}) E,");
    bool eastOfBorder = false;
    for (auto it = std::sregex_iterator(all.begin(), all.end(), east); it != std::sregex_iterator();
         ++it)
        eastOfBorder |= std::stod((*it)[1]) > 121.5;
    EXPECT_TRUE(eastOfBorder) << "the case should have features east of 121.5 E";
    EXPECT_GE(expectOnlyCoordinatesIn(all, "EPSG:4549"), 3);
    // The inspector's choice wins over the default.
    const std::string chosen = dir + "/chosen.pdf";
    ASSERT_EQ(
        runCli("check-site --project " + demo() + " --lon 121.4998 --lat 31.238967 --report " +
               chosen + " --report-crs EPSG:4550")
            .exitCode,
        0);
    const std::string chosenText = text(chosen);
    EXPECT_EQ(chosenText.find("EPSG:4549"), std::string::npos);
    EXPECT_GE(expectOnlyCoordinatesIn(chosenText, "EPSG:4550"), 3);
}

TEST_F(ReportCli, worksReportOnA3ShowsTheAreaAndStaysInsideItsPages) {
    const std::string dir = tempDir("report_works");
    const std::string pdf = dir + "/works.pdf";
    const std::string trench =
        "'POLYGON((121.5085223 31.2388317,121.5088373 31.2388317,121.5088373 "
        "31.2391023,121.5085223 31.2391023,121.5085223 31.2388317))'";
    ASSERT_EQ(runCli("check-works --project " + demo() + " --wkt " + trench +
                     " --kind excavation --start 2026-07-01 --end 2026-07-20 --paper A3 --report " +
                     pdf + " --case-number WK-3")
                  .exitCode,
              0);
    const std::string info = run("pdfinfo '" + pdf + "'");
    EXPECT_NE(info.find("(A3)"), std::string::npos) << info;
    const int pages = pageCount(pdf);
    ASSERT_GE(pages, 3);
    const std::string all = text(pdf);
    EXPECT_NE(all.find("WK-3"), std::string::npos);
    EXPECT_NE(all.find("施工作业核查"), std::string::npos);
    EXPECT_NE(all.find("Conclusion / 结论: Non-compliant / 不合规"), std::string::npos);
    EXPECT_NE(all.find("Works area / 作业范围"), std::string::npos);
    EXPECT_EQ(all.find("EPSG:4549"), std::string::npos);
    EXPECT_GE(expectOnlyCoordinatesIn(all, "EPSG:4550"), 2);
    expectInkInsidePrintableArea(pdf, dir, pages);
}

TEST_F(ReportCli, auditSummaryCountsEqualTheFindings) {
    const std::string dir = tempDir("report_audit");
    const std::string pdf = dir + "/audit.pdf";
    const CliRun cli = runCli("audit --project " + demo() + " --date 2026-06-30 --report " + pdf +
                              " --case-number AU-2026-06");
    ASSERT_EQ(cli.exitCode, 0);
    const auto findings = json::parse(cli.out)["findings"];
    std::map<std::string, int> bySeverity;
    for (const auto& f : findings)
        ++bySeverity[f["severity"].get<std::string>()];
    const std::string layout = text(pdf, "-layout");
    for (const auto& [severity, zh] : std::map<std::string, std::string>{
             {"violation", "违规"}, {"warning", "警告"}, {"advice", "建议"}}) {
        std::smatch m;
        ASSERT_TRUE(std::regex_search(layout, m, std::regex(severity + " / " + zh + "\\s+(\\d+)")))
            << severity;
        EXPECT_EQ(std::stoi(m[1]), bySeverity[severity]) << severity;
    }
    std::smatch total;
    ASSERT_TRUE(std::regex_search(layout, total, std::regex("Total / 合计\\s+(\\d+)")));
    EXPECT_EQ(std::stoi(total[1]), int(findings.size()));
    // The appendix lists every finding once: one numbered row each.
    const std::string all = text(pdf);
    EXPECT_NE(all.find("Appendix A"), std::string::npos);
    EXPECT_NE(all.find("Findings by rule and operator"), std::string::npos);
    EXPECT_EQ(all.find("Distance"), std::string::npos) << "an audit measures no distance";
    const int pages = pageCount(pdf);
    EXPECT_LT(pages, 12) << "one table per finding again?";
    expectInkInsidePrintableArea(pdf, dir, pages);
}

TEST_F(ReportCli, htmlReportIsSelfContained) {
    const std::string dir = tempDir("report_html");
    const std::string html = dir + "/site.html";
    ASSERT_EQ(runCli("check-site --project " + demo() +
                     " --lon 121.504481 --lat 31.238967 --report " + html)
                  .exitCode,
              0);
    const std::string text = readFile(html);
    EXPECT_NE(text.find("src=\"data:image/svg+xml;base64,"), std::string::npos);
    EXPECT_FALSE(std::regex_search(text, std::regex("(src|href)=\"[^d]")));
    EXPECT_NE(text.find("Conclusion / 结论"), std::string::npos);
    // Usage errors for the report options.
    EXPECT_EQ(runCli("check-site --project " + demo() + " --lon 121.5 --lat 31.2 --report x.txt")
                  .exitCode,
              2);
    EXPECT_EQ(runCli("audit --project " + demo() + " --case-number 1").exitCode, 2);
}

// The case in the middle of its map, a base map under it, a detail map for a
// finding that measures distances, and the article's Chinese in the PDF.
TEST_F(ReportCli, siteMapIsCentredOnTheSiteWithABaseMapAndADetailMap) {
    const std::string dir = tempDir("report_site_maps");
    const std::string html = dir + "/site.html";
    const std::string site = " --lon 121.504481 --lat 31.238967 --host-type rooftop";
    ASSERT_EQ(runCli("check-site --project " + demo() + site + " --report " + html).exitCode, 0);
    const std::string doc = readFile(html);
    const auto svgs = inlineSvgs(doc);
    ASSERT_GE(svgs.size(), 2u) << "the case map and at least one detail map";
    // The site marker (yellow, 1.8 mm) outside the legend box.
    expectCentredInHtmlMap(svgs[0], std::regex("<circle cx=\"[\\d.]+\" cy=\"[\\d.]+\" "
                                               "r=\"1.80\" fill=\"rgb\\(255,220,0\\)\""));
    // The demo's buildings, roads and water under the case.
    const std::regex building("fill=\"rgb\\(222,218,212\\)\"");
    EXPECT_GT(std::distance(std::sregex_iterator(svgs[0].begin(), svgs[0].end(), building),
                            std::sregex_iterator()),
              20);
    for (const char* entry : {"Roads / 道路", "Buildings / 建筑", "Water / 水系"})
        EXPECT_NE(svgs[0].find(entry), std::string::npos) << entry;
    EXPECT_NE(svgs[0].find("base map / 底图: water.geojson, buildings.geojson, roads.geojson"),
              std::string::npos);
    // SH-11's detail map measures its nearest facilities: a line's label is a
    // distance the findings table prints.
    std::size_t sh11 = 0;
    for (int n = 1; n < int(svgs.size()); ++n)
        if (doc.find("Detail map " + std::to_string(n) + " / 局部详图 " + std::to_string(n) +
                     " — SH-11:") != std::string::npos)
            sh11 = std::size_t(n);
    ASSERT_GT(sh11, 0u) << "no detail map for SH-11";
    std::smatch measured;
    ASSERT_TRUE(std::regex_search(svgs[sh11], measured, std::regex(">(\\d+(\\.\\d)?) m</text>")));
    EXPECT_NE(svgs[sh11].find("Measured distance / 量测距离"), std::string::npos);
    EXPECT_NE(doc.find("<td>" + measured[1].str() + "</td>"), std::string::npos)
        << "the detail map's distance " << measured[1] << " is not in the findings table";

    // The PDF: a detail page after the map page, every map inside its page.
    const std::string pdf = dir + "/site.pdf";
    ASSERT_EQ(runCli("check-site --project " + demo() + site + " --report " + pdf).exitCode, 0);
    const int pages = pageCount(pdf);
    int mapPage = 0, detailPage = 0;
    for (int p = 1; p <= pages; ++p) {
        const std::string page = run("pdftotext -f " + std::to_string(p) + " -l " +
                                     std::to_string(p) + " '" + pdf + "' -");
        if (page.find("Map of the case / 案件位置图") != std::string::npos)
            mapPage = p;
        if (!detailPage && page.find("Detail map 1 / 局部详图 1") != std::string::npos)
            detailPage = p;
    }
    ASSERT_GT(mapPage, 0);
    EXPECT_EQ(detailPage, mapPage + 1);
    expectInkInsidePrintableArea(pdf, dir, pages);
    const std::string images = run("pdfimages -list '" + pdf + "'");
    EXPECT_EQ(std::count(images.begin(), images.end(), '\n'), 2) << images;
    // The site's yellow marker in the middle of the map frame on the page
    // (A4: frame 15..195 mm across, from 33 mm down to above the attribution's
    // one or two lines; the legend at its left).
    const int dpi = 50;
    run("pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(mapPage) + " -l " +
        std::to_string(mapPage) + " '" + pdf + "' '" + dir + "/map'");
    char name[64];
    std::snprintf(name, sizeof name, "/map-%0*d.ppm", pages >= 10 ? 2 : 1, mapPage);
    std::ifstream ppm(dir + name, std::ios::binary);
    std::string magic;
    int w = 0, h = 0, maxValue = 0;
    ppm >> magic >> w >> h >> maxValue;
    ppm.get();
    ASSERT_EQ(magic, "P6");
    std::string rgb(std::size_t(w) * std::size_t(h) * 3, '\0');
    ppm.read(rgb.data(), std::streamsize(rgb.size()));
    const double pxPerMm = dpi / 25.4;
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = 0; y < h; ++y)
        for (int x = int(85 * pxPerMm); x < w; ++x) {
            const auto* px =
                reinterpret_cast<const unsigned char*>(&rgb[(std::size_t(y) * w + x) * 3]);
            if (px[0] > 230 && px[1] > 195 && px[1] < 240 && px[2] < 60) {
                sx += x;
                sy += y;
                ++n;
            }
        }
    ASSERT_GT(n, 0) << "no site marker on the map page";
    EXPECT_NEAR(sx / n / pxPerMm, 105.0, 2.0);
    EXPECT_NEAR(sy / n / pxPerMm, 33.0 + (297.0 - 30.0 - 16.0 - 10.0 - 5.5) / 2, 2.0);
    // SH-11's article: the Chinese text as text, and the English beside it.
    const std::string all = joined(text(pdf));
    const std::string zh = assets::articleSummary("SH-11").zh;
    EXPECT_NE(all.find(zh.substr(0, zh.find("、"))), std::string::npos) << "Chinese article";
    EXPECT_NE(all.find("integrated road poles"), std::string::npos);
}

TEST_F(ReportCli, worksAndAuditMapsAreCentredOnTheCase) {
    const std::string dir = tempDir("report_centred");
    const std::string works = dir + "/works.html";
    const std::string trench =
        "'POLYGON((121.5085223 31.2388317,121.5088373 31.2388317,121.5088373 "
        "31.2391023,121.5085223 31.2391023,121.5085223 31.2388317))'";
    ASSERT_EQ(runCli("check-works --project " + demo() + " --wkt " + trench +
                     " --kind excavation --report " + works)
                  .exitCode,
              0);
    const auto worksSvgs = inlineSvgs(readFile(works));
    ASSERT_GE(worksSvgs.size(), 2u) << "the case map and a detail map of a cable's distance";
    // The works polygon: fill opacity 0.12 (its legend swatch is 0.40).
    expectCentredInHtmlMap(
        worksSvgs[0],
        std::regex("<polygon fill=\"rgb\\(190,0,32\\)\" fill-opacity=\"0.12\"[^>]*>"));
    const std::string audit = dir + "/audit.html";
    ASSERT_EQ(runCli("audit --project " + demo() + " --date 2026-06-30 --report " + audit).exitCode,
              0);
    const std::string auditDoc = readFile(audit);
    const auto auditSvgs = inlineSvgs(auditDoc);
    ASSERT_EQ(auditSvgs.size(), 1u) << "an audit measures no distance: no detail map";
    // The findings' marks (1.4 mm); the legend's dots are 1.0 mm.
    expectCentredInHtmlMap(auditSvgs[0],
                           std::regex("<circle cx=\"[\\d.]+\" cy=\"[\\d.]+\" r=\"1.40\""));
}

namespace {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

/// The map symbols of a report SVG that lie under its legend box: the
/// features' dots (1.0 mm), findings (1.4), the site (1.8), measured lines'
/// ends (0.6) and cables (0.6 mm lines), drawn before the legend (its own
/// swatches come after its box). The box is the polygon before the text
/// "Legend / 图例"; none found: `found` is false.
int symbolsUnderLegend(const std::string& svg, bool& found, Box& box) {
    const std::size_t title = svg.find(">Legend / 图例</text>");
    found = title != std::string::npos;
    if (!found)
        return 0;
    const std::size_t boxAt = svg.rfind("<polygon", title);
    const std::string boxElement = svg.substr(boxAt, svg.find('>', boxAt) - boxAt);
    const std::regex number("(-?\\d+\\.\\d+),(-?\\d+\\.\\d+)");
    box = {1e9, 1e9, -1e9, -1e9};
    for (auto p = std::sregex_iterator(boxElement.begin(), boxElement.end(), number);
         p != std::sregex_iterator(); ++p) {
        box.x0 = std::min(box.x0, std::stod((*p)[1]));
        box.x1 = std::max(box.x1, std::stod((*p)[1]));
        box.y0 = std::min(box.y0, std::stod((*p)[2]));
        box.y1 = std::max(box.y1, std::stod((*p)[2]));
    }
    const std::string before = svg.substr(0, boxAt);
    // Only what the frame shows: shapes beyond it are clipped (the frame is
    // the first polygon, "0,0 W,0 W,H 0,H").
    std::smatch frame;
    if (!std::regex_search(svg, frame,
                           std::regex("points=\"0.00,0.00 ([\\d.]+),0.00 [\\d.]+,([\\d.]+) ")))
        return -1;
    const Box shown{0.0, 0.0, std::stod(frame[1]), std::stod(frame[2])};
    box.x0 = std::max(box.x0, 0.0);
    box.x1 = std::min(box.x1, shown.x1);
    box.y1 = std::min(box.y1, shown.y1);
    int under = 0;
    const std::regex dot(
        "<circle cx=\"(-?[\\d.]+)\" cy=\"(-?[\\d.]+)\" r=\"(1.00|1.40|1.80|0.60)\"");
    for (auto it = std::sregex_iterator(before.begin(), before.end(), dot);
         it != std::sregex_iterator(); ++it)
        under += box.contains(std::stod((*it)[1]), std::stod((*it)[2]));
    const std::regex cable("<polyline fill=\"none\"[^>]*stroke-width=\"0.60\" points=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(before.begin(), before.end(), cable);
         it != std::sregex_iterator(); ++it) {
        const std::string pts = (*it)[1];
        for (auto p = std::sregex_iterator(pts.begin(), pts.end(), number);
             p != std::sregex_iterator(); ++p)
            under += box.contains(std::stod((*p)[1]), std::stod((*p)[2]));
    }
    return under;
}

}  // namespace

// The legend sits where it hides nothing of the case: on every map of the
// demo's site, works and audit reports, no feature, finding, site or
// measured end lies under its box.
TEST_F(ReportCli, theLegendCoversNoFeatureOnAnyMap) {
    const std::string dir = tempDir("report_legend");
    const std::string trench =
        "'POLYGON((121.5085223 31.2388317,121.5088373 31.2388317,121.5088373 "
        "31.2391023,121.5085223 31.2391023,121.5085223 31.2388317))'";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"site", "check-site --project " + demo() +
                     " --lon 121.504481 --lat 31.238967 --host-type rooftop"},
        {"site_west", "check-site --project " + demo() + " --lon 121.4998 --lat 31.238967"},
        {"works", "check-works --project " + demo() + " --wkt " + trench + " --kind excavation"},
        {"audit", "audit --project " + demo() + " --date 2026-06-30"}};
    int maps = 0, moved = 0;
    for (const auto& [name, command] : cases) {
        const std::string html = dir + "/" + name + ".html";
        ASSERT_EQ(runCli(command + " --report " + html).exitCode, 0) << command;
        const auto svgs = inlineSvgs(readFile(html));
        ASSERT_FALSE(svgs.empty()) << name;
        for (std::size_t i = 0; i < svgs.size(); ++i) {
            bool found = false;
            Box box;
            EXPECT_EQ(symbolsUnderLegend(svgs[i], found, box), 0)
                << name << " map " << i << ": the legend hides features";
            EXPECT_TRUE(found) << name << " map " << i << " has no legend";
            ++maps;
            moved += box.x0 > 10.0 || box.y0 > 10.0;  // not in the top-left corner
        }
    }
    EXPECT_GE(maps, 6);
    // Not a test that passes by the legend always staying put: on the demo's
    // maps at least one legend has left the top-left corner.
    EXPECT_GE(moved, 1);
}

// A works area the cable runs through measures 0 m: the detail map outlines
// the works area "inside the protection zone" instead of a 0 m line.
TEST_F(ReportCli, worksInsideAZoneIsDrawnAsContainmentNotAZeroLine) {
    const std::string dir = tempDir("report_containment");
    const std::string html = dir + "/works.html";
    // The trench straddles SYN-CB-1 (31.2389941 N): 0 m from the cable.
    const std::string trench =
        "'POLYGON((121.5085223 31.2388317,121.5088373 31.2388317,121.5088373 "
        "31.2391023,121.5085223 31.2391023,121.5085223 31.2388317))'";
    const CliRun cli = runCli("check-works --project " + demo() + " --wkt " + trench +
                              " --kind excavation --report " + html);
    ASSERT_EQ(cli.exitCode, 0);
    bool zeroInFindings = false;
    const json out = json::parse(cli.out);
    for (const auto& f : out["findings"])
        for (const auto& r : f["related"])
            zeroInFindings |= r.contains("distance_m") && r["distance_m"].get<double>() < 0.05;
    ASSERT_TRUE(zeroInFindings) << "the case should have a feature at 0 m: " << cli.out;
    const std::string doc = readFile(html);
    const auto svgs = inlineSvgs(doc);
    ASSERT_GE(svgs.size(), 2u);
    int containments = 0;
    for (std::size_t i = 1; i < svgs.size(); ++i) {
        EXPECT_EQ(svgs[i].find(">0 m</text>"), std::string::npos)
            << "a 0 m line on detail map " << i;
        if (svgs[i].find(">Inside the protection zone / 位于保护范围内</text>") !=
                std::string::npos ||
            svgs[i].find(">Crosses the works area / 穿越作业范围</text>") != std::string::npos) {
            ++containments;
            // The works area outlined bold (0.7 mm, no fill).
            EXPECT_NE(svgs[i].find("<polygon fill=\"none\" stroke=\"rgb(30,30,30)\" "
                                   "stroke-opacity=\"1.00\" stroke-width=\"0.70\""),
                      std::string::npos);
        }
    }
    EXPECT_GE(containments, 1);
    bool zoneWording = false;
    for (const auto& svg : svgs)
        zoneWording |=
            svg.find(">Inside the protection zone / 位于保护范围内</text>") != std::string::npos;
    EXPECT_TRUE(zoneWording) << "the zone rule's map says 'inside the protection zone'";
    EXPECT_NE(doc.find("— SH-24-2: containment / 包含关系"), std::string::npos)
        << "the heading of a map without a measured line";
}
