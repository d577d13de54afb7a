// A new user's first hour in the real window (issue #15 items 1-3 and 5):
// the wheel zooms in toward the cursor and the camera keeps to its limits,
// Home flies back, a far tileset from File → Open is brought into view and
// says where it is, the layer tree's context menu, an .osm file's layers,
// the telecom sites CSV through the columns and CRS dialog, the Open
// dialog's filters, the window's fit and Reset layout. Screen shots go to
// build/tests/gui/out/first-hour-*.png.

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "DialogAnswer.h"
#include "GuiTestSupport.h"
#include "WindowTestSupport.h"
#include "citytwin/render/FeaturePicker.h"
#include "citytwin/render/LocalVertical.h"
#include "citytwin/render/SceneAtmosphere.h"
#include "citytwin/test/TestPaths.h"
#include "layers/CsvPointsDialog.h"
#include "layers/LayerPropertiesDialog.h"
#include "layers/LayerTreePanel.h"
#include "layers/ModelPlacementDialog.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

const QString kShared = QString::fromUtf8(test::kSharedDataDir);
const QString kFarTileset =
    kShared + "/06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume/city/tileset.json";

std::unique_ptr<MainWindow> openDemo(AppOptions options = {}) {
    options.noSensors = true;  // the first-hour checks need the city, not the pins
    return test::openWindow(options, QSize(800, 500));
}

QImage grab(MainWindow& w, const QString& name = {}) {
    const QImage image = test::grabView(w);
    if (!name.isEmpty())
        image.save(test::outputDir() + "/first-hour-" + name + ".png");
    return image;
}

/// A real wheel event at `pos` (widget coordinates): +120 is one notch forward.
void wheel(QWidget* widget, QPointF pos, int delta) {
    QWheelEvent e(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                  Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &e);
}

double eyeDistance(const OsgView& v) {
    const render::LookAt la = v.lookAt();
    return (la.center - la.eye).length();
}

double pitchDegrees(const OsgView& v) {
    const render::LookAt la = v.lookAt();
    osg::Vec3d d = la.center - la.eye;
    d.normalize();
    return std::asin(d.z()) * 180.0 / M_PI;
}

/// The local point under a widget position (the scene, else the ground).
std::optional<osg::Vec3d> pointUnder(OsgView& v, QPointF pos) {
    const double s = v.devicePixelRatioF();
    auto p = render::pickLocalPoint(*v.camera(), pos.x() * s, (v.height() - pos.y()) * s);
    return p;
}

using test::whenDialogOpens;

bool waitForFlight(MainWindow& w) {
    return QTest::qWaitFor(
        [&] {
            grab(w);
            return !w.view()->isFlying();
        },
        20000);
}

/// Triggers a context-menu action of a layer row by object name.
void triggerLayerAction(MainWindow& w, const QString& layerId, const char* action) {
    std::unique_ptr<QMenu> menu(w.layerTree()->contextMenuFor(layerId));
    auto* a = menu->findChild<QAction*>(action);
    ASSERT_NE(a, nullptr) << action;
    ASSERT_TRUE(a->isEnabled()) << action;
    a->trigger();
}

/// Opens files as a user would after File → Open; waits until they are merged and shown.
void openAndWait(MainWindow& w, const QStringList& files) {
    QSignalSpy finished(w.findChild<QObject*>("sceneLoader"), SIGNAL(finished(bool)));
    w.openFiles(files);
    ASSERT_TRUE(finished.count() > 0 || finished.wait(120000)) << "the load did not finish";
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            grab(w);
            return w.scene().pendingCount() == 0;
        },
        20000));
    grab(w);
    waitForFlight(w);
}

/// How bright (0..255) the layer's own pixels are: lit, or black.
double meanGreyWhereDifferent(const QImage& with0, const QImage& without0) {
    const QImage with = with0.convertToFormat(QImage::Format_RGB32);
    const QImage without = without0.convertToFormat(QImage::Format_RGB32);
    double sum = 0.0;
    long n = 0;
    for (int y = 0; y < with.height(); ++y)
        for (int x = 0; x < with.width(); ++x)
            if (with.pixel(x, y) != without.pixel(x, y)) {
                sum += qGray(with.pixel(x, y));
                ++n;
            }
    return n ? sum / double(n) : 0.0;
}

