#pragma once
// ModelPlacementDialog: where a glTF/GLB model goes. glTF carries no
// georeference, so the user gives the WGS 84 longitude, latitude, height,
// heading and scale of its origin; the view's centre is offered first.

#include <QDialog>

#include "citytwin/render/GltfModelLoader.h"

class QDoubleSpinBox;
class QLabel;

namespace citytwin::app {

class ModelPlacementDialog : public QDialog {
    Q_OBJECT
public:
    ModelPlacementDialog(const QString& modelPath, const render::ModelAnchor& initial,
                         QWidget* parent = nullptr);

    render::ModelAnchor anchor() const;
    QDoubleSpinBox* longitudeBox() const { return _lon; }
    QDoubleSpinBox* latitudeBox() const { return _lat; }
    QDoubleSpinBox* heightBox() const { return _height; }
    QDoubleSpinBox* headingBox() const { return _heading; }
    QDoubleSpinBox* scaleBox() const { return _scale; }

private:
    QDoubleSpinBox* _lon = nullptr;
    QDoubleSpinBox* _lat = nullptr;
    QDoubleSpinBox* _height = nullptr;
    QDoubleSpinBox* _heading = nullptr;
    QDoubleSpinBox* _scale = nullptr;
};

}  // namespace citytwin::app
