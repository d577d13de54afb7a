#pragma once
// The OSG nodes of a plain CityGML model whose points are already in the
// city frame: one geometry per block of buildings, triangles coloured by
// semantic surface, each triangle traced to its building for picking.

#include <osg/Node>
#include <osg/ref_ptr>

#include <memory>
#include <string>
#include <vector>

#include "citytwin/formats/CityGmlModel.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/render/CityGmlModelLoader.h"

namespace citytwin::render::detail {

/// `model`'s points are east-north-up metres of the city frame (double);
/// the node stores them as float offsets from `origin` under a transform.
/// `layer` holds one feature per building, in the model's order.
osg::ref_ptr<osg::Node> buildCityGmlScene(const formats::CityGmlModel& model,
                                          const osg::Vec3d& origin,
                                          std::shared_ptr<const geo::FeatureLayer> layer,
                                          const CityGmlColours& colours = {});

}  // namespace citytwin::render::detail
