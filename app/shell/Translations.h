#pragma once
// Loads the user-interface language: ours from :/i18n (zh_CN, en) and Qt's
// own from the system. English is the source language.

#include <QString>

class QCoreApplication;

namespace citytwin::app {

/// requested: "zh_CN", "en", ... or empty for the system locale. Returns the
/// language actually used ("en" when no catalogue matches).
QString installTranslators(QCoreApplication& app, const QString& requested);

}  // namespace citytwin::app
