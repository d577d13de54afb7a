#include "citytwin/assets/ReportModelJson.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "citytwin/assets/ReportHtml.h"

namespace citytwin::assets {
namespace {

using json = nlohmann::json;

struct FieldError {
    std::string message, field;
};

/// NaN (a coordinate PROJ could not convert) travels as null.
json num(double v) {
    return std::isfinite(v) ? json(v) : json(nullptr);
}

json point(const ReportPoint& p) {
    return {{"x", num(p.x)}, {"y", num(p.y)}, {"lon", p.lon}, {"lat", p.lat}};
}

json feature(const ReportFeature& f) {
    json j = {{"layer", f.layer},    {"id", f.id},     {"kind_en", f.kindEn},
              {"kind_zh", f.kindZh}, {"name", f.name}, {"operator", f.operatorName},
              {"at", point(f.at)}};
    if (f.maybeDistanceM)
        j["distance_m"] = *f.maybeDistanceM;
    return j;
}

const json& field(const json& j, const char* key, const std::string& path) {
    if (!j.is_object() || !j.contains(key))
        throw FieldError{"missing field", path + "." + key};
    return j.at(key);
}

std::string str(const json& j, const char* key, const std::string& path) {
    const json& v = field(j, key, path);
    if (!v.is_string())
        throw FieldError{"not a string", path + "." + key};
    return v.get<std::string>();
}

double dbl(const json& j, const char* key, const std::string& path) {
    const json& v = field(j, key, path);
    if (v.is_null())
        return std::numeric_limits<double>::quiet_NaN();
    if (!v.is_number())
        throw FieldError{"not a number", path + "." + key};
    return v.get<double>();
}

const json& arr(const json& j, const char* key, const std::string& path) {
    const json& v = field(j, key, path);
    if (!v.is_array())
        throw FieldError{"not an array", path + "." + key};
    return v;
}

template <typename E>
E enumOf(const json& j, const char* key, const std::string& path, int count) {
    const json& v = field(j, key, path);
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() >= count)
        throw FieldError{"not one of 0.." + std::to_string(count - 1), path + "." + key};
    return E(v.get<int>());
}

RuleSeverity severityOf(const json& j, const char* key, const std::string& path) {
    auto s = parseRuleSeverity(str(j, key, path));
    if (!s)
        throw FieldError{"not a severity", path + "." + key};
    return *s;
}

ReportPoint readPoint(const json& j, const std::string& path) {
    return {dbl(j, "x", path), dbl(j, "y", path), dbl(j, "lon", path), dbl(j, "lat", path)};
}

ReportFeature readFeature(const json& j, const std::string& path) {
    ReportFeature f;
    f.layer = str(j, "layer", path);
    f.id = str(j, "id", path);
    f.kindEn = str(j, "kind_en", path);
    f.kindZh = str(j, "kind_zh", path);
    f.name = str(j, "name", path);
    f.operatorName = str(j, "operator", path);
    if (j.contains("distance_m"))
        f.maybeDistanceM = dbl(j, "distance_m", path);
    f.at = readPoint(field(j, "at", path), path + ".at");
    return f;
}

/// Every element of the array `key` as a pair of numbers ([x, y]), its
/// path in the error when one is not ("not an [x, y] pair").
std::vector<std::pair<double, double>> numberPairs(const json& j, const char* key,
                                                   const std::string& path, const char* what) {
    const json& items = arr(j, key, path);
    std::vector<std::pair<double, double>> out;
    for (std::size_t k = 0; k < items.size(); ++k) {
        const json& item = items[k];
        if (!item.is_array() || item.size() != 2 || !item[0].is_number() || !item[1].is_number())
            throw FieldError{what, path + "." + key + "[" + std::to_string(k) + "]"};
        out.emplace_back(item[0].get<double>(), item[1].get<double>());
    }
    return out;
}

MapShape readShape(const json& sj, const std::string& path) {
    MapShape s;
    s.kind = enumOf<MapShape::Kind>(sj, "kind", path, 4);
    s.role = enumOf<MapShape::Role>(sj, "role", path, 9);
    for (const auto& [x, y] : numberPairs(sj, "points", path, "not an [x, y] pair"))
        s.points.push_back({x, y, 0.0});
    // Base shapes carry only kind, role, layer, points (and a road's kind).
    s.radiusM = sj.contains("radius_m") ? dbl(sj, "radius_m", path) : 0.0;
    s.heightM = sj.contains("height_m") ? dbl(sj, "height_m", path) : 0.0;
    s.label = sj.contains("label") ? str(sj, "label", path) : std::string();
    s.layer = str(sj, "layer", path);
    if (sj.contains("severity"))
        s.severity = severityOf(sj, "severity", path);
    return s;
}

json shapeJson(const MapShape& s) {
    json pts = json::array();
    for (const auto& p : s.points)
        pts.push_back({num(p.x), num(p.y)});
    json j = {{"kind", int(s.kind)}, {"role", int(s.role)}, {"points", pts}, {"layer", s.layer}};
    if (!s.label.empty())
        j["label"] = s.label;
    if (s.heightM > 0.0)
        j["height_m"] = num(s.heightM);
    if (s.role != MapShape::Role::Base) {
        j["radius_m"] = s.radiusM;
        j["severity"] = std::string(toString(s.severity));
    }
    return j;
}

json extentJson(const geo::Extent& e) {
    return {{"min_x", num(e.minX)},
            {"min_y", num(e.minY)},
            {"max_x", num(e.maxX)},
            {"max_y", num(e.maxY)}};
}

geo::Extent readExtent(const json& j, const std::string& path) {
    geo::Extent e;
    e.add(dbl(j, "min_x", path), dbl(j, "min_y", path));
    e.add(dbl(j, "max_x", path), dbl(j, "max_y", path));
    return e;
}

/// An oblique view: {"png_base64": "...", "labels": [{"u":, "v":, "text":}]}.
ObliqueView readObliqueView(const json& j, const std::string& path) {
    ObliqueView v;
    auto png = decodeBase64(str(j, "png_base64", path));
    if (!png)
        throw FieldError{"not base64", path + ".png_base64"};
    v.png = std::move(*png);
    const json& labels = arr(j, "labels", path);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string lp = path + ".labels[" + std::to_string(i) + "]";
        ImageLabel l{dbl(labels[i], "u", lp), dbl(labels[i], "v", lp), str(labels[i], "text", lp)};
        if (!(l.u >= 0.0 && l.u <= 1.0 && l.v >= 0.0 && l.v <= 1.0))
            throw FieldError{"not within the image (0..1)", lp};
        v.labels.push_back(std::move(l));
    }
    if (j.contains("keep_clear")) {
        const auto points = numberPairs(j, "keep_clear", path, "not a [u, v] pair");
        for (std::size_t i = 0; i < points.size(); ++i) {
            const ImagePoint q{points[i].first, points[i].second};
            if (!(q.u >= 0.0 && q.u <= 1.0 && q.v >= 0.0 && q.v <= 1.0))
                throw FieldError{"not within the image (0..1)",
                                 path + ".keep_clear[" + std::to_string(i) + "]"};
            v.keepClear.push_back(q);
        }
    }
    return v;
}

