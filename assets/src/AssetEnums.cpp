#include "citytwin/assets/AssetEnums.h"

#include <array>
#include <utility>

namespace citytwin::assets {
namespace {

template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
std::optional<E> lookup(const Table<E, N>& table, std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s)
            return e;
    return std::nullopt;
}
template <typename E, std::size_t N>
std::string_view nameOf(const Table<E, N>& table, E e) {
    for (const auto& [v, name] : table)
        if (v == e)
            return name;
    return "unknown";
}
template <typename E, std::size_t N>
std::vector<std::string_view> namesOf(const Table<E, N>& table) {
    std::vector<std::string_view> out;
    for (const auto& entry : table)
        out.push_back(entry.second);
    return out;
}

constexpr Table<HostType, 11> kHostTypes{{
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
constexpr Table<SiteStatus, 4> kStatuses{{
    {SiteStatus::Planned, "planned"},
    {SiteStatus::Active, "active"},
    {SiteStatus::Decommissioned, "decommissioned"},
    {SiteStatus::Removed, "removed"},
}};
constexpr Table<CableClass, 5> kCableClasses{{
    {CableClass::Duct, "duct"},
    {CableClass::Buried, "buried"},
    {CableClass::Aerial, "aerial"},
    {CableClass::Underwater, "underwater"},
    {CableClass::Submarine, "submarine"},
}};
constexpr Table<Waters, 3> kWaters{{
    {Waters::Open, "open"},
    {Waters::Bay, "bay"},
    {Waters::Port, "port"},
}};
constexpr Table<SignStatus, 3> kSignStatuses{{
    {SignStatus::Ok, "ok"},
    {SignStatus::Missing, "missing"},
    {SignStatus::Damaged, "damaged"},
}};
constexpr Table<FacilityKind, 7> kFacilityKinds{{
    {FacilityKind::IntegratedPole, "integrated_pole"},
    {FacilityKind::LampPole, "lamp_pole"},
    {FacilityKind::ElevatedRoad, "elevated_road"},
    {FacilityKind::Gantry, "gantry"},
    {FacilityKind::RoadSign, "road_sign"},
    {FacilityKind::BusShelter, "bus_shelter"},
    {FacilityKind::PhoneBooth, "phone_booth"},
}};
constexpr Table<PlaceKind, 11> kPlaceKinds{{
    {PlaceKind::GovernmentOffice, "government_office"},
    {PlaceKind::Station, "station"},
    {PlaceKind::Airport, "airport"},
    {PlaceKind::Port, "port"},
    {PlaceKind::Bridge, "bridge"},
    {PlaceKind::Tunnel, "tunnel"},
    {PlaceKind::Metro, "metro"},
    {PlaceKind::Hospital, "hospital"},
    {PlaceKind::ExhibitionHall, "exhibition_hall"},
    {PlaceKind::ScenicSpot, "scenic_spot"},
    {PlaceKind::PublicGreen, "public_green"},
}};
constexpr Table<WorksKind, 13> kWorksKinds{{
    {WorksKind::Construction, "construction"},
    {WorksKind::Demolition, "demolition"},
    {WorksKind::Excavation, "excavation"},
    {WorksKind::Piling, "piling"},
    {WorksKind::Drilling, "drilling"},
    {WorksKind::Trenching, "trenching"},
    {WorksKind::PipeLaying, "pipe_laying"},
    {WorksKind::HazardousMaterial, "hazardous_material"},
    {WorksKind::Anchoring, "anchoring"},
    {WorksKind::Trawling, "trawling"},
    {WorksKind::SandDigging, "sand_digging"},
    {WorksKind::Blasting, "blasting"},
    {WorksKind::Other, "other"},
}};
constexpr Table<CoverageKind, 4> kCoverageKinds{{
    {CoverageKind::Residential, "residential"},
    {CoverageKind::Office, "office"},
    {CoverageKind::Underground, "underground"},
    {CoverageKind::Other, "other"},
}};
constexpr Table<CoreNodeKind, 3> kCoreNodeKinds{{
    {CoreNodeKind::MachineRoom, "machine_room"},
    {CoreNodeKind::DataCentre, "data_centre"},
    {CoreNodeKind::LandingStation, "landing_station"},
}};

}  // namespace

std::optional<HostType> parseHostType(std::string_view s) {
    return lookup(kHostTypes, s);
}
std::optional<SiteStatus> parseSiteStatus(std::string_view s) {
    return lookup(kStatuses, s);
}
std::optional<CableClass> parseCableClass(std::string_view s) {
    return lookup(kCableClasses, s);
}
std::optional<Waters> parseWaters(std::string_view s) {
    return lookup(kWaters, s);
}
std::optional<SignStatus> parseSignStatus(std::string_view s) {
    return lookup(kSignStatuses, s);
}
std::optional<FacilityKind> parseFacilityKind(std::string_view s) {
    return lookup(kFacilityKinds, s);
}
std::optional<PlaceKind> parsePlaceKind(std::string_view s) {
    return lookup(kPlaceKinds, s);
}
std::optional<WorksKind> parseWorksKind(std::string_view s) {
    return lookup(kWorksKinds, s);
}
std::optional<CoverageKind> parseCoverageKind(std::string_view s) {
    return lookup(kCoverageKinds, s);
}
std::optional<CoreNodeKind> parseCoreNodeKind(std::string_view s) {
    return lookup(kCoreNodeKinds, s);
}

std::string_view toString(HostType t) {
    return nameOf(kHostTypes, t);
}
std::string_view toString(SiteStatus s) {
    return nameOf(kStatuses, s);
}
std::string_view toString(CableClass c) {
    return nameOf(kCableClasses, c);
}
std::string_view toString(Waters w) {
    return nameOf(kWaters, w);
}
std::string_view toString(SignStatus s) {
    return nameOf(kSignStatuses, s);
}
std::string_view toString(FacilityKind k) {
    return nameOf(kFacilityKinds, k);
}
std::string_view toString(PlaceKind k) {
    return nameOf(kPlaceKinds, k);
}
std::string_view toString(WorksKind k) {
    return nameOf(kWorksKinds, k);
}
std::string_view toString(CoverageKind k) {
    return nameOf(kCoverageKinds, k);
}
std::string_view toString(CoreNodeKind k) {
    return nameOf(kCoreNodeKinds, k);
}

std::vector<std::string_view> hostTypeNames() {
    return namesOf(kHostTypes);
}
std::vector<std::string_view> siteStatusNames() {
    return namesOf(kStatuses);
}
std::vector<std::string_view> cableClassNames() {
    return namesOf(kCableClasses);
}
std::vector<std::string_view> watersNames() {
    return namesOf(kWaters);
}
std::vector<std::string_view> signStatusNames() {
    return namesOf(kSignStatuses);
}
std::vector<std::string_view> facilityKindNames() {
    return namesOf(kFacilityKinds);
}
std::vector<std::string_view> placeKindNames() {
    return namesOf(kPlaceKinds);
}
std::vector<std::string_view> worksKindNames() {
    return namesOf(kWorksKinds);
}
std::vector<std::string_view> coverageKindNames() {
    return namesOf(kCoverageKinds);
}
std::vector<std::string_view> coreNodeKindNames() {
    return namesOf(kCoreNodeKinds);
}

bool isPublicFacilityHost(HostType t) {
    switch (t) {
        case HostType::IntegratedPole:
        case HostType::LampPole:
        case HostType::BusShelter:
        case HostType::ElevatedRoad:
        case HostType::Gantry:
        case HostType::RoadSign:
        case HostType::PhoneBooth:
            return true;
        default:
            return false;
    }
}

}  // namespace citytwin::assets
