// The Tools menu driven in-process on the demo like an operator would: type
// a coordinate into Go to and land there; click two known points and read
// the distance; click a polygon and read its area; click a building for its
// height. Expected values come from PROJ's geodesics (geodesic.h) on the
// points the tool actually took, and from the building's own attributes.

#include <gtest/gtest.h>

#include <geodesic.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <osg/Viewport>

#include "DialogAnswer.h"
#include "GuiTestSupport.h"
#include "WindowTestSupport.h"
#include "citytwin/render/BuildingHeight.h"
#include "citytwin/render/FeaturePicker.h"
#include "shell/MainWindow.h"
#include "tools/GoToDialog.h"
#include "tools/MeasurePanel.h"
#include "tools/OperatorTools.h"
#include "tools/SearchPanel.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;
using citytwin::test::whenDialogOpens;

namespace {

std::unique_ptr<MainWindow> openDemoLookingDownAt(const geo::GeoPoint& p, double height) {
    return test::openDemoWindow({p.x, p.y, height, 0.0, -90.0});
}

QPoint screenPosition(MainWindow& w, const geo::GeoPoint& p) {
    w.view()->grabFramebuffer();
    const geo::Vec3d l = w.frame()->toLocal({p.x, p.y, 0.0});
    const auto at = w.view()->widgetPointOf({l.x, l.y, 0.0});
    EXPECT_TRUE(at.has_value());
    return at ? at->toPoint() : QPoint();
}

double geodesic(const geo::GeoPoint& a, const geo::GeoPoint& b) {
    struct geod_geodesic g;
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    double s12 = 0.0;
    geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
    return s12;
}

/// The number after `prefix` in the panel's text ("Total: ground 612.34 m").
double numberAfter(const QString& text, const QString& prefix) {
    const QRegularExpression re(QRegularExpression::escape(prefix) + R"(\s*(-?[0-9]+\.[0-9]+))");
    const auto m = re.match(text);
    EXPECT_TRUE(m.hasMatch()) << prefix.toStdString() << " not in: " << text.toStdString();
    return m.hasMatch() ? m.captured(1).toDouble() : NAN;
}

// West of 121.5 E by ~140 m: the zone (from the first point) must not depend on where
// within a pixel or two the click lands (121.5 E is the CM 120E / CM 123E border).
const geo::GeoPoint kA{121.4985, 31.2380, 0.0};
const geo::GeoPoint kB{121.5045, 31.2400, 0.0};

}  // namespace

TEST(OperatorTools, goToFliesToATypedDmsCoordinateAndMarksIt) {
    auto w = openDemoLookingDownAt({121.48, 31.23, 0.0}, 3000.0);
    const double lon = 121.0 + 29.0 / 60 + 59.0 / 3600, lat = 31.0 + 14.0 / 60 + 23.0 / 3600;
    bool typed = false;
    whenDialogOpens<GoToDialog>([&typed](GoToDialog* d) {
        QTest::keyClicks(d->textEdit(), QString::fromUtf8("121°29'59\"E 31°14'23\"N"));
        typed = d->target().has_value();
        QTest::keyClick(d->textEdit(), Qt::Key_Return);
    });
    // Keyboard only: Ctrl+G opens the dialog.
    w->view()->setFocus();
    QTest::keySequence(w.get(), QKeySequence(Qt::CTRL | Qt::Key_G));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w->tools()->marks().maybeTarget.has_value(); }, 10000))
        << "Ctrl+G and Return did not go";
    EXPECT_TRUE(typed);
    const geo::Vec3d expected = w->frame()->toLocal({lon, lat, 0.0});
    const osg::Vec3d target = *w->tools()->marks().maybeTarget;
    EXPECT_NEAR(target.x(), expected.x, 0.01);
    EXPECT_NEAR(target.y(), expected.y, 0.01);
    // The camera looks at it: the point under the view's centre is there.
    w->view()->grabFramebuffer();
    const auto centre = w->view()->localPointAtCentre();
    ASSERT_TRUE(centre);
    EXPECT_LT(std::hypot(centre->x() - expected.x, centre->y() - expected.y), 60.0);
    EXPECT_TRUE(w->tools()->measurePanel()->text().contains("121.4997222"))
        << w->tools()->measurePanel()->text().toStdString();
    EXPECT_TRUE(test::grabWholeWindow(*w).save(test::outputDir() + "/tools_goto.png"));

    // An error is named in the dialog, and Go stays disabled.
    QString shown;
    whenDialogOpens<GoToDialog>([&shown](GoToDialog* d) {
        d->textEdit()->clear();
        QTest::keyClicks(d->textEdit(), "31°75'N 121°E");
        shown = d->findChild<QLabel*>("goToResult")->text();
        d->reject();
    });
    w->tools()->goToAction()->trigger();
    EXPECT_TRUE(shown.contains("minutes 75 must be below 60")) << shown.toStdString();
}

