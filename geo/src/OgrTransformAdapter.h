#pragma once
// Lets OGR geometries be transformed by our CrsTransform (which knows GCJ-02
// and BD-09, and batches through proj_trans_generic): OGRGeometry::transform
// hands each part's coordinate arrays to Transform() in one call.
// It also checks the input on the way: NaN/infinite coordinates and, for a
// geographic source, longitudes/latitudes out of range, which PROJ would
// otherwise turn into silent garbage or a vague failure.

#include <ogr_spatialref.h>

#include <string>

#include "citytwin/geo/CrsTransform.h"

namespace citytwin::geo::detail {

class OgrTransformAdapter final : public OGRCoordinateTransformation {
public:
    /// transform must outlive the adapter.
    explicit OgrTransformAdapter(const CrsTransform& transform);

    /// Why the last failed Transform() failed, for the feature's diagnostic.
    const std::string& lastProblem() const { return _lastProblem; }
    void clearProblem() { _lastProblem.clear(); }

    OGRSpatialReference* GetSourceCS() override { return nullptr; }
    OGRSpatialReference* GetTargetCS() override { return nullptr; }
    int Transform(int count, double* x, double* y, double* z, double* t, int* successes) override;
    OGRCoordinateTransformation* Clone() const override;
    OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

private:
    const CrsTransform& _transform;
    bool _checkGeographicRange;
    std::string _lastProblem;
};

}  // namespace citytwin::geo::detail