/// A layer's own pixels in the view: drawn with it and without it.
QRect silhouetteOf(MainWindow& w, const QString& id, int* count, const QString& name = {},
                   double* meanGrey = nullptr) {
    const QImage with = grab(w, name);
    // The layer's own drawing off, the ground under a far layer left standing.
    osg::Node* layer = w.scene().layerNode(id.toStdString());
    EXPECT_NE(layer, nullptr) << id.toStdString() << " is not in the scene";
    if (!layer)
        return {};
    layer->setNodeMask(0u);
    const QImage without = grab(w);
    layer->setNodeMask(~0u);
    grab(w);
    if (meanGrey)
        *meanGrey = meanGreyWhereDifferent(with, without);
    return test::differingRegion(with, without, 24, count);
}

/// Waits until the pager has read what the view asks for (tiles of a tileset).
void waitForTiles(MainWindow& w) {
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            grab(w);
            return w.view()->pagingRequests() == 0 && w.scene().pendingCount() == 0;
        },
        30000))
        << "paging requests still outstanding: " << w.view()->pagingRequests();
    grab(w);
}

/// The layer the last open added (its id is the tree's to choose).
QString newestLayer(MainWindow& w, const std::vector<std::string>& before) {
    for (const std::string& id : w.scene().layerIds())
        if (std::find(before.begin(), before.end(), id) == before.end())
            return QString::fromStdString(id);
    return {};
}

/// A layer framed whole (#13 item 3): the corners of its box drawn inside
/// the view, its own pixels touching no edge of the image, seen from the
/// side with the ground below (looking down, not along or up).
void expectFramedWhole(MainWindow& w, const QString& id, const QString& shot) {
    OsgView* view = w.view();
    const osg::BoundingBox box = w.scene().layerBox(id.toStdString());
    ASSERT_TRUE(box.valid()) << id.toStdString();
    const QRectF image(view->rect());
    for (unsigned i = 0; i < 8; ++i) {
        const auto p = view->widgetPointOf(osg::Vec3d(box.corner(i)));
        ASSERT_TRUE(p.has_value()) << "a corner of " << id.toStdString() << " behind the eye";
        EXPECT_TRUE(image.contains(*p))
            << id.toStdString() << ": corner " << i << " drawn at " << p->x() << "," << p->y();
    }
    int pixels = 0;
    const QRect at = silhouetteOf(w, id, &pixels, shot);
    EXPECT_GT(pixels, view->width() * view->height() / 100) << id.toStdString() << " not in view";
    EXPECT_TRUE(view->rect().adjusted(1, 1, -1, -1).contains(at))
        << id.toStdString() << " touches the image's border: " << at.x() << "," << at.y() << " "
        << at.width() << "x" << at.height();
    const double pitch = pitchDegrees(*view);
    EXPECT_LT(pitch, -20.0) << "not from above";
    EXPECT_GT(pitch, -60.0) << "not from the side";
}

}  // namespace

TEST(FirstHourNavigation, wheelForwardZoomsInTowardTheCursorAndBackwardOut) {
    AppOptions o;
    o.viewName = "lujiazui";
    auto w = openDemo(o);
    OsgView* view = w->view();
    grab(*w, "wheel-before");
    // Off the centre, where the zoom about the orbit centre would move the point.
    const QPointF cursor(view->width() * 0.3, view->height() * 0.65);
    const auto ground = pointUnder(*view, cursor);
    ASSERT_TRUE(ground.has_value());
    // The camera's distance to what the user points at.
    auto distance = [&] { return (view->lookAt().eye - *ground).length(); };
    const double before = distance();
    for (int i = 0; i < 3; ++i)
        wheel(view, cursor, 120);
    const double closer = distance();
    grab(*w, "wheel-forward");
    EXPECT_LT(closer, before * 0.7) << "wheel forward must zoom in";
    const auto drawnAt = view->widgetPointOf(*ground);
    ASSERT_TRUE(drawnAt.has_value());
    EXPECT_LT(std::hypot(drawnAt->x() - cursor.x(), drawnAt->y() - cursor.y()), 4.0)
        << "the point under the cursor must stay under it";
    wheel(view, cursor, -120);
    EXPECT_GT(distance(), closer * 1.1) << "wheel backward must zoom out";
}

