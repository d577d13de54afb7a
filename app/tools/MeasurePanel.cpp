#include "tools/MeasurePanel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace citytwin::app {

MeasurePanel::MeasurePanel(QWidget* parent) : QWidget(parent) {
    _title = new QLabel(this);
    _title->setObjectName("measureTitle");
    _text = new QPlainTextEdit(this);
    _text->setObjectName("measureText");
    _text->setReadOnly(true);
    _text->setLineWrapMode(QPlainTextEdit::NoWrap);
    _copy = new QPushButton(this);
    _copy->setObjectName("measureCopy");
    _clear = new QPushButton(this);
    _clear->setObjectName("measureClear");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(_copy);
    buttons->addWidget(_clear);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(_title);
    layout->addWidget(_text, 1);
    layout->addLayout(buttons);
    connect(_copy, &QPushButton::clicked, this, &MeasurePanel::copy);
    connect(_clear, &QPushButton::clicked, this, &MeasurePanel::clearRequested);
    retranslate();
    clear();
}

void MeasurePanel::showText(const QString& title, const QString& text) {
    _title->setText(title);
    _text->setPlainText(text);
    _copy->setEnabled(!text.isEmpty());
}

void MeasurePanel::clear() {
    showText(tr("No measurement"), QString());
}

QString MeasurePanel::text() const {
    return _text->toPlainText();
}

void MeasurePanel::copy() {
    QApplication::clipboard()->setText(_title->text() + '\n' + text());
}

void MeasurePanel::retranslate() {
    _copy->setText(tr("&Copy"));
    _clear->setText(tr("C&lear"));
}

}  // namespace citytwin::app
