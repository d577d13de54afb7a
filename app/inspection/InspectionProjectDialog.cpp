#include "inspection/InspectionProjectDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::app {
namespace {
QWidget* withBrowse(QLineEdit* edit, QWidget* parent, const QString& filter) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QPushButton(QObject::tr("…"), row);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, parent, filter] {
        const QString path = QFileDialog::getOpenFileName(parent, QString(), edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}
}  // namespace

InspectionProjectDialog::InspectionProjectDialog(const QString& project, const QString& rules,
                                                 QWidget* parent)
    : QDialog(parent) {
    setObjectName("inspectionProjectDialog");
    setWindowTitle(tr("Inspection project"));
    _project = new QLineEdit(project, this);
    _project->setObjectName("inspectionProjectPath");
    _project->setToolTip(
        tr("A project GeoPackage, or a PostGIS project database: "
           "PG:host=… dbname=… user=… or postgresql://user@host/db"));
    _rules = new QLineEdit(rules, this);
    _rules->setObjectName("inspectionRulesPath");
    _rules->setPlaceholderText(tr("the shipped Shanghai rules (shanghai-2023)"));
    auto* form = new QFormLayout;
    form->addRow(tr("Asset project"),
                 withBrowse(_project, this,
                            tr("GeoPackage (*.gpkg);;Vector data (*.gpkg *.sqlite *.shp "
                               "*.geojson);;All files (*)")));
    form->addRow(tr("Rules file"), withBrowse(_rules, this, tr("Rules (*.json);;All files (*)")));
    setMinimumWidth(520);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &InspectionProjectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString InspectionProjectDialog::projectPath() const {
    return _project->text().trimmed();
}

QString InspectionProjectDialog::rulesPath() const {
    return _rules->text().trimmed();
}

void InspectionProjectDialog::accept() {
    // A PostGIS project is checked when it is opened (on a worker: it may take a connect timeout).
    if (!geo::isPostgresLocation(projectPath().toStdString()) &&
        !QFileInfo::exists(projectPath())) {
        QMessageBox::warning(this, windowTitle(), tr("%1: no such file").arg(projectPath()));
        return;
    }
    if (!rulesPath().isEmpty() && !QFileInfo::exists(rulesPath())) {
        QMessageBox::warning(this, windowTitle(), tr("%1: no such file").arg(rulesPath()));
        return;
    }
    QDialog::accept();
}

}  // namespace citytwin::app
