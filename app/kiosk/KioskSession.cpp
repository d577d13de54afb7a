#include "kiosk/KioskSession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QKeyEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QRegularExpression>
#include <QWidget>
#include <QWindow>

#include <algorithm>

#include "citytwin/render/CameraPose.h"
#include "kiosk/CameraFlight.h"
#include "kiosk/ExitSecret.h"
#include "kiosk/FrameStats.h"
#include "kiosk/KioskHost.h"
#include "kiosk/KioskLockdown.h"
#include "kiosk/KioskOverlay.h"
#include "kiosk/ProcessGuards.h"
#include "kiosk/SystemdNotifier.h"
#include "kiosk/TourFile.h"
#include "kiosk/TourPlayer.h"
#include "shell/LogChannel.h"
#include "view/OsgView.h"

namespace citytwin::app::kiosk {

namespace {

void logInfo(const QString& message) {
    LogChannel::instance().write(geo::LogLevel::Info, QStringLiteral("kiosk: ") + message);
}
void logWarning(const QString& message) {
    LogChannel::instance().write(geo::LogLevel::Warning, QStringLiteral("kiosk: ") + message);
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

/// The operator's PIN: CITYTWIN_KIOSK_PIN wins over the tour's.
QString exitPin(const Tour& tour) {
    const QString env = qEnvironmentVariable("CITYTWIN_KIOSK_PIN");
    if (!env.isEmpty()) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{4,12}$"));
        if (digits.match(env).hasMatch())
            return env;
        logWarning(QStringLiteral("CITYTWIN_KIOSK_PIN is not 4 to 12 digits; ignored"));
    }
    return qs(tour.exit.pin);
}

std::uint64_t memoryCeilingBytes(const Tour& tour) {
    bool ok = false;
    const qint64 envMb = qEnvironmentVariable("CITYTWIN_KIOSK_MEMORY_MB").toLongLong(&ok);
    std::int64_t mb = 2048;
    if (ok && envMb >= 64)
        mb = envMb;
    else if (tour.memoryCeilingMb > 0)
        mb = tour.memoryCeilingMb;
    return std::uint64_t(mb) << 20;
}

}  // namespace

Tour loadTourOrFallback(const QString& path) {
    if (path.isEmpty()) {
        logWarning(QStringLiteral("no tour file found; playing the built-in tour"));
        return builtinTour();
    }
    auto tour = readTourFile(QFile::encodeName(path).toStdString());
    if (!tour) {
        logWarning(QStringLiteral("bad tour, playing the built-in tour instead: %1")
                       .arg(qs(tour.messages())));
        return builtinTour();
    }
    logInfo(QStringLiteral("tour %1: %2 stops").arg(path).arg(tour->stops.size()));
    return std::move(tour).value();
}

KioskSession::KioskSession(KioskHost& host, KioskSettings settings, QObject* parent)
    : QObject(parent), _host(host), _settings(std::move(settings)) {
    _tour = loadTourOrFallback(_settings.tourPath);
    _tourDir =
        _settings.tourPath.isEmpty() ? QString() : QFileInfo(_settings.tourPath).absolutePath();
    _player = std::make_unique<TourPlayer>(_tour.stops);
    _secret = std::make_unique<ExitSecret>(qs(_tour.exit.chord), exitPin(_tour));
    if (!_secret->isEnabled())
        logWarning(
            QStringLiteral("no exit PIN (tour exit.pin or CITYTWIN_KIOSK_PIN): only "
                           "SIGTERM ends the kiosk"));

    _host.hideChrome();
    _host.setLighting(_tour.lighting);
    OsgView* view = _host.view();
    _overlay = new KioskOverlay(view);
    _overlay->setTitle(qs(_tour.title.in(_settings.chinese)));

    _lockdown = new KioskLockdown(_host.kioskWindow(), this);
    _lockdown->onKeyPress = [this](const QKeyEvent& e) { onKey(e); };
    _lockdown->onActivity = [this] { onActivity(); };

    _notifier = new SystemdNotifier([view] { return view->frameCount(); }, this);
    auto* terms = new TerminationSignals(this);
    connect(terms, &TerminationSignals::terminationRequested, this,
            [this](int number) { quit(0, QStringLiteral("signal %1, exiting").arg(number)); });
    // Every minute; CITYTWIN_KIOSK_MEMORY_CHECK_S (tests) checks sooner.
    bool checkSet = false;
    const int checkS = qEnvironmentVariableIntValue("CITYTWIN_KIOSK_MEMORY_CHECK_S", &checkSet);
    new MemoryCeiling(memoryCeilingBytes(_tour), (checkSet && checkS > 0 ? checkS : 60) * 1000,
                      this);
    // Frame and memory statistics in the log (every CITYTWIN_KIOSK_STATS_S, default 10 min).
    bool statsSet = false;
    const int statsEvery = qEnvironmentVariableIntValue("CITYTWIN_KIOSK_STATS_S", &statsSet);
    _frameStats = new FrameStats(view, statsSet && statsEvery >= 0 ? statsEvery : 600, this);
    connect(view, &OsgView::frameRendered, this, &KioskSession::onFrame);
    connect(view, &OsgView::featurePicked, this, &KioskSession::onPicked);
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] { _quitting = true; });

    _clock.start();
    connect(&_ticker, &QTimer::timeout, this, &KioskSession::tick);
    _ticker.start(16);
}

