// The main window on a 3D Tiles city: a click on a building shows its tile,
// feature id and batch-table row in the attribute panel, as a user sees it.

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <numbers>

#include "../render/LocalHttpServer.h"
#include "GuiTestSupport.h"
#include "LabelShowWatcher.h"
#include "citytwin/test/TestPaths.h"
#include "layers/AttributePanel.h"
#include "layers/LayerTreePanel.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

const std::string kCity = std::string(test::kSharedDataDir) +
                          "/06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume/city";

QString attributeValue(AttributePanel& p, const QString& name) {
    for (int r = 0; r < p.rowCount(); ++r)
        if (p.item(r, 0) && p.item(r, 0)->text() == name)
            return p.item(r, 1)->text();
    return {};
}

/// The batch table of ll.b3dm: each building's longitude and latitude (radians).
nlohmann::json llBatchTable() {
    std::ifstream in(kCity + "/ll.b3dm", std::ios::binary);
    const std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::uint32_t ft = 0, bt = 0;
    std::memcpy(&ft, b.data() + 12, 4);
    std::memcpy(&bt, b.data() + 20, 4);
    return nlohmann::json::parse(b.substr(28 + ft, bt));
}

}  // namespace

TEST(TilesPick, clickingABuildingOfATilesetShowsItsBatchTableRow) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kCity);
    AppOptions options;
    options.size = QSize(800, 500);
    options.dataFiles = {QString::fromStdString(kCity + "/tileset.json")};
    MainWindow w(options);
    QSignalSpy loaded(&w, &MainWindow::sceneLoaded);
    w.show();
    w.start();
    ASSERT_TRUE(loaded.wait(120000)) << "scene did not load";
    ASSERT_TRUE(w.frame().has_value());

    const auto table = llBatchTable();
    constexpr double kDeg = 180.0 / std::numbers::pi;
    int shown = 0;
    for (std::size_t i = 0; i < table["id"].size(); ++i) {
        const double lon = table["Longitude"][i].get<double>();
        const geo::Vec3d at =
            w.frame()->toLocal({lon * kDeg, table["Latitude"][i].get<double>() * kDeg, 0.0});
        // Straight down from 300 m, then a click in the middle of the view.
        w.view()->setLookAt(osg::Vec3d(at.x, at.y, 300.0), osg::Vec3d(at.x, at.y, 0.0),
                            osg::Vec3d(0, 1, 0), false);
        QCoreApplication::processEvents();
        QTest::qWait(50);
        w.attributePanel()->setRowCount(0);
        QTest::mouseClick(w.view(), Qt::LeftButton, Qt::NoModifier, w.view()->rect().center());
        if (!attributeValue(*w.attributePanel(), "layer").contains("ll.b3dm"))
            continue;
        EXPECT_EQ(attributeValue(*w.attributePanel(), "feature id"), QString::number(i));
        EXPECT_NEAR(attributeValue(*w.attributePanel(), "Longitude").toDouble(), lon, 1e-12);
        EXPECT_FALSE(attributeValue(*w.attributePanel(), "Height").isEmpty());
        ++shown;
    }
    EXPECT_GE(shown, 7);
    const QImage shot = w.view()->grabFramebuffer();
    shot.save(test::outputDir() + "/tiles_pick.png");
}

TEST(TilesPick, fileOpenUrlLoadsATilesetFromAServer) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kCity);
    // A real server on 127.0.0.1 serving the samples; the user types its URL.
    test::LocalHttpServer server(std::string(test::kSharedDataDir) +
                                 "/06_3dtiles_gltf/3d-tiles-samples");
    ASSERT_TRUE(server.ok()) << "python3 -m http.server did not start";
    AppOptions options;
    options.size = QSize(800, 500);
    options.dataFiles = {QString::fromStdString(kCity + "/tileset.json")};
    MainWindow w(options);
    QSignalSpy loaded(&w, &MainWindow::sceneLoaded);
    w.show();
    w.start();
    ASSERT_TRUE(loaded.wait(120000)) << "scene did not load";

    auto* openUrl = w.findChild<QAction*>("openUrlAction");
    ASSERT_NE(openUrl, nullptr);
    const QString url =
        QString::fromStdString(server.url("1.0/TilesetWithRequestVolume/tileset.json"));
    bool typed = false;
    QTimer::singleShot(200, [&] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setTextValue(url);
        typed = true;
        dialog->accept();
    });
    openUrl->trigger();
    ASSERT_TRUE(typed) << "no URL dialog";
    ASSERT_TRUE(loaded.wait(120000)) << "the URL did not load";
    QTreeWidgetItem* item = w.layerTree()->itemFor("TilesetWithRequestVolume/tileset.json");
    ASSERT_NE(item, nullptr);
    EXPECT_TRUE(w.scene().isLayerVisible("TilesetWithRequestVolume/tileset.json"));
}

TEST(TilesPick, aPagedTilesetShowsLoadingThenItsCrsAndMemoryInTheLayerTree) {
    // 21 point tiles in three levels over 2 km, written by the bench's generator.
    const QString dir = test::outputDir() + "/tiles/paged";
    QDir(dir).removeRecursively();
    QProcess make;
    make.start("python3", {QString(test::kRepoDataDir) + "/../bench/render/make_tileset.py", dir,
                           "--side", "2000", "--levels", "3", "--points", "3000"});
    ASSERT_TRUE(make.waitForFinished(120000)) << "make_tileset.py did not finish";
    ASSERT_EQ(make.exitCode(), 0) << make.readAllStandardError().toStdString();

    AppOptions options;
    options.size = QSize(800, 500);
    options.dataFiles = {dir + "/tileset.json"};
    options.memoryBudgetMb = 256;
    MainWindow w(options);
    auto* paging = w.findChild<QLabel*>("pagingLabel");
    ASSERT_TRUE(paging);
    auto watcher = std::make_unique<test::LabelShowWatcher>(paging);
    QSignalSpy loaded(&w, &MainWindow::sceneLoaded);
    w.show();
    w.start();
    ASSERT_TRUE(loaded.wait(120000)) << "scene did not load";
    // The children were paged in after the load: the status bar said so.
    EXPECT_TRUE(watcher->text().contains(QRegularExpression("Loading tiles: \\d+")))
        << watcher->text().toStdString();
    watcher.reset();

    QTreeWidgetItem* row = w.layerTree()->itemFor("paged/tileset.json");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->text(1), "EPSG:4978");
    QTRY_VERIFY_WITH_TIMEOUT(row->text(3).endsWith("MB"), 5000);
    const double mb = row->text(3).section(' ', 0, 0).toDouble();
    // More than the root alone (3,000 points, 0.04 MB): children were paged in.
    EXPECT_GE(mb, 0.1) << row->text(3).toStdString();
    bool counted = false;
    for (const auto& layer : w.view()->memoryBudget().layers())
        if (layer.layerId == "paged/tileset.json")
            counted = layer.paged;
    EXPECT_TRUE(counted) << "the tileset does not count against the memory budget";
    const QImage img = w.view()->grabFramebuffer();
    img.save(test::outputDir() + "/tiles_paged.png");
    EXPECT_GT(test::analyseImage(img).distinctColours, 50);  // the points' colour ramp
}