TEST(FirstHourNavigation, zoomAndTiltStayWithinLimitsSoTheCityCannotBeLost) {
    auto w = openDemo();
    OsgView* view = w->view();
    const QPointF centre = view->rect().center();
    for (int i = 0; i < 60; ++i)
        wheel(view, centre, -120);
    grab(*w, "zoomed-out");
    const double maxDistance = view->navigationLimits().maxDistance;
    EXPECT_LT(maxDistance, 200e3) << "the ceiling follows the city's size";
    EXPECT_LE(eyeDistance(*view), maxDistance * 1.001);
    // Still the city, in the middle of the view: not a speck in empty space.
    const QImage out = grab(*w);
    EXPECT_GT(test::analyseImage(out).differentFromBackground, 0.08);
    const QColor middle = out.pixelColor(out.width() / 2, out.height() / 2);
    EXPECT_GT(std::abs(middle.red() - test::skyColour().red()) +
                  std::abs(middle.green() - test::skyColour().green()) +
                  std::abs(middle.blue() - test::skyColour().blue()),
              30)
        << "the view's centre is sky";
    for (int i = 0; i < 80; ++i)
        wheel(view, centre, 120);
    const render::LookAt la = view->lookAt();
    EXPECT_GE(la.eye.z() - la.center.z(), view->navigationLimits().minEyeHeight * 0.5);
    // Long left drags up and down orbit the tilt a long way: one of them
    // toward the horizon, where the camera stops below it.
    view->goHome();
    waitForFlight(*w);
    const double homePitch = pitchDegrees(*view);
    double flattest = -90.0, steepest = 0.0;
    for (int sign : {-1, 1, 1, -1}) {
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        for (int dy = 0; dy <= 200; dy += 10) {
            QTest::mouseMove(view, (centre + QPointF(0, sign * dy)).toPoint());
            grab(*w);
            flattest = std::max(flattest, pitchDegrees(*view));
            steepest = std::min(steepest, pitchDegrees(*view));
        }
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier,
                            (centre + QPointF(0, sign * 200)).toPoint());
    }
    grab(*w, "tilted");
    EXPECT_GT(flattest - steepest, 20.0)
        << "the drags did not tilt (home pitch " << homePitch << ")";
    EXPECT_LE(flattest, view->navigationLimits().flattestPitch + 0.5);
    EXPECT_GE(steepest, -90.0);
}

TEST(FirstHourNavigation, homeAndHFlyBackToTheCity) {
    auto w = openDemo();
    OsgView* view = w->view();
    const render::LookAt home = view->homeLookAt();
    // Somewhere else: 3 km east, low and steep.
    view->setLookAt(home.center + osg::Vec3d(3000, 0, 300), home.center + osg::Vec3d(3000, 100, 0),
                    {0, 0, 1}, false);
    grab(*w);
    // Shortcuts need the active window (the test runs without a window manager).
    w->activateWindow();
    QApplication::setActiveWindow(w.get());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_H);
    EXPECT_TRUE(view->isFlying()) << "Home must fly, not jump";
    ASSERT_TRUE(waitForFlight(*w));
    EXPECT_LT((view->lookAt().eye - home.eye).length(), 5.0);
    // The Home key and the toolbar do the same.
    view->setLookAt(home.center + osg::Vec3d(-2000, 0, 300), home.center, {0, 0, 1}, false);
    grab(*w);
    QTest::keyClick(view, Qt::Key_Home);
    EXPECT_TRUE(view->isFlying());
    ASSERT_TRUE(waitForFlight(*w));
    EXPECT_LT((view->lookAt().eye - home.eye).length(), 5.0);
    view->setLookAt(home.center + osg::Vec3d(-2000, 0, 300), home.center, {0, 0, 1}, false);
    auto* action = w->findChild<QAction*>("homeAction");
    ASSERT_NE(action, nullptr);
    auto* toolbar = w->findChild<QToolBar*>("navigationToolbar");
    ASSERT_NE(toolbar, nullptr);
    EXPECT_TRUE(toolbar->actions().contains(action)) << "Home is on the toolbar";
    action->trigger();
    ASSERT_TRUE(waitForFlight(*w));
    EXPECT_LT((view->lookAt().eye - home.eye).length(), 5.0);
}

