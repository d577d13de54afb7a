#include "citytwin/assets/AssetEnums.h"

#include <array>
#include <utility>

namespace citytwin::assets {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s) return e;
    return std::nullopt;
}
template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [v, name] : table)
        if (v == e) return name;
    return "unknown";
}

constexpr std::array<std::pair<HostType, std::string_view>, 11> kHostTypes{{
    {HostType::Tower, "tower"},
    {HostType::Rooftop, "rooftop"},
    {HostType::IntegratedPole, "integrated_pole"},
    {HostType::LampPole, "lamp_pole"},
    {HostType::BusShelter, "bus_shelter"},
    {HostType::ElevatedRoad, "elevated_road"},
    {HostType::Gantry, "gantry"},
    {HostType::RoadSign, "road_sign"},
    {HostType::PhoneBooth, "phone_booth"},
    {HostType::Indoor, "indoor"},
    {HostType::Other, "other"},
}};
constexpr std::array<std::pair<SiteStatus, std::string_view>, 4> kStatuses{{
    {SiteStatus::Planned, "planned"},
    {SiteStatus::Active, "active"},
    {SiteStatus::Decommissioned, "decommissioned"},
    {SiteStatus::Removed, "removed"},
}};
constexpr std::array<std::pair<CableClass, std::string_view>, 5> kCableClasses{{
    {CableClass::Duct, "duct"},
    {CableClass::Buried, "buried"},
    {CableClass::Aerial, "aerial"},
    {CableClass::Underwater, "underwater"},
    {CableClass::Submarine, "submarine"},
}};

}  // namespace

std::optional<HostType> parseHostType(std::string_view s) { return lookup(kHostTypes, s); }
std::optional<SiteStatus> parseSiteStatus(std::string_view s) { return lookup(kStatuses, s); }
std::optional<CableClass> parseCableClass(std::string_view s) { return lookup(kCableClasses, s); }
std::string_view toString(HostType t) { return nameOf(kHostTypes, t); }
std::string_view toString(SiteStatus s) { return nameOf(kStatuses, s); }
std::string_view toString(CableClass c) { return nameOf(kCableClasses, c); }

bool isPublicFacilityHost(HostType t) {
    switch (t) {
        case HostType::IntegratedPole:
        case HostType::LampPole:
        case HostType::BusShelter:
        case HostType::ElevatedRoad:
        case HostType::Gantry:
        case HostType::RoadSign:
        case HostType::PhoneBooth: return true;
        default: return false;
    }
}

}  // namespace citytwin::assets
