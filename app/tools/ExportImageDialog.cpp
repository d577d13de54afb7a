#include "tools/ExportImageDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace citytwin::app {

ExportImageDialog::ExportImageDialog(QWidget* parent) : QDialog(parent) {
    setObjectName("exportImageDialog");
    setWindowTitle(tr("Export image"));
    auto* form = new QFormLayout(this);
    auto* sizeRow = new QHBoxLayout;
    _width = new QSpinBox(this);
    _height = new QSpinBox(this);
    for (QSpinBox* b : {_width, _height}) {
        b->setRange(64, 8192);
        b->setSuffix(tr(" px"));
        sizeRow->addWidget(b);
    }
    _width->setObjectName("exportWidth");
    _height->setObjectName("exportHeight");
    _width->setValue(3840);
    _height->setValue(2160);
    form->addRow(tr("&Size:"), sizeRow);
    _decorations = new QCheckBox(tr("Scale bar, north arrow, legend and attribution"), this);
    _decorations->setObjectName("exportDecorations");
    _decorations->setChecked(true);
    form->addRow(tr("&Decorations:"), _decorations);
    _title = new QLineEdit(this);
    _title->setObjectName("exportTitle");
    form->addRow(tr("&Title:"), _title);
    auto* pathRow = new QHBoxLayout;
    _path = new QLineEdit(QDir::home().filePath("citytwin-map.png"), this);
    _path->setObjectName("exportPath");
    auto* browse = new QPushButton(tr("&Browse…"), this);
    pathRow->addWidget(_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("&File:"), pathRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Export image"), _path->text(),
                                                       tr("Images (*.png *.jpg)"));
        if (!p.isEmpty())
            _path->setText(p);
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("E&xport"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QSize ExportImageDialog::imageSize() const {
    return {_width->value(), _height->value()};
}

bool ExportImageDialog::decorations() const {
    return _decorations->isChecked();
}

QString ExportImageDialog::title() const {
    return _title->text().trimmed();
}

QString ExportImageDialog::path() const {
    return _path->text().trimmed();
}

}  // namespace citytwin::app
