#include "layers/CsvPointsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/VectorReader.h"
#include "layers/CrsChoice.h"

namespace citytwin::app {

CsvPointsDialog::CsvPointsDialog(const QString& csvPath, QWidget* parent) : QDialog(parent) {
    setObjectName("csvPointsDialog");
    setWindowTitle(tr("Open CSV points"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("File:"), new QLabel(QFileInfo(csvPath).fileName(), this));

    // The header only: small and quick, read here on the GUI thread.
    auto columns = geo::detectCsvColumns(csvPath.toStdString());
    if (!columns) {
        _error = QString::fromStdString(columns.messages());
        return;
    }
    _x = new QComboBox(this);
    _x->setObjectName("csvXColumn");
    _y = new QComboBox(this);
    _y->setObjectName("csvYColumn");
    for (const auto& name : columns->names) {
        _x->addItem(QString::fromStdString(name));
        _y->addItem(QString::fromStdString(name));
    }
    _x->setCurrentIndex(columns->x);
    _y->setCurrentIndex(columns->y);
    _detected = new QLabel(this);
    _detected->setObjectName("csvDetected");
    _detected->setWordWrap(true);
    _detected->setText(columns->x >= 0 && columns->y >= 0
                           ? tr("Coordinate columns found by their names; check them.")
                           : tr("No coordinate columns found by name: choose them."));
    form->addRow(_detected);
    form->addRow(tr("X (longitude, easting):"), _x);
    form->addRow(tr("Y (latitude, northing):"), _y);

    _crs = makeCrsComboBox(tr("Choose the CRS of the coordinates…"), this);
    _crs->setObjectName("csvCrs");
    form->addRow(tr("CRS:"), _crs);
    auto* note = new QLabel(
        tr("A CSV does not say which datum its coordinates use; GPS gives WGS 84, AMap and "
           "Tencent GCJ-02, Baidu BD-09."),
        this);
    note->setWordWrap(true);
    form->addRow(note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

std::optional<CsvPointsChoice> CsvPointsDialog::choice() {
    if (!_x)
        return std::nullopt;
    CsvPointsChoice c{_x->currentText(), _y->currentText(), chosenCrsText(*_crs)};
    if (c.xColumn.isEmpty() || c.yColumn.isEmpty() || c.xColumn == c.yColumn) {
        QMessageBox::warning(this, windowTitle(), tr("Choose two different coordinate columns."));
        return std::nullopt;
    }
    if (c.crs.isEmpty()) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Choose the CRS the coordinates are in; it is never guessed."));
        return std::nullopt;
    }
    if (auto crs = geo::Crs::fromString(c.crs.toStdString()); !crs) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(crs.messages()));
        return std::nullopt;
    }
    return c;
}

}  // namespace citytwin::app
