#include "layers/LegendText.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

#include "citytwin/render/StyleLegend.h"

namespace citytwin::app {
namespace {

/// Translated in the "Legend" context (the strings are marked with
/// QT_TRANSLATE_NOOP where they are written).
QString legendText(const char* text) {
    return QCoreApplication::translate("Legend", text);
}

QColor opaque(const osg::Vec4& c) {
    return QColor::fromRgbF(c.r(), c.g(), c.b(), 1.0);
}

QString number(double v) {
    return QLocale().toString(v, 'g', 6);
}

QString bandText(const render::LegendClass& c) {
    const bool metres = c.attribute == render::kDrawnHeight;
    if (std::isinf(c.to))
        return metres
                   ? legendText(QT_TRANSLATE_NOOP("Legend", "%1 m and taller")).arg(number(c.from))
                   : legendText(QT_TRANSLATE_NOOP("Legend", "%1: %2 and more"))
                         .arg(QString::fromStdString(c.attribute), number(c.from));
    return metres ? legendText(QT_TRANSLATE_NOOP("Legend", "%1–%2 m"))
                        .arg(number(c.from), number(c.to))
                  : legendText(QT_TRANSLATE_NOOP("Legend", "%1: %2–%3"))
                        .arg(QString::fromStdString(c.attribute), number(c.from), number(c.to));
}

}  // namespace

std::vector<LegendLine> legendLines(const render::LayerStyle& style,
                                    const geo::FeatureLayer* layer) {
    using K = render::LegendClass::Kind;
    const std::vector<render::LegendClass> classes = render::legendOf(style, layer);
    std::vector<LegendLine> out;
    if (classes.size() <= 1)
        return out;
    for (const render::LegendClass& c : classes) {
        QString text;
        switch (c.kind) {
            case K::Rule:
                text = QStringLiteral("%1 = %2").arg(QString::fromStdString(c.attribute),
                                                     QString::fromStdString(c.value));
                break;
            case K::Band:
                text = bandText(c);
                break;
            case K::Category:
                text = c.value.empty() ? legendText(QT_TRANSLATE_NOOP("Legend", "(empty)"))
                                       : QString::fromStdString(c.value);
                break;
            case K::Height:
                text = legendText(QT_TRANSLATE_NOOP("Legend", "%1 m tall")).arg(number(c.from));
                break;
            case K::Other:
                text = legendText(QT_TRANSLATE_NOOP("Legend", "Other"));
                break;
        }
        out.push_back({text, opaque(c.color)});
    }
    return out;
}

QColor swatchColour(const render::LayerStyle& style) {
    return opaque(style.color);
}

}  // namespace citytwin::app
