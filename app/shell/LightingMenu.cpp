#include "shell/LightingMenu.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>

#include <algorithm>

namespace citytwin::app {
namespace {

const char* kLightingKey = "view/lighting";
constexpr std::array kModes{SunLighting::Mode::SceneClock, SunLighting::Mode::FixedPleasant,
                            SunLighting::Mode::Night};

}  // namespace

const char* LightingMenu::nameOf(SunLighting::Mode mode) {
    switch (mode) {
        case SunLighting::Mode::FixedPleasant:
            return "fixed";
        case SunLighting::Mode::Night:
            return "night";
        case SunLighting::Mode::SceneClock:
            break;
    }
    return "clock";
}

LightingMenu::LightingMenu(QMenu& viewMenu, SunLighting& sun, bool remember, QObject* parent)
    : QObject(parent), _sun(sun), _remember(remember), _menu(viewMenu.addMenu(QString())) {
    _menu->setObjectName("lightingMenu");
    auto* group = new QActionGroup(this);
    const QString remembered = remember ? QSettings().value(kLightingKey).toString() : QString();
    for (std::size_t i = 0; i < kModes.size(); ++i) {
        const SunLighting::Mode mode = kModes[i];
        QAction* a = _menu->addAction(QString());
        a->setObjectName(QStringLiteral("lighting_%1").arg(QLatin1String(nameOf(mode))));
        a->setCheckable(true);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode] { choose(mode); });
        _actions[i] = a;
        if (remembered == QLatin1String(nameOf(mode)))
            _sun.setMode(mode);
    }
    _actions[std::size_t(std::find(kModes.begin(), kModes.end(), _sun.mode()) - kModes.begin())]
        ->setChecked(true);
    retranslate();
}

void LightingMenu::choose(SunLighting::Mode mode) {
    _sun.setMode(mode);
    for (std::size_t i = 0; i < kModes.size(); ++i)
        _actions[i]->setChecked(kModes[i] == mode);
    if (_remember)
        QSettings().setValue(kLightingKey, QString::fromLatin1(nameOf(mode)));
}

void LightingMenu::retranslate() {
    _menu->setTitle(tr("&Lighting"));
    _actions[0]->setText(tr("&Sun at the scene time"));
    _actions[0]->setStatusTip(
        tr("Light the city from where the sun stands in Shanghai at the timeline's date and time"));
    _actions[1]->setText(tr("&Fixed pleasant light"));
    _actions[1]->setStatusTip(tr("A bright morning light, whatever the time"));
    _actions[2]->setText(tr("&Night style"));
    _actions[2]->setStatusTip(tr("A dark city under a night sky"));
}

}  // namespace citytwin::app
