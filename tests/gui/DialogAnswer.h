#pragma once
// Answers a dialog the program opens, as a user would, from a timer: a
// modal dialog's exec() would otherwise wait forever for input a test never
// gives. Never hangs: if no dialog of type D shows within the timeout, the
// test fails naming it, and whatever modal dialog is open is rejected so
// that the exec() the test is blocked in returns.

#include <gtest/gtest.h>

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <string>

namespace citytwin::test {

/// Calls `answer(dialog)` once a visible D shows (polled every 50 ms; a
/// file dialog takes a while to read its folder).
template <typename D, typename F>
void whenDialogOpens(F answer, int timeoutMs = 30000) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QObject::connect(timer, &QTimer::timeout, [timer, clock, answer, timeoutMs]() mutable {
        D* found = qobject_cast<D*>(QApplication::activeModalWidget());
        for (QWidget* top : QApplication::topLevelWidgets())
            if (auto* d = qobject_cast<D*>(top); !found && d && d->isVisible())
                found = d;
        if (!found && clock->elapsed() < timeoutMs)
            return;
        timer->stop();
        timer->deleteLater();
        if (found) {
            answer(found);
            return;
        }
        ADD_FAILURE() << "no " << D::staticMetaObject.className() << " opened within " << timeoutMs
                      << " ms";
        if (auto* modal = qobject_cast<QDialog*>(QApplication::activeModalWidget()))
            modal->reject();
    });
    timer->start();
}

/// Rejects every modal dialog still open after `timeoutMs` and fails the
/// test naming it: for an action that must not open one, or as a guard
/// around steps that might.
inline void rejectStrayDialogsAfter(int timeoutMs, const std::string& during) {
    QTimer::singleShot(timeoutMs, [during] {
        while (auto* modal = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            ADD_FAILURE() << "a modal " << modal->metaObject()->className() << " ('"
                          << modal->windowTitle().toStdString() << "') was left open " << during;
            modal->reject();
        }
    });
}

}  // namespace citytwin::test
