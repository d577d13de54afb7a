#include "sensors/HistoryImportDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include "sensors/HistoryImport.h"
#include "shell/DataPaths.h"

namespace citytwin::app {

namespace {
/// Item data of the "other mapping file" entry.
const QString kOther = QStringLiteral(
    "\x1f"
    "other");
}  // namespace

HistoryImportDialog::HistoryImportDialog(QWidget* parent) : QDialog(parent) {
    setObjectName("historyImportDialog");
    auto* grid = new QGridLayout(this);
    _fileLabel = new QLabel(this);
    _file = new QLineEdit(this);
    _file->setObjectName("historyImportFile");
    _browse = new QPushButton(this);
    _mappingLabel = new QLabel(this);
    _mapping = new QComboBox(this);
    _mapping->setObjectName("historyImportMapping");
    _mapping->addItem(QString(), QString());
    // The shipped mappings (the real PM2.5 file's, and any added beside it).
    const QString dir = findDataPath(QStringLiteral("mappings"));
    if (!dir.isEmpty())
        for (const QFileInfo& f : QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files))
            _mapping->addItem(f.completeBaseName(), f.absoluteFilePath());
    _mapping->addItem(QString(), kOther);
    _buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    grid->addWidget(_fileLabel, 0, 0);
    grid->addWidget(_file, 0, 1);
    grid->addWidget(_browse, 0, 2);
    grid->addWidget(_mappingLabel, 1, 0);
    grid->addWidget(_mapping, 1, 1, 1, 2);
    grid->addWidget(_buttons, 2, 0, 1, 3);
    connect(_browse, &QPushButton::clicked, this, &HistoryImportDialog::browseFile);
    connect(_mapping, &QComboBox::activated, this, &HistoryImportDialog::mappingChosen);
    connect(_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(_file, &QLineEdit::textChanged, this, [this](const QString& t) {
        _buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
    });
    _buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    resize(560, sizeHint().height());
    retranslate();
}

QString HistoryImportDialog::file() const {
    return _file->text().trimmed();
}

QString HistoryImportDialog::mappingPath() const {
    const QString data = _mapping->currentData().toString();
    return data == kOther ? QString() : data;
}

void HistoryImportDialog::browseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Sensor history file"), _file->text(),
        tr("Sensor history (*.csv *.jsonl *.ndjson *.json);;All files (*)"));
    if (!path.isEmpty())
        _file->setText(path);
}

void HistoryImportDialog::mappingChosen(int index) {
    if (_mapping->itemData(index).toString() != kOther)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("CSV mapping"), QString(),
                                                      tr("CSV mappings (*.json)"));
    if (path.isEmpty()) {
        _mapping->setCurrentIndex(0);
        return;
    }
    _mapping->insertItem(index, QFileInfo(path).completeBaseName(), path);
    _mapping->setCurrentIndex(index);
}

void HistoryImportDialog::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

void HistoryImportDialog::retranslate() {
    setWindowTitle(tr("Import sensor history"));
    _fileLabel->setText(tr("File:"));
    _browse->setText(tr("Browse…"));
    _mappingLabel->setText(tr("Columns:"));
    _mapping->setItemText(0, tr("As they are (JSON Lines, or CSV with sensor and ts columns)"));
    _mapping->setItemText(_mapping->count() - 1, tr("Other mapping file…"));
    _mapping->setToolTip(
        tr("A wide CSV (split date columns, one column per sensor and metric) needs a "
           "mapping; see docs/sensors.md"));
    _buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
}

QAction* HistoryImportDialog::install(QMenu& menu, QAction* before, QWidget* window,
                                      std::function<HistoryImportTarget()> target,
                                      std::function<void()> imported) {
    auto* action = new QAction(&menu);
    action->setObjectName("importSensorHistoryAction");
    auto texts = [action] {
        action->setText(tr("Import sensor &history…"));
        action->setStatusTip(
            tr("Import recorded sensor readings (CSV, JSON Lines) into the "
               "sensor store, with progress and Cancel"));
    };
    texts();
    // Retranslated with the menu (LanguageChange reaches the menu).
    struct Retranslator : QObject {
        std::function<void()> fn;
        bool eventFilter(QObject* o, QEvent* e) override {
            if (e->type() == QEvent::LanguageChange)
                fn();
            return QObject::eventFilter(o, e);
        }
    };
    auto* r = new Retranslator;
    r->setParent(action);
    r->fn = texts;
    menu.installEventFilter(r);
    menu.insertAction(before, action);
    QObject::connect(action, &QAction::triggered, window, [window, target, imported] {
        const HistoryImportTarget into = target();
        if (into.storePath.isEmpty()) {
            QMessageBox::information(window, tr("Import sensor history"),
                                     tr("The sensors are not running: there is no sensor "
                                        "store to import into."));
            return;
        }
        HistoryImportDialog dialog(window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (auto* import = HistoryImport::run(window, into, dialog.file(), dialog.mappingPath()))
            QObject::connect(import, &HistoryImport::finished, window,
                             [imported](const HistoryImportResult&) { imported(); });
    });
    return action;
}

}  // namespace citytwin::app
