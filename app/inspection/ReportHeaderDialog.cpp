#include "inspection/ReportHeaderDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

#include <algorithm>

namespace citytwin::app {

ReportHeaderDialog::ReportHeaderDialog(const ReportSettings& initial, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Report header"));
    setObjectName(QStringLiteral("reportHeaderDialog"));
    auto* form = new QFormLayout(this);
    _caseNumber = new QLineEdit(QString::fromStdString(initial.header.caseNumber), this);
    _caseNumber->setObjectName(QStringLiteral("reportCaseNumber"));
    _inspector = new QLineEdit(QString::fromStdString(initial.header.inspector), this);
    _inspector->setObjectName(QStringLiteral("reportInspector"));
    _organisation = new QLineEdit(QString::fromStdString(initial.header.organisation), this);
    _organisation->setObjectName(QStringLiteral("reportOrganisation"));
    // Editable: any EPSG code, WKT or PROJ string; the first entry (empty) is the default.
    _crs = new QComboBox(this);
    _crs->setObjectName(QStringLiteral("reportCrs"));
    _crs->setEditable(true);
    _crs->addItem(tr("Gauss-Krüger zone of the case's centre (default)"), QString());
    _crs->addItem(tr("CGCS2000 / GK CM 120E (EPSG:4549)"), QStringLiteral("EPSG:4549"));
    _crs->addItem(tr("CGCS2000 / GK CM 123E (EPSG:4550)"), QStringLiteral("EPSG:4550"));
    const int known = _crs->findData(initial.crs);
    if (known >= 0)
        _crs->setCurrentIndex(known);
    else
        _crs->setEditText(initial.crs);
    _paper = new QComboBox(this);
    _paper->setObjectName(QStringLiteral("reportPaper"));
    _paper->addItem(QStringLiteral("A4"));
    _paper->addItem(QStringLiteral("A3"));
    _paper->setCurrentIndex(initial.paper == Paper::A3 ? 1 : 0);
    // Top-down (north up, to scale) or the oblique 3D view of the case.
    _view = new QComboBox(this);
    _view->setObjectName(QStringLiteral("reportView"));
    _view->addItem(tr("Top-down (north up, to scale)"), QStringLiteral("top-down"));
    _view->addItem(tr("Oblique 3D view"), QStringLiteral("oblique"));
    _view->addItem(tr("Both: top-down, then oblique"), QStringLiteral("both"));
    _view->setCurrentIndex(
        std::max(0, _view->findData(QString::fromLatin1(assets::mapViewName(initial.view)))));
    form->addRow(tr("Case number:"), _caseNumber);
    form->addRow(tr("Inspector:"), _inspector);
    form->addRow(tr("Organisation:"), _organisation);
    form->addRow(tr("Coordinate system:"), _crs);
    form->addRow(tr("Paper:"), _paper);
    form->addRow(tr("Map view:"), _view);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

ReportSettings ReportHeaderDialog::settings() const {
    ReportSettings s;
    s.header.caseNumber = _caseNumber->text().trimmed().toStdString();
    s.header.inspector = _inspector->text().trimmed().toStdString();
    s.header.organisation = _organisation->text().trimmed().toStdString();
    // A chosen entry gives its code; typed text is the definition itself.
    const int index = _crs->findText(_crs->currentText());
    s.crs = index >= 0 ? _crs->itemData(index).toString() : _crs->currentText().trimmed();
    s.paper = _paper->currentIndex() == 1 ? Paper::A3 : Paper::A4;
    s.view = assets::parseMapView(_view->currentData().toString().toStdString())
                 .value_or(assets::MapView::TopDown);
    return s;
}

}  // namespace citytwin::app