TEST(OperatorTools, distanceBetweenTwoClickedPointsMatchesTheGeodesic) {
    auto w = openDemoLookingDownAt({(kA.x + kB.x) / 2, (kA.y + kB.y) / 2, 0.0}, 1500.0);
    OperatorTools& tools = *w->tools();
    QSignalSpy shown(&tools, &OperatorTools::resultShown);
    tools.distanceAction()->trigger();
    ASSERT_EQ(tools.measureTool()->mode(), MeasureTool::Mode::Distance);
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, screenPosition(*w, kA));
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, screenPosition(*w, kB));
    ASSERT_EQ(tools.measureTool()->points().size(), 2u);
    // A right click finishes.
    QTest::mouseClick(w->view(), Qt::RightButton, Qt::NoModifier, screenPosition(*w, kB));
    ASSERT_EQ(shown.count(), 1);
    EXPECT_EQ(tools.measureTool()->mode(), MeasureTool::Mode::Idle);
    EXPECT_FALSE(tools.distanceAction()->isChecked());

    const auto& points = tools.marks().path;
    ASSERT_EQ(points.size(), 2u);
    const geo::GeoPoint a = w->frame()->toGeographic({points[0].x(), points[0].y(), points[0].z()});
    const geo::GeoPoint b = w->frame()->toGeographic({points[1].x(), points[1].y(), points[1].z()});
    // The clicks landed where aimed (a few metres: pixels at 1500 m).
    EXPECT_LT(geodesic(a, kA), 5.0);
    EXPECT_LT(geodesic(b, kB), 5.0);
    const QString text = tools.measurePanel()->text();
    // Shown with 2 decimals: within 1 cm (half a unit of the last digit and the maths).
    EXPECT_NEAR(numberAfter(text, "Total: ground"), geodesic(a, b), 0.01) << text.toStdString();
    const double chord = (points[1] - points[0]).length();  // the local frame is rigid ECEF
    EXPECT_NEAR(numberAfter(text, "straight"), chord, 0.01) << text.toStdString();
    EXPECT_TRUE(text.contains("EPSG:4549")) << text.toStdString();
    // On the map: a label per segment and the total.
    ASSERT_EQ(tools.labelTexts().size(), 2);
    EXPECT_TRUE(tools.labelTexts().back().contains(
        QString::number(numberAfter(text, "Total: ground"), 'f', 2)));
    // Copy puts the text on the clipboard.
    QTest::mouseClick(tools.measurePanel()->findChild<QPushButton*>("measureCopy"), Qt::LeftButton);
    EXPECT_TRUE(QApplication::clipboard()->text().contains(text));
    EXPECT_TRUE(test::grabWholeWindow(*w).save(test::outputDir() + "/tools_distance.png"));
}

TEST(OperatorTools, escCancelsAndAreaMatchesTheGeodesicPolygon) {
    const std::vector<geo::GeoPoint> corners = {{121.4990, 31.2370, 0},
                                                {121.5060, 31.2368, 0},
                                                {121.5065, 31.2410, 0},
                                                {121.4995, 31.2415, 0}};
    auto w = openDemoLookingDownAt({121.5028, 31.2391, 0.0}, 1500.0);
    OperatorTools& tools = *w->tools();
    // Esc cancels: nothing stays.
    tools.areaAction()->trigger();
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, screenPosition(*w, corners[0]));
    QTest::keyClick(w->view(), Qt::Key_Escape);
    EXPECT_EQ(tools.measureTool()->mode(), MeasureTool::Mode::Idle);
    EXPECT_TRUE(tools.marks().isEmpty());
    EXPECT_FALSE(tools.areaAction()->isChecked());

    // Keyboard: Ctrl+Shift+M starts it; Enter finishes.
    QTest::keyClick(w->view(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(tools.measureTool()->mode(), MeasureTool::Mode::Area);
    for (const auto& c : corners)
        QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, screenPosition(*w, c));
    QTest::keyClick(w->view(), Qt::Key_Return);
    ASSERT_TRUE(tools.marks().closed);
    const auto& points = tools.marks().path;
    ASSERT_EQ(points.size(), corners.size());
    std::vector<double> lats, lons;
    for (const auto& p : points) {
        const geo::GeoPoint g = w->frame()->toGeographic({p.x(), p.y(), p.z()});
        lats.push_back(g.y);
        lons.push_back(g.x);
    }
    struct geod_geodesic g;
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    double area = 0.0, perimeter = 0.0;
    geod_polygonarea(&g, lats.data(), lons.data(), int(lats.size()), &area, &perimeter);
    const QString text = tools.measurePanel()->text();
    EXPECT_NEAR(numberAfter(text, "Area:"), std::fabs(area), 0.1) << text.toStdString();
    EXPECT_NEAR(numberAfter(text, "Perimeter:"), perimeter, 0.01) << text.toStdString();
    EXPECT_TRUE(test::grabWholeWindow(*w).save(test::outputDir() + "/tools_area.png"));
}

