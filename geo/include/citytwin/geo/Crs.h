#pragma once
// A coordinate reference system as the user names it: an EPSG code
// ("EPSG:4549"), WKT, a PROJ string, or one of the Chinese web-map offset
// systems that PROJ does not implement ("GCJ02", "BD09").

#include <string>

#include "citytwin/geo/Result.h"

namespace citytwin::geo {

class Crs {
public:
    enum class Kind {
        Proj,   ///< anything PROJ understands
        Gcj02,  ///< GCJ-02 (China's web-map offset of WGS 84), geographic degrees
        Bd09,   ///< BD-09 (Baidu's offset of GCJ-02), geographic degrees
    };

    Crs() = default;

    /// Parses and validates a definition; the error names it and says why.
    /// Results are cached (Crs.cpp): the same text is parsed once.
    static Result<Crs> fromString(const std::string& definition);
    static Crs wgs84();     ///< EPSG:4326
    static Crs cgcs2000();  ///< EPSG:4490
    static Crs gcj02();     ///< GCJ-02 longitude/latitude, degrees
    static Crs bd09();      ///< BD-09 longitude/latitude, degrees

    bool isValid() const { return !_definition.empty(); }
    Kind kind() const { return _kind; }
    /// The definition as PROJ reads it (Kind::Proj): as given, except that a
    /// bare number n becomes "EPSG:n" and a PROJ string gets "+type=crs".
    /// "GCJ02" or "BD09" for the offset systems.
    const std::string& definition() const { return _definition; }
    /// A short human label, e.g. "EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E".
    const std::string& label() const { return _label; }
    bool isGeographic() const { return _geographic; }
    /// "EPSG:4326"-style authority code if PROJ knows one, else empty.
    const std::string& authorityCode() const { return _authorityCode; }

    bool operator==(const Crs& o) const { return _kind == o._kind && _definition == o._definition; }

private:
    /// fromString's work, without its cache.
    static Result<Crs> parse(const std::string& trimmedDefinition);

    Kind _kind = Kind::Proj;
    std::string _definition;
    std::string _label;
    std::string _authorityCode;
    bool _geographic = true;
};

}  // namespace citytwin::geo
