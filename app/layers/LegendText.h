#pragma once
// A layer style's legend in the UI's language: one line (text and colour)
// per class of render::legendOf, for the layer tree and exported images.

#include <QColor>
#include <QString>

#include <vector>

#include "citytwin/render/LayerStyle.h"

namespace citytwin::app {

struct LegendLine {
    QString text;
    QColor colour;
};

/// The classes of the style, worded ("24–50 m", "park", "Other"); a style of
/// one colour gives no lines (its layer's own swatch says it all). With
/// `layer`, only the rules and categories its features match.
std::vector<LegendLine> legendLines(const render::LayerStyle& style,
                                    const geo::FeatureLayer* layer = nullptr);

/// The colour the layer's row shows: its style's colour (opaque).
QColor swatchColour(const render::LayerStyle& style);

}  // namespace citytwin::app
