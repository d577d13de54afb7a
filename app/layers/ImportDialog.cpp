#include "layers/ImportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include "citytwin/geo/VectorReader.h"
#include "layers/CrsChoice.h"

namespace citytwin::app {

ImportDialog::ImportDialog(const QString& sourcePath, const QString& projectPath, QWidget* parent)
    : QDialog(parent), _source(sourcePath) {
    setObjectName("importDialog");
    setWindowTitle(tr("Import into project"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Source:"), new QLabel(QFileInfo(sourcePath).fileName(), this));
    _detected = new QLabel(tr("detecting…"), this);
    _detected->setObjectName("detectedCrs");
    _detected->setWordWrap(true);
    form->addRow(tr("Declared CRS:"), _detected);

    _crs = makeCrsComboBox(tr("As declared by the file"), this);
    _crs->setObjectName("crsOverride");
    form->addRow(tr("Source CRS:"), _crs);

    auto* projectRow = new QHBoxLayout;
    _project = new QLineEdit(projectPath, this);
    _project->setObjectName("projectPath");
    _project->setToolTip(
        tr("A project GeoPackage (created if missing), or a PostGIS database "
           "shared with other workstations: PG:host=… dbname=… user=… or "
           "postgresql://user@host/db"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Project GeoPackage"),
                                                       _project->text(), tr("GeoPackage (*.gpkg)"),
                                                       nullptr, QFileDialog::DontConfirmOverwrite);
        if (!p.isEmpty())
            _project->setText(p);
    });
    projectRow->addWidget(_project);
    projectRow->addWidget(browse);
    form->addRow(tr("Project:"), projectRow);

    _layer = new QLineEdit(QFileInfo(sourcePath).completeBaseName(), this);
    _layer->setObjectName("layerName");
    form->addRow(tr("Layer name:"), _layer);

    _encoding = new QComboBox(this);
    _encoding->addItem(tr("Automatic (.cpg or UTF-8)"), QString());
    _encoding->addItem("UTF-8", "UTF-8");
    _encoding->addItem(tr("GBK (Chinese Windows)"), "GBK");
    form->addRow(tr("Text encoding:"), _encoding);

    _invalid = new QComboBox(this);
    _invalid->addItem(tr("Repair (MakeValid)"), int(geo::InvalidGeometryPolicy::Repair));
    _invalid->addItem(tr("Skip the feature"), int(geo::InvalidGeometryPolicy::Skip));
    _invalid->addItem(tr("Fail the import"), int(geo::InvalidGeometryPolicy::Fail));
    form->addRow(tr("Invalid geometries:"), _invalid);

    _existing = new QComboBox(this);
    _existing->addItem(tr("Refuse"), int(geo::ExistingLayerPolicy::Refuse));
    _existing->addItem(tr("Replace it"), int(geo::ExistingLayerPolicy::Overwrite));
    _existing->addItem(tr("Append to it"), int(geo::ExistingLayerPolicy::Append));
    form->addRow(tr("If the layer exists:"), _existing);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    detectCrs();
}

void ImportDialog::detectCrs() {
    // Reading may take a while for big files: off the GUI thread.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        _detected->setText(watcher->result());
        watcher->deleteLater();
    });
    const std::string path = _source.toStdString();
    watcher->setFuture(QtConcurrent::run([path]() -> QString {
        auto r = geo::readVectorFile(path);
        if (!r) {
            for (const auto& d : r.diagnostics())
                if (d.field == "crs")
                    return QObject::tr("none — choose the source CRS below");
            return QString::fromStdString(r.messages());
        }
        QStringList labels;
        for (const auto& l : r.value())
            labels << QString::fromStdString(l.sourceCrs.label());
        labels.removeDuplicates();
        return labels.join(", ");
    }));
}

std::optional<ImportRequest> ImportDialog::request() {
    ImportRequest req;
    req.sourcePath = _source;
    req.projectPath = _project->text().trimmed();
    req.options.layerName = _layer->text().trimmed().toStdString();
    req.options.encoding = _encoding->currentData().toString().toStdString();
    req.options.invalid = geo::InvalidGeometryPolicy(_invalid->currentData().toInt());
    req.options.existing = geo::ExistingLayerPolicy(_existing->currentData().toInt());
    const QString crsText = chosenCrsText(*_crs);
    if (!crsText.isEmpty()) {
        auto crs = geo::Crs::fromString(crsText.toStdString());
        if (!crs) {
            QMessageBox::warning(this, tr("Source CRS"), QString::fromStdString(crs.messages()));
            return std::nullopt;
        }
        req.options.maybeSourceCrs = crs.value();
    }
    if (req.projectPath.isEmpty() || req.options.layerName.empty()) {
        QMessageBox::warning(this, tr("Import"), tr("Give a project file and a layer name."));
        return std::nullopt;
    }
    return req;
}

}  // namespace citytwin::app
