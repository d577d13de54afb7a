#include "shell/DataPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace citytwin::app {

QStringList dataRootCandidates() {
    QStringList roots;
    if (const QString env = qEnvironmentVariable("CITYTWIN_DATA_DIR"); !env.isEmpty())
        roots << env;
    // Before QApplication exists applicationDirPath() is empty: skip the
    // installed root rather than search the current directory's ../share.
    if (const QString exeDir = QCoreApplication::applicationDirPath(); !exeDir.isEmpty())
        roots << QDir::cleanPath(exeDir + "/../share/citytwin");
    if (const QString source = QStringLiteral(CITYTWIN_SOURCE_DATA_DIR); !source.isEmpty())
        roots << source;
    return roots;
}

QString findDataPath(const QString& relative) {
    for (const QString& root : dataRootCandidates()) {
        const QFileInfo info(root + "/" + relative);
        if (info.exists())
            return info.canonicalFilePath();
    }
    return {};
}

}  // namespace citytwin::app
