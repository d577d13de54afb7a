// citytwin: the GUI. See AppOptions.cpp (or `citytwin --help`) for options.

#include <QApplication>
#include <QTextStream>

#include "shell/AppOptions.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "view/OsgView.h"

using namespace citytwin::app;

int main(int argc, char** argv) {
    processUptimeMs();  // start the launch clock
    // Options are parsed before QApplication so that --help works without a display.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QString error;
    bool exitNow = false;
    auto options = parseAppOptions(args, error, exitNow);
    if (exitNow)
        return 0;
    if (!options) {
        QTextStream(stderr) << "citytwin: " << error << "\n(see citytwin --help)\n";
        return 2;
    }

    OsgView::setDefaultSurfaceFormat();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName("citytwin");
    QApplication::setOrganizationName("citytwin");
    QApplication::setApplicationVersion(CITYTWIN_VERSION);
    installTranslators(app, options->language);

    MainWindow window(*options);
    if (options->kiosk)
        window.showFullScreen();
    else
        window.show();
    window.start();
    return app.exec();
}
