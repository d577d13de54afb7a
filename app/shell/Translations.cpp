#include "shell/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace citytwin::app {

QString installTranslators(QCoreApplication& app, const QString& requested) {
    const QLocale locale = requested.isEmpty() ? QLocale::system() : QLocale(requested);
    // First: the LanguageChange events the translators send are handled at
    // once, and what retranslates (numbers, the map's names) reads the locale.
    QLocale::setDefault(locale);
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
    return used;
}

}  // namespace citytwin::app
