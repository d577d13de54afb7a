#pragma once
// The Bookmarks dock (issue 17 item 2): save the current view (camera,
// visible layers, clock time) under a name, list, rename (F2), delete
// (Delete), fly to (double click, Return), export and import as a kiosk
// tour file (BookmarkTour). The bookmarks are kept in the project's
// `citytwin_bookmarks` table (geo::ProjectBookmarks): the panel reads them
// back whenever its project is set, e.g. at the next start.

#include <QString>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

#include "citytwin/geo/ProjectBookmarks.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace citytwin::app {

class BookmarkPanel : public QWidget {
    Q_OBJECT
public:
    /// The current view as a bookmark (no name yet); nullopt: nothing loaded.
    using Capture = std::function<std::optional<geo::Bookmark>()>;
    /// Flies to a bookmark and restores its layers and clock time.
    using Apply = std::function<void(const geo::Bookmark&)>;

    BookmarkPanel(Capture capture, Apply apply, QWidget* parent = nullptr);

    /// The project GeoPackage the bookmarks are kept in; lists its bookmarks.
    void setProject(const QString& path);
    const QString& project() const { return _project; }
    /// Re-reads the list from the project.
    void reload();

    /// Saves the current view as `name`; its id, or nullopt (problem emitted).
    std::optional<std::int64_t> addCurrent(const QString& name);
    bool flyTo(std::int64_t id);
    bool renameBookmark(std::int64_t id, const QString& name);
    bool removeBookmark(std::int64_t id);
    /// Writes every bookmark as a kiosk tour file.
    bool exportTo(const QString& path, QString* error = nullptr);
    /// Adds the stops of a tour file as bookmarks; how many (-1: error).
    int importFrom(const QString& path, QString* error = nullptr);

    const std::vector<geo::Bookmark>& bookmarks() const { return _bookmarks; }
    QListWidget* list() const { return _list; }
    QLineEdit* nameEdit() const { return _name; }
    void retranslate();

signals:
    /// A failure to show (status line and log).
    void problem(const QString& message);
    /// Flew to the bookmark named so.
    void flewTo(const QString& name);

private:
    void exportDialog();
    void importDialog();
    void chooseProjectDialog();
    std::optional<std::int64_t> currentId() const;
    /// Creates the project if it does not exist yet; false (problem emitted) if it cannot.
    bool ensureProject();
    void onItemChanged(QListWidgetItem* item);
    bool eventFilter(QObject* watched, QEvent* event) override;

    Capture _capture;
    Apply _apply;
    QString _project;
    std::vector<geo::Bookmark> _bookmarks;
    QLabel* _projectLabel = nullptr;
    QLineEdit* _name = nullptr;
    QPushButton* _add = nullptr;
    QListWidget* _list = nullptr;
    QPushButton* _fly = nullptr;
    QPushButton* _rename = nullptr;
    QPushButton* _remove = nullptr;
    QPushButton* _export = nullptr;
    QPushButton* _import = nullptr;
    QPushButton* _chooseProject = nullptr;
    bool _filling = false;
};

}  // namespace citytwin::app
