#pragma once
// A new alert's notification: a small non-modal card over the 3D view's
// top-right corner ("toast"), naming the sensor and what is wrong. A click
// goes to the alert (time and place); it hides itself after a while, and a
// newer alert replaces it. AlertNotifier decides which alerts are new.

#include <QFrame>

#include <set>
#include <vector>

#include "citytwin/sensors/Alert.h"
#include "citytwin/sensors/SensorRegistry.h"

class QLabel;
class QTimer;

namespace citytwin::app {

class AlertToast : public QFrame {
    Q_OBJECT
public:
    /// anchor: the widget whose top-right corner the toast sits in (the 3D view).
    AlertToast(QWidget* anchor, QWidget* parent);

    void showAlert(const sensors::AlertRecord& alert, const QString& sensorName);
    const sensors::AlertRecord& alert() const { return _alert; }
    QString text() const;

signals:
    void activated(const sensors::AlertRecord& alert);

protected:
    void mousePressEvent(QMouseEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    void place();

    QWidget* _anchor;
    QLabel* _title = nullptr;
    QLabel* _body = nullptr;
    QTimer* _hide = nullptr;
    sensors::AlertRecord _alert;
};

/// Which alerts are new since the last look: the first list seen is the
/// past (no toasts for the history loaded at start); in later lists an
/// alert not seen before and raised within recentMs of nowMs is new (one
/// that scrolls into the list as the operator looks back is not).
class AlertNotifier {
public:
    static constexpr qint64 kRecentMs = 120000;
    std::vector<sensors::AlertRecord> newAlerts(const std::vector<sensors::AlertRecord>& alerts,
                                                qint64 nowMs);

private:
    bool _primed = false;
    std::set<std::int64_t> _seen;
};

}  // namespace citytwin::app
