#include "citytwin/render/FeaturePickData.h"

#include <algorithm>

namespace citytwin::render {

std::optional<std::uint32_t> FeaturePickData::featureAt(std::uint32_t primitiveIndex) const {
    if (_firstPrimitive.empty() || primitiveIndex < _firstPrimitive.front())
        return std::nullopt;
    auto it = std::upper_bound(_firstPrimitive.begin(), _firstPrimitive.end(), primitiveIndex);
    return _featureIndex[static_cast<std::size_t>(it - _firstPrimitive.begin()) - 1];
}

}  // namespace citytwin::render
