#pragma once
// Layer → Style…: how a vector layer is drawn (QGIS's symbology page, cut
// down): fill colour and opacity, outline colour and width, colours by an
// attribute's values (categorised) or, for buildings, by height (a gradient
// or graduated bands), labels by a field. Apply shows the
// style without closing; OK applies and closes.

#include <QColor>
#include <QDialog>

#include "citytwin/geo/Feature.h"
#include "citytwin/render/LayerStyle.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace citytwin::app {

class LayerStyleDialog : public QDialog {
    Q_OBJECT
public:
    LayerStyleDialog(const QString& layerName, std::shared_ptr<const geo::FeatureLayer> layer,
                     const render::LayerStyle& current, QWidget* parent = nullptr);

    /// The style the dialog's controls describe now.
    render::LayerStyle style() const;

    /// Sets the fill colour as the colour button would (tests, scripts).
    void setFillColor(const QColor& c);
    void setOutlineColor(const QColor& c);

    /// The categorised palette: colour of the index-th distinct value.
    static QColor categoryColor(int index);

signals:
    /// Apply or OK pressed: show this style.
    void applied(const citytwin::render::LayerStyle& style);

private:
    /// What "Colour by" says: for buildings also their height.
    enum class ColourMode { Single, Gradient, Bands, Category };
    ColourMode colourMode() const;
    void pickColor(QPushButton* button, QColor& colour);
    void showColor(QPushButton* button, const QColor& colour);
    void updateCategories();

    std::shared_ptr<const geo::FeatureLayer> _layer;
    render::LayerStyle _base;
    QColor _fill;
    QColor _outline;
    QPushButton* _fillButton = nullptr;
    QSpinBox* _opacity = nullptr;
    QPushButton* _outlineButton = nullptr;
    QDoubleSpinBox* _outlineWidth = nullptr;
    QComboBox* _categoryField = nullptr;
    QListWidget* _categories = nullptr;
    QComboBox* _labelField = nullptr;
};

/// The fields of a layer's features, in first-seen order (the first
/// thousand features are enough to find them).
QStringList fieldNamesOf(const geo::FeatureLayer& layer);

}  // namespace citytwin::app
