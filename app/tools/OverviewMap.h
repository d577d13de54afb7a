#pragma once
// The overview map (issue 17 item 6): a small top-down 2D map of the base
// layers (roads, water, land use, districts: vector lines and areas), north
// up, with the 3D view's footprint (where the four corners of the view meet
// the ground) drawn over it. A click or drag moves the 3D camera so that it
// looks at that point, keeping its height, heading and tilt. The layers'
// shapes are projected to the local frame on a worker.

#include <QImage>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"

namespace citytwin::app {

class OsgView;
struct LoadedLayer;

class OverviewMap : public QWidget {
    Q_OBJECT
public:
    explicit OverviewMap(OsgView& view, QWidget* parent = nullptr);

    void setFrame(const geo::LocalFrame& frame);
    /// A loaded layer: drawn if it is a base layer (lines and areas).
    void addLayer(const LoadedLayer& layer);
    /// The 3D view's footprint on the ground, local metres (empty: none).
    const QPolygonF& footprint() const { return _footprint; }
    /// Widget point of a local point, and back.
    QPointF widgetPointOf(const QPointF& local) const;
    QPointF localPointOf(const QPointF& widget) const;
    /// Moves the 3D camera to look at a local ground point.
    void centreViewOn(const QPointF& local);
    /// How many base layers are drawn.
    int layerCount() const { return int(_layers.size()); }
    QSize sizeHint() const override { return {300, 240}; }

signals:
    /// A layer's shapes are ready and drawn.
    void layerReady();

protected:
    void paintEvent(QPaintEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;

private:
    struct Shapes {
        QPainterPath areas;
        QPainterPath lines;
        QColor colour;
        QRectF bounds;
    };
    void updateFootprint();
    void rebuildBackground();

    OsgView& _view;
    std::optional<geo::LocalFrame> _maybeFrame;
    std::vector<Shapes> _layers;
    QRectF _bounds;  ///< local metres shown
    QImage _background;
    QPolygonF _footprint;
};

}  // namespace citytwin::app
