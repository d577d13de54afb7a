// The main window on a 3D Tiles city: a click on a building shows its tile,
// feature id and batch-table row in the attribute panel, as a user sees it.

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
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
#include "citytwin/render/PagedMemoryBudget.h"
#include "citytwin/test/TestPaths.h"
#include "layers/AttributePanel.h"
#include "layers/LayerPropertiesDialog.h"
#include "layers/LayerTreePanel.h"
#include "shell/MainWindow.h"
#include "tools/AttributeTable.h"
#include "tools/OperatorDocks.h"
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

/// The window on the city tileset, loaded.
std::unique_ptr<MainWindow> openCity(QSize size) {
    AppOptions options;
    options.size = size;
    options.dataFiles = {QString::fromStdString(kCity + "/tileset.json")};
    auto w = std::make_unique<MainWindow>(options);
    QSignalSpy loaded(w.get(), &MainWindow::sceneLoaded);
    w->show();
    w->start();
    EXPECT_TRUE(loaded.wait(120000)) << "scene did not load";
    return w;
}

/// Where ll.b3dm's batch table puts building i (radians), in the window's frame.
geo::Vec3d buildingAt(const MainWindow& w, const nlohmann::json& batch, std::size_t i) {
    constexpr double kDeg = 180.0 / std::numbers::pi;
    return w.frame()->toLocal({batch["Longitude"][i].get<double>() * kDeg,
                               batch["Latitude"][i].get<double>() * kDeg, 0.0});
}

/// The camera straight down on `at` from `height` metres.
void lookDownOn(MainWindow& w, const geo::Vec3d& at, double height) {
    w.view()->setLookAt(osg::Vec3d(at.x, at.y, height), osg::Vec3d(at.x, at.y, 0.0),
                        osg::Vec3d(0, 1, 0), false);
}

/// Pixels in the pick highlight's amber (drawn unlit: its colour as given).
int amberPixels(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() > 200 && c.green() > 150 && c.green() < 235 && c.blue() < 90;
        }
    return n;
}

int columnOf(const AttributeTableModel& m, const std::string& name) {
    const auto& c = m.columns();
    const auto it = std::find(c.begin(), c.end(), name);
    return it == c.end() ? -1 : int(it - c.begin());
}

}  // namespace

