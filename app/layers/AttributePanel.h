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
    void retranslate();
};

}  // namespace citytwin::app
