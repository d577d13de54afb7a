#pragma once
// The source-CRS chooser of the import dialog and the CSV points dialog:
// the CRSs of Shanghai's data (WGS 84, CGCS2000 and its Gauss-Krüger zones,
// Web Mercator, GCJ-02, BD-09), or any EPSG code, WKT or PROJ string typed.

#include <QString>

class QComboBox;
class QWidget;

namespace citytwin::app {

/// An editable combo box whose first entry (data: empty) is `firstEntry`
/// ("As declared by the file", "Choose…"), then the choices.
QComboBox* makeCrsComboBox(const QString& firstEntry, QWidget* parent);

/// The CRS picked or typed; empty for the first entry.
QString chosenCrsText(const QComboBox& combo);

}  // namespace citytwin::app
