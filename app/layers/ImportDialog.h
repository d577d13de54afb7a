#pragma once
// File → Import into project: shows the CRS the source declares, lets the
// user override it (EPSG codes, CGCS2000 Gauss-Krüger zones, GCJ-02, BD-09
// or any definition PROJ takes), and chooses the project, layer name,
// encoding and what to do with invalid geometries.

#include <QDialog>

#include <optional>

#include "citytwin/geo/VectorImport.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace citytwin::app {

struct ImportRequest {
    QString sourcePath;
    QString projectPath;
    geo::ImportOptions options;  ///< without callbacks
};

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(const QString& sourcePath, const QString& projectPath, QWidget* parent = nullptr);

    /// The request, or nullopt with a message box if a field is invalid.
    std::optional<ImportRequest> request();

private:
    void detectCrs();
    QString _source;
    QLabel* _detected = nullptr;
    QComboBox* _crs = nullptr;
    QLineEdit* _project = nullptr;
    QLineEdit* _layer = nullptr;
    QComboBox* _encoding = nullptr;
    QComboBox* _invalid = nullptr;
    QComboBox* _existing = nullptr;
};

}  // namespace citytwin::app