TEST(TilesPick, theAttributeTableOfATilesetListsItsBatchTablesAndSelectsBothWays) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kCity);
    auto window = openCity(QSize(900, 700));
    MainWindow& w = *window;
    ASSERT_TRUE(w.frame().has_value());
    const auto batch = llBatchTable();
    lookDownOn(w, buildingAt(w, batch, 0), 500.0);
    w.view()->grabFramebuffer();  // the pager reads what the view needs

    // From the layer tree's context menu, as for a vector layer.
    const QString id = "city/tileset.json";
    {
        std::unique_ptr<QMenu> menu(w.layerTree()->contextMenuFor(id));
        auto* action = menu->findChild<QAction*>("attributeTableAction");
        ASSERT_NE(action, nullptr);
        ASSERT_TRUE(action->isEnabled()) << "a tileset's table is offered";
        action->trigger();
    }
    AttributeTablePanel& panel = *w.docks()->attributeTable();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel.isBusy(); }, 60000));
    ASSERT_TRUE(w.docks()->attributeDock()->isVisible());
    AttributeTableModel& model = *panel.model();
    const int tile = columnOf(model, "tile");
    const int lon = columnOf(model, "Longitude");
    ASSERT_GE(tile, 0);
    ASSERT_GE(lon, 0);
    ASSERT_GE(columnOf(model, "Height"), 0);
    // Ten buildings in each loaded tile, ll.b3dm's as its batch table says.
    ASSERT_GE(model.rowCount(), 10);
    EXPECT_EQ(model.rowCount() % 10, 0);
    auto rowOf = [&](const QString& tileName, std::size_t batchId) {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, tile).data().toString() == tileName &&
                model.index(r, 0).data().toString() == QString::number(batchId))
                return r;
        return -1;
    };
    for (std::size_t i = 0; i < batch["id"].size(); ++i) {
        const int r = rowOf("ll.b3dm", i);
        ASSERT_GE(r, 0) << "building " << i;
        EXPECT_NEAR(model.index(r, lon).data().toString().toDouble(),
                    batch["Longitude"][i].get<double>(), 1e-12);
    }

    // A row clicked: the building is tinted in 3D and flown to.
    const int before = amberPixels(w.view()->grabFramebuffer());
    const int row = rowOf("ll.b3dm", 3);
    panel.table()->scrollTo(model.index(row, 0));
    QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      panel.table()->visualRect(model.index(row, 0)).center());
    ASSERT_TRUE(w.highlighted().has_value());
    EXPECT_EQ(w.highlighted()->first, id + "/ll.b3dm");
    EXPECT_EQ(w.highlighted()->second, 3u);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            w.view()->grabFramebuffer();
            return !w.view()->isFlying() && w.scene().layerNode("highlight");
        },
        20000));
    const osg::BoundingSphere lit = w.scene().layerNode("highlight")->getBound();
    ASSERT_TRUE(lit.valid()) << "the highlight holds the building's triangles";
    const geo::Vec3d at = buildingAt(w, batch, 3);
    EXPECT_LT(std::hypot(lit.center().x() - at.x, lit.center().y() - at.y), 25.0)
        << "the highlight stands where the batch table puts building 3";
    const QImage shot = w.view()->grabFramebuffer();
    shot.save(test::outputDir() + "/tiles_table_row_selected.png");
    const int after = amberPixels(shot);
    EXPECT_GT(after, before + 200) << "before " << before << ", after " << after;

    // The other way: a building clicked on the map selects its row.
    int selected = 0;
    for (std::size_t i = 0; i < batch["id"].size(); ++i) {
        lookDownOn(w, buildingAt(w, batch, i), 300.0);
        QCoreApplication::processEvents();
        QTest::mouseClick(w.view(), Qt::LeftButton, Qt::NoModifier, w.view()->rect().center());
        if (!w.highlighted() || !w.highlighted()->first.endsWith("/ll.b3dm"))
            continue;
        const QModelIndex current = panel.table()->currentIndex();
        ASSERT_TRUE(current.isValid());
        EXPECT_EQ(model.index(current.row(), tile).data().toString(), "ll.b3dm");
        EXPECT_EQ(model.index(current.row(), 0).data().toString(),
                  QString::number(w.highlighted()->second));
        EXPECT_TRUE(panel.table()->selectionModel()->isRowSelected(current.row(), {}));
        ++selected;
    }
    EXPECT_GE(selected, 5);
    w.view()->grabFramebuffer().save(test::outputDir() + "/tiles_table_map_pick.png");
}

