#pragma once
// A 3D Tiles bounding volume (box, sphere or region) as points in ECEF: the
// corners that enclose it, so that callers can bound it in any frame (a
// sphere in the city frame for paging, a WGS 84 extent to frame the view)
// before any of the content it bounds has been read.

#include <osg/BoundingBox>
#include <osg/BoundingSphere>
#include <osg/Matrixd>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "citytwin/formats/TilesetJson.h"
#include "citytwin/geo/GeoTypes.h"

namespace citytwin::render::detail {

struct TileBoundingVolume {
    /// ECEF points whose hull contains the volume (8 corners, plus the
    /// top centre of a region, which bulges above its corners' chords).
    std::vector<osg::Vec3d> ecefCorners;

    /// Parses `volume` ({"box": [12]}, {"sphere": [4]}, {"region": [6]});
    /// box and sphere are in the tile's frame, placed by `tileToEcef`; a
    /// region is geographic (radians, metres) whatever the transform.
    /// nullopt when the volume is missing or malformed.
    static std::optional<TileBoundingVolume> parse(const nlohmann::json& volume,
                                                   const osg::Matrixd& tileToEcef);
    /// The same from a parsed volume; nullopt for a sphere of negative
    /// radius or a region whose west, south or bottom exceeds its east,
    /// north or top.
    static std::optional<TileBoundingVolume> from(const formats::BoundingVolume& volume,
                                                  const osg::Matrixd& tileToEcef);

    /// Whether an ECEF point lies inside the volume itself (not its hull of
    /// corners): for a viewerRequestVolume, the viewer must be inside.
    bool containsEcef(const osg::Vec3d& p) const;

    /// The sphere around the corners after `ecefToFrame`.
    osg::BoundingSphered sphereIn(const osg::Matrixd& ecefToFrame) const;
    /// WGS 84 longitude/latitude extent (degrees) and height range (metres).
    void addTo(geo::Extent& extent, double& minHeight, double& maxHeight) const;

private:
    enum class Kind { Box, Sphere, Region } _kind = Kind::Box;
    /// Box: ECEF to the box's unit cube ([-1, 1] on each axis). Sphere: ECEF
    /// to the tile frame centred on the sphere (the radius is in tile
    /// units). Region: unused.
    osg::Matrixd _toUnit;
    bool _solid = true;  ///< false: a transform that cannot be inverted
    double _radius = 0.0;
    double _region[6] = {};  ///< west, south, east, north (radians), min, max height
};

}  // namespace citytwin::render::detail
