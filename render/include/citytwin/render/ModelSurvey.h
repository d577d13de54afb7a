#pragma once
// What a loaded model holds and where its vertices are, walked in double
// precision (osg::ComputeBoundsVisitor works in float, which loses metres at
// ECEF or far-from-origin magnitudes).

#include <osg/BoundingBox>
#include <osg/Matrixd>
#include <osg/Node>

#include <cstddef>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/LoadedModel.h"

namespace citytwin::render {

struct ModelSurvey {
    std::size_t nodes = 0;      ///< scene-graph nodes, the root included
    std::size_t drawables = 0;  ///< osg::Geometry and other drawables
    std::size_t triangles = 0;  ///< triangles of every primitive set
    std::size_t points = 0;     ///< GL_POINTS vertices (point clouds)
    std::size_t pagedLods = 0;  ///< osg::PagedLOD nodes (OSGB pyramids)
    /// Child files the PagedLODs name but have not loaded yet.
    std::size_t unloadedChildFiles = 0;
    /// Vertices after every transform under the root and `toWorld`, metres.
    osg::BoundingBoxd bounds;
};

/// Walks every loaded child (not the ones a PagedLOD would still page in).
ModelSurvey surveyModel(osg::Node& root, const osg::Matrixd& toWorld = osg::Matrixd::identity());

/// Fills the WGS 84 extent and height range of `model.node` (in the city
/// frame `frame`). The box is taken in an east-north-up frame at the model
/// itself, so a model far from the city origin (whose up axis is tilted
/// there) still gets a tight extent.
void computeGeographicExtent(LoadedModel& model, const geo::LocalFrame& frame);

}  // namespace citytwin::render
