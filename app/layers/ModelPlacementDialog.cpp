#include "layers/ModelPlacementDialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace citytwin::app {

namespace {
QDoubleSpinBox* spin(QWidget* parent, const char* name, double min, double max, int decimals,
                     double value, const QString& suffix) {
    auto* s = new QDoubleSpinBox(parent);
    s->setObjectName(name);
    s->setRange(min, max);
    s->setDecimals(decimals);
    s->setValue(value);
    s->setSuffix(suffix);
    s->setKeyboardTracking(false);
    return s;
}
}  // namespace

ModelPlacementDialog::ModelPlacementDialog(const QString& modelPath,
                                           const render::ModelAnchor& initial, QWidget* parent)
    : QDialog(parent) {
    setObjectName("modelPlacementDialog");
    setWindowTitle(tr("Place model"));
    auto* col = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("%1 has no georeference. Where does its origin stand? "
                                "(WGS 84; the view's centre is filled in.)")
                                 .arg(QFileInfo(modelPath).fileName()),
                             this);
    intro->setWordWrap(true);
    col->addWidget(intro);
    auto* form = new QFormLayout;
    _lon = spin(this, "longitude", -180, 180, 7, initial.lonLatH.x, QStringLiteral("°"));
    _lat = spin(this, "latitude", -90, 90, 7, initial.lonLatH.y, QStringLiteral("°"));
    _height = spin(this, "height", -500, 9000, 2, initial.lonLatH.z, tr(" m"));
    _heading = spin(this, "heading", 0, 360, 1, initial.headingDegrees, QStringLiteral("°"));
    _heading->setWrapping(true);
    _scale = spin(this, "scale", 0.001, 1000, 3, initial.scale, QString());
    form->addRow(tr("Longitude"), _lon);
    form->addRow(tr("Latitude"), _lat);
    form->addRow(tr("Height above the ground"), _height);
    form->addRow(tr("Heading (clockwise from north)"), _heading);
    form->addRow(tr("Scale"), _scale);
    col->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    col->addWidget(buttons);
}

render::ModelAnchor ModelPlacementDialog::anchor() const {
    render::ModelAnchor a;
    a.lonLatH = {_lon->value(), _lat->value(), _height->value()};
    a.headingDegrees = _heading->value();
    a.scale = _scale->value();
    return a;
}

}  // namespace citytwin::app
