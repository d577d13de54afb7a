#include "inspection/AuditDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>

namespace citytwin::app {

AuditDialog::AuditDialog(const QDate& initial, QWidget* parent) : QDialog(parent) {
    setObjectName("auditDialog");
    setWindowTitle(tr("Audit"));
    _date = new QDateEdit(initial, this);
    _date->setObjectName("auditDate");
    _date->setCalendarPopup(true);
    _date->setDisplayFormat("yyyy-MM-dd");
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run audit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Audit date"), _date);
    form->addRow(buttons);
}

QDate AuditDialog::date() const {
    return _date->date();
}

}  // namespace citytwin::app
