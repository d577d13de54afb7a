#pragma once
// Matrices that put a model's own coordinates into the city frame (local
// east-north-up metres around a double-precision origin), computed in double.
// OSG convention: row vectors, city = local * matrix.

#include <osg/BoundingBox>
#include <osg/Matrixd>

#include <string>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"

namespace citytwin::render {

/// A placement matrix and how far it strays from the exact transform.
struct Placement {
    osg::Matrixd localToCity;
    /// Largest distance, metres, between matrix and exact transform at the
    /// corners of the bounds the matrix was fitted on.
    double maxErrorMetres = 0.0;
};

/// Model coordinates are offsets (metres) from `origin` in the projected or
/// geocentric CRS `crs` (x = easting, y = northing, z = height above the
/// ellipsoid). The matrix is the exact transform's linearisation at the centre
/// of `localBounds`, so grid convergence, scale factor and the tilt of the
/// city frame's up axis far from its origin are all accounted for.
/// `source` names the file in errors.
geo::Result<Placement> fitProjectedPlacement(const geo::Crs& crs, const geo::GeoPoint& origin,
                                             const osg::BoundingBox& localBounds,
                                             const geo::LocalFrame& frame,
                                             const std::string& source);

/// Model coordinates are east, north, up metres at WGS 84 `lonLatH` (degrees,
/// degrees, metres), turned by `headingDegrees` clockwise from north about
/// the up axis (Cesium's convention). Exact: both frames are affine in ECEF.
osg::Matrixd enuPlacement(const geo::GeoPoint& lonLatH, double headingDegrees,
                          const geo::LocalFrame& frame);

/// Model coordinates are WGS 84 earth-centred, earth-fixed metres (3D Tiles).
osg::Matrixd ecefPlacement(const geo::LocalFrame& frame);

/// glTF is Y-up with +Z forward; the city is Z-up. Maps (x, y, z) to
/// (x, -z, y), as Cesium does, so a model's up becomes the local up.
osg::Matrixd gltfYUpToZUp();

}  // namespace citytwin::render
