#include "citytwin/formats/OsgbMetadata.h"

#include <cpl_minixml.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "citytwin/geo/GdalSupport.h"

namespace citytwin::formats {
namespace {

struct XmlDeleter {
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

/// "a,b[,c]" (commas or blanks) -> numbers; empty on any non-number.
std::vector<double> parseNumbers(const std::string& text) {
    std::vector<double> out;
    std::string token;
    std::string s = text;
    for (char& c : s)
        if (c == ',')
            c = ' ';
    std::istringstream words(s);
    while (words >> token) {
        char* end = nullptr;
        const double v = std::strtod(token.c_str(), &end);
        if (end == token.c_str() || *end != '\0' || !std::isfinite(v))
            return {};
        out.push_back(v);
    }
    return out;
}

/// Long WKT makes an unreadable message; the start names it well enough.
std::string shorten(const std::string& s) {
    std::string one = s;
    for (char& c : one)
        if (c == '\n' || c == '\r')
            c = ' ';
    return one.size() > 90 ? one.substr(0, 87) + "..." : one;
}

}  // namespace

geo::Result<OsgbMetadata> readOsgbMetadata(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return geo::Result<OsgbMetadata>::failure("cannot open the OSGB metadata file", path);
    std::ostringstream text;
    text << in.rdbuf();
    return parseOsgbMetadata(text.str(), path);
}

geo::Result<OsgbMetadata> parseOsgbMetadata(const std::string& xml, const std::string& source) {
    using R = geo::Result<OsgbMetadata>;
    std::unique_ptr<CPLXMLNode, XmlDeleter> tree;
    {
        geo::GdalErrorCapture capture;
        tree.reset(CPLParseXMLString(xml.c_str()));
        if (!tree)
            return R::failure("not well-formed XML: " + capture.lastError("empty document"),
                              source);
    }
    const CPLXMLNode* metadata = CPLGetXMLNode(tree.get(), "=ModelMetadata");
    if (!metadata)
        return R::failure("no <ModelMetadata> root element: not an OSGB metadata.xml", source, 0,
                          "ModelMetadata");

    OsgbMetadata m;
    m.srsText = trim(CPLGetXMLValue(metadata, "SRS", ""));
    if (m.srsText.empty())
        return R::failure("<SRS> is missing or empty", source, 0, "SRS");

    if (const char* origin = CPLGetXMLValue(metadata, "SRSOrigin", nullptr)) {
        const auto v = parseNumbers(origin);
        if (v.size() < 2 || v.size() > 3)
            return R::failure(
                "<SRSOrigin> must be 'x,y[,z]' numbers, got '" + shorten(origin) + "'", source, 0,
                "SRSOrigin");
        m.srsOrigin = {v[0], v[1], v.size() == 3 ? v[2] : 0.0};
    }
    // Without it the tiles' local metres are taken from 0,0,0 of the SRS:
    // say so rather than land the model off the map silently.
    std::vector<geo::Diagnostic> warnings;
    if (!CPLGetXMLNode(metadata, "SRSOrigin"))
        warnings.push_back(geo::makeWarning(
            "<SRSOrigin> is missing: the tiles are placed from the SRS's origin 0,0,0, which "
            "is rarely where a model lies (add <SRSOrigin>x,y,z</SRSOrigin>)",
            source, 0, "SRSOrigin"));
    const auto withWarnings = [&warnings](OsgbMetadata value) {
        R r(std::move(value));
        r.addDiagnostics(warnings);
        return r;
    };

    if (m.srsText.rfind("ENU:", 0) == 0) {
        const auto v = parseNumbers(m.srsText.substr(4));
        if (v.size() < 2 || v.size() > 3 || std::abs(v[0]) > 90.0 || std::abs(v[1]) > 180.0)
            return R::failure("ENU SRS must be 'ENU:latitude,longitude' in degrees, got '" +
                                  shorten(m.srsText) + "'",
                              source, 0, "SRS");
        m.isEnu = true;
        m.enuOrigin = {v[1], v[0], v.size() == 3 ? v[2] : 0.0};
        return withWarnings(std::move(m));
    }

    auto crs = geo::Crs::fromString(m.srsText);
    if (!crs) {
        std::string why;
        for (const auto& d : crs.diagnostics())
            why += d.message;
        return R::failure("unknown SRS '" + shorten(m.srsText) + "' (" + why + ")", source, 0,
                          "SRS");
    }
    if (crs->kind() != geo::Crs::Kind::Proj || crs->isGeographic())
        return R::failure("SRS '" + shorten(m.srsText) +
                              "' is geographic: OSGB vertices are metres, so the SRS must be "
                              "projected (e.g. EPSG:4547), geocentric or ENU:lat,lon",
                          source, 0, "SRS");
    m.crs = crs.value();
    return withWarnings(std::move(m));
}

}  // namespace citytwin::formats
