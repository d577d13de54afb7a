// The --log-file cap: a kiosk logging for weeks keeps at most keep+1 files
// of about maxBytes each, the newest lines in FILE, the oldest dropped.

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "shell/LogChannel.h"

using namespace citytwin;
using namespace citytwin::app;

TEST(LogRotation, capsTheLogFileAndKeepsThreeOlderOnes) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath("kiosk.log");
    LogRotation rotation;
    rotation.maxBytes = 4000;
    rotation.keep = 3;
    ASSERT_TRUE(LogChannel::instance().install(path, rotation).isEmpty());
    for (int i = 0; i < 1000; ++i)
        LogChannel::instance().write(geo::LogLevel::Info,
                                     QStringLiteral("line %1 of a long kiosk day").arg(i));
    LogChannel::instance().uninstall();

    for (const QString& name : {path, path + ".1", path + ".2", path + ".3"}) {
        ASSERT_TRUE(QFileInfo::exists(name)) << name.toStdString();
        EXPECT_LE(QFileInfo(name).size(), rotation.maxBytes) << name.toStdString();
    }
    EXPECT_FALSE(QFileInfo::exists(path + ".4"));
    QFile newest(path);
    ASSERT_TRUE(newest.open(QIODevice::ReadOnly));
    EXPECT_TRUE(newest.readAll().contains("line 999 of a long kiosk day"));
    QFile oldest(path + ".3");
    ASSERT_TRUE(oldest.open(QIODevice::ReadOnly));
    const QByteArray old = oldest.readAll();
    EXPECT_FALSE(old.contains("line 0 of")) << "the oldest lines are dropped";
    EXPECT_FALSE(old.contains("line 999 of"));
}

TEST(LogRotation, appendsToAnExistingFileAndCountsWhatIsThere) {
    QTemporaryDir dir;
    const QString path = dir.filePath("kiosk.log");
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3990, 'x') + '\n');
    }
    LogRotation rotation;
    rotation.maxBytes = 4000;
    ASSERT_TRUE(LogChannel::instance().install(path, rotation).isEmpty());
    LogChannel::instance().write(geo::LogLevel::Info, QStringLiteral("a line that does not fit"));
    LogChannel::instance().uninstall();
    EXPECT_TRUE(QFileInfo::exists(path + ".1"));
    EXPECT_EQ(QFileInfo(path + ".1").size(), 3991);
}