// Framed by its root volume's box in its own east-north-up (not by the
// bound sphere's box in Shanghai's frame, several times its size) and lit
// from its own sky: the 40 small buildings fill the view, grey, not black.
TEST(FirstHourNavigation, aFarTilesetOpenedFromFileOpenIsInViewUprightAndSaysWhereItIs) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kFarTileset.toStdString());
    auto w = openDemo();
    // Through the real File → Open dialog: its filters, then the file chosen.
    QStringList filters;
    whenDialogOpens<QFileDialog>([&](QFileDialog* dialog) {
        filters = dialog->nameFilters();
        // Typed into the file name box, as a user pastes a path (selectFile
        // does nothing while the dialog's model is still reading the folder).
        auto* name = dialog->findChild<QLineEdit*>("fileNameEdit");
        ASSERT_NE(name, nullptr);
        name->setText(kFarTileset);
        QMetaObject::invokeMethod(dialog, "accept");  // the Open button
    });
    QSignalSpy finished(w->findChild<QObject*>("sceneLoader"), SIGNAL(finished(bool)));
    auto* open = w->findChild<QAction*>("openAction");
    ASSERT_NE(open, nullptr);
    open->trigger();
    ASSERT_FALSE(filters.isEmpty()) << "no File → Open dialog";
    EXPECT_TRUE(filters.front().startsWith("All supported")) << filters.front().toStdString();
    EXPECT_TRUE(filters.front().contains("tileset.json"));
    ASSERT_TRUE(finished.count() > 0 || finished.wait(120000));
    const QString id = "city/tileset.json";
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            grab(*w);
            return w->scene().hasLayer(id.toStdString()) && w->scene().pendingCount() == 0;
        },
        30000));
    EXPECT_EQ(w->layerTree()->layerName(id), id) << "named after its folder";
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            grab(*w);
            return w->layerTree()->itemFor(id)->toolTip(0).contains("km from the other layers");
        },
        20000));
    const QString tip = w->layerTree()->itemFor(id)->toolTip(0);
    EXPECT_TRUE(tip.contains("°W") && tip.contains("°N")) << tip.toStdString();  // Philadelphia
    EXPECT_TRUE(w->statusBar()->currentMessage().contains("km from the other layers"));

    // In view: the tileset's own pixels (drawn with and without it), inside
    // the view's edges. Over sky only, there are none.
    ASSERT_TRUE(waitForFlight(*w));
    waitForTiles(*w);
    OsgView* view = w->view();
    const QRect inside = view->rect().adjusted(2, 2, -2, -2);
    const int minPixels = view->width() * view->height() / 200;  // 0.5 % of the view
    int pixels = 0;
    double grey = 0.0;
    QRect at = silhouetteOf(*w, id, &pixels, "far-tileset", &grey);
    EXPECT_GT(pixels, minPixels) << "the far tileset is not in view";
    // Lit from above where it stands: Shanghai's light comes from under
    // Philadelphia's horizon and leaves it black (a grey of about 35).
    EXPECT_GT(grey, 90.0) << "the far tileset is drawn dark: lit from under its horizon";
    // It stands on a ground: looking 35° down there, the view's corners are
    // the ground's colour, not the sky's (the city's ground plane lies
    // 11,875 km away); hiding the layer hides its ground with it.
    {
        auto apart = [](const QColor& c, const osg::Vec4& v) {
            return std::abs(c.redF() - v.r()) + std::abs(c.greenF() - v.g()) +
                   std::abs(c.blueF() - v.b());
        };
        const osg::Vec4 horizon = view->atmosphere().look().horizon;
        const osg::Vec4 groundColour(0.86f, 0.86f, 0.84f, 1.f);
        ASSERT_NE(w->scene().layerGround(id.toStdString()), nullptr);
        QImage shot = grab(*w, "far-tileset-ground");
        QColor corner = shot.pixelColor(3, shot.height() - 4);
        EXPECT_LT(apart(corner, groundColour), 0.08)
            << "no ground under the far tileset: " << corner.name().toStdString();
        EXPECT_GT(apart(corner, horizon), 0.12) << "the corner is the sky's horizon colour";
        w->scene().setLayerVisible(id.toStdString(), false);
        shot = grab(*w, "far-tileset-hidden");
        corner = shot.pixelColor(3, shot.height() - 4);
        EXPECT_LT(apart(corner, horizon), 0.08)
            << "the ground outstayed its hidden layer: " << corner.name().toStdString();
        w->scene().setLayerVisible(id.toStdString(), true);
        grab(*w);
    }
    EXPECT_TRUE(inside.contains(at)) << "cut at the view's edge";
    // Upright: the camera's up leans the way of the tileset's own vertical,
    // not Shanghai's (11,875 km away, their verticals are 107° apart).
    const osg::Vec3d c = w->scene().layerBound(id.toStdString()).center();
    const render::LocalVertical there = render::verticalAt(*w->frame(), c);
    EXPECT_GT(view->lookAt().up * there.up, 0.7);
    EXPECT_LT(there.up * osg::Vec3d(0, 0, 1), 0.0) << "Philadelphia's up is not Shanghai's";

    // Navigating there keeps to its vertical: a wheel notch toward it and a
    // drag that orbits leave it in view, the camera above it. The middle of
    // its outline may be a gap between buildings: the zoom then aims at
    // the ground there, not at Shanghai's plane thousands of km away.
    const double before = (view->lookAt().eye - c).length();
    wheel(view, at.center(), 120);
    EXPECT_LT((view->lookAt().eye - c).length(), before) << "the notch did not zoom in";
    waitForTiles(*w);
    at = silhouetteOf(*w, id, &pixels, "far-tileset-wheel");
    EXPECT_GT(pixels, minPixels) << "a wheel notch lost the far tileset";
    const QPoint from = view->rect().center();
    QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, from);
    for (int dx = 0; dx <= 120; dx += 10) {
        QTest::mouseMove(view, from + QPoint(dx, 0));
        grab(*w);
    }
    QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, from + QPoint(120, 0));
    waitForTiles(*w);
    at = silhouetteOf(*w, id, &pixels, "far-tileset-orbit");
    EXPECT_GT(pixels, minPixels) << "orbiting lost the far tileset";
    const render::LookAt la = view->lookAt();
    EXPECT_GT(la.up * there.up, 0.5) << "upside down or on its side after the orbit";
    EXPECT_GT((la.eye - la.center) * there.up, 0.0) << "the eye went below the tileset";
}

