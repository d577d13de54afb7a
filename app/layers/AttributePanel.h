#pragma once
// Shows the attributes of the picked feature: layer, feature id, then every
// attribute as a name/value row.

#include <QTableWidget>

#include <optional>

#include "citytwin/render/FeaturePicker.h"

namespace citytwin::app {

class AttributePanel : public QTableWidget {
    Q_OBJECT
public:
    explicit AttributePanel(QWidget* parent = nullptr);
    void showFeature(const std::optional<render::PickHit>& hit);
    /// Adds a row after the feature's (e.g. a sensor's state at the scene time).
    void appendRow(const QString& name, const QString& value);
    void retranslate();
};

}  // namespace citytwin::app