TEST(OperatorTools, heightOfAClickedBuildingIsItsExtrusion) {
    auto w = openDemoLookingDownAt({121.5028, 31.2391, 0.0}, 1500.0);
    OperatorTools& tools = *w->tools();
    // Find a building under some pixel near the centre (the demo's OSM footprints).
    std::optional<render::PickHit> hit;
    QPoint at;
    w->view()->grabFramebuffer();
    auto pickAt = [&w](QPoint p) {
        const double s = w->view()->devicePixelRatioF();
        auto h =
            render::pickFeature(*w->view()->camera(), p.x() * s, (w->view()->height() - p.y()) * s);
        return h;
    };
    auto isBuilding = [](const std::optional<render::PickHit>& h) {
        return h && h->layer && !h->feature().geometry.polygons.empty() &&
               h->layer->name.find("uildings") != std::string::npos;
    };
    // A pixel well inside one building: its neighbours pick the same one.
    for (int dy = -200; dy <= 200 && !hit; dy += 20)
        for (int dx = -300; dx <= 300 && !hit; dx += 20) {
            at = QPoint(w->view()->width() / 2 + dx, w->view()->height() / 2 + dy);
            auto h = pickAt(at);
            if (!isBuilding(h))
                continue;
            bool inside = true;
            for (QPoint d : {QPoint(6, 0), QPoint(-6, 0), QPoint(0, 6), QPoint(0, -6)}) {
                auto n = pickAt(at + d);
                inside = inside && isBuilding(n) && n->featureIndex == h->featureIndex;
            }
            if (inside)
                hit = h;
        }
    ASSERT_TRUE(hit) << "no building under the view";
    const render::BuildingExtent e = render::buildingExtentOf(hit->feature());
    QTest::keyClick(w->view(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(tools.measureTool()->mode(), MeasureTool::Mode::Height);
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, at);
    const QString text = tools.measurePanel()->text();
    EXPECT_TRUE(text.contains("Building:")) << text.toStdString();
    EXPECT_NEAR(numberAfter(text, "Height:"), e.top - e.base, 0.005) << text.toStdString();
    ASSERT_TRUE(tools.marks().maybeHeight);
    EXPECT_NEAR(tools.marks().maybeHeight->first.z(), e.top, 1e-9);
    EXPECT_TRUE(test::grabWholeWindow(*w).save(test::outputDir() + "/tools_height.png"));
}

TEST(OperatorTools, searchFindsANamedBuildingInChineseAndFliesThere) {
    auto w = openDemoLookingDownAt({121.48, 31.23, 0.0}, 3000.0);
    OperatorTools& tools = *w->tools();
    SearchPanel& search = *tools.searchPanel();
    // Built on a worker once the layers arrived.
    ASSERT_TRUE(QTest::qWaitFor([&] { return search.indexedNames() > 1000; }, 30000))
        << search.indexedNames();
    // Keyboard only: Ctrl+F focuses the box; type; Return takes the first result.
    QTest::keySequence(w.get(), QKeySequence::Find);
    ASSERT_TRUE(tools.searchDock()->isVisible());
    ASSERT_TRUE(search.box()->hasFocus());
    // Chinese arrives as an input method's commit, as from a pinyin IME.
    QInputMethodEvent ime;
    ime.setCommitString(QString::fromUtf8("国际会议"));
    QApplication::sendEvent(search.box(), &ime);
    ASSERT_EQ(search.box()->text(), QString::fromUtf8("国际会议"));
    QTreeWidget* results = search.results();
    ASSERT_GE(results->topLevelItemCount(), 1);
    QTreeWidgetItem* group = results->topLevelItem(0);
    EXPECT_EQ(group->text(0), "Buildings");
    ASSERT_GE(group->childCount(), 1);
    EXPECT_EQ(group->child(0)->text(0), QString::fromUtf8("上海国际会议中心"));
    // Latin finds the same building through name:en, case-insensitively.
    search.box()->clear();
    QTest::keyClicks(search.box(), "international CONVENTION");
    ASSERT_GE(results->topLevelItemCount(), 1);
    ASSERT_GE(results->topLevelItem(0)->childCount(), 1);
    EXPECT_EQ(results->topLevelItem(0)->child(0)->text(0),
              "Shanghai International Convention Center");
    QTest::keyClick(search.box(), Qt::Key_Return);
    // Highlighted: its outline, and the camera looks at it.
    ASSERT_TRUE(tools.marks().closed);
    const osg::Vec3d first = tools.marks().path.front();
    const geo::GeoPoint corner = w->frame()->toGeographic({first.x(), first.y(), 0.0});
    EXPECT_NEAR(corner.x, 121.49217742, 1e-7);  // the footprint's first vertex in the GeoJSON
    EXPECT_NEAR(corner.y, 31.24098538, 1e-7);
    w->view()->grabFramebuffer();
    const auto centre = w->view()->localPointAtCentre();
    ASSERT_TRUE(centre);
    EXPECT_LT(std::hypot(centre->x() - first.x(), centre->y() - first.y()), 200.0);
    EXPECT_TRUE(tools.labelTexts().contains(QString::fromUtf8("上海国际会议中心")));
    EXPECT_TRUE(test::grabWholeWindow(*w).save(test::outputDir() + "/tools_search.png"));
}
