#include "citytwin/assets/AssetDisplayNames.h"

#include <cctype>

namespace citytwin::assets {

DisplayName displayName(HostType t) {
    switch (t) {
        case HostType::Tower:
            return {"Tower", "铁塔"};
        case HostType::Rooftop:
            return {"Rooftop", "楼顶"};
        case HostType::IntegratedPole:
            return {"Integrated road pole", "道路综合杆"};
        case HostType::LampPole:
            return {"Street-lamp pole", "路灯杆"};
        case HostType::BusShelter:
            return {"Bus shelter", "公交候车亭"};
        case HostType::ElevatedRoad:
            return {"Elevated road", "高架道路"};
        case HostType::Gantry:
            return {"Gantry", "龙门架"};
        case HostType::RoadSign:
            return {"Road sign", "道路指示牌"};
        case HostType::PhoneBooth:
            return {"Public phone booth", "公用电话亭"};
        case HostType::Indoor:
            return {"Indoor", "室内"};
        case HostType::Other:
            return {"Other", "其他"};
    }
    return {"Unknown", "未知"};
}

DisplayName displayName(FacilityKind k) {
    switch (k) {
        case FacilityKind::IntegratedPole:
            return displayName(HostType::IntegratedPole);
        case FacilityKind::LampPole:
            return displayName(HostType::LampPole);
        case FacilityKind::ElevatedRoad:
            return displayName(HostType::ElevatedRoad);
        case FacilityKind::Gantry:
            return displayName(HostType::Gantry);
        case FacilityKind::RoadSign:
            return displayName(HostType::RoadSign);
        case FacilityKind::BusShelter:
            return displayName(HostType::BusShelter);
        case FacilityKind::PhoneBooth:
            return displayName(HostType::PhoneBooth);
    }
    return {"Unknown", "未知"};
}

DisplayName displayName(PlaceKind k) {
    switch (k) {
        case PlaceKind::GovernmentOffice:
            return {"Government office", "机关办公场所"};
        case PlaceKind::Station:
            return {"Station", "车站"};
        case PlaceKind::Airport:
            return {"Airport", "机场"};
        case PlaceKind::Port:
            return {"Port", "港口"};
        case PlaceKind::Bridge:
            return {"Bridge", "桥梁"};
        case PlaceKind::Tunnel:
            return {"Tunnel", "隧道"};
        case PlaceKind::Metro:
            return {"Metro", "轨道交通"};
        case PlaceKind::Hospital:
            return {"Hospital", "医院"};
        case PlaceKind::ExhibitionHall:
            return {"Exhibition hall", "展馆"};
        case PlaceKind::ScenicSpot:
            return {"Scenic spot", "景区"};
        case PlaceKind::PublicGreen:
            return {"Public green space", "公共绿地"};
    }
    return {"Unknown", "未知"};
}

DisplayName displayName(CableClass c) {
    switch (c) {
        case CableClass::Duct:
            return {"Duct cable", "管道光缆"};
        case CableClass::Buried:
            return {"Direct-buried cable", "直埋光缆"};
        case CableClass::Aerial:
            return {"Aerial cable", "架空光缆"};
        case CableClass::Underwater:
            return {"Underwater cable", "水底光缆"};
        case CableClass::Submarine:
            return {"Submarine cable", "海底光缆"};
    }
    return {"Cable", "光缆"};
}

DisplayName displayName(WorksKind k) {
    switch (k) {
        case WorksKind::Construction:
            return {"Construction", "施工"};
        case WorksKind::Demolition:
            return {"Demolition", "拆除"};
        case WorksKind::Excavation:
            return {"Excavation", "挖掘"};
        case WorksKind::Piling:
            return {"Piling", "打桩"};
        case WorksKind::Drilling:
            return {"Drilling", "钻探"};
        case WorksKind::Trenching:
            return {"Trenching", "挖沟"};
        case WorksKind::PipeLaying:
            return {"Pipe laying", "敷设管线"};
        case WorksKind::HazardousMaterial:
            return {"Hazardous material", "易燃易爆腐蚀性物品作业"};
        case WorksKind::Anchoring:
            return {"Anchoring", "抛锚"};
        case WorksKind::Trawling:
            return {"Trawling", "拖网"};
        case WorksKind::SandDigging:
            return {"Sand digging", "挖砂"};
        case WorksKind::Blasting:
            return {"Blasting", "爆破"};
        case WorksKind::Other:
            return {"Other works", "其他作业"};
    }
    return {"Works", "作业"};
}

DisplayName displayName(CoverageKind k) {
    switch (k) {
        case CoverageKind::Residential:
            return {"Residential compound", "住宅小区"};
        case CoverageKind::Office:
            return {"Office building", "办公楼宇"};
        case CoverageKind::Underground:
            return {"Underground space", "地下空间"};
        case CoverageKind::Other:
            return {"Other area", "其他区域"};
    }
    return {"Area", "区域"};
}

DisplayName displayName(CoreNodeKind k) {
    switch (k) {
        case CoreNodeKind::MachineRoom:
            return {"Machine room", "机房"};
        case CoreNodeKind::DataCentre:
            return {"Data centre", "数据中心"};
        case CoreNodeKind::LandingStation:
            return {"Cable landing station", "登陆站"};
    }
    return {"Core node", "核心节点"};
}

DisplayName displayName(SiteStatus s) {
    switch (s) {
        case SiteStatus::Planned:
            return {"Planned", "规划"};
        case SiteStatus::Active:
            return {"Active", "在用"};
        case SiteStatus::Decommissioned:
            return {"Decommissioned", "停用"};
        case SiteStatus::Removed:
            return {"Removed", "已拆除"};
    }
    return {"Unknown", "未知"};
}

DisplayName layerDisplayName(std::string_view layer) {
    if (layer == "base_stations")
        return {"Base station", "基站"};
    if (layer == "public_facilities")
        return {"Public facility", "公共设施"};
    if (layer == "public_places")
        return {"Public place", "公共场所"};
    if (layer == "cables")
        return {"Cable", "光缆"};
    if (layer == "works")
        return {"Works", "施工作业"};
    if (layer == "interference_sources")
        return {"Interference source", "干扰源"};
    if (layer == "coverage_targets")
        return {"Coverage target", "覆盖目标"};
    if (layer == "core_nodes")
        return {"Core node", "核心节点"};
    return {std::string(layer), std::string(layer)};
}

std::optional<DisplayName> hostTypeDisplayName(std::string_view id) {
    if (auto t = parseHostType(id))
        return displayName(*t);
    return std::nullopt;
}

namespace {
template <typename T>
std::string nameIn(const std::vector<T>& features, std::string_view id) {
    for (const auto& f : features)
        if (f.id == id)
            return f.name;
    return {};
}
}  // namespace

DisplayName operatorDisplayName(std::string_view name) {
    static const DisplayName kKnown[] = {{"China Mobile", "中国移动"},
                                         {"China Telecom", "中国电信"},
                                         {"China Unicom", "中国联通"},
                                         {"China Tower", "中国铁塔"},
                                         {"China Broadnet", "中国广电"}};
    for (const auto& k : kKnown)
        if (name == k.en || name == k.zh)
            return k;
    return {std::string(name), std::string(name)};
}

namespace {

template <typename T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

template <typename E>
DisplayName kindOr(const std::optional<E>& maybe, std::string_view layer) {
    return maybe ? displayName(*maybe) : layerDisplayName(layer);
}

}  // namespace

FeatureDescription describeFeature(const AssetProject& p, std::string_view layer,
                                   std::string_view id) {
    FeatureDescription d{layerDisplayName(layer), featureName(p, layer, id), {}};
    if (layer == layers::kBaseStations) {
        if (const auto* s = findById(p.baseStations, id)) {
            d.kind = kindOr(s->maybeHostType, layer);
            d.operatorName = s->operatorName;
        }
    } else if (layer == layers::kPublicFacilities) {
        if (const auto* f = findById(p.publicFacilities, id))
            d.kind = kindOr(f->maybeKind, layer);
    } else if (layer == layers::kPublicPlaces) {
        if (const auto* f = findById(p.publicPlaces, id))
            d.kind = kindOr(f->maybeKind, layer);
    } else if (layer == layers::kCables) {
        if (const auto* c = findById(p.cables, id)) {
            d.kind = kindOr(c->maybeCableClass, layer);
            d.operatorName = c->operatorName;
        }
    } else if (layer == layers::kCoreNodes) {
        if (const auto* n = findById(p.coreNodes, id)) {
            d.kind = displayName(n->kind);
            d.operatorName = n->operatorName;
        }
    } else if (layer == layers::kInterferenceSources) {
        if (const auto* s = findById(p.interferenceSources, id); s && !s->kind.empty())
            d.kind = interferenceKindDisplayName(s->kind);
    } else if (layer == layers::kCoverageTargets) {
        if (const auto* t = findById(p.coverageTargets, id))
            d.kind = kindOr(t->maybeKind, layer);
    }
    return d;
}

DisplayName interferenceKindDisplayName(std::string_view kind) {
    if (kind == "signal_jammer")
        return {"Signal jammer", "信号屏蔽器"};
    if (kind == "radar")
        return {"Radar", "雷达"};
    if (kind == "broadcast_transmitter")
        return {"Broadcast transmitter", "广播发射台"};
    if (kind == "industrial_heater")
        return {"Industrial RF heater", "工业高频加热设备"};
    return {std::string(kind), std::string(kind)};
}

std::string featureName(const AssetProject& p, std::string_view layer, std::string_view id) {
    if (layer == layers::kPublicFacilities)
        return nameIn(p.publicFacilities, id);
    if (layer == layers::kPublicPlaces)
        return nameIn(p.publicPlaces, id);
    if (layer == layers::kCoverageTargets)
        return nameIn(p.coverageTargets, id);
    if (layer == layers::kCoreNodes)
        return nameIn(p.coreNodes, id);
    return {};
}

DisplayName proposedSiteWording(std::optional<HostType> maybeHost) {
    if (!maybeHost || *maybeHost == HostType::Tower || *maybeHost == HostType::Other)
        return {"stand-alone site", "独立站址"};
    switch (*maybeHost) {
        case HostType::Rooftop:
            return {"rooftop site", "楼顶站址"};
        case HostType::Indoor:
            return {"indoor site", "室内站址"};
        default: {
            DisplayName host = displayName(*maybeHost);
            std::string en = host.en;
            if (!en.empty())
                en[0] = char(std::tolower(static_cast<unsigned char>(en[0])));
            return {"site on a " + en, host.zh + "站址"};
        }
    }
}

}  // namespace citytwin::assets
