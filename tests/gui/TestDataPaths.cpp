// shell/DataPaths: where the program finds its shipped data, installed or
// not. Real directories and files; CITYTWIN_DATA_DIR set and unset.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "shell/DataPaths.h"

using citytwin::app::dataRootCandidates;
using citytwin::app::findDataPath;

namespace {

void touch(const QString& path) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
}

class DataPaths : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        static int argc = 1;
        static char name[] = "test_data_paths";
        static char* argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
    }
    void SetUp() override { qunsetenv("CITYTWIN_DATA_DIR"); }
    void TearDown() override { qunsetenv("CITYTWIN_DATA_DIR"); }
};

TEST_F(DataPaths, searchesTheOverrideThenTheInstalledShareThenTheSourceTree) {
    qputenv("CITYTWIN_DATA_DIR", "/somewhere/data");
    const QStringList roots = dataRootCandidates();
    ASSERT_EQ(roots.size(), 3);
    EXPECT_EQ(roots[0].toStdString(), "/somewhere/data");
    EXPECT_EQ(roots[1].toStdString(),
              QDir::cleanPath(QCoreApplication::applicationDirPath() + "/../share/citytwin")
                  .toStdString());
    EXPECT_EQ(roots[2].toStdString(), CITYTWIN_SOURCE_DATA_DIR);
}

TEST_F(DataPaths, theOverrideWinsWhenItHasTheFile) {
    QTemporaryDir root;
    touch(root.path() + "/demo/buildings.geojson");
    qputenv("CITYTWIN_DATA_DIR", root.path().toUtf8());
    EXPECT_EQ(findDataPath("demo/buildings.geojson").toStdString(),
              QDir(root.path()).canonicalPath().toStdString() + "/demo/buildings.geojson");
}

TEST_F(DataPaths, aRootWithoutTheFileIsPassedOver) {
    QTemporaryDir root;
    touch(root.path() + "/demo/other.txt");
    qputenv("CITYTWIN_DATA_DIR", root.path().toUtf8());
    // The source tree's demo, not the override's demo/ that lacks the file.
    EXPECT_EQ(
        findDataPath("demo/buildings.geojson").toStdString(),
        QDir(CITYTWIN_SOURCE_DATA_DIR).canonicalPath().toStdString() + "/demo/buildings.geojson");
    EXPECT_TRUE(findDataPath("demo/no-such-file.json").isEmpty());
}

TEST_F(DataPaths, theInstalledLayoutBesideTheExecutableIsFound) {
    // <bin>/../share/citytwin, as /usr/bin and /usr/share/citytwin are.
    const QString share = QCoreApplication::applicationDirPath() + "/../share/citytwin";
    const QString marker = share + "/demo/test-data-paths-marker.txt";
    touch(marker);
    const QString expected = QFileInfo(marker).canonicalFilePath();
    const QString found = findDataPath("demo/test-data-paths-marker.txt");
    QFile::remove(marker);
    QDir().rmpath(share + "/demo");  // and share/citytwin, share: the build tree as it was
    EXPECT_FALSE(expected.isEmpty());
    EXPECT_EQ(found.toStdString(), expected.toStdString());
}

}  // namespace
