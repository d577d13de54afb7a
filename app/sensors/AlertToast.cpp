#include "sensors/AlertToast.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QTimer>
#include <QVBoxLayout>

#include "sensors/AlertPanel.h"

namespace citytwin::app {
namespace {
constexpr int kShownMs = 12000;
constexpr int kMargin = 12;  // px from the view's corner
}  // namespace

AlertToast::AlertToast(QWidget* anchor, QWidget* parent) : QFrame(parent), _anchor(anchor) {
    setObjectName("alertToast");
    // A window of its own: a widget would be hidden under the 3D view's native window.
    setAttribute(Qt::WA_NativeWindow);
    setAttribute(Qt::WA_DontCreateNativeAncestors);
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::PointingHandCursor);
    setStyleSheet(
        QStringLiteral("#alertToast { background: rgba(40, 12, 12, 230); border: 2px "
                       "solid #e53935; border-radius: 6px; } QLabel { color: white; }"));
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(10, 6, 10, 6);
    _title = new QLabel(this);
    _title->setObjectName("alertToastTitle");
    QFont bold = _title->font();
    bold.setBold(true);
    _title->setFont(bold);
    _body = new QLabel(this);
    _body->setObjectName("alertToastBody");
    col->addWidget(_title);
    col->addWidget(_body);
    _hide = new QTimer(this);
    _hide->setSingleShot(true);
    connect(_hide, &QTimer::timeout, this, &QWidget::hide);
    if (_anchor)
        _anchor->installEventFilter(this);
    hide();
}

void AlertToast::showAlert(const sensors::AlertRecord& alert, const QString& sensorName) {
    _alert = alert;
    _title->setText(tr("New alert: %1").arg(sensorName));
    _body->setText(tr("%1 — %2 (click to go there)")
                       .arg(alertKindText(alert), QString::number(alert.value, 'g', 4)));
    adjustSize();
    place();
    show();
    raise();
    _hide->start(kShownMs);
}

QString AlertToast::text() const {
    return _title->text() + '\n' + _body->text();
}

void AlertToast::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) {
        hide();
        emit activated(_alert);
    }
    QFrame::mousePressEvent(e);
}

bool AlertToast::eventFilter(QObject* watched, QEvent* e) {
    if (watched == _anchor && (e->type() == QEvent::Resize || e->type() == QEvent::Move))
        place();
    return QFrame::eventFilter(watched, e);
}

void AlertToast::place() {
    if (!_anchor || !parentWidget())
        return;
    const QPoint topRight =
        _anchor->mapTo(parentWidget(), QPoint(_anchor->width() - width() - kMargin, kMargin));
    move(topRight);
}

std::vector<sensors::AlertRecord> AlertNotifier::newAlerts(
    const std::vector<sensors::AlertRecord>& alerts, qint64 nowMs) {
    std::vector<sensors::AlertRecord> fresh;
    for (const auto& a : alerts)
        if (_seen.insert(a.id).second && _primed && a.raisedMs >= nowMs - kRecentMs)
            fresh.push_back(a);
    _primed = true;
    return fresh;
}

}  // namespace citytwin::app
