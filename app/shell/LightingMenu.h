#pragma once
// LightingMenu: View → Lighting, the choice of the sky: the sun at the scene
// clock's time (the default), a fixed pleasant light whatever the time, or
// the night style. The choice is remembered (QSettings view/lighting) when
// the window remembers its setup.

#include <QObject>

#include <array>

#include "view/SunLighting.h"

class QAction;
class QActionGroup;
class QMenu;

namespace citytwin::app {

class LightingMenu : public QObject {
    Q_OBJECT
public:
    /// Adds the submenu to `viewMenu`; applies the remembered choice to `sun`
    /// if `remember`, else starts with the scene clock's sun.
    LightingMenu(QMenu& viewMenu, SunLighting& sun, bool remember, QObject* parent = nullptr);

    /// Chooses a mode as the menu does (the kiosk's night style).
    void choose(SunLighting::Mode mode);
    void retranslate();

    /// "clock", "fixed", "night": the settings' and the kiosk's names.
    static const char* nameOf(SunLighting::Mode mode);

private:
    SunLighting& _sun;
    bool _remember;
    QMenu* _menu;
    std::array<QAction*, 3> _actions{};
};

}  // namespace citytwin::app
