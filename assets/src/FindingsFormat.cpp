#include "citytwin/assets/FindingsFormat.h"

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

namespace citytwin::assets {

std::string findingsToJson(const std::vector<Finding>& findings) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& f : findings) {
        nlohmann::ordered_json related = nlohmann::ordered_json::array();
        for (const auto& r : f.related) {
            nlohmann::ordered_json item;
            item["layer"] = r.layer;
            item["id"] = r.id;
            item["distance_m"] = std::round(r.distanceM * 10.0) / 10.0;
            related.push_back(std::move(item));
        }
        nlohmann::ordered_json entry;
        entry["rule"] = f.rule;
        entry["article"] = f.article;
        entry["severity"] = std::string(toString(f.severity));
        entry["message_zh"] = f.messageZh;
        entry["message_en"] = f.messageEn;
        entry["related"] = std::move(related);
        list.push_back(std::move(entry));
    }
    nlohmann::ordered_json doc;
    doc["findings"] = std::move(list);
    // Invalid UTF-8 from a data file is replaced, never a throw.
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string findingsToText(const std::vector<Finding>& findings) {
    std::ostringstream out;
    if (findings.empty())
        out << "no findings\n";
    for (const auto& f : findings) {
        out << '[' << toString(f.severity) << "] " << f.rule << "  " << f.article << '\n'
            << "  " << f.messageEn << '\n'
            << "  " << f.messageZh << '\n';
        for (const auto& r : f.related)
            out << "    " << r.layer << ' ' << r.id << "  " << formatMetres(r.distanceM) << " m\n";
    }
    return out.str();
}

}  // namespace citytwin::assets
