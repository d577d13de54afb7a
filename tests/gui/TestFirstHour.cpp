// The operator's first hour (issue #15 items 4, 6, 8, 9) in the real window:
// imported districts that read (translucent fill, outline, names, roads
// visible through), the Style dialog, the pick highlight, a pin's history
// brought forward, pins clustering at city scale, demo names that fit
// where the sensors stand.

#include <gtest/gtest.h>

#include <osg/NodeVisitor>
#include <osgText/Text>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "GuiTestSupport.h"
#include "WindowTestSupport.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/CameraPose.h"
#include "citytwin/render/FeatureHighlight.h"
#include "citytwin/render/LayerStyle.h"
#include "citytwin/render/SensorGlyphLayer.h"
#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/test/TestPaths.h"
#include "layers/AttributePanel.h"
#include "layers/LayerStyleDialog.h"
#include "layers/LayerStyler.h"
#include "layers/LayerTreePanel.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorMonitor.h"
#include "shell/MainWindow.h"
#include "shell/SetupSettings.h"
#include "shell/Translations.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

std::unique_ptr<MainWindow> openDemo(AppOptions options) {
    return test::openWindow(options, QSize(960, 600));
}

/// A few frames, so that queued nodes and pending states are drawn.
QImage settle(MainWindow& w, int frames = 4) {
    QImage img;
    // Merges are budgeted per frame (a highlight can queue behind paged tiles):
    // draw until the scene has taken every queued layer, then a few frames more.
    EXPECT_TRUE(QTest::qWaitFor(
        [&w] { return (w.view()->grabFramebuffer(), w.scene().pendingCount() == 0); }, 30000))
        << w.scene().pendingCount() << " layers still queued";
    for (int i = 0; i < frames; ++i) {
        QCoreApplication::processEvents();
        img = w.view()->grabFramebuffer();
    }
    return img;
}

void placeCamera(MainWindow& w, const render::CameraPose& pose) {
    ASSERT_TRUE(w.frame());
    const render::LookAt la = render::lookAtFor(pose, *w.frame());
    w.view()->setLookAt(la.eye, la.center, la.up, false);
}

/// Layer → Style… on `layerId` as a user answers it: `answer` sets the
/// dialog's controls, OK applies and closes; waits for the restyle.
void restyleInTheDialog(MainWindow& w, const QString& layerId,
                        const std::function<void(LayerStyleDialog&)>& answer) {
    QSignalSpy restyled(&w, &MainWindow::layerRestyled);
    bool sawDialog = false;
    QTimer::singleShot(0, [&] {
        auto* d = qobject_cast<LayerStyleDialog*>(QApplication::activeModalWidget());
        if (!d)
            return;
        sawDialog = true;
        answer(*d);
        d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    ASSERT_TRUE(w.openStyleDialog(layerId));
    EXPECT_TRUE(sawDialog);
    ASSERT_TRUE(restyled.count() > 0 || restyled.wait(30000));
}

/// Share of pixels within `tol` of colour c in every channel.
double shareNear(const QImage& img, const QColor& c, int tol) {
    const QImage im = img.convertToFormat(QImage::Format_RGB32);
    std::size_t n = 0;
    for (int y = 0; y < im.height(); ++y) {
        const QRgb* row = reinterpret_cast<const QRgb*>(im.constScanLine(y));
        for (int x = 0; x < im.width(); ++x)
            if (std::abs(qRed(row[x]) - c.red()) <= tol &&
                std::abs(qGreen(row[x]) - c.green()) <= tol &&
                std::abs(qBlue(row[x]) - c.blue()) <= tol)
                ++n;
    }
    return double(n) / double(im.width() * im.height());
}

struct TextCount : osg::NodeVisitor {
    TextCount() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    std::set<std::string> texts;
    void apply(osg::Drawable& d) override {
        if (auto* t = dynamic_cast<osgText::Text*>(&d))
            texts.insert(t->getText().createUTF8EncodedString());
    }
};

osg::Node* layerNode(MainWindow& w, const std::string& id) {
    osg::Group* root = w.scene().root();
    for (unsigned i = 0; i < root->getNumChildren(); ++i)
        if (root->getChild(i)->getName() == id)
            return root->getChild(i);
    return nullptr;
}

/// Imports AMap's GCJ-02 districts into a project, converted to WGS 84, as
/// the import dialog does, and opens the project's layer in the window.
void importDistricts(MainWindow& w, const QString& project) {
    const std::string source = std::string(test::kSharedDataDir) +
                               "/03_admin_boundaries/shanghai_districts_datav_gcj02.json";
    auto store = geo::ProjectStore::openOrCreate(project.toStdString());
    ASSERT_TRUE(store) << store.messages();
    geo::ImportOptions o;
    o.layerName = "districts";
    o.maybeSourceCrs = geo::Crs::fromString("GCJ02").value();
    auto report = store.value().importVector(source, o);
    ASSERT_TRUE(report) << report.messages();
    w.openFiles({project});
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return w.layerTree()->itemFor("districts") != nullptr; }, 120000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.scene().pendingCount() == 0; }, 30000));
}

}  // namespace

