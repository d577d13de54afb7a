#pragma once
// File → Open of a CSV: which columns hold the coordinates (detected from
// their names: lon/lat, longitude/latitude, x/y, 经度/纬度 ...) and the CRS
// they are in, which is always asked: a CSV declares no datum, and the
// same numbers are 500 m apart in WGS 84 and GCJ-02 in Shanghai.

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;

namespace citytwin::app {

struct CsvPointsChoice {
    QString xColumn;
    QString yColumn;
    QString crs;  ///< as geo::Crs::fromString takes it
};

class CsvPointsDialog : public QDialog {
    Q_OBJECT
public:
    explicit CsvPointsDialog(const QString& csvPath, QWidget* parent = nullptr);

    /// False if the file has no header to choose from (error() says why).
    bool isUsable() const { return _error.isEmpty(); }
    QString error() const { return _error; }
    /// The choice, or nullopt with a message box if a field is missing.
    std::optional<CsvPointsChoice> choice();

private:
    QString _error;
    QComboBox* _x = nullptr;
    QComboBox* _y = nullptr;
    QComboBox* _crs = nullptr;
    QLabel* _detected = nullptr;
};

}  // namespace citytwin::app
