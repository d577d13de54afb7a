#include "citytwin/assets/Finding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace citytwin::assets {

std::string fillTemplate(const std::string& text,
                         const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string::npos) {
                const std::string inside = text.substr(i + 1, close - i - 1);
                // {name|one|many}: "one" when the value of name is 1, else "many".
                const std::size_t bar = inside.find('|');
                const std::size_t bar2 = bar == std::string::npos ? bar : inside.find('|', bar + 1);
                if (bar2 != std::string::npos) {
                    const auto it = values.find(inside.substr(0, bar));
                    if (it != values.end()) {
                        out += it->second == "1" ? inside.substr(bar + 1, bar2 - bar - 1)
                                                 : inside.substr(bar2 + 1);
                        i = close + 1;
                        continue;
                    }
                }
                const auto it = values.find(inside);
                if (it != values.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

Finding makeFinding(const RuleDefinition& rule, std::map<std::string, std::string> values,
                    std::vector<RelatedItem> related) {
    values.emplace("count", std::to_string(related.size()));
    Finding f;
    f.rule = rule.code;
    f.article = rule.article;
    f.severity = rule.severity;
    f.messageZh = fillTemplate(rule.messageZh, values);
    f.messageEn = fillTemplate(rule.messageEn, values);
    f.related = std::move(related);
    return f;
}

void sortNearestFirst(std::vector<RelatedItem>& items) {
    std::stable_sort(items.begin(), items.end(), [](const RelatedItem& a, const RelatedItem& b) {
        if (a.distanceM != b.distanceM)
            return a.distanceM < b.distanceM;
        if (a.layer != b.layer)
            return a.layer < b.layer;
        return a.id < b.id;
    });
}

std::string formatMetres(double metres) {
    char buffer[64];
    const double rounded = std::round(metres * 10.0) / 10.0;
    if (rounded == std::floor(rounded))
        std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
    return buffer;
}

}  // namespace citytwin::assets
