#include "kiosk/KioskOverlay.h"

#include <QEvent>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "view/OsgView.h"

namespace citytwin::app::kiosk {

namespace {
const QColor kPanel(20, 28, 40, 190);
const QColor kText(245, 247, 250);

void panel(QPainter& p, const QRectF& r, double radius) {
    QPainterPath path;
    path.addRoundedRect(r, radius, radius);
    p.fillPath(path, kPanel);
}
}  // namespace

KioskOverlay::KioskOverlay(OsgView* view) : QObject(view), _view(view) {
    view->installEventFilter(this);
    _cardTimer.setSingleShot(true);
    connect(&_cardTimer, &QTimer::timeout, this, &KioskOverlay::hideCard);
    connect(&_clockTimer, &QTimer::timeout, this, &KioskOverlay::update);
    _clockTimer.start(1000);
    update();
}

bool KioskOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == _view && event->type() == QEvent::Resize)
        update();
    return QObject::eventFilter(watched, event);
}

double KioskOverlay::width() const {
    return _view->width();
}

double KioskOverlay::height() const {
    return _view->height();
}

void KioskOverlay::update() {
    if (_repaintDue)
        return;
    _repaintDue = true;
    QMetaObject::invokeMethod(this, &KioskOverlay::repaint, Qt::QueuedConnection);
}

void KioskOverlay::setTitle(const QString& title) {
    _title = title;
    update();
}

void KioskOverlay::setCaption(const QString& caption) {
    _caption = caption;
    update();
}

void KioskOverlay::showCard(const QString& heading, const QStringList& lines, int seconds) {
    _cardHeading = heading;
    _cardLines = lines;
    _cardTimer.start(seconds * 1000);
    update();
}

void KioskOverlay::hideCard() {
    _cardHeading.clear();
    _cardLines.clear();
    update();
}

void KioskOverlay::setPinPrompt(std::optional<int> maybeDigits) {
    _maybePinDigits = maybeDigits;
    update();
}

double KioskOverlay::unit() const {
    // Logical pixels: Qt scales them by the device pixel ratio on HiDPI.
    return std::max(3.0, height() / 100.0);
}