TEST(FirstHour, gcj02DistrictsReadAsOutlinedTranslucentNamedAreasWithRoadsShowingThrough) {
    const QString source =
        QString(test::kSharedDataDir) + "/03_admin_boundaries/shanghai_districts_datav_gcj02.json";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(source.toStdString());
    QTemporaryDir dir;
    auto w = openDemo(AppOptions{});
    // Lujiazui from 2.5 km, looking down: roads, water, the district line on the river.
    placeCamera(*w, {121.497, 31.236, 2500.0, 0.0, -89.0});
    const QImage withoutDistricts = settle(*w);
    withoutDistricts.save(test::outputDir() + "/first-hour-lujiazui-before.png");
    // What the roads add to the image, before the districts cover it.
    auto roadsShare = [&] {
        const QImage with = settle(*w);
        w->scene().setLayerVisible("roads", false);
        const QImage without = settle(*w);
        w->scene().setLayerVisible("roads", true);
        return test::shareOfDifferentPixels(with, without, 16);
    };
    const double roadsBefore = roadsShare();
    // The districts are looked at from here, not flown to (View → Zoom to new layers).
    auto* zoomToNew = w->findChild<QAction*>("zoomToNewLayersAction");
    ASSERT_NE(zoomToNew, nullptr);
    if (zoomToNew->isChecked())
        zoomToNew->trigger();
    importDistricts(*w, dir.filePath("districts.gpkg"));
    ASSERT_FALSE(HasFatalFailure());

    const auto style = w->layerStyler()->styleOf("districts");
    ASSERT_TRUE(style);
    EXPECT_EQ(style->role, render::LayerRole::Area);
    EXPECT_LT(style->color.a(), 0.6f) << "an opaque slab hides what lies under it";
    EXPECT_GT(style->outlineColor.a(), 0.9f);
    EXPECT_EQ(style->labelAttribute, "name");
    osg::Node* node = layerNode(*w, "districts");
    ASSERT_NE(node, nullptr);
    TextCount labels;
    node->accept(labels);
    EXPECT_EQ(labels.texts.size(), 16u);
    EXPECT_TRUE(labels.texts.count("黄浦区"));
    EXPECT_TRUE(labels.texts.count("浦东新区"));

    const QImage near = settle(*w);
    near.save(test::outputDir() + "/first-hour-districts-lujiazui.png");
    // Roads still show through the fill: hiding them changes the image
    // about as much as before the districts covered them.
    const double roadsAfter = roadsShare();
    ASSERT_GT(roadsBefore, 0.01) << "no roads in the reference image";
    EXPECT_GT(roadsAfter, 0.6 * roadsBefore) << roadsBefore << " -> " << roadsAfter;
    EXPECT_GT(test::shareOfDifferentPixels(withoutDistricts, near, 10), 0.2)
        << "the fill does not show";

    // The city from 90 km up: 16 outlined districts with their names.
    placeCamera(*w, {121.45, 31.2, 90000.0, 0.0, -89.9});
    const QImage city = settle(*w);
    city.save(test::outputDir() + "/first-hour-districts-city.png");
    const QColor outline =
        QColor::fromRgbF(style->outlineColor.r(), style->outlineColor.g(), style->outlineColor.b());
    const double outlined = shareNear(city, outline, 30);
    EXPECT_GT(outlined, 0.004) << "district outlines not drawn";

    // Labels off and outlines off through the same restyling the Style dialog uses.
    QSignalSpy restyled(w.get(), &MainWindow::layerRestyled);
    render::LayerStyle plain = *style;
    plain.labelAttribute.clear();
    w->applyLayerStyle("districts", plain);
    ASSERT_TRUE(restyled.wait(30000));
    const QImage noLabels = settle(*w);
    EXPECT_GT(test::shareOfDifferentPixels(city, noLabels, 40), 0.002) << "labels not drawn";
    plain.outlineColor.a() = 0.f;
    w->applyLayerStyle("districts", plain);
    ASSERT_TRUE(restyled.wait(30000));
    const QImage noOutline = settle(*w);
    EXPECT_LT(shareNear(noOutline, outline, 30), 0.25 * outlined);
}

