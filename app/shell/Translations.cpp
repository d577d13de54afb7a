#include "shell/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace citytwin::app {

QString installTranslators(QCoreApplication& app, const QString& requested) {
    const QLocale locale = requested.isEmpty() ? QLocale::system() : QLocale(requested);
    static QTranslator ours, qt;
    app.removeTranslator(&ours);
    app.removeTranslator(&qt);
    QString used = QStringLiteral("en");
    if (ours.load(locale, "citytwin", "_", ":/i18n")) {
        app.installTranslator(&ours);
        used = ours.language();
    }
    if (qt.load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qt);
    QLocale::setDefault(locale);
    return used;
}

}  // namespace citytwin::app