json obliqueViewJson(const ObliqueView& v) {
    json labels = json::array();
    for (const auto& l : v.labels)
        labels.push_back({{"u", l.u}, {"v", l.v}, {"text", l.text}});
    json keepClear = json::array();
    for (const auto& q : v.keepClear)
        keepClear.push_back({q.u, q.v});
    return {{"png_base64", base64(v.png)}, {"labels", labels}, {"keep_clear", keepClear}};
}

ReportModel readModel(const json& j) {
    const std::string root = "$";
    ReportModel m;
    m.checkKind = enumOf<CheckKind>(j, "check_kind", root, 3);
    m.titleEn = str(j, "title_en", root);
    m.titleZh = str(j, "title_zh", root);
    const json& h = field(j, "header", root);
    m.header = {str(h, "case_number", "$.header"), str(h, "inspector", "$.header"),
                str(h, "organisation", "$.header")};
    m.date = str(j, "date", root);
    m.projectPath = str(j, "project", root);
    m.rulesName = str(j, "rules_name", root);
    m.rulesVersion = str(j, "rules_version", root);
    m.rulesSource = str(j, "rules_source", root);
    m.crsCode = str(j, "crs_code", root);
    m.crsLabel = str(j, "crs_label", root);
    if (j.contains("centre"))
        m.maybeCentre = readPoint(j.at("centre"), "$.centre");
    const json& works = arr(j, "works_area", root);
    for (std::size_t i = 0; i < works.size(); ++i)
        m.worksArea.push_back(readPoint(works[i], "$.works_area[" + std::to_string(i) + "]"));
    const json& parameters = arr(j, "parameters", root);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (!parameters[i].is_string())
            throw FieldError{"not a string", "$.parameters[" + std::to_string(i) + "]"};
        m.parameters.push_back(parameters[i].get<std::string>());
    }
    const json& findings = arr(j, "findings", root);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const std::string path = "$.findings[" + std::to_string(i) + "]";
        const json& fj = findings[i];
        ReportFinding f;
        f.rule = str(fj, "rule", path);
        f.article = str(fj, "article", path);
        f.articleTextZh = str(fj, "article_text_zh", path);
        f.articleTextEn = str(fj, "article_text_en", path);
        f.severity = severityOf(fj, "severity", path);
        f.messageZh = str(fj, "message_zh", path);
        f.messageEn = str(fj, "message_en", path);
        f.operatorName = str(fj, "operator", path);
        const json& related = arr(fj, "related", path);
        for (std::size_t k = 0; k < related.size(); ++k)
            f.related.push_back(
                readFeature(related[k], path + ".related[" + std::to_string(k) + "]"));
        if (fj.contains("detail_extent"))
            f.maybeDetailExtent = readExtent(fj.at("detail_extent"), path + ".detail_extent");
        if (fj.contains("detail_shapes")) {
            const json& detail = arr(fj, "detail_shapes", path);
            for (std::size_t k = 0; k < detail.size(); ++k)
                f.detailShapes.push_back(
                    readShape(detail[k], path + ".detail_shapes[" + std::to_string(k) + "]"));
        }
        if (fj.contains("detail_oblique"))
            f.detailOblique = readObliqueView(fj.at("detail_oblique"), path + ".detail_oblique");
        m.findings.push_back(std::move(f));
    }
    const json& counts = arr(j, "counts", root);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::string path = "$.counts[" + std::to_string(i) + "]";
        const json& cj = counts[i];
        const json& n = field(cj, "count", path);
        if (!n.is_number_integer() || n.get<long long>() < 0 || n.get<long long>() > 1000000000)
            throw FieldError{"not a count", path + ".count"};
        m.counts.push_back({str(cj, "rule", path), str(cj, "operator", path),
                            severityOf(cj, "severity", path), n.get<int>()});
    }
    for (const auto& f : m.findings)
        ++m.countsBySeverity[f.severity];
    m.conclusion = enumOf<Conclusion>(j, "conclusion", root, 3);
    const json& extent = field(j, "map_extent", root);
    m.mapExtent = readExtent(extent, "$.map_extent");
    const json& shapes = arr(j, "map_shapes", root);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const std::string path = "$.map_shapes[" + std::to_string(i) + "]";
        m.mapShapes.push_back(readShape(shapes[i], path));
    }
    m.attribution = str(j, "attribution", root);
    if (j.contains("map_view")) {
        const auto view = parseMapView(str(j, "map_view", root));
        if (!view)
            throw FieldError{"not top-down, oblique or both", "$.map_view"};
        m.mapView = *view;
    }
    if (j.contains("oblique_png_base64")) {
        auto png = decodeBase64(str(j, "oblique_png_base64", root));
        if (!png)
            throw FieldError{"not base64", "$.oblique_png_base64"};
        m.obliquePng = std::move(*png);
    }
    if (j.contains("base_map_sources")) {
        const json& sources = arr(j, "base_map_sources", root);
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if (!sources[i].is_string())
                throw FieldError{"not a string", "$.base_map_sources[" + std::to_string(i) + "]"};
            m.baseMapSources.push_back(sources[i].get<std::string>());
        }
    }
    return m;
}

}  // namespace

