// What a CityGML file's srsName means, and a cheap look at a file's start.

#include <array>
#include <fstream>
#include <string_view>

#include "citytwin/formats/CityGmlModel.h"

namespace citytwin::formats {
namespace {

/// The German surveying authorities' (AdV) names in CityGML from Germany.
struct AdvName {
    std::string_view name;
    const char* epsg;
};
constexpr std::array kAdvNames{
    AdvName{"ETRS89_UTM32", "EPSG:25832"}, AdvName{"ETRS89_UTM33", "EPSG:25833"},
    AdvName{"DE_DHDN_3GK2", "EPSG:31466"}, AdvName{"DE_DHDN_3GK3", "EPSG:31467"},
    AdvName{"DE_DHDN_3GK4", "EPSG:31468"}, AdvName{"DE_DHDN_3GK5", "EPSG:31469"},
};

/// The horizontal CRS of an srsName, in a spelling PROJ reads.
std::string horizontalPart(const std::string& srsName) {
    constexpr std::string_view kCompound = "urn:ogc:def:crs,";
    if (srsName.starts_with(kCompound)) {
        // "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783": the first component.
        std::string first = srsName.substr(kCompound.size());
        first = first.substr(0, first.find(','));
        if (first.starts_with("crs:"))
            first = first.substr(4);
        return "urn:ogc:def:crs:" + first;
    }
    constexpr std::string_view kAdv = "urn:adv:crs:";
    if (srsName.starts_with(kAdv)) {
        const std::string_view horizontal =
            std::string_view(srsName).substr(kAdv.size(), srsName.find('*') - kAdv.size());
        for (const auto& a : kAdvNames)
            if (horizontal == a.name)
                return a.epsg;
    }
    return srsName;
}

}  // namespace

geo::Result<geo::Crs> crsOfSrsName(const std::string& srsName, const std::string& source) {
    using R = geo::Result<geo::Crs>;
    if (srsName.empty())
        return R::failure("no srsName given", source, 0, "srsName");
    auto crs = geo::Crs::fromString(horizontalPart(srsName));
    if (!crs)
        return R::failure("unknown srsName '" + srsName + "': PROJ knows no CRS by that name",
                          source, 0, "srsName");
    return crs;
}

CityGmlSniff sniffCityGml(const std::string& path) {
    constexpr std::size_t kHead = 64 * 1024;
    std::ifstream in(path, std::ios::binary);
    std::string head(kHead, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    CityGmlSniff s;
    s.isCityGml = head.find("http://www.opengis.net/citygml/") != std::string::npos;
    s.hasSrsName = head.find("srsName") != std::string::npos;
    return s;
}

}  // namespace citytwin::formats
