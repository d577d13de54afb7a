#pragma once
// Enumerations of the Shanghai asset layers (see docs/assets.md): the values
// operators put in `host_type`, `status` and cable `class` fields.

#include <optional>
#include <string_view>

namespace citytwin::assets {

enum class HostType {
    Tower, Rooftop, IntegratedPole, LampPole, BusShelter, ElevatedRoad, Gantry, RoadSign,
    PhoneBooth, Indoor, Other,
};

enum class SiteStatus { Planned, Active, Decommissioned, Removed };

enum class CableClass { Duct, Buried, Aerial, Underwater, Submarine };

std::optional<HostType> parseHostType(std::string_view s);
std::optional<SiteStatus> parseSiteStatus(std::string_view s);
std::optional<CableClass> parseCableClass(std::string_view s);
std::string_view toString(HostType t);
std::string_view toString(SiteStatus s);
std::string_view toString(CableClass c);

/// SH Art. 11's public facilities: hosts that count as "on a public facility".
bool isPublicFacilityHost(HostType t);

}  // namespace citytwin::assets
