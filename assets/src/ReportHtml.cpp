#include "citytwin/assets/ReportHtml.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/ReportMap.h"
#include "citytwin/assets/SvgMapCanvas.h"

namespace citytwin::assets {
namespace {

const char* kTable = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n";

std::string e(const std::string& s) {
    return escapeXml(s);
}

std::string severityCell(RuleSeverity s) {
    return std::string(toString(s)) + " / " + severityZh(s);
}

std::string orDash(const std::string& s) {
    return s.empty() ? "&mdash;" : e(s);
}

/// "China Mobile<br>中国移动" for the operators both languages name, else the name.
std::string operatorCell(const std::string& name) {
    if (name.empty())
        return "&mdash;";
    const DisplayName d = operatorDisplayName(name);
    return d.en == d.zh ? e(d.en) : e(d.en) + "<br>" + e(d.zh);
}

std::string coordinates(const ReportPoint& p) {
    return e(formatProjected(p)) + "<br>" + e(formatWgs84(p));
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void row(std::ostringstream& h, const std::string& key, const std::string& value) {
    h << "<tr><td width=\"28%\"><b>" << key << "</b></td><td>" << value << "</td></tr>\n";
}

void featureCells(std::ostringstream& h, const ReportFeature& f) {
    h << "<td>" << e(f.kindEn) << "<br>" << e(f.kindZh) << "</td><td>" << orDash(f.name)
      << "<br><small>" << e(f.id) << "</small></td><td>" << operatorCell(f.operatorName) << "</td>";
}

void siteFinding(std::ostringstream& h, const ReportFinding& f, std::size_t number) {
    h << "<h3>" << number << ". " << e(f.rule) << " &mdash; " << severityCell(f.severity)
      << "</h3>\n";
    h << "<p><b>" << e(f.article) << "</b></p>\n";
    if (!f.articleTextZh.empty())
        h << "<p><i>条文要旨：" << e(f.articleTextZh)
          << "<br>Article (summary): " << e(f.articleTextEn) << "</i></p>\n";
    h << "<p>" << e(f.messageZh) << "<br>" << e(f.messageEn) << "</p>\n";
    if (f.related.empty())
        return;
    const bool distances = f.related.front().maybeDistanceM.has_value();
    h << kTable
      << "<tr><th>#</th><th>Kind / 类型</th><th>Name / 名称 (ID)</th><th>Operator / "
         "运营单位</th>"
      << (distances ? "<th>Distance / 距离 (m)</th>" : "") << "<th>Coordinates / 坐标</th></tr>\n";
    std::size_t n = 0;
    for (const auto& item : f.related) {
        h << "<tr><td>" << ++n << "</td>";
        featureCells(h, item);
        if (distances)
            h << "<td>"
              << (item.maybeDistanceM
                      ? (*item.maybeDistanceM <= 0.0 ? std::string("0 (inside / 范围内)")
                                                     : formatMetres(*item.maybeDistanceM))
                      : std::string("&mdash;"))
              << "</td>";
        h << "<td>" << coordinates(item.at) << "</td></tr>\n";
    }
    h << "</table>\n";
}

void auditTables(std::ostringstream& h, const ReportModel& m) {
    h << "<h2>Findings by rule and operator / 按规则和运营单位汇总</h2>\n" << kTable;
    h << "<tr><th>Rule / 规则</th><th>Severity / 等级</th><th>Operator / 运营单位</th><th>Count "
         "/ 数量</th><th>Assets / 设施</th></tr>\n";
    for (const auto& c : m.counts) {
        std::string ids;
        for (const auto& f : m.findings)
            if (f.rule == c.rule && f.operatorName == c.operatorName && !f.related.empty())
                ids += (ids.empty() ? "" : ", ") + f.related.front().id;
        h << "<tr><td>" << e(c.rule) << "</td><td>" << severityCell(c.severity) << "</td><td>"
          << operatorCell(c.operatorName) << "</td><td>" << c.count << "</td><td><small>" << e(ids)
          << "</small></td></tr>\n";
    }
    h << "</table>\n";
    h << "<h2>Articles cited / 引用条款</h2>\n" << kTable;
    std::map<std::string, const ReportFinding*> byRule;
    for (const auto& f : m.findings)
        byRule.emplace(f.rule, &f);
    for (const auto& [rule, f] : byRule)
        h << "<tr><td width=\"18%\"><b>" << e(rule) << "</b></td><td>" << e(f->article)
          << (f->articleTextZh.empty()
                  ? std::string()
                  : "<br><i>条文要旨：" + e(f->articleTextZh) +
                        "<br>Article (summary): " + e(f->articleTextEn) + "</i>")
          << "</td></tr>\n";
    h << "</table>\n";
    h << "<h2>Appendix A: findings in detail / 附录A：问题明细</h2>\n" << kTable;
    h << "<tr><th>#</th><th>Rule / 规则</th><th>Kind / 类型</th><th>Name / 名称 "
         "(ID)</th><th>Operator / 运营单位</th><th>Finding / 问题</th><th>Coordinates / "
         "坐标</th></tr>\n";
    std::size_t n = 0;
    for (const auto& f : m.findings) {
        h << "<tr><td>" << ++n << "</td><td>" << e(f.rule) << "<br><small>"
          << severityCell(f.severity) << "</small></td>";
        if (f.related.empty())
            h << "<td></td><td></td><td></td>";
        else
            featureCells(h, f.related.front());
        h << "<td>" << e(f.messageZh) << "<br>" << e(f.messageEn) << "</td><td>"
          << (f.related.empty() ? std::string() : coordinates(f.related.front().at))
          << "</td></tr>\n";
    }
    h << "</table>\n";
}

void signatureBlock(std::ostringstream& h, const ReportModel& m) {
    h << "<h2>Signatures and stamp / 签字盖章</h2>\n" << kTable;
    h << "<tr><td width=\"25%\"><b>Inspector / 检查人员</b></td><td width=\"25%\">"
      << orDash(m.header.inspector)
      << "</td><td width=\"20%\"><b>Signature / 签字</b></td><td><br><br></td></tr>\n";
    h << "<tr><td><b>Reviewed by / 审核人员</b></td><td><br></td><td><b>Signature / "
         "签字</b></td><td><br><br></td></tr>\n";
    h << "<tr><td><b>Organisation / 检查单位</b></td><td>" << orDash(m.header.organisation)
      << "</td><td><b>Stamp / 盖章</b></td><td><br><br><br><br></td></tr>\n";
    h << "<tr><td><b>Date / 日期</b></td><td>" << e(m.date)
      << "</td><td></td><td></td></tr>\n</table>\n";
}

}  // namespace

std::string formatProjected(const ReportPoint& p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
        return "n/a";
    char b[96];
    std::snprintf(b, sizeof b, "E %.2f m, N %.2f m", p.x, p.y);
    return b;
}

std::string formatWgs84(const ReportPoint& p) {
    char b[96];
    std::snprintf(b, sizeof b, "%.7f E, %.7f N", p.lon, p.lat);
    return b;
}

std::string reportHtmlFront(const ReportModel& m) {
    std::ostringstream h;
    h << "<h1>" << e(m.titleEn) << " / " << e(m.titleZh) << "</h1>\n" << kTable;
    row(h, "Case number / 案件编号", orDash(m.header.caseNumber));
    row(h, "Date / 日期", e(m.date));
    row(h, "Inspector / 检查人员", orDash(m.header.inspector));
    row(h, "Organisation / 检查单位", orDash(m.header.organisation));
    row(h, "Rules / 规则",
        e(m.rulesName) + ", version / 版本 " + e(m.rulesVersion) +
            (m.rulesSource.empty() ? "" : "<br><small>" + e(m.rulesSource) + "</small>"));
    row(h, "Check / 核查类型",
        e(m.titleEn) + " / " + e(checkKindTitleZh(m.checkKind)) + " (" +
            e(checkKindName(m.checkKind)) + ")");
    row(h, "Project / 项目", e(m.projectPath));
    row(h, "Coordinate system / 坐标系",
        "Report CRS / 报告坐标系: " + e(m.crsLabel) + "<br>All coordinates in this report are in " +
            e(m.crsCode) + ", with WGS 84 (EPSG:4326) beside them. / 本报告所有坐标均采用 " +
            e(m.crsCode) + "，并附 WGS 84 (EPSG:4326) 经纬度。");
    if (m.maybeCentre)
        row(h, m.checkKind == CheckKind::Works ? "Works centre / 作业中心" : "Location / 位置",
            coordinates(*m.maybeCentre));
    if (!m.worksArea.empty()) {
        std::string ring;
        for (std::size_t i = 0; i < m.worksArea.size(); ++i)
            ring += (i ? "<br>" : "") + coordinates(m.worksArea[i]);
        row(h, "Works area / 作业范围 (" + e(m.crsCode) + ")", ring);
    }
    for (const auto& p : m.parameters)
        row(h, "Parameter / 参数", e(p));
    h << "</table>\n";

    const int total = int(m.findings.size());
    h << "<h2>Summary / 摘要</h2>\n";
    h << "<p><b>Conclusion / 结论: " << conclusionEn(m.conclusion) << " / "
      << conclusionZh(m.conclusion) << "</b></p>\n";
    h << "<p>" << plural(total, "finding", "findings") << " / 共发现 " << total << " 项问题</p>\n";
    h << kTable << "<tr><th>Severity / 等级</th><th>Count / 数量</th></tr>\n";
    for (RuleSeverity s : {RuleSeverity::Violation, RuleSeverity::Warning, RuleSeverity::Advice}) {
        auto it = m.countsBySeverity.find(s);
        h << "<tr><td>" << severityCell(s) << "</td><td>"
          << (it == m.countsBySeverity.end() ? 0 : it->second) << "</td></tr>\n";
    }
    h << "<tr><td><b>Total / 合计</b></td><td><b>" << total << "</b></td></tr>\n</table>\n";
    std::map<std::string, std::pair<RuleSeverity, int>> byRule;
    for (const auto& c : m.counts) {
        auto& entry = byRule.try_emplace(c.rule, c.severity, 0).first->second;
        entry.second += c.count;
    }
    if (!byRule.empty()) {
        h << "<p></p>" << kTable
          << "<tr><th>Rule / 规则</th><th>Severity / 等级</th><th>Count / 数量</th></tr>\n";
        for (const auto& c : m.counts) {
            auto it = byRule.find(c.rule);
            if (it == byRule.end())
                continue;
            h << "<tr><td>" << e(c.rule) << "</td><td>" << severityCell(it->second.first)
              << "</td><td>" << it->second.second << "</td></tr>\n";
            byRule.erase(it);
        }
        h << "</table>\n";
    }
    return h.str();
}

std::string reportHtmlBody(const ReportModel& m) {
    std::ostringstream h;
    if (m.checkKind == CheckKind::Audit) {
        auditTables(h, m);
    } else {
        h << "<h2>Findings / 核查结果</h2>\n";
        if (m.findings.empty())
            h << "<p>No findings. / 未发现问题。</p>\n";
        std::size_t n = 0;
        for (const auto& f : m.findings)
            siteFinding(h, f, ++n);
    }
    signatureBlock(h, m);
    h << "<p><small>citytwin inspection report. Articles: 《上海市信息基础设施管理办法》(SH), "
         "《海底电缆管道保护规定》(SCP). Article summaries are not the official wording; cite "
         "the article. / 条文要旨仅供参考，以正式文本为准。</small></p>\n";
    return h.str();
}

std::string base64(const std::string& bytes) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (unsigned(static_cast<unsigned char>(bytes[i])) << 16) |
                           (unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                           unsigned(static_cast<unsigned char>(bytes[i + 2]));
        out += k[(v >> 18) & 63];
        out += k[(v >> 12) & 63];
        out += k[(v >> 6) & 63];
        out += k[v & 63];
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = unsigned(static_cast<unsigned char>(bytes[i])) << 16;
        out += k[(v >> 18) & 63];
        out += k[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == bytes.size()) {
        const unsigned v = (unsigned(static_cast<unsigned char>(bytes[i])) << 16) |
                           (unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8);
        out += k[(v >> 18) & 63];
        out += k[(v >> 12) & 63];
        out += k[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::optional<std::string> decodeBase64(const std::string& text) {
    std::string out;
    out.reserve(text.size() / 4 * 3);
    unsigned value = 0;
    int bits = 0;
    std::size_t pad = 0;
    for (const char c : text) {
        int v = -1;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+')
            v = 62;
        else if (c == '/')
            v = 63;
        if (c == '=') {
            ++pad;
            continue;
        }
        if (v < 0 || pad > 0)
            return std::nullopt;  // a character outside the alphabet, or data after padding
        value = ((value << 6) | unsigned(v)) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((value >> bits) & 0xff);
        }
    }
    if (pad > 2 || (text.size() % 4) != 0)
        return std::nullopt;
    return out;
}

std::string reportHtmlDocument(const ReportModel& m, const std::string& mapSvg) {
    return reportHtmlDocument(m, mapSvg, {});
}

std::string reportHtmlDocument(const ReportModel& m, const std::string& mapSvg,
                               const std::vector<std::string>& detailSvgs,
                               const std::string& obliqueSvg) {
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << e(m.titleEn) << (m.header.caseNumber.empty() ? "" : " " + e(m.header.caseNumber))
      << "</title>\n<style>\nbody{font-family:'WenQuanYi Micro Hei','Noto Sans CJK "
         "SC',sans-serif;margin:2em;max-width:60em}\n"
         "table{border-collapse:collapse}td,th{border:1px solid #999;vertical-align:top;"
         "text-align:left}\n.map{width:100%;max-width:60em}\n</style>\n</head>\n<body>\n";
    h << reportHtmlFront(m);
    if (!mapSvg.empty() && showsTopDown(m.mapView))
        h << "<h2>Map of the case / 案件位置图</h2>\n<p><img class=\"map\" alt=\"map / 地图\" "
             "src=\"data:image/svg+xml;base64,"
          << base64(mapSvg) << "\"></p>\n";
    if (!obliqueSvg.empty() && showsOblique(m.mapView))
        h << "<h2>" << kObliqueHeading
          << "</h2>\n<p><img class=\"map\" alt=\"oblique view / 斜视图\" "
             "src=\"data:image/svg+xml;base64,"
          << base64(obliqueSvg) << "\"></p>\n";
    const std::vector<DetailPanel> panels = detailPanels(m);
    for (std::size_t i = 0; i < panels.size() && i < detailSvgs.size(); ++i)
        h << "<h3>" << e(detailPanelTitle(panels[i]))
          << "</h3>\n<p><img class=\"map\" alt=\"detail map / 局部详图\" "
             "src=\"data:image/svg+xml;base64,"
          << base64(detailSvgs[i]) << "\"></p>\n";
    h << reportHtmlBody(m) << "</body>\n</html>\n";
    return h.str();
}

}  // namespace citytwin::assets
