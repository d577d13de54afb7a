#include "tools/MapDecorations.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace citytwin::app {
namespace {

/// A translucent white box behind text and symbols, so they read on any map.
void panel(QPainter& p, const QRectF& r, double radius) {
    p.setPen(QPen(QColor(60, 60, 60, 180), std::max(1.0, radius / 6)));
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRoundedRect(r, radius, radius);
}

}  // namespace

double niceScaleLength(double maxMetres) {
    if (!(maxMetres > 0.0) || !std::isfinite(maxMetres))
        return 0.0;
    const double power = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= maxMetres)
            return step * power;
    return power;
}

QString scaleLabel(double metres) {
    if (metres >= 1000.0)
        return QStringLiteral("%1 km").arg(metres / 1000.0, 0, 'g', 3);
    return QStringLiteral("%1 m").arg(metres, 0, 'g', 3);
}

void paintMapDecorations(QImage& image, const MapDecorationInfo& info) {
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const double u = image.height() / 720.0;  // one "pixel" of a 720-line image
    const double margin = 16 * u;
    QFont font = p.font();
    font.setPixelSize(int(std::lround(14 * u)));
    p.setFont(font);
    const QFontMetricsF fm(font);

    if (!info.title.isEmpty()) {
        QFont big = font;
        big.setPixelSize(int(std::lround(26 * u)));
        big.setBold(true);
        const QFontMetricsF bfm(big);
        const double w = bfm.horizontalAdvance(info.title) + 24 * u;
        const QRectF r((image.width() - w) / 2, margin, w, bfm.height() + 12 * u);
        panel(p, r, 6 * u);
        p.setFont(big);
        p.setPen(QColor(20, 20, 20));
        p.drawText(r, Qt::AlignCenter, info.title);
        p.setFont(font);
    }

    // North arrow, top right: a needle turned to north, its letter at the tip.
    {
        const double r = 34 * u;
        const QPointF c(image.width() - margin - r, margin + r + (info.title.isEmpty() ? 0 : 0));
        panel(p, QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), r);
        p.save();
        p.translate(c);
        p.rotate(info.northDegrees);
        QPainterPath north, south;
        north.moveTo(0, -r * 0.62);
        north.lineTo(r * 0.22, 0);
        north.lineTo(-r * 0.22, 0);
        north.closeSubpath();
        south.moveTo(0, r * 0.62);
        south.lineTo(r * 0.22, 0);
        south.lineTo(-r * 0.22, 0);
        south.closeSubpath();
        p.setPen(QPen(QColor(30, 30, 30), 1.2 * u));
        p.setBrush(QColor(200, 30, 30));
        p.drawPath(north);
        p.setBrush(QColor(250, 250, 250));
        p.drawPath(south);
        QFont bold = font;
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(QColor(200, 30, 30));
        p.drawText(QRectF(-r * 0.5, -r * 1.0, r, r * 0.38), Qt::AlignCenter, info.northLabel);
        p.restore();
        p.setFont(font);
    }

    // Scale bar, bottom left: at most a fifth of the image wide.
    if (info.metresPerPixel > 0.0 && std::isfinite(info.metresPerPixel)) {
        const double metres = niceScaleLength(info.metresPerPixel * image.width() / 5.0);
        const double length = metres / info.metresPerPixel;
        const QString label = scaleLabel(metres);
        const double h = fm.height() + 22 * u;
        const QRectF box(margin, image.height() - margin - h - fm.height(), length + 24 * u, h);
        panel(p, box, 4 * u);
        const double x0 = box.left() + 12 * u, y = box.bottom() - 8 * u;
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 4; ++i) {
            p.setBrush(i % 2 ? QColor(255, 255, 255) : QColor(20, 20, 20));
            p.drawRect(QRectF(x0 + i * length / 4, y - 6 * u, length / 4, 6 * u));
        }
        p.setPen(QPen(QColor(20, 20, 20), 1.0 * u));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(x0, y - 6 * u, length, 6 * u));
        p.drawText(QRectF(x0, box.top() + 4 * u, length, fm.height()), Qt::AlignCenter, label);
    }

    // Legend, top left: a swatch and the name of each visible layer.
    if (!info.legend.empty()) {
        double w = fm.horizontalAdvance(info.legendTitle);
        const double indent = 14 * u;
        for (const auto& e : info.legend)
            w = std::max(w, fm.horizontalAdvance(e.name) + 26 * u + (e.indented ? indent : 0.0));
        const double line = fm.height() + 4 * u;
        const QRectF box(margin, margin, w + 20 * u, line * (info.legend.size() + 1) + 12 * u);
        panel(p, box, 6 * u);
        QFont bold = font;
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(QColor(20, 20, 20));
        double y = box.top() + 6 * u;
        p.drawText(QRectF(box.left() + 10 * u, y, w, line), Qt::AlignVCenter, info.legendTitle);
        p.setFont(font);
        for (const auto& e : info.legend) {
            y += line;
            p.setPen(QPen(QColor(40, 40, 40), 1.0 * u));
            p.setBrush(e.colour);
            const double x = box.left() + (e.indented ? indent : 0.0);
            p.drawRect(QRectF(x + 10 * u, y + line * 0.2, 16 * u, line * 0.6));
            p.setPen(QColor(20, 20, 20));
            p.drawText(QRectF(x + 36 * u, y, w, line), Qt::AlignVCenter, e.name);
        }
    }

    // Attribution, bottom right.
    if (!info.attribution.isEmpty()) {
        const double w = fm.horizontalAdvance(info.attribution) + 16 * u;
        const QRectF r(image.width() - margin - w, image.height() - margin - fm.height() - 8 * u, w,
                       fm.height() + 8 * u);
        panel(p, r, 3 * u);
        p.setPen(QColor(20, 20, 20));
        p.drawText(r, Qt::AlignCenter, info.attribution);
    }
}

}  // namespace citytwin::app
