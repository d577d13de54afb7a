#pragma once
// The main window's own menus and actions (MainWindowMenus.cpp builds and
// retranslates them); private to shell/.

#include <QString>

#include <utility>
#include <vector>

#include "shell/MainWindow.h"

class QAction;
class QMenu;
class QToolBar;

namespace citytwin::app {

struct MainWindow::Ui {
    QMenu* fileMenu = nullptr;
    QAction* import = nullptr;
    QMenu* viewMenu = nullptr;
    QMenu* namedViewsMenu = nullptr;
    QMenu* helpMenu = nullptr;
    QToolBar* toolbar = nullptr;
    QAction* open = nullptr;
    QAction* openUrl = nullptr;
    QAction* saveScreenshot = nullptr;
    QAction* quit = nullptr;
    QAction* home = nullptr;
    QAction* northUp = nullptr;
    QAction* about = nullptr;
    QMenu* recentMenu = nullptr;
    QAction* resetLayout = nullptr;
    QAction* zoomToNewLayers = nullptr;
    QAction* mapLabels = nullptr;
    QMenu* languageMenu = nullptr;
    std::vector<std::pair<QAction*, QString>> languages;  ///< action, code ("" = system)
    std::vector<std::pair<QAction*, QString>> namedViews;
};

}  // namespace citytwin::app