KioskSession::~KioskSession() = default;

double KioskSession::now() const {
    return double(_clock.nsecsElapsed()) * 1e-9 * _settings.timeScale;
}

void KioskSession::startTour() {
    // sceneLoaded may come again (paging settles anew); the tour starts once.
    if (_tourStarted)
        return;
    const auto pose = currentPose();
    if (!pose) {
        logWarning(QStringLiteral("no scene frame: nothing to tour"));
        return;
    }
    _tourStarted = true;
    _player->flyTo(0, *pose, now());
    logInfo(QStringLiteral("tour started"));
}

std::optional<render::CameraPose> KioskSession::currentPose() const {
    const auto& frame = _host.frame();
    if (!frame)
        return std::nullopt;
    osg::Vec3d eye, center, up;
    _host.view()->camera()->getViewMatrixAsLookAt(eye, center, up);
    return poseFromLookAt(eye, center, *frame);
}

void KioskSession::tick() {
    ++_ticks;
    const double t = now();
    if (_secret->expire(_clock.elapsed()))
        _overlay->setPinPrompt(std::nullopt);
    if (_player->phase() == TourPlayer::Phase::Paused) {
        if (_lastActivity > -1e8 && t - _lastActivity >= _tour.idleReturnSeconds) {
            if (const auto pose = currentPose()) {
                logInfo(
                    QStringLiteral("idle for %1 s: back to the tour").arg(_tour.idleReturnSeconds));
                _lastActivity = -1e9;
                _player->resume(*pose, t);
            }
        }
    }
    if (_player->phase() != TourPlayer::Phase::Paused && _host.frame()) {
        const TourPlayer::Step step = _player->advance(t);
        if (step.maybeLeft)
            leave(*step.maybeLeft);
        if (step.maybeFlightBegan)
            beginStop(*step.maybeFlightBegan);
        if (step.maybeArrived)
            arriveAt(*step.maybeArrived);
        if (step.phase == TourPlayer::Phase::Flying || step.maybeArrived) {
            const render::LookAt la = render::lookAtFor(step.pose, *_host.frame());
            _host.view()->setLookAt(la.eye, la.center, la.up, false);
        }
    }
    // Keep frames coming while dwelling too (sensors change, the watchdog
    // wants proof of life), at a calmer pace than a flight.
    if (_ticks % 15 == 0)
        _host.view()->requestRedraw();
}

void KioskSession::beginStop(std::size_t index) {
    const TourStop& stop = _tour.stops[index];
    _overlay->setCaption(qs(stop.caption.in(_settings.chinese)));
    logInfo(QStringLiteral("stop %1/%2: %3")
                .arg(index + 1)
                .arg(_tour.stops.size())
                .arg(qs(stop.caption.en)));
    if (stop.maybeLayers) {
        const auto& shown = *stop.maybeLayers;
        const std::vector<std::string> ids = _host.layerIds();
        for (const std::string& id : ids) {
            // The ground always stays: without it the city floats in the sky.
            const bool on =
                id == "ground" || std::find(shown.begin(), shown.end(), id) != shown.end();
            _host.setLayerVisible(id, on);
        }
        for (const std::string& id : shown)
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                logWarning(QStringLiteral("stop %1: no layer '%2' in the scene")
                               .arg(index + 1)
                               .arg(qs(id)));
    }
    if (stop.maybeSensorTimeMs ||
        _tour.stops[(index + _tour.stops.size() - 1) % _tour.stops.size()].maybeSensorTimeMs) {
        std::optional<qint64> t;
        if (stop.maybeSensorTimeMs)
            t = *stop.maybeSensorTimeMs;
        if (!_host.showSensorTime(t))
            logWarning(QStringLiteral("stop %1: no sensors to show the time of").arg(index + 1));
    }
}