std::string reportModelToJson(const ReportModel& m) {
    json j;
    j["check_kind"] = int(m.checkKind);
    j["title_en"] = m.titleEn;
    j["title_zh"] = m.titleZh;
    j["header"] = {{"case_number", m.header.caseNumber},
                   {"inspector", m.header.inspector},
                   {"organisation", m.header.organisation}};
    j["date"] = m.date;
    j["project"] = m.projectPath;
    j["rules_name"] = m.rulesName;
    j["rules_version"] = m.rulesVersion;
    j["rules_source"] = m.rulesSource;
    j["crs_code"] = m.crsCode;
    j["crs_label"] = m.crsLabel;
    if (m.maybeCentre)
        j["centre"] = point(*m.maybeCentre);
    j["works_area"] = json::array();
    for (const auto& p : m.worksArea)
        j["works_area"].push_back(point(p));
    j["parameters"] = m.parameters;
    j["findings"] = json::array();
    for (const auto& f : m.findings) {
        json fj = {{"rule", f.rule},
                   {"article", f.article},
                   {"article_text_zh", f.articleTextZh},
                   {"article_text_en", f.articleTextEn},
                   {"severity", std::string(toString(f.severity))},
                   {"message_zh", f.messageZh},
                   {"message_en", f.messageEn},
                   {"operator", f.operatorName},
                   {"related", json::array()}};
        for (const auto& r : f.related)
            fj["related"].push_back(feature(r));
        if (f.maybeDetailExtent) {
            fj["detail_extent"] = extentJson(*f.maybeDetailExtent);
            fj["detail_shapes"] = json::array();
            for (const auto& s : f.detailShapes)
                fj["detail_shapes"].push_back(shapeJson(s));
        }
        if (!f.detailOblique.empty())
            fj["detail_oblique"] = obliqueViewJson(f.detailOblique);
        j["findings"].push_back(std::move(fj));
    }
    j["counts"] = json::array();
    for (const auto& c : m.counts)
        j["counts"].push_back({{"rule", c.rule},
                               {"operator", c.operatorName},
                               {"severity", std::string(toString(c.severity))},
                               {"count", c.count}});
    j["conclusion"] = int(m.conclusion);
    j["map_extent"] = extentJson(m.mapExtent);
    j["map_shapes"] = json::array();
    for (const auto& s : m.mapShapes)
        j["map_shapes"].push_back(shapeJson(s));
    j["attribution"] = m.attribution;
    j["base_map_sources"] = m.baseMapSources;
    j["map_view"] = mapViewName(m.mapView);
    if (!m.obliquePng.empty())
        j["oblique_png_base64"] = base64(m.obliquePng);
    // Replace bytes that are not UTF-8 rather than throw on a broken name.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

geo::Result<ReportModel> parseReportModelJson(std::string_view text, const std::string& source) {
    using R = geo::Result<ReportModel>;
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        return R::failure(std::string("not valid JSON: ") + e.what(), source);
    }
    try {
        return readModel(doc);
    } catch (const FieldError& e) {
        return R::failure(e.message, source, 0, e.field);
    } catch (const json::exception& e) {
        return R::failure(std::string("unexpected JSON content: ") + e.what(), source);
    }
}

}  // namespace citytwin::assets
