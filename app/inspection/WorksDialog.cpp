#include "inspection/WorksDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace citytwin::app {

QDate toQDate(assets::IsoDate date) {
    return QDate(1970, 1, 1).addDays(date.days);
}

assets::IsoDate toIsoDate(const QDate& date) {
    return assets::IsoDate{long(QDate(1970, 1, 1).daysTo(date))};
}

WorksDialog::WorksDialog(const WorksParameters& initial, QWidget* parent) : QDialog(parent) {
    setObjectName("worksDialog");
    setWindowTitle(tr("Works area"));
    _kind = new QComboBox(this);
    _kind->setObjectName("worksKind");
    for (const auto name : assets::worksKindNames()) {
        const QString text = QString::fromUtf8(name.data(), qsizetype(name.size()));
        _kind->addItem(text, text);
    }
    const auto kindName = assets::toString(initial.kind);
    _kind->setCurrentIndex(
        _kind->findData(QString::fromUtf8(kindName.data(), qsizetype(kindName.size()))));
    _start = new QDateEdit(toQDate(initial.start), this);
    _start->setObjectName("worksStart");
    _start->setCalendarPopup(true);
    _start->setDisplayFormat("yyyy-MM-dd");
    _end = new QDateEdit(toQDate(initial.end), this);
    _end->setObjectName("worksEnd");
    _end->setCalendarPopup(true);
    _end->setDisplayFormat("yyyy-MM-dd");
    _error = new QLabel(this);
    _error->setStyleSheet("color: #b00020");

    auto* form = new QFormLayout;
    form->addRow(tr("Kind of works"), _kind);
    form->addRow(tr("Start"), _start);
    form->addRow(tr("End"), _end);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Check"));
    connect(buttons, &QDialogButtonBox::accepted, this, &WorksDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &WorksDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(_error);
    layout->addWidget(buttons);
}

WorksParameters WorksDialog::parameters() const {
    WorksParameters p;
    p.kind = assets::parseWorksKind(_kind->currentData().toString().toStdString())
                 .value_or(assets::WorksKind::Other);
    p.start = toIsoDate(_start->date());
    p.end = toIsoDate(_end->date());
    return p;
}

void WorksDialog::accept() {
    if (_end->date() < _start->date()) {
        _error->setText(tr("The works end before they start."));
        return;
    }
    QDialog::accept();
}

}  // namespace citytwin::app
