#pragma once
// The Measurement dock: the last measurement or "Go to" result as text
// (each segment, totals, area, the CRS it was computed in), with Copy.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace citytwin::app {

class MeasurePanel : public QWidget {
    Q_OBJECT
public:
    explicit MeasurePanel(QWidget* parent = nullptr);

    void showText(const QString& title, const QString& text);
    void clear();
    QString text() const;
    /// Copies the text to the clipboard.
    void copy();
    void retranslate();

signals:
    void clearRequested();

private:
    QLabel* _title = nullptr;
    QPlainTextEdit* _text = nullptr;
    QPushButton* _copy = nullptr;
    QPushButton* _clear = nullptr;
};

}  // namespace citytwin::app