// #13 item 3: a small model (the 3D Tiles trees and houses, 40 m across and
// a few metres tall, placed by the dialog) and a large one (the district's
// buildings, 4 km with towers of 400 m) are each framed whole.
TEST(FirstHourNavigation, anOpenedModelSmallOrLargeIsFramedWholeFromTheSide) {
    const QString trees = kShared +
                          "/06_3dtiles_gltf/3d-tiles-samples/1.1/MetadataGranularities/"
                          "tileset.json";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(trees.toStdString());
    auto w = openDemo();
    // The demo's own buildings would hide the copy opened below.
    w->scene().setLayerVisible("buildings", false);
    std::vector<std::string> before = w->scene().layerIds();
    bool placed = false;
    whenDialogOpens<ModelPlacementDialog>([&](ModelPlacementDialog* d) {
        placed = true;  // where it offers: the view's centre
        d->accept();
    });
    openAndWait(*w, {trees});
    EXPECT_TRUE(placed) << "no placement dialog for a tileset without georeference";
    const QString small = newestLayer(*w, before);
    ASSERT_FALSE(small.isEmpty());
    waitForTiles(*w);
    expectFramedWhole(*w, small, "framed-small");
    w->scene().setLayerVisible(small.toStdString(), false);

    before = w->scene().layerIds();
    openAndWait(*w, {QString(test::kRepoDataDir) + "/demo/buildings.geojson"});
    const QString large = newestLayer(*w, before);
    ASSERT_FALSE(large.isEmpty());
    waitForTiles(*w);
    expectFramedWhole(*w, large, "framed-large");
}

TEST(FirstHourNavigation, zoomToNewLayersCanBeTurnedOff) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kFarTileset.toStdString());
    auto w = openDemo();
    auto* zoom = w->findChild<QAction*>("zoomToNewLayersAction");
    ASSERT_NE(zoom, nullptr);
    EXPECT_TRUE(zoom->isChecked());
    zoom->setChecked(false);
    const render::LookAt before = w->view()->lookAt();
    openAndWait(*w, {kFarTileset});
    EXPECT_LT((w->view()->lookAt().eye - before.eye).length(), 1.0) << "the camera stayed";
    // Zoom to layer still takes the user there.
    triggerLayerAction(*w, "city/tileset.json", "zoomToLayerAction");
    waitForFlight(*w);
    EXPECT_GT((w->view()->lookAt().eye - before.eye).length(), 1000e3);
}

