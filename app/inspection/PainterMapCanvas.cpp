#include "inspection/PainterMapCanvas.h"

#include <QImage>
#include <QPainterPath>
#include <QPolygonF>

namespace citytwin::app {
namespace {

QColor colourOf(assets::MapColour c) {
    return QColor(c.r, c.g, c.b, int(c.alpha * 255.0 + 0.5));
}

}  // namespace

PainterMapCanvas::PainterMapCanvas(QPainter& painter, QPointF origin, double pxPerMm,
                                   QString fontFamily)
    : _painter(painter), _origin(origin), _scale(pxPerMm), _family(std::move(fontFamily)) {}

QPointF PainterMapCanvas::at(double x, double y) const {
    return _origin + QPointF(x * _scale, y * _scale);
}

QPen PainterMapCanvas::pen(assets::MapColour c, double widthMm, bool dashed) const {
    if (c.alpha <= 0.0 || widthMm <= 0.0)
        return Qt::NoPen;
    QPen p(colourOf(c));
    p.setWidthF(widthMm * _scale);
    p.setStyle(dashed ? Qt::DashLine : Qt::SolidLine);
    p.setJoinStyle(Qt::RoundJoin);
    return p;
}

void PainterMapCanvas::beginClip(double x, double y, double w, double h) {
    _painter.save();
    _painter.setClipRect(QRectF(at(x, y), at(x + w, y + h)), Qt::IntersectClip);
}

void PainterMapCanvas::endClip() {
    _painter.restore();
}

void PainterMapCanvas::polyline(const std::vector<geo::GeoPoint>& mm, assets::MapColour stroke,
                                double widthMm, bool dashed) {
    QPolygonF line;
    for (const auto& p : mm)
        line << at(p.x, p.y);
    _painter.setPen(pen(stroke, widthMm, dashed));
    _painter.setBrush(Qt::NoBrush);
    _painter.drawPolyline(line);
}

void PainterMapCanvas::polygon(const std::vector<geo::GeoPoint>& mm, assets::MapColour stroke,
                               double widthMm, assets::MapColour fill) {
    QPolygonF ring;
    for (const auto& p : mm)
        ring << at(p.x, p.y);
    _painter.setPen(pen(stroke, widthMm, false));
    _painter.setBrush(fill.alpha > 0.0 ? QBrush(colourOf(fill)) : QBrush(Qt::NoBrush));
    _painter.drawPolygon(ring);
}

void PainterMapCanvas::circle(double cx, double cy, double rMm, assets::MapColour stroke,
                              double widthMm, assets::MapColour fill, bool dashed) {
    _painter.setPen(pen(stroke, widthMm, dashed));
    _painter.setBrush(fill.alpha > 0.0 ? QBrush(colourOf(fill)) : QBrush(Qt::NoBrush));
    _painter.drawEllipse(at(cx, cy), rMm * _scale, rMm * _scale);
}

void PainterMapCanvas::text(double x, double y, const std::string& utf8, double sizeMm,
                            assets::MapColour colour, bool bold) {
    QFont font(_family);
    font.setPixelSize(std::max(1, int(sizeMm * _scale + 0.5)));
    font.setBold(bold);
    _painter.setFont(font);
    _painter.setPen(colourOf(colour));
    _painter.drawText(at(x, y), QString::fromStdString(utf8));
}

void PainterMapCanvas::image(double x, double y, double w, double h, const std::string& png) {
    const QImage picture =
        QImage::fromData(reinterpret_cast<const uchar*>(png.data()), int(png.size()), "PNG");
    if (picture.isNull())
        return;
    _painter.drawImage(QRectF(at(x, y), at(x + w, y + h)), picture);
}

}  // namespace citytwin::app
