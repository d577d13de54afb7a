#pragma once
// What a check reports: one finding per rule (and per operator or asset
// where the rule is about one), citing its article, with the related
// features nearest first.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/RuleSet.h"
#include "citytwin/geo/GeoTypes.h"

namespace citytwin::assets {

struct RelatedItem {
    std::string layer;       ///< e.g. "public_facilities"
    std::string id;          ///< the feature's `id`
    double distanceM = 0.0;  ///< metres from the checked site / works (0: the asset itself)
    geo::GeoPoint position;  ///< a representative WGS 84 point, for highlighting / fly-to
};

struct Finding {
    std::string rule;     ///< code, e.g. "SH-11"
    std::string article;  ///< citation
    RuleSeverity severity = RuleSeverity::Advice;
    std::string messageZh;
    std::string messageEn;
    std::vector<RelatedItem> related;  ///< nearest first
};

/// Fills "{name}" placeholders of a message template; unknown ones stay as
/// written. "{name|one|many}" is "one" when name's value is "1", else "many"
/// (English plurals: "{count} {count|site|sites}").
std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& values);

/// A finding for `rule` with its messages filled from `values` ({count} is
/// the number of related items unless given).
Finding makeFinding(const RuleDefinition& rule, std::map<std::string, std::string> values,
                    std::vector<RelatedItem> related);

/// Sorts related items nearest first (ties by layer, then id).
void sortNearestFirst(std::vector<RelatedItem>& items);

/// Distance text for messages: metres with at most one decimal ("80.2", "200").
std::string formatMetres(double metres);

}  // namespace citytwin::assets