TEST(FirstHourNavigation, theLayerContextMenuZoomsRenamesFadesDescribesAndRemoves) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    LayerTreePanel* tree = w->layerTree();
    const QString id = "buildings";
    ASSERT_NE(tree->itemFor(id), nullptr);

    // Zoom to layer: from the side, the whole layer.
    triggerLayerAction(*w, id, "zoomToLayerAction");
    ASSERT_TRUE(waitForFlight(*w));
    EXPECT_NEAR(pitchDegrees(*w->view()), -35.0, 1.0);
    const QImage full = grab(*w, "zoom-to-buildings");

    // Opacity: the slider fades the buildings.
    {
        std::unique_ptr<QMenu> menu(tree->contextMenuFor(id));
        auto* slider = menu->findChild<QSlider*>("opacitySlider");
        ASSERT_NE(slider, nullptr);
        EXPECT_EQ(slider->value(), 100);
        slider->setValue(30);
    }
    EXPECT_NEAR(w->scene().layerOpacity(id.toStdString()), 0.3f, 1e-6);
    const QImage faded = grab(*w, "buildings-30-percent");
    EXPECT_GT(test::shareOfDifferentPixels(full, faded), 0.01);

    // Rename in place: typed, Enter.
    QSignalSpy renamed(tree, &LayerTreePanel::renamed);
    triggerLayerAction(*w, id, "renameLayerAction");
    auto* editor = tree->viewport()->findChild<QLineEdit*>();
    ASSERT_NE(editor, nullptr) << "no editor opened";
    editor->selectAll();
    QTest::keyClicks(editor, "Towers");
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits queued.
    ASSERT_TRUE(QTest::qWaitFor([&] { return renamed.count() == 1; }, 5000));
    EXPECT_EQ(tree->layerName(id), "Towers");
    EXPECT_TRUE(w->scene().isLayerVisible(id.toStdString())) << "a rename is not an untick";

    // Properties: source, CRS, extent, features.
    triggerLayerAction(*w, id, "layerPropertiesAction");
    auto* props = tree->findChild<LayerPropertiesDialog*>();
    ASSERT_NE(props, nullptr);
    EXPECT_TRUE(props->findChild<QLabel*>("propertySource")->text().endsWith("buildings.geojson"));
    EXPECT_TRUE(props->findChild<QLabel*>("propertyCrs")->text().contains("4326"));
    EXPECT_TRUE(props->findChild<QLabel*>("propertyExtent")->text().contains("°E"));
    EXPECT_GT(props->findChild<QLabel*>("propertyFeatures")->text().toInt(), 1000);
    props->grab().save(test::outputDir() + "/first-hour-properties.png");
    props->close();

    // Style… opens the window's style dialog (modal: answered here, it
    // would otherwise wait for the user for ever). The attribute table's
    // entry is there (what it opens is the attribute table's own test).
    {
        std::unique_ptr<QMenu> menu(tree->contextMenuFor(id));
        EXPECT_TRUE(menu->findChild<QAction*>("layerStyleAction")->isEnabled());
        EXPECT_NE(menu->findChild<QAction*>("attributeTableAction"), nullptr);
        menu->grab().save(test::outputDir() + "/first-hour-context-menu.png");
    }
    QSignalSpy style(tree, &LayerTreePanel::styleRequested);
    QString answered;
    whenDialogOpens<QDialog>([&](QDialog* d) {
        answered = QString::fromLatin1(d->metaObject()->className());
        d->grab().save(test::outputDir() + "/first-hour-style-dialog.png");
        d->reject();
    });
    triggerLayerAction(*w, id, "layerStyleAction");
    EXPECT_EQ(style.count(), 1);
    ASSERT_FALSE(style.isEmpty());
    EXPECT_EQ(style.front().front().toString(), id);
    EXPECT_FALSE(answered.isEmpty()) << "Style… opened no dialog";

    // Remove: gone from the tree and the scene.
    triggerLayerAction(*w, id, "removeLayerAction");
    EXPECT_EQ(tree->itemFor(id), nullptr);
    EXPECT_FALSE(w->scene().hasLayer(id.toStdString()));
    grab(*w, "buildings-removed");
}

