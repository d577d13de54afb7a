// citytwin: the GUI. See AppOptions.cpp (or `citytwin --help`) for options.

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSurfaceFormat>
#include <QTextStream>
#include <QTranslator>

#include "AppOptions.h"
#include "MainWindow.h"

using namespace citytwin::app;

namespace {

void setDefaultSurfaceFormat() {
    // Before QApplication: Debian's OSG is built for the compatibility profile.
    QSurfaceFormat f;
    f.setRenderableType(QSurfaceFormat::OpenGL);
    f.setProfile(QSurfaceFormat::CompatibilityProfile);
    f.setDepthBufferSize(24);
    f.setStencilBufferSize(8);
    f.setSamples(4);
    QSurfaceFormat::setDefaultFormat(f);
}

void installTranslators(QApplication& app, const QString& requested) {
    const QLocale locale = requested.isEmpty() ? QLocale::system() : QLocale(requested);
    static QTranslator ours, qt;
    // English is the source language; other locales load their catalogue.
    if (ours.load(locale, "citytwin", "_", ":/i18n")) app.installTranslator(&ours);
    if (qt.load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qt);
    QLocale::setDefault(locale);
}

}  // namespace

int main(int argc, char** argv) {
    // Options are parsed before QApplication so that --help works without a display.
    QStringList args;
    for (int i = 0; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
    QString error;
    bool exitNow = false;
    auto options = parseAppOptions(args, error, exitNow);
    if (exitNow) return 0;
    if (!options) {
        QTextStream(stderr) << "citytwin: " << error << "\n(see citytwin --help)\n";
        return 2;
    }

    setDefaultSurfaceFormat();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName("citytwin");
    QApplication::setOrganizationName("citytwin");
    QApplication::setApplicationVersion(CITYTWIN_VERSION);
    installTranslators(app, options->language);

    MainWindow window(*options);
    if (options->kiosk) window.showFullScreen();
    else window.show();
    window.start();
    return app.exec();
}
