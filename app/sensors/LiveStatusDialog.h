#pragma once
// The live feed's details (a click on the status bar's LiveStatus): the
// connection, rates and counts, the sensors heard from that the registry
// does not know — with an offer to add the selected one to the registry
// CSV at a position — and the count of rejected payloads.

#include <QDialog>

#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/sensors/StoreWriter.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace citytwin::app {

class LiveStatus;

class LiveStatusDialog : public QDialog {
    Q_OBJECT
public:
    /// defaultPosition: where a sensor added to the registry stands unless
    /// the operator types another (the view's centre, WGS 84 degrees).
    LiveStatusDialog(LiveStatus& status, geo::GeoPoint defaultPosition, QWidget* parent = nullptr);

    QTableWidget* unknownTable() const { return _unknown; }
    QPushButton* addButton() const { return _add; }
    QDoubleSpinBox* longitudeBox() const { return _lon; }
    QDoubleSpinBox* latitudeBox() const { return _lat; }
    /// Refills the labels and the unknown sensors from the status now.
    void refresh();

private:
    void addSelected();

    LiveStatus& _status;
    QLabel* _summary = nullptr;
    QTableWidget* _unknown = nullptr;
    QPushButton* _add = nullptr;
    QComboBox* _kind = nullptr;
    QDoubleSpinBox* _lon = nullptr;
    QDoubleSpinBox* _lat = nullptr;
    QLineEdit* _name = nullptr;
    QLabel* _result = nullptr;
};

/// Appends a sensor to a registry CSV (its header decides the column
/// order); the row is checked with the registry's own parser first. Returns
/// an error message naming the file, or an empty string.
QString appendSensorToRegistry(const QString& registryCsv, const sensors::SensorInfo& sensor);

}  // namespace citytwin::app
