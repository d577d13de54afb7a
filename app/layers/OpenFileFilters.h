#pragma once
// File → Open's filters: every format the program reads, grouped as QGIS's
// data source manager groups them, "All supported" first.

#include <QString>
#include <QStringList>

namespace citytwin::app {

struct FileFilterGroup {
    QString label;         ///< translated, e.g. "Vector data"
    QStringList patterns;  ///< e.g. "*.gpkg", "tileset.json"
};

/// Vector; 3D models and tilesets; rasters; sensor positions.
std::vector<FileFilterGroup> openFileGroups();

/// The groups as a QFileDialog filter string: "All supported (...)" first,
/// each group, then "All files (*)".
QString openFileFilter();

/// Whether `path` is a CSV file (opened through the point columns dialog).
bool isCsvPath(const QString& path);

}  // namespace citytwin::app
