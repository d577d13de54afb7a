// citytwin: the GUI. See shell/AppOptions.cpp (or `citytwin --help`) for options.

#include <QApplication>
#include <QTextStream>

#include <memory>

#include <QFileInfo>

#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/render/OsgLogRouting.h"
#include "citytwin/tilecache/TileCache.h"
#include "kiosk/KioskSession.h"
#include "layers/LayerSpec.h"
#include "scenario/ScenarioBatch.h"
#include "shell/AppOptions.h"
#include "shell/BatchRunner.h"
#include "shell/LogChannel.h"
#include "shell/MainWindow.h"
#include "shell/ProcessUptime.h"
#include "shell/SetupSettings.h"
#include "shell/Translations.h"
#include "view/OsgView.h"

using namespace citytwin::app;

namespace {
/// Hands geo::log back its own stderr sink when main() returns.
struct LogSinkGuard {
    ~LogSinkGuard() { LogChannel::instance().uninstall(); }
};
}  // namespace

int main(int argc, char** argv) {
    processUptimeMs();  // start the launch clock
    citytwin::render::routeOsgNotifyToLog();
    citytwin::render::installIsolatedTileReading();  // a damaged tile must not end us
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

    if (options->tileCache || options->tileCacheSize || options->offline)
        citytwin::tilecache::configureSharedCache(*citytwin::tilecache::cacheSettingsWithOptions(
            options->tileCache, options->tileCacheSize, options->offline));

    OsgView::setDefaultSurfaceFormat();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName("citytwin");
    QApplication::setOrganizationName("citytwin");
    QApplication::setApplicationVersion(CITYTWIN_VERSION);
    // The language chosen in View → Language last time, unless --lang says.
    if (options->language.isEmpty() && remembersSetupFor(*options))
        options->language = SetupSettings().language();
    const QString language = installTranslators(app, options->language);

    // One log channel: the libraries' geo::log and the window's own messages
    // go to stderr, the log panel and --log-file.
    LogRotation rotation;
    bool capped = false;
    const qint64 maxBytes = qEnvironmentVariable("CITYTWIN_LOG_MAX_BYTES").toLongLong(&capped);
    if (capped && maxBytes > 0)
        rotation.maxBytes = maxBytes;
    if (const QString logError = LogChannel::instance().install(options->logFile, rotation);
        !logError.isEmpty()) {
        QTextStream(stderr) << "citytwin: " << logError << "\n";
        return 1;
    }
    const LogSinkGuard logSinkGuard;

    // A recording or report is the scenario alone: the simulated sensors'
    // history depends on when it was made, so they are not drawn.
    if (ScenarioBatch::isWanted(*options))
        options->noSensors = true;
    MainWindow window(*options);
    std::unique_ptr<ScenarioBatch> scenarioBatch;
    if (ScenarioBatch::isWanted(*options)) {
        scenarioBatch = std::make_unique<ScenarioBatch>(*options, window, *window.scenario());
        QObject::connect(&window, &MainWindow::sceneLoaded, scenarioBatch.get(),
                         &ScenarioBatch::onSceneLoaded);
    }
    std::unique_ptr<BatchRunner> batch;
    if (BatchRunner::isWanted(*options)) {
        batch = std::make_unique<BatchRunner>(*options, window);
        QObject::connect(&window, &MainWindow::sceneLoaded, batch.get(),
                         &BatchRunner::onSceneLoaded);
        QObject::connect(&window, &MainWindow::loadedFrameRendered, batch.get(),
                         &BatchRunner::onLoadedFrame);
    }
    std::unique_ptr<kiosk::KioskSession> kioskSession;
    if (options->kiosk) {
        kiosk::KioskSettings settings;
        settings.tourPath = options->kioskTour;
        if (settings.tourPath.isEmpty()) {
            const QString demo = findDemoDirectory();
            if (!demo.isEmpty() && QFileInfo::exists(demo + "/kiosk-tour.json"))
                settings.tourPath = demo + "/kiosk-tour.json";
        }
        settings.chinese = language.startsWith(QStringLiteral("zh"));
        bool scaled = false;
        const double scale = qEnvironmentVariable("CITYTWIN_KIOSK_TIME_SCALE").toDouble(&scaled);
        if (scaled && scale > 0.0 && scale <= 1000.0)
            settings.timeScale = scale;
        kioskSession = std::make_unique<kiosk::KioskSession>(window, settings);
        QObject::connect(&window, &MainWindow::sceneLoaded, kioskSession.get(),
                         &kiosk::KioskSession::startTour);
    }
    if (options->fullScreen)
        window.showFullScreen();
    else
        window.show();
    if (batch)
        batch->prepare();
    if (scenarioBatch)
        scenarioBatch->prepare();
    window.start();
    return app.exec();
}