TEST(FirstHour, theStyleDialogRecoloursByAttributeAndSetsOpacity) {
    const QString source =
        QString(test::kSharedDataDir) + "/03_admin_boundaries/shanghai_districts_datav_gcj02.json";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(source.toStdString());
    QTemporaryDir dir;
    auto w = openDemo(AppOptions{});
    // The districts are looked at from here, not flown to (View → Zoom to new layers).
    auto* zoomToNew = w->findChild<QAction*>("zoomToNewLayersAction");
    ASSERT_NE(zoomToNew, nullptr);
    if (zoomToNew->isChecked())
        zoomToNew->trigger();
    importDistricts(*w, dir.filePath("districts.gpkg"));
    ASSERT_FALSE(HasFatalFailure());
    placeCamera(*w, {121.45, 31.2, 90000.0, 0.0, -89.9});
    const QImage before = settle(*w);
    restyleInTheDialog(*w, "districts", [](LayerStyleDialog& d) {
        d.findChild<QSpinBox*>("fillOpacity")->setValue(70);
        auto* field = d.findChild<QComboBox*>("categoryField");
        field->setCurrentIndex(field->findData("name"));
        d.findChild<QDoubleSpinBox*>("outlineWidth")->setValue(3.0);
        d.grab().save(test::outputDir() + "/first-hour-style-dialog.png");
    });
    ASSERT_FALSE(HasFatalFailure());
    const auto style = w->layerStyler()->styleOf("districts");
    ASSERT_TRUE(style);
    EXPECT_NEAR(style->color.a(), 0.7f, 0.01f);
    EXPECT_EQ(style->categoryAttribute, "name");
    EXPECT_EQ(style->categoryColors.size(), 16u);
    EXPECT_FLOAT_EQ(style->outlineWidth, 3.f);
    const QImage after = settle(*w);
    after.save(test::outputDir() + "/first-hour-districts-categorised.png");
    EXPECT_GT(test::shareOfDifferentPixels(before, after, 24), 0.1);
    // Not a vector layer: no dialog, and it says so (unattended: quietly).
    w->setUnattended(true);
    EXPECT_FALSE(w->openStyleDialog("sensors"));
}

