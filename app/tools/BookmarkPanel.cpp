#include "tools/BookmarkPanel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <fstream>

#include "citytwin/geo/ProjectStore.h"
#include "kiosk/TourFile.h"
#include "tools/BookmarkTour.h"

namespace citytwin::app {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

BookmarkPanel::BookmarkPanel(Capture capture, Apply apply, QWidget* parent)
    : QWidget(parent), _capture(std::move(capture)), _apply(std::move(apply)) {
    setObjectName("bookmarkPanel");
    auto* layout = new QVBoxLayout(this);
    _projectLabel = new QLabel(this);
    _projectLabel->setObjectName("bookmarkProject");
    _projectLabel->setWordWrap(true);
    layout->addWidget(_projectLabel);
    auto* addRow = new QHBoxLayout;
    _name = new QLineEdit(this);
    _name->setObjectName("bookmarkName");
    _add = new QPushButton(this);
    _add->setObjectName("addBookmark");
    addRow->addWidget(_name, 1);
    addRow->addWidget(_add);
    layout->addLayout(addRow);
    _list = new QListWidget(this);
    _list->setObjectName("bookmarkList");
    _list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    _list->installEventFilter(this);
    layout->addWidget(_list, 1);
    auto* buttons = new QHBoxLayout;
    for (QPushButton** b : {&_fly, &_rename, &_remove}) {
        *b = new QPushButton(this);
        buttons->addWidget(*b);
    }
    layout->addLayout(buttons);
    auto* files = new QHBoxLayout;
    for (QPushButton** b : {&_export, &_import, &_chooseProject}) {
        *b = new QPushButton(this);
        files->addWidget(*b);
    }
    layout->addLayout(files);
    _fly->setObjectName("flyToBookmark");
    _rename->setObjectName("renameBookmark");
    _remove->setObjectName("deleteBookmark");
    _export->setObjectName("exportBookmarks");
    _import->setObjectName("importBookmarks");
    _chooseProject->setObjectName("bookmarkProjectButton");

    auto addTyped = [this] {
        if (addCurrent(_name->text().trimmed()))
            _name->clear();
    };
    connect(_add, &QPushButton::clicked, this, addTyped);
    connect(_name, &QLineEdit::returnPressed, this, addTyped);
    connect(_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { flyTo(item->data(kIdRole).toLongLong()); });
    connect(_list, &QListWidget::itemChanged, this, &BookmarkPanel::onItemChanged);
    connect(_fly, &QPushButton::clicked, this, [this] {
        if (auto id = currentId())
            flyTo(*id);
    });
    connect(_rename, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = _list->currentItem())
            _list->editItem(item);
    });
    connect(_remove, &QPushButton::clicked, this, [this] {
        if (auto id = currentId())
            removeBookmark(*id);
    });
    connect(_export, &QPushButton::clicked, this, &BookmarkPanel::exportDialog);
    connect(_import, &QPushButton::clicked, this, &BookmarkPanel::importDialog);
    connect(_chooseProject, &QPushButton::clicked, this, &BookmarkPanel::chooseProjectDialog);
    retranslate();
}

void BookmarkPanel::retranslate() {
    _name->setPlaceholderText(tr("Name of the view (Chinese or English)"));
    _add->setText(tr("&Add view"));
    _add->setToolTip(tr("Save the camera, the visible layers and the clock time"));
    _fly->setText(tr("&Fly to"));
    _rename->setText(tr("Re&name"));
    _remove->setText(tr("De&lete"));
    _export->setText(tr("E&xport…"));
    _export->setToolTip(tr("Write the bookmarks as a kiosk tour file (JSON)"));
    _import->setText(tr("&Import…"));
    _import->setToolTip(tr("Add the stops of a kiosk tour file (JSON) as bookmarks"));
    _chooseProject->setText(tr("&Project…"));
    _projectLabel->setText(_project.isEmpty() ? tr("No project for bookmarks")
                                              : tr("Kept in %1").arg(_project));
}

void BookmarkPanel::setProject(const QString& path) {
    _project = path;
    retranslate();
    reload();
}

bool BookmarkPanel::ensureProject() {
    // Created with the first bookmark (an empty project GeoPackage), not
    // by merely starting the window.
    auto store = geo::ProjectStore::openOrCreate(_project.toStdString());
    if (!store)
        emit problem(tr("Bookmarks: %1").arg(qs(store.messages())));
    return store.ok();
}

void BookmarkPanel::reload() {
    _bookmarks.clear();
    if (!_project.isEmpty() && QFileInfo::exists(_project)) {
        auto listed = geo::ProjectBookmarks(_project.toStdString()).list();
        if (listed)
            _bookmarks = std::move(listed).value();
        if (!listed.diagnostics().empty())
            emit problem(tr("Bookmarks: %1").arg(qs(listed.messages())));
    }
    _filling = true;
    _list->clear();
    for (const auto& b : _bookmarks) {
        auto* item = new QListWidgetItem(qs(b.name), _list);
        item->setData(kIdRole, qlonglong(b.id));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(QStringLiteral("%1° E, %2° N, %3 m, %4°, %5°")
                             .arg(b.lon, 0, 'f', 5)
                             .arg(b.lat, 0, 'f', 5)
                             .arg(b.height, 0, 'f', 0)
                             .arg(b.heading, 0, 'f', 1)
                             .arg(b.pitch, 0, 'f', 1));
    }
    _filling = false;
}