// #17: a paged tileset's table follows the pager. Tiles expired under a
// tight memory budget leave it, tiles read when the view comes back join it;
// the filter, the sort and the selected building stay as the user left them.
TEST(TilesPick, theAttributeTableOfAPagedTilesetFollowsTheTilesReadAndExpired) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kCity);
    auto window = openCity(QSize(900, 700));
    MainWindow& w = *window;
    ASSERT_TRUE(w.frame().has_value());
    const QString id = "city/tileset.json";
    auto tilesRead = [&] {
        return QTest::qWaitFor(
            [&] {
                w.view()->grabFramebuffer();
                return w.view()->pagingRequests() == 0 && w.scene().pendingCount() == 0;
            },
            30000);
    };
    ASSERT_TRUE(tilesRead());  // opened framed whole: its four tiles are read
    {
        std::unique_ptr<QMenu> menu(w.layerTree()->contextMenuFor(id));
        menu->findChild<QAction*>("attributeTableAction")->trigger();
    }
    AttributeTablePanel& panel = *w.docks()->attributeTable();
    AttributeTableModel& model = *panel.model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel.isBusy(); }, 60000));
    ASSERT_EQ(model.rowCount(), 40) << "four tiles of ten buildings";
    // The user's filter (every b3dm tile), sort (tallest first) and choice.
    const int height = columnOf(model, "Height");
    const int tile = columnOf(model, "tile");
    ASSERT_GE(height, 0);
    panel.filterEdit()->setText("b3dm");
    panel.sortBy(height, Qt::DescendingOrder);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel.isBusy(); }, 30000));
    int chosen = -1;
    for (int r = 0; r < model.rowCount() && chosen < 0; ++r)
        if (model.index(r, tile).data().toString() == "ll.b3dm")
            chosen = r;
    ASSERT_GE(chosen, 0);
    const QString chosenId = model.index(chosen, 0).data().toString();
    QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      panel.table()->visualRect(model.index(chosen, 0)).center());
    ASSERT_TRUE(panel.selectedFeature().has_value());

    // Looking away (the tileset out of sight), with a budget smaller than
    // the tiles: the pager expires them (a tile's children leave together),
    // and the table empties.
    const render::LookAt la = w.view()->lookAt();
    w.view()->setLookAt(la.eye, la.eye - (la.center - la.eye), la.up, false);  // turned round
    render::PagedMemoryBudget& budget = w.view()->memoryBudget();
    const std::size_t roomy = budget.budgetBytes();
    ASSERT_GT(budget.pagedBytes(), 0u);
    budget.setBudgetBytes(budget.pagedBytes() / 10);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            // Frames: the budget is enforced in their update phase.
            w.view()->grabFramebuffer();
            return !panel.isBusy() && model.rowCount() == 0;
        },
        30000))
        << "rows " << model.rowCount() << ", expired " << budget.expiredChildren();
    EXPECT_EQ(panel.filterEdit()->text(), "b3dm");
    EXPECT_FALSE(panel.selectedFeature().has_value());

    // Back to the whole tileset, the budget roomy again: all forty return,
    // still filtered and sorted, and the chosen building selected again.
    budget.setBudgetBytes(roomy);
    w.zoomToLayer(id);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            w.view()->grabFramebuffer();
            return !w.view()->isFlying() && !panel.isBusy() && model.rowCount() == 40;
        },
        60000))
        << "rows " << model.rowCount();
    EXPECT_EQ(panel.table()->horizontalHeader()->sortIndicatorSection(), height);
    for (int r = 1; r < model.rowCount(); ++r)
        EXPECT_GE(model.index(r - 1, height).data().toString().toDouble(),
                  model.index(r, height).data().toString().toDouble())
            << "still sorted tallest first";
    const auto selected = panel.selectedFeature();
    ASSERT_TRUE(selected.has_value()) << "the selection was lost";
    const int row = model.rowOf(*selected);
    ASSERT_GE(row, 0);
    EXPECT_EQ(model.index(row, tile).data().toString(), "ll.b3dm");
    EXPECT_EQ(model.index(row, 0).data().toString(), chosenId);
    w.view()->grabFramebuffer().save(test::outputDir() + "/tiles_table_follows_pager.png");
}

TEST(TilesPick, clickingABuildingOfATilesetShowsItsBatchTableRow) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kCity);
    auto window = openCity(QSize(800, 500));
    MainWindow& w = *window;
    ASSERT_TRUE(w.frame().has_value());

    const auto table = llBatchTable();
    int shown = 0;
    for (std::size_t i = 0; i < table["id"].size(); ++i) {
        const double lon = table["Longitude"][i].get<double>();
        // Straight down from 300 m, then a click in the middle of the view.
        lookDownOn(w, buildingAt(w, table, i), 300.0);
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

    // Its properties list what its tileset.json says, read from the URL
    // (through the tile cache) on a worker.
    {
        std::unique_ptr<QMenu> menu(
            w.layerTree()->contextMenuFor("TilesetWithRequestVolume/tileset.json"));
        menu->findChild<QAction*>("layerPropertiesAction")->trigger();
    }
    auto* props = w.layerTree()->findChild<LayerPropertiesDialog*>();
    ASSERT_NE(props, nullptr);
    EXPECT_TRUE(props->findChild<QLabel*>("propertySource")->text().startsWith("http://127.0.0.1"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return props->findChild<QTableWidget*>("propertyTilesetMetadata") != nullptr; },
        30000))
        << (props->findChild<QLabel*>("propertyTilesetMetadataError")
                ? props->findChild<QLabel*>("propertyTilesetMetadataError")->text().toStdString()
                : "still reading");
    auto* table = props->findChild<QTableWidget*>("propertyTilesetMetadata");
    QString version;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == "asset.version")
            version = table->item(r, 1)->text();
    EXPECT_EQ(version, "1.0");
    EXPECT_TRUE(table->isVisible());
    EXPECT_EQ(props->findChild<QLabel*>("propertyTilesetMetadataReading"), nullptr);
    props->grab().save(test::outputDir() + "/tiles_url_properties.png");
    props->close();
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