TEST(FirstHour, theBuildingsLegendShowsTheirHeightBandsAndFollowsTheirStyle) {
    AppOptions o;
    o.viewName = "lujiazui";
    o.noSensors = true;
    auto w = openDemo(o);
    // The demo's buildings in height bands, the bands listed under the layer.
    auto legend = w->layerTree()->legendOf("buildings");
    QStringList shown;
    for (const auto& line : legend)
        shown << line.text;
    ASSERT_EQ(legend.size(), 5u) << shown.join(" | ").toStdString();
    EXPECT_EQ(legend.front().text, QStringLiteral("0–24 m"));
    EXPECT_EQ(legend[1].text, QStringLiteral("24–50 m"));
    EXPECT_EQ(legend.back().text, QStringLiteral("200 m and taller"));
    const auto bands = render::buildingHeightBands();
    const osg::Vec4& tallest = bands.back().color;
    EXPECT_EQ(legend.back().colour, QColor::fromRgbF(tallest.r(), tallest.g(), tallest.b()));
    // A layer of one colour has its swatch and no class rows.
    EXPECT_TRUE(w->layerTree()->legendOf("works").empty());
    EXPECT_FALSE(w->layerTree()->itemFor("works")->icon(0).isNull());
    // Cables by kind: the submarine cables' colour in the legend.
    bool submarine = false;
    for (const auto& line : w->layerTree()->legendOf("cables"))
        submarine = submarine || line.text == "submarine";
    EXPECT_TRUE(submarine);
    const QImage banded = settle(*w);
    banded.save(test::outputDir() + "/first-hour-buildings-bands.png");

    // Style… → Colour by "kind": the legend lists the kinds, then the rest.
    restyleInTheDialog(*w, "buildings", [](LayerStyleDialog& d) {
        auto* field = d.findChild<QComboBox*>("categoryField");
        EXPECT_EQ(field->currentText(), "Height bands");
        field->setCurrentIndex(field->findData("kind"));
    });
    ASSERT_FALSE(HasFatalFailure());
    const auto style = w->layerStyler()->styleOf("buildings");
    ASSERT_TRUE(style);
    EXPECT_TRUE(style->bands.empty());
    ASSERT_FALSE(style->categoryColors.empty());
    legend = w->layerTree()->legendOf("buildings");
    ASSERT_EQ(legend.size(), style->categoryColors.size() + 1);
    EXPECT_EQ(legend.front().text.toStdString(), style->categoryColors.begin()->first);
    EXPECT_EQ(legend.back().text, QStringLiteral("Other"));
    // The towers are drawn in their kinds' colours now.
    const QImage byKind = settle(*w);
    byKind.save(test::outputDir() + "/first-hour-buildings-kinds.png");
    EXPECT_GT(test::shareOfDifferentPixels(banded, byKind, 24), 0.02);
}

