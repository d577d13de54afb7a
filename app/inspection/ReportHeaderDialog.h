#pragma once
// Asks for the report's header (case number, inspector, organisation), its
// coordinate system, paper and map view (top-down or oblique) before an export; starts from, and on
// OK remembers, ReportSettings.

#include <QDialog>

#include "inspection/ReportSettings.h"

class QComboBox;
class QLineEdit;

namespace citytwin::app {

class ReportHeaderDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportHeaderDialog(const ReportSettings& initial, QWidget* parent = nullptr);
    ReportSettings settings() const;

private:
    QLineEdit* _caseNumber = nullptr;
    QLineEdit* _inspector = nullptr;
    QLineEdit* _organisation = nullptr;
    QComboBox* _crs = nullptr;
    QComboBox* _paper = nullptr;
    QComboBox* _view = nullptr;
};

}  // namespace citytwin::app
