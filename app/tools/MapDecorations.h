#pragma once
// What an exported map image carries burnt in (issue 17 item 8): a scale
// bar, a north arrow, the legend of the visible layers, the attribution and
// an optional title, painted over the rendered image. Sizes follow the
// image's height, so a 3840x2160 export reads like a 1280x720 one.

#include <QColor>
#include <QImage>
#include <QString>

#include <vector>

namespace citytwin::app {

struct LegendEntry {
    QString name;
    QColor colour;
    bool indented = false;  ///< a class of the layer above it (24–50 m, park)
};

struct MapDecorationInfo {
    /// Ground metres per image pixel at the image's centre (0: no scale bar).
    double metresPerPixel = 0.0;
    /// Where north points, degrees clockwise from the image's up.
    double northDegrees = 0.0;
    std::vector<LegendEntry> legend;
    QString attribution;
    QString title;
    QString northLabel = QStringLiteral("N");
    QString legendTitle = QStringLiteral("Legend");
};

/// A scale bar length: 1, 2 or 5 times a power of ten metres, the largest
/// that is at most `maxMetres`.
double niceScaleLength(double maxMetres);

/// "500 m", "2 km".
QString scaleLabel(double metres);

/// Paints the decorations onto `image`.
void paintMapDecorations(QImage& image, const MapDecorationInfo& info);

}  // namespace citytwin::app
