#pragma once
// assets::MapCanvas on a QPainter: the report's case map drawn as vectors
// (text as text) into the PDF, or into an image for a preview.

#include <QFont>
#include <QPainter>
#include <QPointF>

#include "citytwin/assets/ReportMap.h"

namespace citytwin::app {

class PainterMapCanvas final : public assets::MapCanvas {
public:
    /// Draws with millimetre (0, 0) at `origin` (device pixels), pxPerMm device pixels per mm.
    PainterMapCanvas(QPainter& painter, QPointF origin, double pxPerMm, QString fontFamily);
    void beginClip(double x, double y, double w, double h) override;
    void endClip() override;
    void polyline(const std::vector<geo::GeoPoint>& mm, assets::MapColour stroke, double widthMm,
                  bool dashed) override;
    void polygon(const std::vector<geo::GeoPoint>& mm, assets::MapColour stroke, double widthMm,
                 assets::MapColour fill) override;
    void circle(double cx, double cy, double rMm, assets::MapColour stroke, double widthMm,
                assets::MapColour fill, bool dashed) override;
    void text(double x, double y, const std::string& utf8, double sizeMm, assets::MapColour colour,
              bool bold) override;
    void image(double x, double y, double w, double h, const std::string& png) override;

private:
    QPointF at(double x, double y) const;
    QPen pen(assets::MapColour c, double widthMm, bool dashed) const;

    QPainter& _painter;
    QPointF _origin;
    double _scale;
    QString _family;
};

}  // namespace citytwin::app
