#pragma once
// What a report or a panel shows for the ids of asset enumerations and
// layers: "Integrated road pole / 道路综合杆", not `integrated_pole`. The ids
// stay in data files and JSON; these are for people.

#include <optional>
#include <string>
#include <string_view>

#include "citytwin/assets/AssetEnums.h"
#include "citytwin/assets/AssetModel.h"

namespace citytwin::assets {

struct DisplayName {
    std::string en;
    std::string zh;
    /// "English / 中文".
    std::string both() const { return en + " / " + zh; }
};

DisplayName displayName(HostType t);
DisplayName displayName(FacilityKind k);
DisplayName displayName(PlaceKind k);
DisplayName displayName(CableClass c);
DisplayName displayName(WorksKind k);
DisplayName displayName(CoverageKind k);
DisplayName displayName(CoreNodeKind k);
DisplayName displayName(SiteStatus s);
/// A layer name ("public_facilities" -> "Public facility / 公共设施"); the
/// layer itself for names it does not know.
DisplayName layerDisplayName(std::string_view layer);
/// The host-type id ("rooftop") as a display name; nullopt for unknown ids.
std::optional<DisplayName> hostTypeDisplayName(std::string_view id);

/// An operator's name in both languages: the basic telecom operators and the
/// tower company by their usual English or Chinese names ("China Mobile" or
/// "中国移动" -> China Mobile / 中国移动); any other name as it is, in both.
DisplayName operatorDisplayName(std::string_view name);

/// An interference source's kind ("signal_jammer" -> Signal jammer / 信号屏蔽器);
/// unknown kinds as they are.
DisplayName interferenceKindDisplayName(std::string_view kind);

/// The `name` of feature `id` of `layer` in the project; empty if it has none.
std::string featureName(const AssetProject& project, std::string_view layer, std::string_view id);

/// What a list says about a related feature: its kind (host type, facility
/// or place kind, cable class ... else its layer), name and operator, each
/// empty where the project has none.
struct FeatureDescription {
    DisplayName kind;
    std::string name;
    std::string operatorName;
};
FeatureDescription describeFeature(const AssetProject& project, std::string_view layer,
                                   std::string_view id);

/// How a check's messages name the proposed site by its host type: "stand-alone
/// site / 独立站址" for a tower or an unknown host, "rooftop site / 楼顶站址",
/// "site on an integrated road pole / 道路综合杆站址" ...
DisplayName proposedSiteWording(std::optional<HostType> maybeHost);

}  // namespace citytwin::assets
