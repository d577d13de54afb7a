#pragma once
// "Go to coordinate": the system (WGS 84, CGCS2000, Gauss-Kruger with its
// zone, GCJ-02, BD-09) and the text as typed; the parse result or the error
// shows as one types, OK is enabled only for a coordinate that parses.

#include <QDialog>

#include <optional>

#include "citytwin/geo/CoordinateInput.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace citytwin::app {

class GoToDialog : public QDialog {
    Q_OBJECT
public:
    /// `zoneHint`: the Gauss-Kruger zone offered when none can be read (the view's).
    explicit GoToDialog(int zoneHint, QWidget* parent = nullptr);

    void setText(const QString& text);
    void setSystem(geo::CoordinateSystem system);
    /// 0: from the easting's prefix.
    void setZone(int zone, int width);
    geo::CoordinateRequest request() const;
    /// The parsed coordinate (nullopt while the text does not parse).
    const std::optional<geo::CoordinateTarget>& target() const { return _maybeTarget; }
    QLineEdit* textEdit() const { return _text; }

private:
    void update();

    QComboBox* _system = nullptr;
    QSpinBox* _zone = nullptr;
    QComboBox* _width = nullptr;
    QLineEdit* _text = nullptr;
    QLabel* _result = nullptr;
    QDialogButtonBox* _buttons = nullptr;
    std::optional<geo::CoordinateTarget> _maybeTarget;
};

}  // namespace citytwin::app
