#pragma once
// Maps the primitives of one batched osg::Geometry back to the features they
// were built from, so that a pick on merged geometry finds its feature.
// Attached to the geometry as its UserData.

#include <osg/Referenced>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Feature.h"

namespace citytwin::render {

class FeaturePickData : public osg::Referenced {
public:
    FeaturePickData(std::string layerId, std::shared_ptr<const geo::FeatureLayer> layer)
        : _layerId(std::move(layerId)), _layer(std::move(layer)) {}

    /// Features must be added in primitive order: primitives from
    /// firstPrimitive up to the next feature's first belong to featureIndex.
    void addFeature(std::uint32_t firstPrimitive, std::uint32_t featureIndex) {
        _firstPrimitive.push_back(firstPrimitive);
        _featureIndex.push_back(featureIndex);
    }

    /// The feature that a primitive (triangle or line) belongs to.
    std::optional<std::uint32_t> featureAt(std::uint32_t primitiveIndex) const;

    const std::string& layerId() const { return _layerId; }
    const std::shared_ptr<const geo::FeatureLayer>& layer() const { return _layer; }
    std::size_t featureCount() const { return _featureIndex.size(); }

    /// Pins drawn on top of the scene (sensor glyphs) are picked before the
    /// surfaces that they are drawn over.
    void setDrawnOnTop(bool onTop) { _drawnOnTop = onTop; }
    bool drawnOnTop() const { return _drawnOnTop; }

private:
    std::string _layerId;
    std::shared_ptr<const geo::FeatureLayer> _layer;
    std::vector<std::uint32_t> _firstPrimitive;
    std::vector<std::uint32_t> _featureIndex;
    bool _drawnOnTop = false;
};

}  // namespace citytwin::render
