#pragma once
// The metadata.xml beside an oblique-photogrammetry OSGB pyramid (Bentley
// ContextCapture and the Chinese producers that copy it):
//   <ModelMetadata version="1">
//     <SRS>EPSG:4547 | ENU:31.23,121.47 | PROJCS[...] WKT</SRS>
//     <SRSOrigin>x,y,z</SRSOrigin>
//   </ModelMetadata>
// Model vertices are offsets from SRSOrigin along the SRS's axes.

#include <string>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

struct OsgbMetadata {
    /// The SRS text as written (EPSG code, ENU:lat,lon or WKT).
    std::string srsText;
    /// True for "ENU:lat,lon": the model's axes are east, north, up metres at
    /// enuOrigin; otherwise they are crs's projected axes.
    bool isEnu = false;
    /// For ENU: WGS 84 longitude, latitude (degrees), height 0.
    geo::GeoPoint enuOrigin;
    /// For EPSG/WKT: the projected (or geocentric) CRS of the vertices.
    geo::Crs crs;
    /// SRSOrigin, in the SRS's units (metres); 0,0,0 if absent.
    geo::GeoPoint srsOrigin;
};

/// Parses metadata.xml; errors name the file, line (XML errors) and element.
geo::Result<OsgbMetadata> readOsgbMetadata(const std::string& path);

/// The same, from text already read (`source` names it in errors).
geo::Result<OsgbMetadata> parseOsgbMetadata(const std::string& xml, const std::string& source);

}  // namespace citytwin::formats