TEST(FirstHour, aPickedBuildingIsTintedAndTheNextPickMovesTheHighlight) {
    // Above the tallest tower of Lujiazui (the Shanghai Tower), looking down.
    auto buildings =
        geo::readVectorFile(std::string(test::kRepoDataDir) + "/demo/buildings.geojson");
    ASSERT_TRUE(buildings) << buildings.messages();
    double best = 0;
    geo::Extent tower;
    for (const auto& f : buildings->front().features)
        if (const std::string* h = f.find("height"); h && !f.geometry.polygons.empty())
            if (const double v = std::atof(h->c_str()); v > best) {
                best = v;
                tower = f.geometry.extent();
            }
    AppOptions o;
    o.maybeCamera = render::CameraPose{tower.centerX(), tower.centerY(), 2500.0, 0.0, -90.0};
    // The sun of the scene clock lights the tint: noon, not the hour the test
    // happens to run at (at night the amber roof is a dark olive).
    o.maybeStartTimeMs =
        QDateTime::fromString("2026-06-21T12:00:00+08:00", Qt::ISODate).toMSecsSinceEpoch();
    SetupSettings().setMapLabels(true);
    auto w = openDemo(o);
    OsgView* view = w->view();
    // The tower's name is drawn over its roof: labels off (View > Map labels),
    // so that what is counted is the roof's tint.
    auto* labels = w->findChild<QAction*>("mapLabelsAction");
    ASSERT_TRUE(labels && labels->isChecked());
    labels->trigger();
    EXPECT_FALSE(view->mapLabelsShown());
    const QImage before = settle(*w);
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, view->rect().center());
    ASSERT_TRUE(w->highlighted());
    const auto first = *w->highlighted();
    EXPECT_EQ(first.first, "buildings");
    EXPECT_EQ(w->layerTree()->currentItem(), w->layerTree()->itemFor("buildings"));
    const QImage tinted = settle(*w);
    tinted.save(test::outputDir() + "/first-hour-pick-highlight.png");
    const QColor amber(255, 219, 26);
    EXPECT_GT(shareNear(tinted, amber, 60), 0.0005) << "no tint drawn";
    EXPECT_LT(shareNear(before, amber, 60), shareNear(tinted, amber, 60));

    // Another building: the highlight moves (one feature highlighted at a time).
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier,
                      view->rect().center() + QPoint(view->width() / 5, view->height() / 6));
    if (w->highlighted()) {
        EXPECT_NE(*w->highlighted(), first);
    }
    // The sky: nothing picked, nothing highlighted.
    placeCamera(*w, {121.5055, 31.2335, 600.0, 0.0, 0.0});  // looking at the horizon
    settle(*w);
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, QPoint(view->width() / 2, 5));
    EXPECT_FALSE(w->highlighted());
}

TEST(FirstHour, theRiverRoadsAndTowersAreNamedInTheUiLanguageAndLTurnsTheNamesOff) {
    AppOptions o;
    o.viewName = "lujiazui";
    o.noSensors = true;                  // pins and their names are not what is looked at here
    SetupSettings().setMapLabels(true);  // as a first start (another test may have left them off)
    auto w = openDemo(o);
    OsgView* view = w->view();
    ASSERT_TRUE(view->mapLabelsShown());
    // Chinese menus are a little taller: the view keeps its size, so that the
    // pictures compare pixel for pixel.
    w->pinViewSize(view->size());
    const QImage english = settle(*w);
    english.save(test::outputDir() + "/first-hour-labels-en.png");
    // L, as a user presses it over the map: the names go...
    w->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(w.get()));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_L);
    EXPECT_FALSE(view->mapLabelsShown());
    EXPECT_FALSE(SetupSettings().mapLabels()) << "not remembered for the next start";
    const QImage bare = settle(*w);
    bare.save(test::outputDir() + "/first-hour-labels-off.png");
    int named = 0;
    const QRect where = test::differingRegion(english, bare, 24, &named);
    EXPECT_GT(named, 1500) << "no names drawn";
    // ...names over the whole view, not one spot of it.
    EXPECT_GT(where.width(), view->width() / 2) << where.width();
    EXPECT_GT(where.height(), view->height() / 3) << where.height();
    // ...and come back as they were.
    QTest::keyClick(view, Qt::Key_L);
    EXPECT_TRUE(view->mapLabelsShown());
    EXPECT_TRUE(SetupSettings().mapLabels());
    EXPECT_LT(test::shareOfDifferentPixels(english, settle(*w), 24), 0.002);

    // View > Language > 简体中文: the same places named in Chinese.
    QAction* chinese = nullptr;
    for (QAction* a : w->findChildren<QAction*>())
        if (a->text() == QStringLiteral("简体中文"))
            chinese = a;
    ASSERT_TRUE(chinese);
    QSignalSpy restyled(w.get(), &MainWindow::layerRestyled);
    chinese->trigger();
    // The river, the roads and the towers are relabelled.
    ASSERT_TRUE(QTest::qWaitFor([&] { return restyled.count() >= 3; }, 30000)) << restyled.count();
    for (const char* id : {"roads", "water", "buildings"})
        EXPECT_EQ(w->layerStyler()->styleOf(id)->labelAttribute, "name") << id;
    const QImage zh = settle(*w);
    zh.save(test::outputDir() + "/first-hour-labels-zh.png");
    ASSERT_EQ(zh.size(), english.size());
    int renamed = 0;
    const QRect changed = test::differingRegion(english, zh, 24, &renamed);
    EXPECT_GT(renamed, 500) << "the names did not change language";
    // Only the names changed, not the city under them (Chinese names, of
    // other lengths, may fit where English ones did not, and the other way).
    EXPECT_LT(test::shareOfDifferentPixels(english, zh, 24), 0.05);
    EXPECT_GT(changed.width(), view->width() / 2);
    w.reset();
    // The rest of this program's tests read English.
    installTranslators(*qApp, "en");
    SetupSettings().setLanguage(QString());
}

