#pragma once
// Keeps the kiosk window full screen, shown and open whatever a visitor
// presses or the window manager asks: an event filter on the application
// that swallows every key and shortcut (handing key presses to the kiosk's
// own handler), context menus, drag and drop and close requests, puts the
// window back to full screen when its state changes, hides chrome that tries
// to show, and rejects any dialog that opens. Input that counts as a
// visitor's activity is reported.

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QKeyEvent;
class QWidget;

namespace citytwin::app::kiosk {

class KioskLockdown : public QObject {
    Q_OBJECT
public:
    /// Installs itself on qApp; `window` is the kiosk's top-level window.
    explicit KioskLockdown(QWidget* window, QObject* parent = nullptr);
    ~KioskLockdown() override;

    /// Every key press in the application comes here (and nowhere else).
    std::function<void(const QKeyEvent&)> onKeyPress;
    /// A mouse, wheel or touch action of a visitor.
    std::function<void()> onActivity;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reassert();

    QPointer<QWidget> _window;
    QTimer _guard;  ///< re-checks the window's state now and then
};

}  // namespace citytwin::app::kiosk
