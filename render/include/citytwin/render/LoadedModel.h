#pragma once
// What a model loader hands back: a detached node already placed in the city
// frame, and what the caller needs to frame the view and list the layer.

#include <osg/Node>
#include <osg/ref_ptr>

#include <string>

#include "citytwin/geo/GeoTypes.h"

namespace citytwin::render {

/// A 3D model (OSGB pyramid, glTF/GLB, 3D Tiles, CityGML) placed in the city frame.
/// The node is detached: the caller hands it to CityScene::enqueueLayer().
struct LoadedModel {
    /// Root of the model; vertices end up in the city frame's east-north-up
    /// metres through the MatrixTransform(s) at its top.
    osg::ref_ptr<osg::Node> node;
    std::string format;    ///< "OSGB", "glTF", "GLB", "3D Tiles", "CityGML"
    std::string crsLabel;  ///< the model's own CRS, as the user would name it
    /// Where the loaded geometry lands: WGS 84 longitude/latitude, degrees.
    /// For paged content this covers what is loaded now (the root levels).
    geo::Extent wgs84Extent;
    double minHeight = 0.0;  ///< lowest vertex, metres above the WGS 84 ellipsoid
    double maxHeight = 0.0;  ///< highest vertex, metres above the WGS 84 ellipsoid
    /// Largest distance (metres) between where the placement matrix puts a
    /// corner of the model and where the exact CRS transform puts it.
    double placementErrorMetres = 0.0;
    /// 3D Tiles: the tile contents drawn by kind, "b3dm 4, pnts 1"; else empty.
    std::string contentSummary;
    /// CityGML: the city objects by class and LoD and the polygon count,
    /// "Building 61 (LoD2 61); 1125 polygons"; else empty.
    std::string cityObjectSummary;
    /// Empty when the model carries its own georeference (OSGB, a
    /// georeferenced tileset) or was placed by an anchor the caller chose
    /// knowingly (glTF). Else why it has none: it was then placed as a local
    /// model at the anchor (a 3D Tiles tileset in local metres).
    std::string missingGeoreference;
};

}  // namespace citytwin::render