TEST(FirstHourNavigation, anOsmFileListsItsNonEmptyLayersByFileAndLayer) {
    const QString osm = kShared + "/02_roads_metro/shanghai_huangpu_roads_osmnx.osm";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(osm.toStdString());
    auto w = openDemo();
    openAndWait(*w, {osm});
    QStringList names;
    for (int i = 0; i < w->layerTree()->topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = w->layerTree()->topLevelItem(i);
        if (it->text(0).startsWith("shanghai_huangpu_roads_osmnx.osm")) {
            names << it->text(0);
            EXPECT_GT(it->text(2).toInt(), 0) << it->text(0).toStdString() << " is empty";
        }
    }
    ASSERT_FALSE(names.isEmpty());
    EXPECT_LT(names.size(), 5) << "OSM's empty layers are listed: "
                               << names.join(", ").toStdString();
    for (const QString& n : names)
        EXPECT_TRUE(n.contains(".osm:")) << n.toStdString();
    names.removeDuplicates();
    EXPECT_EQ(names.size(), int(names.size()));
}

TEST(FirstHourNavigation, theTelecomSitesCsvOpensWithItsColumnsAndTheCrsAsked) {
    const QString csv = kShared + "/04_cell_towers/shanghai_telecom_base_stations_3008.csv";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(csv.toStdString());
    auto w = openDemo();
    QString x, y;
    bool refusedWithoutCrs = false;
    whenDialogOpens<CsvPointsDialog>([&](CsvPointsDialog* dialog) {
        x = dialog->findChild<QComboBox*>("csvXColumn")->currentText();
        y = dialog->findChild<QComboBox*>("csvYColumn")->currentText();
        dialog->grab().save(test::outputDir() + "/first-hour-csv-dialog.png");
        // OK without a CRS: refused with a message (answered here), never guessed.
        whenDialogOpens<QMessageBox>([&](QMessageBox* box) {
            refusedWithoutCrs = box->text().contains("never guessed");
            box->accept();
        });
        EXPECT_FALSE(dialog->choice().has_value());
        auto* crs = dialog->findChild<QComboBox*>("csvCrs");
        crs->setCurrentIndex(crs->findData("EPSG:4326"));
        dialog->accept();
    });
    openAndWait(*w, {csv});
    EXPECT_EQ(x, "longitude");
    EXPECT_EQ(y, "latitude");
    EXPECT_TRUE(refusedWithoutCrs);
    const QString id = "shanghai_telecom_base_stations_3008";
    QTreeWidgetItem* row = w->layerTree()->itemFor(id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->text(2), "3008");
    EXPECT_TRUE(row->text(1).contains("4326"));
    grab(*w, "telecom-sites");
}

TEST(FirstHourNavigation, theWindowFitsItsScreenAndResetLayoutRestoresTheDocks) {
    AppOptions o;
    o.fitToScreen = true;
    o.noSensors = true;
    MainWindow w(o);
    QSignalSpy loaded(&w, &MainWindow::sceneLoaded);
    w.show();
    w.start();
    ASSERT_TRUE(loaded.wait(180000));
    const QRect available = w.screen()->availableGeometry();
    EXPECT_TRUE(available.contains(w.geometry())) << w.width() << "x" << w.height() << " on "
                                                  << available.width() << "x" << available.height();
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        if (dock->isVisible()) {
            EXPECT_TRUE(w.rect().contains(dock->geometry())) << dock->objectName().toStdString();
        }
    }
    // Move the layer dock away, then Reset layout puts it back on the left.
    auto* layers = w.findChild<QDockWidget*>("layerDock");
    w.addDockWidget(Qt::RightDockWidgetArea, layers);
    EXPECT_EQ(w.dockWidgetArea(layers), Qt::RightDockWidgetArea);
    w.resetLayout();
    EXPECT_EQ(w.dockWidgetArea(layers), Qt::LeftDockWidgetArea);
    EXPECT_TRUE(available.contains(w.geometry()));
    test::grabWholeWindow(w).save(test::outputDir() + "/first-hour-window.png");
}