std::optional<std::int64_t> BookmarkPanel::addCurrent(const QString& name) {
    if (name.isEmpty()) {
        emit problem(tr("Give the view a name first"));
        _name->setFocus();
        return std::nullopt;
    }
    if (_project.isEmpty()) {
        emit problem(tr("No project to keep bookmarks in"));
        return std::nullopt;
    }
    auto maybe = _capture();
    if (!maybe) {
        emit problem(tr("Nothing is loaded yet: no view to save"));
        return std::nullopt;
    }
    maybe->name = name.toStdString();
    if (!ensureProject())
        return std::nullopt;
    auto added = geo::ProjectBookmarks(_project.toStdString()).add(*maybe);
    if (!added) {
        emit problem(tr("Cannot save the bookmark: %1").arg(qs(added.messages())));
        return std::nullopt;
    }
    reload();
    for (int i = 0; i < _list->count(); ++i)
        if (_list->item(i)->data(kIdRole).toLongLong() == *added)
            _list->setCurrentRow(i);
    return *added;
}

bool BookmarkPanel::flyTo(std::int64_t id) {
    for (const auto& b : _bookmarks)
        if (b.id == id) {
            _apply(b);
            emit flewTo(qs(b.name));
            return true;
        }
    return false;
}

bool BookmarkPanel::renameBookmark(std::int64_t id, const QString& name) {
    const auto done =
        geo::ProjectBookmarks(_project.toStdString()).rename(id, name.trimmed().toStdString());
    if (!done)
        emit problem(tr("Cannot rename the bookmark: %1").arg(qs(done.messages())));
    reload();
    return done.ok();
}

bool BookmarkPanel::removeBookmark(std::int64_t id) {
    const auto done = geo::ProjectBookmarks(_project.toStdString()).remove(id);
    if (!done)
        emit problem(tr("Cannot delete the bookmark: %1").arg(qs(done.messages())));
    reload();
    return done.ok();
}

bool BookmarkPanel::exportTo(const QString& path, QString* error) {
    const std::string title = QFileInfo(_project).completeBaseName().toStdString();
    const std::string text =
        kiosk::writeTour(tourFromBookmarks(_bookmarks, title.empty() ? "citytwin" : title));
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        if (error)
            *error = tr("%1: cannot write").arg(path);
        return false;
    }
    return true;
}

int BookmarkPanel::importFrom(const QString& path, QString* error) {
    const auto tour = kiosk::readTourFile(path.toStdString());
    if (!tour) {
        if (error)
            *error = qs(tour.messages());
        return -1;
    }
    if (!ensureProject()) {
        if (error)
            *error = tr("No project to keep bookmarks in");
        return -1;
    }
    const bool chinese = QLocale().language() == QLocale::Chinese;
    const geo::ProjectBookmarks store(_project.toStdString());
    int added = 0;
    for (const auto& stop : tour->stops) {
        auto r = store.add(bookmarkFromStop(stop, chinese));
        if (!r) {
            if (error)
                *error = qs(r.messages());
            reload();
            return -1;
        }
        ++added;
    }
    reload();
    return added;
}

void BookmarkPanel::exportDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export bookmarks"), QString(),
                                                      tr("Kiosk tour (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        emit problem(error);
}

void BookmarkPanel::importDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import bookmarks"), QString(),
                                                      tr("Kiosk tour (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (importFrom(path, &error) < 0)
        emit problem(tr("Cannot import %1: %2").arg(path, error));
}

void BookmarkPanel::chooseProjectDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Project for bookmarks"), _project,
                                                      tr("GeoPackage (*.gpkg)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        setProject(path);
}

std::optional<std::int64_t> BookmarkPanel::currentId() const {
    if (QListWidgetItem* item = _list->currentItem())
        return item->data(kIdRole).toLongLong();
    return std::nullopt;
}

void BookmarkPanel::onItemChanged(QListWidgetItem* item) {
    if (_filling)
        return;
    const std::int64_t id = item->data(kIdRole).toLongLong();
    for (const auto& b : _bookmarks)
        if (b.id == id && qs(b.name) != item->text()) {
            // reload() from the rename rebuilds the items: not from inside their signal.
            const QString name = item->text();
            QMetaObject::invokeMethod(
                this, [this, id, name] { renameBookmark(id, name); }, Qt::QueuedConnection);
        }
}

bool BookmarkPanel::eventFilter(QObject* watched, QEvent* event) {
    // While a name is edited the keys go to the editor, not to the list.
    if (watched == _list && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Delete) {
        if (auto id = currentId()) {
            removeBookmark(*id);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace citytwin::app
