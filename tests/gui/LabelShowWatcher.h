#pragma once
// For in-process window tests: watches a status label as a person would see
// it, including a flash that lasts a frame or two.

#include <QEvent>
#include <QLabel>
#include <QString>

namespace citytwin::test {

/// Catches a label each time it appears, however briefly (a status that a
/// fast machine shows for a frame or two): its text at the last Show.
class LabelShowWatcher : public QObject {
public:
    explicit LabelShowWatcher(QLabel* label) : _label(label) { label->installEventFilter(this); }
    ~LabelShowWatcher() override { _label->removeEventFilter(this); }
    bool shown() const { return _shown; }
    const QString& text() const { return _text; }

protected:
    bool eventFilter(QObject* object, QEvent* event) override {
        if (object == _label && event->type() == QEvent::Show) {
            _shown = true;
            _text = _label->text();
        }
        return false;
    }

private:
    QLabel* _label;
    bool _shown = false;
    QString _text;
};

}  // namespace citytwin::test