void KioskSession::arriveAt(std::size_t index) {
    const TourStop& stop = _tour.stops[index];
    logInfo(QStringLiteral("at stop %1").arg(index + 1));
    if (!stop.maybeScenario)
        return;
    QString file = qs(stop.maybeScenario->file);
    if (QFileInfo(file).isRelative() && !_tourDir.isEmpty())
        file = QDir(_tourDir).filePath(file);
    QString error;
    if (!_host.playScenario(file, stop.maybeScenario->speed, error))
        logWarning(QStringLiteral("stop %1: scenario %2 not played (%3); touring on")
                       .arg(index + 1)
                       .arg(file, error));
    else
        logInfo(QStringLiteral("stop %1: playing scenario %2 at %3x")
                    .arg(index + 1)
                    .arg(file)
                    .arg(stop.maybeScenario->speed));
}

void KioskSession::leave(std::size_t index) {
    if (_tour.stops[index].maybeScenario)
        _host.stopScenario();
}

void KioskSession::onKey(const QKeyEvent& e) {
    switch (_secret->onKey(e, _clock.elapsed())) {
        case ExitSecret::Outcome::None:
            break;
        case ExitSecret::Outcome::PromptOpened:
            logInfo(QStringLiteral("exit PIN prompt opened"));
            _overlay->setPinPrompt(0);
            break;
        case ExitSecret::Outcome::PromptChanged:
            _overlay->setPinPrompt(_secret->typedDigits());
            break;
        case ExitSecret::Outcome::PromptClosed:
            _overlay->setPinPrompt(std::nullopt);
            break;
        case ExitSecret::Outcome::WrongPin:
            logWarning(QStringLiteral("wrong exit PIN"));
            _overlay->setPinPrompt(std::nullopt);
            break;
        case ExitSecret::Outcome::Exit:
            quit(0, QStringLiteral("operator exit"));
            break;
    }
}

void KioskSession::onActivity() {
    _lastActivity = now();
    if (_player->phase() != TourPlayer::Phase::Paused) {
        _player->pause();
        logInfo(QStringLiteral("a visitor took the view"));
    }
}

void KioskSession::onPicked(const std::optional<render::PickHit>& hit) {
    if (!hit) {
        _overlay->hideCard();
        return;
    }
    const geo::Feature& f = hit->feature();
    QString heading = qs(hit->layerId);
    // OSM names: "name" is the local (Chinese) one, "name:en" the English.
    const std::vector<const char*> keys =
        _settings.chinese
            ? std::vector<const char*>{"name:zh", "name_zh", "name", "sensor_id", "id"}
            : std::vector<const char*>{"name:en", "name_en", "name", "sensor_id", "id"};
    for (const char* key : keys) {
        if (const std::string* v = f.find(key); v && !v->empty()) {
            heading = qs(*v);
            break;
        }
    }
    QStringList lines{tr("Layer: %1").arg(qs(hit->layerId))};
    for (const auto& a : f.attributes) {
        if (lines.size() >= 6)
            break;
        if (!a.value.empty())
            lines << qs(a.name) + ": " + qs(a.value);
    }
    _overlay->showCard(heading, lines);
    logInfo(QStringLiteral("card: %1").arg(heading));
}

void KioskSession::onFrame() {
    _frameStats->onFrameEnd();
    // A frame can be drawn off screen (a grab before the window is mapped);
    // "ready" means a person (or systemd's health check) can see it.
    if (_host.view()->surface()->isExposed())
        _notifier->notifyReady();
    if (!_glWatched) {
        _glWatched = true;
        armFreezeTestHook(this);
        if (QOpenGLContext* context = QOpenGLContext::currentContext())
            connect(context, &QOpenGLContext::aboutToBeDestroyed, this, [this] {
                if (!_quitting)
                    quit(kExitRestart, QStringLiteral("the GL context was lost; exiting to be "
                                                      "restarted"));
            });
    }
    // Errors that mean the GPU gave up (frameRendered comes from drawFrame:
    // the context is current). Other GL errors are OSG's to report.
    if (QOpenGLContext* context = QOpenGLContext::currentContext()) {
        for (int i = 0; i < 8; ++i) {
            const GLenum error = context->functions()->glGetError();
            if (error == GL_NO_ERROR)
                break;
            if (error == GL_OUT_OF_MEMORY || error == 0x0507 /* GL_CONTEXT_LOST */) {
                quit(kExitRestart,
                     QStringLiteral("GL error 0x%1; exiting to be restarted").arg(error, 0, 16));
                break;
            }
        }
    }
}

void KioskSession::quit(int code, const QString& why) {
    if (_quitting)
        return;
    _quitting = true;
    _ticker.stop();
    if (code == 0)
        logInfo(why);
    else
        LogChannel::instance().write(geo::LogLevel::Error, QStringLiteral("kiosk: ") + why);
    _frameStats->report();
    _notifier->notifyStopping();
    QCoreApplication::exit(code);
}

}  // namespace citytwin::app::kiosk
