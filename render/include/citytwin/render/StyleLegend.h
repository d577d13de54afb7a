#pragma once
// What a layer's style draws, class by class, in legend order (QGIS's
// legend of a categorised or graduated renderer): the app words and paints
// it (the layer tree, exported images).

#include <osg/Vec4>

#include <limits>
#include <string>
#include <vector>

#include "citytwin/render/LayerStyle.h"

namespace citytwin::render {

struct LegendClass {
    enum class Kind {
        Rule,      ///< attribute = value
        Band,      ///< from <= attribute < to (to: infinity for the last band)
        Category,  ///< attribute = value
        Height,    ///< buildings coloured by height: the colour at `from` metres
        Other,     ///< everything no class above takes (the style's colour)
    };
    Kind kind = Kind::Other;
    osg::Vec4 color;
    std::string attribute;
    std::string value;
    double from = 0.0;
    double to = std::numeric_limits<double>::infinity();
};

/// The classes of a style: its rules, bands (ascending), categories (by
/// value), then what the rest is drawn in — for buildings coloured by height
/// a few stops of the gradient, else the style's colour ("Other"); nothing
/// for the rest when height bands from 0 m take every building. A style of
/// one colour has one class, Other. With `layer`, rules and categories that
/// no feature of it matches are left out (a legend lists what is drawn).
std::vector<LegendClass> legendOf(const LayerStyle& style,
                                  const geo::FeatureLayer* layer = nullptr);

/// The colour buildings coloured by height (colorByHeight) take at `top`
/// metres: low-rise stone to high-rise glass.
osg::Vec4 heightGradientColor(double top);

}  // namespace citytwin::render