TEST(FirstHour, clickingAPinBringsItsHistoryForward) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    auto* history = w->findChild<QDockWidget*>("historyDock");
    auto* alerts = w->findChild<QDockWidget*>("alertDock");
    ASSERT_TRUE(history && alerts);
    alerts->raise();  // the start raises the alerts tab over the history
    auto* glyphs = w->sensorMonitor()->glyphs();
    const auto index = glyphs->indexOf("ns-03");
    ASSERT_TRUE(index);
    // Close above the pin so that it stands alone (no cluster), then click its head.
    const osg::Vec3d head = glyphs->headPosition(*index);
    w->view()->setLookAt(head + osg::Vec3d(0, -1, 800), head, osg::Vec3d(0, 1, 0), false);
    settle(*w, 6);
    osg::Camera* cam = w->view()->camera();
    const osg::Vec3d win = head * (cam->getViewMatrix() * cam->getProjectionMatrix() *
                                   cam->getViewport()->computeWindowMatrix());
    const double dpr = w->view()->devicePixelRatioF();
    const QPoint at(int(win.x() / dpr), w->view()->height() - int(win.y() / dpr));
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, at);
    ASSERT_TRUE(w->highlighted());
    EXPECT_EQ(w->highlighted()->first, render::SensorGlyphLayer::kLayerId);
    EXPECT_EQ(w->highlighted()->second, *index);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !history->visibleRegion().isEmpty(); }, 5000))
        << "the history tab stayed behind";
    // The chart shows the sensor once the query worker has answered its metrics.
    ASSERT_TRUE(QTest::qWaitFor([&] { return w->historyChart()->sensor().has_value(); }, 20000));
    EXPECT_EQ(w->historyChart()->sensor()->id, "ns-03");
    settle(*w);
    test::grabWholeWindow(*w).save(test::outputDir() + "/first-hour-pin-history.png");
}

