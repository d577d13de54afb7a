#include "citytwin/assets/InspectionReport.h"

#include <cstdio>
#include <map>
#include <optional>
#include <sstream>

#include "citytwin/assets/ReportModel.h"
#include "citytwin/assets/SvgMapCanvas.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::assets {
namespace {

std::string transformed(const char* epsg, const geo::GeoPoint& p, const char* format) {
    // PROJ objects are per thread (CrsTransform's contract); creating one costs
    // far more than using it, and a report converts every related item.
    thread_local std::map<std::string, std::optional<geo::CrsTransform>> cache;
    auto it = cache.find(epsg);
    if (it == cache.end()) {
        std::optional<geo::CrsTransform> made;
        if (auto crs = geo::Crs::fromString(epsg))
            if (auto t = geo::CrsTransform::create(geo::Crs::wgs84(), crs.value()))
                made.emplace(std::move(t).value());
        it = cache.emplace(epsg, std::move(made)).first;
    }
    if (!it->second)
        return "n/a";
    auto q = it->second->transform(p);
    if (!q)
        return "n/a";
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, format, q->x, q->y);
    return buffer;
}

}  // namespace

void setRules(InspectionReport& report, const RuleSet& rules) {
    report.rulesName = rules.name;
    report.rulesVersion = rules.version;
    report.rulesSource = rules.sourcePath;
}

const char* checkKindName(CheckKind kind) {
    switch (kind) {
        case CheckKind::Site:
            return "check-site";
        case CheckKind::Works:
            return "check-works";
        case CheckKind::Audit:
            return "audit";
    }
    return "";
}

const char* checkKindTitleZh(CheckKind kind) {
    switch (kind) {
        case CheckKind::Site:
            return "选址核查";
        case CheckKind::Works:
            return "施工作业核查";
        case CheckKind::Audit:
            return "设施审查";
    }
    return "";
}

std::vector<std::string> describeCoordinates(const geo::GeoPoint& p) {
    char wgs[96];
    std::snprintf(wgs, sizeof wgs, "WGS 84 (EPSG:4326): %.7f E, %.7f N", p.x, p.y);
    const bool east = p.x >= 121.5;
    const char* zone = east ? "EPSG:4550" : "EPSG:4549";
    return {wgs, "CGCS2000 (EPSG:4490): " + transformed("EPSG:4490", p, "%.7f E, %.7f N"),
            std::string("CGCS2000 / 3-degree Gauss-Kruger CM ") + (east ? "123E" : "120E") + " (" +
                zone + "): " + transformed(zone, p, "E %.2f m, N %.2f m")};
}

std::string writeInspectionReportHtml(const InspectionReport& r) {
    std::ostringstream h;
    const std::string zh = checkKindTitleZh(r.checkKind);
    h << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << escapeXml(r.title) << "</title>\n"
      << "<style>\nbody{font-family:'Noto Sans CJK SC','Noto Sans SC','WenQuanYi Micro "
         "Hei','Source Han "
         "Sans SC',sans-serif;margin:2em;}\n"
         "table{border-collapse:collapse;width:100%;}td,th{border:1px solid "
         "#999;padding:4px;vertical-align:"
         "top;text-align:left;}\n"
         ".advice{color:#1f5fa8}.warning{color:#a86b00}.violation{color:#b00020;font-weight:bold}\n"
         ".meta td:first-child{width:25%;font-weight:bold}\n</style>\n</head>\n<body>\n";
    h << "<h1>" << escapeXml(r.title) << (zh.empty() ? "" : " / " + zh) << "</h1>\n";
    h << "<table class=\"meta\">\n";
    h << "<tr><td>Date / 日期</td><td>" << r.date.toString() << "</td></tr>\n";
    h << "<tr><td>Check / 核查</td><td>" << checkKindName(r.checkKind) << "</td></tr>\n";
    h << "<tr><td>Project / 项目</td><td>" << escapeXml(geo::maskedLocation(r.projectPath))
      << "</td></tr>\n";
    h << "<tr><td>Rules / 规则</td><td>" << escapeXml(r.rulesName)
      << "<br>version / 版本: " << escapeXml(r.rulesVersion)
      << (r.rulesSource.empty() ? "" : "<br>file / 文件: " + escapeXml(r.rulesSource))
      << "</td></tr>\n";
    if (r.maybeLocation) {
        h << "<tr><td>Location / 位置</td><td>";
        for (const auto& line : describeCoordinates(*r.maybeLocation))
            h << escapeXml(line) << "<br>";
        h << "</td></tr>\n";
    }
    if (!r.worksArea.empty() && !r.worksArea[0].rings.empty()) {
        h << "<tr><td>Works area / 作业范围 (WGS 84)</td><td>";
        std::size_t n = 0;
        for (const auto& q : r.worksArea[0].rings[0]) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%s%.7f %.7f", n++ ? ", " : "", q.x, q.y);
            h << buffer;
        }
        h << "</td></tr>\n";
    }
    for (const auto& p : r.parameters)
        h << "<tr><td>Parameter / 参数</td><td>" << escapeXml(p) << "</td></tr>\n";
    h << "</table>\n";
    if (!r.snapshotImagePath.empty())
        h << "<p><img src=\"" << escapeXml(r.snapshotImagePath)
          << "\" alt=\"map snapshot / 地图截图\" style=\"max-width:100%\"></p>\n";

    h << "<h2>Findings / 核查结果 (" << r.findings.size() << ")</h2>\n";
    if (r.findings.empty())
        h << "<p>No findings. / 未发现问题。</p>\n";
    std::size_t number = 0;
    for (const auto& f : r.findings) {
        const std::string sev(toString(f.severity));
        h << "<h3>" << ++number << ". " << escapeXml(f.rule) << " &mdash; " << escapeXml(f.article)
          << "</h3>\n";
        h << "<p class=\"" << sev << "\">" << sev << " / " << severityZh(f.severity) << "</p>\n";
        h << "<p>" << escapeXml(f.messageZh) << "</p>\n<p>" << escapeXml(f.messageEn) << "</p>\n";
        if (f.related.empty())
            continue;
        h << "<table>\n<tr><th>Layer / 图层</th><th>ID</th><th>Distance / 距离 "
             "(m)</th><th>Coordinates / "
             "坐标</th></tr>\n";
        for (const auto& item : f.related) {
            h << "<tr><td>" << escapeXml(item.layer) << "</td><td>" << escapeXml(item.id)
              << "</td><td>" << formatMetres(item.distanceM) << "</td><td>";
            for (const auto& line : describeCoordinates(item.position))
                h << escapeXml(line) << "<br>";
            h << "</td></tr>\n";
        }
        h << "</table>\n";
    }
    h << "<p><small>citytwin inspection report. Articles: 《上海市信息基础设施管理办法》(SH), "
         "《海底电缆管道保护规定》(SCP).</small></p>\n</body>\n</html>\n";
    return h.str();
}

}  // namespace citytwin::assets
