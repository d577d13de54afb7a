#pragma once
// AlertPanel: the alerts of the period, newest first — raised, sensor, what,
// value against limit, cleared, acknowledged. Alerts active at the scene
// time are bold red. The operator acknowledges the selected alerts;
// clicking one goes to it (time and place).

#include <QWidget>

#include <vector>

#include "citytwin/sensors/Alert.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace citytwin::app {

class AlertPanel : public QWidget {
    Q_OBJECT
public:
    explicit AlertPanel(QWidget* parent = nullptr);

    void setAlerts(std::vector<sensors::AlertRecord> alerts, qint64 sceneTime);
    /// Re-marks which alerts are active at t (cheap; every scene update).
    void setSceneTime(qint64 t);
    const std::vector<sensors::AlertRecord>& alerts() const { return _alerts; }
    QTableWidget* table() const { return _table; }
    QPushButton* acknowledgeButton() const { return _ack; }

signals:
    void acknowledgeRequested(std::vector<std::int64_t> alertIds);
    void alertActivated(const sensors::AlertRecord& alert);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void fill();
    void updateButtons();
    std::vector<std::int64_t> selectedUnacknowledged() const;

    QTableWidget* _table = nullptr;
    QPushButton* _ack = nullptr;
    QLabel* _summary = nullptr;
    std::vector<sensors::AlertRecord> _alerts;
    qint64 _sceneTime = 0;
};

/// "PM2.5 above 75" style text for an alert's kind (translated).
QString alertKindText(const sensors::AlertRecord& a);

}  // namespace citytwin::app
