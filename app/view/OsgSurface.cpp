#include "view/OsgSurface.h"

#include <QCoreApplication>
#include <QSurfaceFormat>

namespace citytwin::app {
namespace {

bool isInput(QEvent::Type type) {
    switch (type) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TouchEnd:
        case QEvent::TouchCancel:
            return true;
        default:
            return false;
    }
}

}  // namespace

OsgSurface::OsgSurface(QObject* inputTarget) : _inputTarget(inputTarget) {
    setSurfaceType(QSurface::OpenGLSurface);
    setFormat(QSurfaceFormat::defaultFormat());
}

void OsgSurface::exposeEvent(QExposeEvent*) {
    if (isExposed() && onExposed)
        onExposed();
}

bool OsgSurface::event(QEvent* e) {
    // The window fills its view: positions need no mapping.
    if (isInput(e->type()) && _inputTarget) {
        QCoreApplication::sendEvent(_inputTarget, e);
        return true;
    }
    return QWindow::event(e);
}

}  // namespace citytwin::app
