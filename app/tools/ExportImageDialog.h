#pragma once
// File > Export image…: the size (larger than the window if wanted,
// e.g. 3840x2160), whether the scale bar, north arrow, legend and
// attribution are burnt in, a title, and the file.

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace citytwin::app {

class ExportImageDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportImageDialog(QWidget* parent = nullptr);

    QSize imageSize() const;
    bool decorations() const;
    QString title() const;
    QString path() const;
    QLineEdit* pathEdit() const { return _path; }
    QLineEdit* titleEdit() const { return _title; }
    QSpinBox* widthBox() const { return _width; }
    QSpinBox* heightBox() const { return _height; }

private:
    QSpinBox* _width = nullptr;
    QSpinBox* _height = nullptr;
    QCheckBox* _decorations = nullptr;
    QLineEdit* _title = nullptr;
    QLineEdit* _path = nullptr;
};

}  // namespace citytwin::app