QFont KioskOverlay::font(double sizeUnits, bool bold) const {
    QFont f;
    // The CJK fonts Debian ships (fonts-wqy-microhei, fonts-noto-cjk) first,
    // so Chinese captions never fall back to boxes.
    f.setFamilies({QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC"),
                   QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    f.setPixelSize(std::max(8, int(sizeUnits * unit())));
    f.setBold(bold);
    return f;
}

void KioskOverlay::repaint() {
    _repaintDue = false;
    const qreal dpr = _view->devicePixelRatioF();
    const QSize px(int(std::lround(width() * dpr)), int(std::lround(height() * dpr)));
    if (px.isEmpty())
        return;
    QImage picture(px, QImage::Format_RGBA8888_Premultiplied);
    picture.setDevicePixelRatio(dpr);  // painted in logical pixels, as a widget is
    picture.fill(Qt::transparent);
    QPainter p(&picture);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    paintTitle(p);
    paintClock(p);
    paintCaption(p);
    paintLegend(p);
    paintAttribution(p);
    if (isCardShown())
        paintCard(p);
    if (_maybePinDigits)
        paintPinPrompt(p);
    p.end();
    _view->setOverlayPicture(picture);
}

void KioskOverlay::paintTitle(QPainter& p) {
    if (_title.isEmpty())
        return;
    const double u = unit();
    p.setFont(font(3.2, true));
    const QFontMetricsF fm(p.font());
    const QRectF r(2 * u, 2 * u, fm.horizontalAdvance(_title) + 3 * u, fm.height() + 1.6 * u);
    panel(p, r, u);
    p.setPen(kText);
    p.drawText(r, Qt::AlignCenter, _title);
}

void KioskOverlay::paintClock(QPainter& p) {
    const double u = unit();
    const QString text = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    p.setFont(font(2.6));
    const QFontMetricsF fm(p.font());
    const double w = fm.horizontalAdvance(text) + 3 * u;
    const QRectF r(width() - w - 2 * u, 2 * u, w, fm.height() + 1.6 * u);
    panel(p, r, u);
    p.setPen(kText);
    p.drawText(r, Qt::AlignCenter, text);
}

void KioskOverlay::paintCaption(QPainter& p) {
    if (_caption.isEmpty())
        return;
    const double u = unit();
    p.setFont(font(3.6, true));
    const QFontMetricsF fm(p.font());
    const double w = std::min(width() - 4 * u, fm.horizontalAdvance(_caption) + 5 * u);
    const QRectF r((width() - w) / 2, height() - 14 * u, w, fm.height() + 2.4 * u);
    panel(p, r, 1.2 * u);
    p.setPen(kText);
    p.drawText(r, Qt::AlignCenter | Qt::TextWordWrap, _caption);
}

void KioskOverlay::paintLegend(QPainter& p) {
    const double u = unit();
    struct Entry {
        QColor colour;
        QString label;
    };
    const Entry entries[] = {
        {QColor(200, 196, 186), tr("Buildings")},    {QColor(220, 30, 45), tr("Base stations")},
        {QColor(230, 90, 40), tr("Cables")},         {QColor(190, 50, 215), tr("Protection zones")},
        {QColor(40, 170, 90), tr("Sensor: normal")}, {QColor(230, 60, 40), tr("Sensor: alarm")},
    };
    p.setFont(font(1.9));
    const QFontMetricsF fm(p.font());
    double textW = 0;
    for (const Entry& e : entries)
        textW = std::max(textW, fm.horizontalAdvance(e.label));
    const double line = fm.height() * 1.25;
    const double n = double(std::size(entries));
    const QRectF r(2 * u, height() - 2 * u - n * line - 2 * u - 3 * u, textW + 5.5 * u,
                   n * line + 2 * u);
    panel(p, r, u);
    double y = r.top() + u;
    for (const Entry& e : entries) {
        p.fillRect(QRectF(r.left() + u, y + line * 0.2, 2 * u, line * 0.6), e.colour);
        p.setPen(kText);
        p.drawText(QRectF(r.left() + 4 * u, y, textW + u, line), Qt::AlignVCenter, e.label);
        y += line;
    }
}

void KioskOverlay::paintAttribution(QPainter& p) {
    const double u = unit();
    const QString text = QStringLiteral("© OpenStreetMap contributors");
    p.setFont(font(1.6));
    const QFontMetricsF fm(p.font());
    const double w = fm.horizontalAdvance(text) + 2 * u;
    const QRectF r(width() - w - u, height() - fm.height() - 1.2 * u, w, fm.height() + 0.6 * u);
    panel(p, r, 0.5 * u);
    p.setPen(kText);
    p.drawText(r, Qt::AlignCenter, text);
}

void KioskOverlay::paintCard(QPainter& p) {
    const double u = unit();
    const QFont headingFont = font(2.8, true);
    const QFont lineFont = font(2.0);
    const QFontMetricsF hm(headingFont), lm(lineFont);
    double w = hm.horizontalAdvance(_cardHeading);
    for (const QString& l : _cardLines)
        w = std::max(w, lm.horizontalAdvance(l));
    w = std::min(w + 4 * u, width() * 0.4);
    const double h = hm.height() + _cardLines.size() * lm.height() * 1.2 + 3 * u;
    const QRectF r(width() - w - 2 * u, 10 * u, w, h);
    panel(p, r, u);
    p.setPen(kText);
    p.setFont(headingFont);
    const QRectF inner = r.adjusted(2 * u, 1.5 * u, -2 * u, -1.5 * u);
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), hm.height()),
               Qt::AlignLeft | Qt::AlignVCenter,
               hm.elidedText(_cardHeading, Qt::ElideRight, inner.width()));
    p.setFont(lineFont);
    double y = inner.top() + hm.height() + 0.3 * u;
    for (const QString& l : _cardLines) {
        p.drawText(QRectF(inner.left(), y, inner.width(), lm.height() * 1.2),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   lm.elidedText(l, Qt::ElideRight, inner.width()));
        y += lm.height() * 1.2;
    }
}

void KioskOverlay::paintPinPrompt(QPainter& p) {
    const double u = unit();
    const QString heading = tr("Operator PIN");
    const QString dots = QString(std::max(0, *_maybePinDigits), QChar(0x25CF));
    p.setFont(font(2.6, true));
    const QFontMetricsF fm(p.font());
    const double w = std::max(fm.horizontalAdvance(heading), 20 * u) + 6 * u;
    const QRectF r((width() - w) / 2, height() * 0.35, w, fm.height() * 2.6 + 3 * u);
    panel(p, r, u);
    p.setPen(kText);
    p.drawText(QRectF(r.left(), r.top() + u, r.width(), fm.height()), Qt::AlignCenter, heading);
    const QRectF field(r.left() + 2 * u, r.top() + fm.height() + 2 * u, r.width() - 4 * u,
                       fm.height() * 1.4);
    p.fillRect(field, QColor(255, 255, 255, 40));
    p.drawText(field, Qt::AlignCenter, dots);
}

}  // namespace citytwin::app::kiosk
