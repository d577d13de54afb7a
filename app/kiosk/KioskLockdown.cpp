#include "kiosk/KioskLockdown.h"

#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QKeyEvent>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QToolBar>
#include <QWidget>
#include <QWindow>

#include "shell/LogChannel.h"

namespace citytwin::app::kiosk {

namespace {
bool isChrome(QObject* o) {
    return qobject_cast<QDockWidget*>(o) || qobject_cast<QToolBar*>(o) ||
           qobject_cast<QMenuBar*>(o) || qobject_cast<QStatusBar*>(o);
}
}  // namespace

KioskLockdown::KioskLockdown(QWidget* window, QObject* parent) : QObject(parent), _window(window) {
    qApp->installEventFilter(this);
    // The window manager may un-fullscreen or minimise without an event we
    // can veto; look again every second.
    connect(&_guard, &QTimer::timeout, this, &KioskLockdown::reassert);
    _guard.start(1000);
    QTimer::singleShot(0, this, &KioskLockdown::reassert);
}

KioskLockdown::~KioskLockdown() {
    qApp->removeEventFilter(this);
}

void KioskLockdown::reassert() {
    if (!_window)
        return;
    const bool wrong = !_window->isVisible() || !_window->isFullScreen() ||
                       (_window->windowState() & Qt::WindowMinimized);
    if (wrong) {
        LogChannel::instance().write(geo::LogLevel::Info,
                                     QStringLiteral("kiosk: window left full screen, restored"));
        _window->setWindowState((_window->windowState() & ~Qt::WindowMinimized) |
                                Qt::WindowFullScreen);
        _window->showFullScreen();
    }
    // Without a window manager (a bare X server) nobody honours the
    // full-screen request: cover the screen ourselves.
    if (QScreen* screen = _window->screen(); screen && _window->geometry() != screen->geometry())
        _window->setGeometry(screen->geometry());
    if (!_window->isActiveWindow() && QApplication::activeModalWidget() == nullptr) {
        _window->raise();
        _window->activateWindow();
    }
}

bool KioskLockdown::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::ShortcutOverride:
            // Accepted: no shortcut fires; the key comes as a KeyPress instead.
            event->accept();
            return true;
        case QEvent::Shortcut:
        case QEvent::KeyRelease:
        case QEvent::ContextMenu:
        case QEvent::DragEnter:
        case QEvent::DragMove:
        case QEvent::Drop:
            return true;
        case QEvent::KeyPress:
            // Swallowed at its first receiver (the QWindow for real keys), so
            // the handler sees each press once and no widget sees it at all.
            if (onKeyPress)
                onKeyPress(*static_cast<QKeyEvent*>(event));
            return true;
        case QEvent::Close:
            // WM_DELETE_WINDOW (Alt+F4 in the window manager), or close().
            if (watched == _window.data() || (qobject_cast<QWindow*>(watched) && _window &&
                                              _window->windowHandle() == watched)) {
                event->ignore();
                LogChannel::instance().write(geo::LogLevel::Info,
                                             QStringLiteral("kiosk: close request ignored"));
                return true;
            }
            break;
        case QEvent::WindowStateChange:
        case QEvent::Hide:
            if (watched == _window.data())
                QTimer::singleShot(0, this, &KioskLockdown::reassert);
            break;
        case QEvent::Show:
            if (auto* dialog = qobject_cast<QDialog*>(watched)) {
                LogChannel::instance().write(
                    geo::LogLevel::Warning,
                    QStringLiteral("kiosk: dialog '%1' suppressed").arg(dialog->windowTitle()));
                QMetaObject::invokeMethod(dialog, &QDialog::reject, Qt::QueuedConnection);
                return true;
            }
            if (isChrome(watched) && _window && static_cast<QWidget*>(watched)->window() == _window)
                QMetaObject::invokeMethod(static_cast<QWidget*>(watched), &QWidget::hide,
                                          Qt::QueuedConnection);
            break;
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
            if (onActivity)
                onActivity();
            break;
        case QEvent::MouseMove:
            if (static_cast<QMouseEvent*>(event)->buttons() != Qt::NoButton && onActivity)
                onActivity();
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace citytwin::app::kiosk
