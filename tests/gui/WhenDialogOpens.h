#pragma once
// Answers the next modal dialog of type D: polls the active modal widget
// (every 50 ms) and hands it to `handle` once, from inside its exec().
// Header-only (Qt Widgets), for the in-process window tests.

#include <QApplication>
#include <QTimer>
#include <QWidget>

namespace citytwin::test {

template <typename D, typename F>
void whenModalDialogOpens(F handle) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, [timer, handle] {
        if (auto* d = qobject_cast<D*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            handle(d);
        }
    });
    timer->start();
}

}  // namespace citytwin::test