TEST(FirstHour, pinsClusterAtCityScaleAndSplitAsTheUserZoomsIn) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    auto* glyphs = w->sensorMonitor()->glyphs();
    ASSERT_NE(glyphs, nullptr);
    const std::size_t n = glyphs->registry().size();
    ASSERT_GE(n, 20u);

    // City scale: the ~4 km of demo sensors are a few dozen pixels wide.
    placeCamera(*w, {121.50, 31.238, 40000.0, 0.0, -90.0});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            settle(*w, 1);
            return !glyphs->shownClusters().empty();
        },
        10000));
    settle(*w);
    const std::size_t farPins = glyphs->shownPinCount();
    const std::size_t farClusters = glyphs->shownClusters().size();
    std::size_t clustered = 0;
    for (const auto& c : glyphs->shownClusters())
        clustered += c.size();
    EXPECT_EQ(farPins + clustered, n);
    EXPECT_LT(farPins, n / 2);
    test::grabWholeWindow(*w).save(test::outputDir() + "/first-hour-clusters-far.png");
    // A badge takes its worst member's colour.
    for (std::size_t c = 0; c < farClusters; ++c) {
        int worst = -1;
        sensors::SensorLevel level = sensors::SensorLevel::NoData;
        for (std::size_t i : glyphs->shownClusters()[c]) {
            const auto l = glyphs->shownStatuses()[i].level;
            const int sev = l == sensors::SensorLevel::Alert    ? 4
                            : l == sensors::SensorLevel::Near   ? 3
                            : l == sensors::SensorLevel::Stale  ? 2
                            : l == sensors::SensorLevel::Normal ? 1
                                                                : 0;
            if (sev > worst) {
                worst = sev;
                level = l;
            }
        }
        EXPECT_EQ(glyphs->clusterColour(c), render::SensorGlyphLayer::colourOf(level));
    }
    // Idle means idle: an unmoved camera regroups nothing.
    EXPECT_FALSE(glyphs->updateClusters(*w->view()->camera()));

    // Street scale: the pins split again.
    placeCamera(*w, {121.50, 31.238, 1500.0, 0.0, -90.0});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            settle(*w, 1);
            return glyphs->shownPinCount() > farPins;
        },
        10000));
    settle(*w);
    EXPECT_GT(glyphs->shownPinCount(), n / 2);
    EXPECT_LT(glyphs->shownClusters().size() * 2, std::max<std::size_t>(farClusters * 2, 4));
    test::grabWholeWindow(*w).save(test::outputDir() + "/first-hour-clusters-near.png");
}

TEST(FirstHour, theDemoSensorsAreNamedAfterStreetsWhereTheyStandOrPlainlyAsCodes) {
    auto registry =
        sensors::SensorRegistry::importCsv(std::string(test::kRepoDataDir) + "/demo/sensors.csv");
    ASSERT_TRUE(registry) << registry.messages();
    auto roads = geo::readVectorFile(std::string(test::kRepoDataDir) + "/demo/roads.geojson");
    ASSERT_TRUE(roads) << roads.messages();
    const geo::LocalFrame frame({121.50, 31.238, 0.0});
    // Metres from a point to the nearest line of a named road.
    auto distanceTo = [&](const geo::GeoPoint& p, const std::string& name) {
        const geo::Vec3d q = frame.toLocal({p.x, p.y, 0.0});
        double best = 1e18;
        for (const auto& f : roads->front().features) {
            const std::string* n = f.find("name");
            if (!n || *n != name)
                continue;
            for (const auto& line : f.geometry.lines)
                for (std::size_t i = 0; i + 1 < line.size(); ++i) {
                    const geo::Vec3d a = frame.toLocal({line[i].x, line[i].y, 0.0});
                    const geo::Vec3d b = frame.toLocal({line[i + 1].x, line[i + 1].y, 0.0});
                    const double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
                    const double t =
                        l2 > 0 ? std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / l2, 0.0, 1.0)
                               : 0.0;
                    best = std::min(best, std::hypot(q.x - a.x - t * dx, q.y - a.y - t * dy));
                }
        }
        return best;
    };
    // Names of places elsewhere in the city are gone.
    for (const char* elsewhere : {"Renmin Square", "Yuyuan", "Xintiandi", "Huaihai",
                                  "People's Park", "Laoximen", "Dongjiadu", "Nanjing Rd"})
        for (const auto& s : registry->sensors())
            EXPECT_EQ(s.name.find(elsewhere), std::string::npos) << s.id << " " << s.name;
    int named = 0;
    for (const auto& s : registry->sensors()) {
        QString name = QString::fromStdString(s.name);
        if (name == QString::fromStdString(s.id).toUpper())
            continue;  // plainly a code
        const std::string street = name.section(' ', 0, 0).toStdString();
        if (street == "黄浦江")
            continue;  // in the river
        EXPECT_LT(distanceTo(s.position, street), 150.0) << s.id << " " << s.name;
        ++named;
    }
    EXPECT_GT(named, 25);
}
