// The loading indicator and the layer tree with a paged terrain, in-process:
// while the DatabasePager has requests the status bar says so, and the
// layer tree lists the terrain with its CRS and its memory use.

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

#include "GuiTestSupport.h"
#include "LabelShowWatcher.h"
#include "SyntheticRasters.h"
#include "layers/LayerTreePanel.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

TEST(TerrainPanels, statusBarShowsPagingAndTheTreeShowsCrsAndMemory) {
    const QString dir = test::outputDir() + "/terrain_panels";
    QDir().mkpath(dir);
    ASSERT_EQ(test::writeHillDem((dir + "/dem.tif").toStdString(), test::HillDem{}), "");
    ASSERT_EQ(test::writeSplitOrtho((dir + "/ortho.tif").toStdString(), test::SplitOrtho{}), "");

    AppOptions options;
    options.size = QSize(800, 500);
    options.dataFiles = {dir + "/dem.tif", dir + "/ortho.tif"};
    options.memoryBudgetMb = 256;
    MainWindow w(options);
    auto* paging = w.findChild<QLabel*>("pagingLabel");
    ASSERT_TRUE(paging);
    // A fast machine pages these few tiles in a handful of frames.
    auto watcher = std::make_unique<test::LabelShowWatcher>(paging);
    QSignalSpy loaded(&w, &MainWindow::sceneLoaded);
    w.show();
    w.start();
    ASSERT_TRUE(loaded.wait(180000)) << "scene did not load";
    EXPECT_TRUE(watcher->shown()) << "the status bar never showed outstanding tile requests";
    EXPECT_TRUE(watcher->text().contains(QRegularExpression("Loading tiles: \\d+")))
        << watcher->text().toStdString();
    watcher.reset();
    // Settled: the indicator goes once the last requests are answered.
    (void)QTest::qWaitFor([&] { return !paging->isVisible(); }, 10000);
    EXPECT_FALSE(paging->isVisible());
    EXPECT_EQ(w.view()->memoryBudget().budgetBytes(), std::size_t(256) << 20);

    QTreeWidgetItem* row = w.layerTree()->itemFor("dem");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->text(1), "EPSG:4549");
    // Several tiles with 256 x 256 textures: well over a megabyte, under the budget.
    // The memory column is refreshed on its own cadence, after the last tile.
    const auto rowMb = [&] { return row->text(3).section(' ', 0, 0).toDouble(); };
    (void)QTest::qWaitFor([&] { return rowMb() > 0.5; }, 10000);
    const double mb = rowMb();
    EXPECT_GT(mb, 0.5) << row->text(3).toStdString();
    EXPECT_LT(mb, 256.0);
    EXPECT_TRUE(row->text(3).endsWith("MB"));
}

TEST(TerrainPanels, anOrthophotoOpenedLaterDrapesOnTheDemAlreadyShown) {
    const QString dir = test::outputDir() + "/terrain_open_later";
    QDir().mkpath(dir);
    ASSERT_EQ(test::writeHillDem((dir + "/hill.tif").toStdString(), test::HillDem{}), "");
    ASSERT_EQ(test::writeSplitOrtho((dir + "/photo.tif").toStdString(), test::SplitOrtho{}), "");

    AppOptions options;
    options.size = QSize(800, 500);
    options.dataFiles = {dir + "/hill.tif"};
    MainWindow w(options);
    QSignalSpy loaded(&w, &MainWindow::sceneLoaded);
    w.show();
    w.start();
    ASSERT_TRUE(loaded.wait(180000)) << "scene did not load";
    auto redShare = [&] {
        QCoreApplication::processEvents();
        const QImage img = w.view()->grabFramebuffer();
        long red = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                red += c.red() > 110 && c.red() > 2 * c.green() && c.red() > 2 * c.blue();
            }
        return double(red) / (double(img.width()) * img.height());
    };
    EXPECT_LT(redShare(), 0.01);

    // As File → Open does after its dialog: the RGB GeoTIFF drapes on "hill".
    w.openFiles({dir + "/photo.tif"});
    QTRY_VERIFY_WITH_TIMEOUT(w.isSceneLoaded(), 120000);
    // Until the drape is drawn (the next frames after the load).
    // The new layer is framed whole with a margin, so the red half covers
    // about 4 % of the view; before the drape it covered none (< 1 %).
    (void)QTest::qWaitFor([&] { return redShare() > 0.025; }, 20000);
    const double red = redShare();
    w.view()->grabFramebuffer().save(test::outputDir() + "/terrain_open_later.png");
    EXPECT_GT(red, 0.025);
    EXPECT_EQ(w.layerTree()->topLevelItemCount(), 1);  // the DEM's layer, rebuilt
    ASSERT_TRUE(w.layerTree()->itemFor("hill"));
}
