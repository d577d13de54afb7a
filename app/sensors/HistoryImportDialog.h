#pragma once
// HistoryImportDialog: File -> Import sensor history…: the file to import
// and how to read it (JSON Lines or CSV as they are, or a wide CSV through
// one of the shipped mappings, data/mappings/*.json, or another mapping
// file). install() adds the menu entry; it imports into the store the
// sensor view plays back (HistoryImport::run: progress, Cancel, counts).

#include <QDialog>

#include <functional>

#include "sensors/HistoryImport.h"

class QAction;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;

namespace citytwin::app {

class HistoryImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit HistoryImportDialog(QWidget* parent = nullptr);

    QString file() const;
    /// The mapping file chosen; empty: the file is read as it is.
    QString mappingPath() const;
    QLineEdit* fileEdit() const { return _file; }
    QComboBox* mappingBox() const { return _mapping; }

    /// Adds "Import sensor history…" to menu before `before`; target names
    /// the store to import into (an empty path: the sensors are not
    /// running); imported is called once an import ends, cancelled too
    /// (what it committed stays), so that the window shows the new data.
    static QAction* install(QMenu& menu, QAction* before, QWidget* window,
                            std::function<HistoryImportTarget()> target,
                            std::function<void()> imported);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void browseFile();
    void mappingChosen(int index);

    QLabel* _fileLabel = nullptr;
    QLabel* _mappingLabel = nullptr;
    QLineEdit* _file = nullptr;
    QPushButton* _browse = nullptr;
    QComboBox* _mapping = nullptr;
    QDialogButtonBox* _buttons = nullptr;
};

}  // namespace citytwin::app
