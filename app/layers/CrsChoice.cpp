#include "layers/CrsChoice.h"

#include <QComboBox>
#include <QCoreApplication>

#include <utility>

namespace citytwin::app {

QComboBox* makeCrsComboBox(const QString& firstEntry, QWidget* parent) {
    auto* crs = new QComboBox(parent);
    crs->setEditable(true);
    crs->addItem(firstEntry, QString());
    // The ImportDialog context keeps the catalogue's existing translations.
    const std::pair<const char*, const char*> choices[] = {
        {"EPSG:4326",
         QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "WGS 84 (GPS, OpenStreetMap)")},
        {"EPSG:4490", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "CGCS2000 geographic")},
        {"EPSG:4549", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog",
                                        "CGCS2000 / 3-degree Gauss-Kruger CM 120E")},
        {"EPSG:4550", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog",
                                        "CGCS2000 / 3-degree Gauss-Kruger CM 123E")},
        {"EPSG:4528", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog",
                                        "CGCS2000 / 3-degree Gauss-Kruger zone 40")},
        {"EPSG:3857", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Web Mercator")},
        {"GCJ02", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "GCJ-02 (AMap, Tencent maps)")},
        {"BD09", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "BD-09 (Baidu maps)")},
    };
    for (const auto& [code, label] : choices)
        crs->addItem(QStringLiteral("%1 — %2").arg(
                         code, QCoreApplication::translate("citytwin::app::ImportDialog", label)),
                     QString::fromLatin1(code));
    crs->setToolTip(QCoreApplication::translate(
        "citytwin::app::ImportDialog", "Choose a CRS, or type an EPSG code, WKT or PROJ string"));
    return crs;
}

QString chosenCrsText(const QComboBox& combo) {
    const int i = combo.currentIndex();
    if (i < 0 || combo.currentText() != combo.itemText(i))
        return combo.currentText().trimmed();  // typed by the user
    return combo.currentData().toString();
}

}  // namespace citytwin::app
