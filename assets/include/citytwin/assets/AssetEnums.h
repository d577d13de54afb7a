#pragma once
// Enumerations of the Shanghai asset layers (see docs/assets.md): the values
// operators put in `host_type`, `status`, `kind`, `class`, `waters` and
// `sign_status` fields. Parsing is exact (lower case, underscores), so a
// misspelling is reported rather than guessed.

#include <optional>
#include <string_view>
#include <vector>

namespace citytwin::assets {

enum class HostType {
    Tower,
    Rooftop,
    IntegratedPole,
    LampPole,
    BusShelter,
    ElevatedRoad,
    Gantry,
    RoadSign,
    PhoneBooth,
    Indoor,
    Other,
};

enum class SiteStatus { Planned, Active, Decommissioned, Removed };

enum class CableClass { Duct, Buried, Aerial, Underwater, Submarine };

/// Sea area of a submarine cable (SCP Art. 7): open coastal waters, bays and
/// other narrow waters, port areas.
enum class Waters { Open, Bay, Port };

enum class SignStatus { Ok, Missing, Damaged };

/// SH Art. 11's public facilities.
enum class FacilityKind {
    IntegratedPole,
    LampPole,
    ElevatedRoad,
    Gantry,
    RoadSign,
    BusShelter,
    PhoneBooth,
};

/// SH Art. 16's public places obliged to open to infrastructure.
enum class PlaceKind {
    GovernmentOffice,
    Station,
    Airport,
    Port,
    Bridge,
    Tunnel,
    Metro,
    Hospital,
    ExhibitionHall,
    ScenicSpot,
    PublicGreen,
};

enum class WorksKind {
    Construction,
    Demolition,
    Excavation,
    Piling,
    Drilling,
    Trenching,
    PipeLaying,
    HazardousMaterial,
    Anchoring,
    Trawling,
    SandDigging,
    Blasting,
    Other,
};

/// SH Art. 17's areas operators must cover.
enum class CoverageKind { Residential, Office, Underground, Other };

/// Where backhaul ends (core_nodes layer, `kind`).
enum class CoreNodeKind { MachineRoom, DataCentre, LandingStation };

std::optional<HostType> parseHostType(std::string_view s);
std::optional<SiteStatus> parseSiteStatus(std::string_view s);
std::optional<CableClass> parseCableClass(std::string_view s);
std::optional<Waters> parseWaters(std::string_view s);
std::optional<SignStatus> parseSignStatus(std::string_view s);
std::optional<FacilityKind> parseFacilityKind(std::string_view s);
std::optional<PlaceKind> parsePlaceKind(std::string_view s);
std::optional<WorksKind> parseWorksKind(std::string_view s);
std::optional<CoverageKind> parseCoverageKind(std::string_view s);
std::optional<CoreNodeKind> parseCoreNodeKind(std::string_view s);

std::string_view toString(HostType t);
std::string_view toString(SiteStatus s);
std::string_view toString(CableClass c);
std::string_view toString(Waters w);
std::string_view toString(SignStatus s);
std::string_view toString(FacilityKind k);
std::string_view toString(PlaceKind k);
std::string_view toString(WorksKind k);
std::string_view toString(CoverageKind k);
std::string_view toString(CoreNodeKind k);

/// Every accepted spelling, for error messages ("expected one of ...").
std::vector<std::string_view> hostTypeNames();
std::vector<std::string_view> siteStatusNames();
std::vector<std::string_view> cableClassNames();
std::vector<std::string_view> watersNames();
std::vector<std::string_view> signStatusNames();
std::vector<std::string_view> facilityKindNames();
std::vector<std::string_view> placeKindNames();
std::vector<std::string_view> worksKindNames();
std::vector<std::string_view> coverageKindNames();
std::vector<std::string_view> coreNodeKindNames();

/// SH Art. 11's public facilities: hosts that count as "on a public facility".
bool isPublicFacilityHost(HostType t);

}  // namespace citytwin::assets
