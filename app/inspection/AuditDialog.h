#pragma once
// Asks the date an audit is run at (default today).

#include <QDialog>

class QDateEdit;

namespace citytwin::app {

class AuditDialog : public QDialog {
    Q_OBJECT
public:
    explicit AuditDialog(const QDate& initial, QWidget* parent = nullptr);
    QDate date() const;

private:
    QDateEdit* _date = nullptr;
};

}  // namespace citytwin::app
