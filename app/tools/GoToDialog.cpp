#include "tools/GoToDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace citytwin::app {

GoToDialog::GoToDialog(int zoneHint, QWidget* parent) : QDialog(parent) {
    setObjectName("goToDialog");
    setWindowTitle(tr("Go to coordinate"));
    _system = new QComboBox(this);
    _system->setObjectName("goToSystem");
    _system->addItem(tr("WGS 84 (GPS), degrees"), int(geo::CoordinateSystem::Wgs84));
    _system->addItem(tr("CGCS2000, degrees"), int(geo::CoordinateSystem::Cgcs2000));
    _system->addItem(tr("CGCS2000 Gauss-Krüger, metres"), int(geo::CoordinateSystem::GaussKruger));
    _system->addItem(tr("GCJ-02 (Amap, Tencent), degrees"), int(geo::CoordinateSystem::Gcj02));
    _system->addItem(tr("BD-09 (Baidu), degrees"), int(geo::CoordinateSystem::Bd09));
    _zone = new QSpinBox(this);
    _zone->setObjectName("goToZone");
    _zone->setRange(0, 45);
    _zone->setSpecialValueText(tr("from the easting's prefix"));
    _zone->setValue(0);
    _zone->setToolTip(tr("Zone %1 is the view's (3-degree)").arg(zoneHint));
    _width = new QComboBox(this);
    _width->setObjectName("goToZoneWidth");
    _width->addItem(tr("3-degree zones"), 3);
    _width->addItem(tr("6-degree zones"), 6);
    _text = new QLineEdit(this);
    _text->setObjectName("goToText");
    _text->setPlaceholderText(tr("31.2397, 121.4998  or  121°29'59\"E 31°14'23\"N"));
    _text->setMinimumWidth(360);
    _result = new QLabel(this);
    _result->setObjectName("goToResult");
    _result->setWordWrap(true);
    _result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    _buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    _buttons->button(QDialogButtonBox::Ok)->setText(tr("&Go"));

    auto* form = new QFormLayout;
    form->addRow(tr("&System:"), _system);
    form->addRow(tr("&Zone:"), _zone);
    form->addRow(tr("Zone &width:"), _width);
    form->addRow(tr("&Coordinate:"), _text);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(_result);
    layout->addWidget(_buttons);

    connect(_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(_text, &QLineEdit::textChanged, this, &GoToDialog::update);
    connect(_system, &QComboBox::currentIndexChanged, this, &GoToDialog::update);
    connect(_zone, &QSpinBox::valueChanged, this, &GoToDialog::update);
    connect(_width, &QComboBox::currentIndexChanged, this, &GoToDialog::update);
    _text->setFocus();
    update();
}

void GoToDialog::setText(const QString& text) {
    _text->setText(text);
}

void GoToDialog::setSystem(geo::CoordinateSystem system) {
    _system->setCurrentIndex(_system->findData(int(system)));
}

void GoToDialog::setZone(int zone, int width) {
    _zone->setValue(zone);
    _width->setCurrentIndex(_width->findData(width));
}

geo::CoordinateRequest GoToDialog::request() const {
    geo::CoordinateRequest r;
    r.system = geo::CoordinateSystem(_system->currentData().toInt());
    r.zone = _zone->value();
    r.zoneWidth = _width->currentData().toInt();
    return r;
}

void GoToDialog::update() {
    const geo::CoordinateRequest r = request();
    const bool gk = r.system == geo::CoordinateSystem::GaussKruger;
    _zone->setEnabled(gk);
    _width->setEnabled(gk);
    _maybeTarget.reset();
    if (_text->text().trimmed().isEmpty()) {
        _result->setText(tr("Type a coordinate."));
    } else {
        auto parsed = geo::resolveCoordinate(_text->text().toStdString(), r);
        if (parsed) {
            _maybeTarget = parsed.value();
            _result->setText(tr("WGS 84: %1° E, %2° N (%3)")
                                 .arg(_maybeTarget->wgs84.x, 0, 'f', 7)
                                 .arg(_maybeTarget->wgs84.y, 0, 'f', 7)
                                 .arg(QString::fromStdString(_maybeTarget->systemLabel)));
        } else {
            _result->setText(
                tr("Cannot read it: %1")
                    .arg(QString::fromStdString(parsed.diagnostics().front().message)));
        }
    }
    _buttons->button(QDialogButtonBox::Ok)->setEnabled(_maybeTarget.has_value());
}

}  // namespace citytwin::app
