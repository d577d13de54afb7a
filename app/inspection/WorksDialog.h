#pragma once
// Asks what a drawn works area is: its kind (the rules' works kinds) and
// its start and end dates.

#include <QDialog>

#include <optional>

#include "citytwin/assets/AssetEnums.h"
#include "citytwin/assets/IsoDate.h"

class QComboBox;
class QDateEdit;
class QLabel;

namespace citytwin::app {

struct WorksParameters {
    assets::WorksKind kind = assets::WorksKind::Excavation;
    assets::IsoDate start;
    assets::IsoDate end;
};

class WorksDialog : public QDialog {
    Q_OBJECT
public:
    WorksDialog(const WorksParameters& initial, QWidget* parent = nullptr);

    WorksParameters parameters() const;
    /// Refuses an end before the start, saying so.
    void accept() override;

private:
    QComboBox* _kind = nullptr;
    QDateEdit* _start = nullptr;
    QDateEdit* _end = nullptr;
    QLabel* _error = nullptr;
};

/// QDate <-> IsoDate (days since 1970-01-01).
QDate toQDate(assets::IsoDate date);
assets::IsoDate toIsoDate(const QDate& date);

}  // namespace citytwin::app
