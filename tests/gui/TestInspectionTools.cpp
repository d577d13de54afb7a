// The Inspect tools driven in-process on the demo like an inspector would:
// click a site, draw a works area, run an audit and click its rows, export
// the report. Screen positions come from known WGS 84 points through the
// view's camera; expected findings come from the assets library run on the
// same input, never from hard-coded lists.

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFontMetrics>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>

#include <osg/Viewport>

#include "DialogAnswer.h"
#include "GuiTestSupport.h"
#include "WindowTestSupport.h"
#include "citytwin/assets/FindingsFormat.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/ReportCrs.h"
#include "citytwin/test/TestPaths.h"
#include "inspection/AuditDialog.h"
#include "inspection/AuditPanel.h"
#include "inspection/FindingPresentation.h"
#include "inspection/FindingsPanel.h"
#include "inspection/InspectionReportWriter.h"
#include "inspection/InspectionTools.h"
#include "inspection/ReportHeaderDialog.h"
#include "inspection/ReportSettings.h"
#include "inspection/WorksDialog.h"
#include "layers/AttributePanel.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "view/MapPointTool.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;
using citytwin::test::whenDialogOpens;

namespace {

const QString kDemoProject = QString(test::kRepoDataDir) + "/demo/demo.gpkg";
// docs/assets.md's siting scenario: SH-11, SH-12, SH-16, SH-24-4, SH-24-2 for a tower.
const geo::GeoPoint kSiteScenario{121.504481, 31.238967, 0.0};

std::unique_ptr<MainWindow> openDemoLookingDownAt(const geo::GeoPoint& p, double height) {
    AppOptions options;
    options.maybeCamera = render::CameraPose{p.x, p.y, height, 0.0, -90.0};
    return test::openWindow(options, QSize(900, 600), 120000);
}

std::unique_ptr<assets::InspectionContext> openLibraryContext() {
    auto repository = assets::openAssetRepository(kDemoProject.toStdString());
    auto ctx = assets::InspectionContext::open(*repository);
    EXPECT_TRUE(ctx) << ctx.messages();
    return std::move(ctx.value());
}

QImage grab(MainWindow& w) {
    QTest::qWait(50);
    w.view()->grabFramebuffer();  // merges what was queued
    return w.view()->grabFramebuffer();
}

/// Where a WGS 84 ground point appears in the view, in widget pixels.
QPoint screenPosition(MainWindow& w, const geo::GeoPoint& p) {
    const geo::Vec3d l = w.frame()->toLocal({p.x, p.y, 0.0});
    osg::Camera* camera = w.view()->camera();
    const osg::Matrixd toWindow = camera->getViewMatrix() * camera->getProjectionMatrix() *
                                  camera->getViewport()->computeWindowMatrix();
    const osg::Vec3d win = osg::Vec3d(l.x, l.y, 0.0) * toWindow;
    const double s = w.view()->devicePixelRatioF();
    return QPoint(int(std::lround(win.x() / s)),
                  int(std::lround(w.view()->height() - win.y() / s)));
}

osg::Vec3d cameraEye(MainWindow& w) {
    grab(w);
    return osg::Matrixd::inverse(w.view()->camera()->getViewMatrix()).getTrans();
}

QStringList codesOf(const std::vector<assets::Finding>& findings) {
    QStringList codes;
    for (const auto& f : findings)
        codes << QString::fromStdString(f.rule);
    return codes;
}

/// A point on a land cable of a class SH-24-2 protects, mid-segment.
geo::GeoPoint pointOnLandCable(const assets::InspectionContext& ctx, std::string* id) {
    for (const auto& c : ctx.project().cables) {
        if (c.maybeCableClass != assets::CableClass::Duct &&
            c.maybeCableClass != assets::CableClass::Buried)
            continue;
        for (const auto& line : c.lines) {
            if (line.size() < 2)
                continue;
            *id = c.id;
            const std::size_t i = line.size() / 2;
            const auto& a = line[i - 1];
            const auto& b = line[i];
            return {(a.x + b.x) / 2, (a.y + b.y) / 2, 0.0};
        }
    }
    ADD_FAILURE() << "the demo has no duct or buried cable";
    return {};
}

/// Code points the PDF's ToUnicode CMaps map glyphs to. Qt writes them
/// uncompressed as bfrange lines: "<first> <last> [<u1> <u2> ...]" or
/// "<first> <last> <u>" (consecutive code points from u).
QSet<char32_t> unicodeMappedIn(const QByteArray& pdf) {
    QSet<char32_t> out;
    static const QRegularExpression line(
        QStringLiteral("<([0-9a-fA-F]+)>\\s*<([0-9a-fA-F]+)>\\s*(\\[[^\\]]*\\]|<[0-9a-fA-F]+>)"));
    static const QRegularExpression hex(QStringLiteral("<([0-9a-fA-F]+)>"));
    qsizetype from = 0;
    while ((from = pdf.indexOf("beginbfrange", from)) >= 0) {
        const qsizetype end = pdf.indexOf("endbfrange", from);
        if (end < 0)
            break;
        const QString block = QString::fromLatin1(pdf.mid(from, end - from));
        for (auto it = line.globalMatch(block); it.hasNext();) {
            const auto m = it.next();
            const QString target = m.captured(3);
            if (target.startsWith('[')) {
                for (auto h = hex.globalMatch(target); h.hasNext();)
                    out.insert(char32_t(h.next().captured(1).toUInt(nullptr, 16)));
            } else {
                const uint first = m.captured(1).toUInt(nullptr, 16);
                const uint last = m.captured(2).toUInt(nullptr, 16);
                const uint u = target.mid(1, target.size() - 2).toUInt(nullptr, 16);
                for (uint g = first; g <= last; ++g)
                    out.insert(char32_t(u + (g - first)));
            }
        }
        from = end;
    }
    return out;
}

}  // namespace

TEST(FindingPresentation, templateValuesRecoverWhatTheRuleFilledIn) {
    const auto& rules = assets::defaultRules();
    const auto* rule = rules.find("SH-21");
    ASSERT_NE(rule, nullptr);
    const assets::Finding f = assets::makeFinding(
        *rule, {{"id", "BS-7"}, {"date", "2025-01-02"}, {"days", "42"}, {"grace_days", "90"}}, {});
    const auto values = templateValues(rule->messageEn, f.messageEn);
    EXPECT_EQ(values.at("id"), "BS-7");
    EXPECT_EQ(values.at("days"), "42");
    EXPECT_EQ(daysOverdue(f, rules), 42);
    EXPECT_TRUE(findingDetail(f, rules).contains("date: 2025-01-02"));
    // A message that is not the template's gives nothing rather than a guess.
    EXPECT_TRUE(templateValues(rule->messageEn, "something else").empty());
}

TEST(InspectionTools, clickingASiteListsTheLibrarysFindingsAndDrawsTheOverlay) {
    auto w = openDemoLookingDownAt(kSiteScenario, 900.0);
    InspectionTools* tools = w->inspection();
    auto* hostType = tools->findingsPanel()->findChild<QComboBox*>("hostTypeCombo");
    ASSERT_NE(hostType, nullptr);
    hostType->setCurrentIndex(hostType->findData("tower"));
    const QImage before = grab(*w);

    QSignalSpy finished(tools, &InspectionTools::checkFinished);
    tools->checkSiteAction()->trigger();
    EXPECT_EQ(w->view()->cursor().shape(), Qt::CrossCursor);
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, screenPosition(*w, kSiteScenario));
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_FALSE(tools->checkSiteAction()->isChecked());

    // The point the GUI checked is the one clicked (within a few metres).
    ASSERT_TRUE(tools->lastReport() && tools->lastReport()->maybeLocation);
    const geo::GeoPoint checked = *tools->lastReport()->maybeLocation;
    const geo::Vec3d offset = geo::LocalFrame(kSiteScenario).toLocal(checked);
    EXPECT_LT(std::hypot(offset.x, offset.y), 5.0);

    auto ctx = openLibraryContext();
    auto expected = ctx->siteChecker().check({checked, std::string(), assets::HostType::Tower});
    ASSERT_TRUE(expected) << expected.messages();
    const QStringList shown = tools->findingsPanel()->ruleCodes();
    EXPECT_EQ(shown, codesOf(expected.value()));
    EXPECT_TRUE(shown.contains("SH-11")) << shown.join(",").toStdString();
    EXPECT_TRUE(shown.contains("SH-12")) << shown.join(",").toStdString();
    // Each row lists its related features nearest first, as the library does.
    QTreeWidget* tree = tools->findingsPanel()->tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const auto& f = expected.value()[std::size_t(i)];
        ASSERT_EQ(tree->topLevelItem(i)->childCount(), int(f.related.size()));
        if (!f.related.empty()) {
            // "Lujiazui E Rd lamp 12 (SYN-PF-A1)" where the project names it, else
            // the id; " · China Mobile" after it where the feature has an operator.
            const std::string text = tree->topLevelItem(i)->child(0)->text(1).toStdString();
            const std::string& id = f.related[0].id;
            EXPECT_TRUE(text.starts_with(id) || text.find(" (" + id + ")") != std::string::npos)
                << text << " for " << id;
            if (f.related[0].layer == assets::layers::kBaseStations) {
                EXPECT_NE(text.find(" · China "), std::string::npos) << text;
            }
            // Its kind, not the bare layer, where the project knows it.
            EXPECT_FALSE(tree->topLevelItem(i)->child(0)->text(0).isEmpty());
        }
        EXPECT_EQ(tree->topLevelItem(i)->text(2).toStdString(), f.messageEn);
    }
    // The columns but the last (the message) fit their widest text.
    const QFontMetrics fm(tree->font());
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = tree->topLevelItem(i);
        EXPECT_GE(tree->columnWidth(1), fm.horizontalAdvance(top->text(1)));
        for (int j = 0; j < top->childCount(); ++j)
            EXPECT_GE(tree->columnWidth(1), fm.horizontalAdvance(top->child(j)->text(1)))
                << top->child(j)->text(1).toStdString();
    }
    // The report as exported before any finding is selected.
    const QString reportBefore = test::outputDir() + "/framing_before.html";
    ASSERT_TRUE(tools->exportReport(reportBefore).isEmpty());
    // Both coordinate systems are shown for the checked point.
    const QString where =
        tools->findingsPanel()->findChild<QPlainTextEdit*>("checkedCoordinates")->toPlainText();
    EXPECT_TRUE(where.contains("WGS 84")) << where.toStdString();
    EXPECT_TRUE(where.contains("CGCS2000")) << where.toStdString();

    // The overlay: a radius per siting rule, a marker per related feature.
    EXPECT_EQ(tools->overlay().radii.size(), 4u);
    std::size_t related = 0;
    for (const auto& f : expected.value())
        related += f.related.size();
    EXPECT_EQ(tools->overlay().related.size(), related);
    const QImage after = grab(*w);
    after.save(test::outputDir() + "/inspection_site.png");
    EXPECT_GT(test::shareOfDifferentPixels(before, after), 0.01);

    // Selecting a related feature flies there and highlights it.
    const osg::Vec3d eyeBefore = cameraEye(*w);
    QTreeWidgetItem* child = tree->topLevelItem(0)->child(tree->topLevelItem(0)->childCount() - 1);
    tree->setCurrentItem(child);
    ASSERT_TRUE(tools->overlay().maybeFocus.has_value());
    EXPECT_EQ(tools->overlay().maybeFocus->position.x,
              expected.value()[0].related.back().position.x);
    // ... and shows its finding's whole text, article included.
    const QString detail =
        tools->findingsPanel()->findChild<QPlainTextEdit*>("findingText")->toPlainText();
    EXPECT_TRUE(detail.contains(QString::fromStdString(expected.value()[0].article)));
    EXPECT_TRUE(detail.contains(QString::fromStdString(expected.value()[0].messageEn)));
    EXPECT_GT((cameraEye(*w) - eyeBefore).length(), 1.0);
    grab(*w).save(test::outputDir() + "/inspection_site_focus.png");
    // The view moved; the report's map did not (it is framed on the case).
    const QString reportAfter = test::outputDir() + "/framing_after.html";
    ASSERT_TRUE(tools->exportReport(reportAfter).isEmpty());
    QFile a(reportBefore), b(reportAfter);
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    EXPECT_TRUE(a.readAll() == b.readAll()) << "selecting a finding changed the report";

    // Clearing removes the findings and the overlay.
    const QImage withOverlay = grab(*w);
    tools->clearFindings();
    EXPECT_EQ(tree->topLevelItemCount(), 0);
    EXPECT_TRUE(tools->overlay().isEmpty());
    EXPECT_GT(test::shareOfDifferentPixels(withOverlay, grab(*w)), 0.002);
}

TEST(InspectionTools, drawingAWorksAreaAcrossACableFindsSh24_2AndExportsTheReport) {
    auto ctx = openLibraryContext();
    std::string cableId;
    const geo::GeoPoint onCable = pointOnLandCable(*ctx, &cableId);
    auto w = openDemoLookingDownAt(onCable, 700.0);
    InspectionTools* tools = w->inspection();

    // A 50 m square centred on the cable, its corners clicked one by one.
    const geo::LocalFrame around(onCable);
    std::vector<geo::GeoPoint> corners;
    for (const auto& [dx, dy] :
         {std::pair{-25.0, -25.0}, {25.0, -25.0}, {25.0, 25.0}, {-25.0, 25.0}})
        corners.push_back(around.toGeographic({dx, dy, 0.0}));

    // Something selected first (the cable under the view's centre): the
    // attribute panel shows it, and drawing must leave it so.
    const auto attributeRows = [&w] {
        QStringList rows;
        const AttributePanel* panel = w->attributePanel();
        for (int r = 0; r < panel->rowCount(); ++r)
            for (int c = 0; c < panel->columnCount(); ++c)
                rows << (panel->item(r, c) ? panel->item(r, c)->text() : QString());
        return rows;
    };
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, w->view()->rect().center());
    const QStringList selectedBefore = attributeRows();
    EXPECT_FALSE(selectedBefore.isEmpty()) << "nothing selected under the view's centre";

    QSignalSpy finished(tools, &InspectionTools::checkFinished);
    // The corners' clicks draw; they do not select features (issue 18 item 5).
    QSignalSpy picked(w->view(), &OsgView::featurePicked);
    tools->checkWorksAction()->trigger();
    for (std::size_t i = 0; i < corners.size(); ++i) {
        QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier,
                          screenPosition(*w, corners[i]));
        EXPECT_EQ(tools->mapTool()->vertices().size(), i + 1);
    }
    // Drawn live: the outline so far is in the overlay.
    EXPECT_EQ(tools->overlay().worksOutline.size(), 4u);
    EXPECT_FALSE(tools->overlay().worksClosed);
    grab(*w).save(test::outputDir() + "/inspection_works_drawing.png");

    bool sawDialog = false;
    whenDialogOpens<WorksDialog>([&](WorksDialog* d) {
        sawDialog = true;
        auto* kind = d->findChild<QComboBox*>("worksKind");
        kind->setCurrentIndex(kind->findData("excavation"));
        d->findChild<QDateEdit*>("worksStart")->setDate(QDate(2026, 12, 1));
        d->findChild<QDateEdit*>("worksEnd")->setDate(QDate(2026, 12, 20));
        d->accept();
    });
    // The second click of a double click on the last corner closes the area
    // (QTest sends only the double-click event; the first click was above).
    QTest::mouseDClick(w->view(), Qt::LeftButton, Qt::NoModifier, screenPosition(*w, corners[3]));
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_TRUE(sawDialog);
    EXPECT_EQ(tools->mapTool()->mode(), MapPointTool::Mode::Idle);
    EXPECT_EQ(picked.count(), 0) << "drawing the works area selected features";
    EXPECT_EQ(attributeRows(), selectedBefore) << "drawing changed the attribute panel";
    // With the tool done, a click selects again.
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, w->view()->rect().center());
    EXPECT_EQ(picked.count(), 1);

    ASSERT_TRUE(tools->lastReport());
    const auto& report = *tools->lastReport();
    ASSERT_EQ(report.worksArea.size(), 1u);
    ASSERT_EQ(report.worksArea[0].rings.size(), 1u);
    EXPECT_EQ(report.worksArea[0].rings[0].size(), 5u);  // four corners, closed
    auto expected = ctx->worksChecker().check({report.worksArea, assets::WorksKind::Excavation,
                                               assets::IsoDate::parse("2026-12-01"),
                                               assets::IsoDate::parse("2026-12-20")});
    ASSERT_TRUE(expected) << expected.messages();
    const QStringList shown = tools->findingsPanel()->ruleCodes();
    EXPECT_EQ(shown, codesOf(expected.value()));
    ASSERT_TRUE(shown.contains("SH-24-2")) << shown.join(",").toStdString();
    for (const auto& f : expected.value())
        if (f.rule == "SH-24-2") {
            bool namesTheCable = false;
            for (const auto& r : f.related)
                namesTheCable |= r.id == cableId;
            EXPECT_TRUE(namesTheCable) << cableId;
        }
    EXPECT_TRUE(tools->overlay().worksClosed);
    grab(*w).save(test::outputDir() + "/inspection_works.png");

    // The report: HTML with the codes, the one report CRS and the rules
    // version, the map inline; a PDF with the CJK font embedded; the JSON.
    const QString html = test::outputDir() + "/inspection_report.html";
    const ReportFiles files = reportFilesFor(html);
    QFile::remove(files.pdf);
    ASSERT_EQ(tools->exportReport(html), QString());
    QFile htmlFile(files.html);
    ASSERT_TRUE(htmlFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(htmlFile.readAll());
    for (const auto& f : expected.value()) {
        EXPECT_TRUE(text.contains(QString::fromStdString(f.rule + " &mdash; "))) << f.rule;
        EXPECT_TRUE(text.contains(QString::fromStdString(f.article))) << f.article;
    }
    EXPECT_TRUE(text.contains("WGS 84 (EPSG:4326)"));
    // One GK zone, chosen from the works' centre, for every coordinate.
    ASSERT_TRUE(report.maybeLocation);
    const int zone = assets::gaussKrugerZone(report.maybeLocation->x);
    const QString chosen = QStringLiteral("EPSG:%1").arg(assets::gaussKrugerEpsg(zone));
    const QString other =
        QStringLiteral("EPSG:%1").arg(assets::gaussKrugerEpsg(zone == 40 ? 41 : 40));
    EXPECT_TRUE(text.contains("All coordinates in this report are in " + chosen))
        << chosen.toStdString();
    EXPECT_FALSE(text.contains(other)) << other.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(ctx->rules().version)));
    EXPECT_TRUE(text.contains(QString::fromStdString(assets::IsoDate::today().toString())));
    EXPECT_TRUE(text.contains(kDemoProject));
    EXPECT_TRUE(text.contains("src=\"data:image/svg+xml;base64,"));
    EXPECT_FALSE(text.contains("<img src=\"inspection_report"));

    QFile jsonFile(files.json);
    ASSERT_TRUE(jsonFile.open(QIODevice::ReadOnly));
    EXPECT_EQ(jsonFile.readAll().toStdString(), assets::findingsToJson(report.findings));

    QFile pdfFile(files.pdf);
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdf = pdfFile.readAll();
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
    EXPECT_TRUE(pdf.contains("/FontFile2")) << "no embedded TrueType font";
    const QString family = reportFontFamily();
    ASSERT_FALSE(family.isEmpty()) << "no CJK font installed (fonts-wqy-microhei)";
    EXPECT_TRUE(pdf.contains(QString(family).remove(' ').toLatin1()))
        << family.toStdString() << " is not in the PDF";
    EXPECT_TRUE(QFontMetrics(QFont(family)).inFontUcs4(U'核'));
    // Chinese is text, not tofu or outlines: the font's ToUnicode map (Qt
    // writes it uncompressed) covers the Chinese title of the report.
    const QSet<char32_t> mapped = unicodeMappedIn(pdf);
    for (const char32_t c : QString::fromUtf8("施工作业核查").toUcs4())
        EXPECT_TRUE(mapped.contains(c)) << "U+" << std::hex << unsigned(c) << " not in the PDF";

    // The oblique view, chosen in the header dialog and remembered: drawn
    // off-screen in the window's process, a raster page in the PDF, inline
    // in the HTML; the top-down export above had none.
    EXPECT_FALSE(pdf.contains("/Subtype /Image"));
    const ReportSettings saved = ReportSettings::load();
    {
        ReportHeaderDialog dialog(saved);
        auto* viewChoice = dialog.findChild<QComboBox*>(QStringLiteral("reportView"));
        ASSERT_NE(viewChoice, nullptr);
        viewChoice->setCurrentIndex(viewChoice->findData(QStringLiteral("oblique")));
        EXPECT_EQ(dialog.settings().view, assets::MapView::Oblique);
        dialog.settings().save();
    }
    const QString obliqueHtml = test::outputDir() + "/inspection_report_oblique.html";
    const ReportFiles obliqueFiles = reportFilesFor(obliqueHtml);
    const QString obliqueError = tools->exportReport(obliqueHtml);
    saved.save();
    ASSERT_EQ(obliqueError, QString());
    QFile obliqueHtmlFile(obliqueFiles.html);
    ASSERT_TRUE(obliqueHtmlFile.open(QIODevice::ReadOnly));
    const QString obliqueText = QString::fromUtf8(obliqueHtmlFile.readAll());
    EXPECT_TRUE(obliqueText.contains("Oblique view of the case / 案件斜视三维图"));
    EXPECT_FALSE(obliqueText.contains("<h2>Map of the case / 案件位置图</h2>"));
    QFile obliquePdf(obliqueFiles.pdf);
    ASSERT_TRUE(obliquePdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(obliquePdf.readAll().contains("/Subtype /Image"));
}

TEST(InspectionTools, escapeAndRightClickCancelDrawing) {
    auto w = openDemoLookingDownAt(kSiteScenario, 900.0);
    InspectionTools* tools = w->inspection();
    OsgView* view = w->view();
    const QPoint c = view->rect().center();

    tools->checkWorksAction()->trigger();
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, c);
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, c + QPoint(80, 0));
    EXPECT_EQ(tools->overlay().worksOutline.size(), 2u);
    QTest::keyClick(view, Qt::Key_Escape);
    EXPECT_EQ(tools->mapTool()->mode(), MapPointTool::Mode::Idle);
    EXPECT_TRUE(tools->mapTool()->vertices().empty());
    EXPECT_TRUE(tools->overlay().worksOutline.empty());
    EXPECT_FALSE(tools->checkWorksAction()->isChecked());
    EXPECT_EQ(view->cursor().shape(), Qt::ArrowCursor);
    // A click now checks nothing and draws nothing.
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, c);
    EXPECT_TRUE(tools->overlay().worksOutline.empty());

    tools->checkWorksAction()->trigger();
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, c);
    QTest::mouseClick(view, Qt::RightButton, Qt::NoModifier, c + QPoint(40, 40));
    EXPECT_EQ(tools->mapTool()->mode(), MapPointTool::Mode::Idle);
    EXPECT_TRUE(tools->overlay().worksOutline.empty());

    // Enter with fewer than three corners does not close the polygon.
    tools->checkWorksAction()->trigger();
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, c);
    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_EQ(tools->mapTool()->mode(), MapPointTool::Mode::DrawPolygon);
    QTest::keyClick(view, Qt::Key_Escape);
}

TEST(InspectionTools, auditTableListsTheLibrarysFindingsAndARowFliesToTheAsset) {
    auto w = openDemoLookingDownAt(kSiteScenario, 900.0);
    InspectionTools* tools = w->inspection();
    QSignalSpy finished(tools, &InspectionTools::checkFinished);
    whenDialogOpens<AuditDialog>([](AuditDialog* d) {
        d->findChild<QDateEdit*>("auditDate")->setDate(QDate(2026, 6, 30));
        d->accept();
    });
    tools->auditAction()->trigger();
    ASSERT_TRUE(finished.wait(30000));

    auto ctx = openLibraryContext();
    const auto expected = ctx->auditor().audit(*assets::IsoDate::parse("2026-06-30"));
    QTableWidget* table = tools->auditPanel()->table();
    ASSERT_GT(table->rowCount(), 0);
    EXPECT_EQ(table->rowCount(), int(expected.size()));
    QStringList tableCodes;
    for (int r = 0; r < table->rowCount(); ++r)
        tableCodes << table->item(r, 0)->text();
    for (const char* code : {"SH-17", "SH-18/22", "SH-20", "SH-21", "SH-23"})
        EXPECT_TRUE(tableCodes.contains(code)) << code;
    // SH-21's days overdue are a column of their own.
    bool sawDays = false;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == "SH-21")
            sawDays |= table->item(r, 4)->data(Qt::DisplayRole).toLongLong() > 0;
    EXPECT_TRUE(sawDays);

    // Sorting by the asset column, then clicking the first row.
    table->sortItems(3);
    const osg::Vec3d eyeBefore = cameraEye(*w);
    const int row = 0;
    const int index = table->item(row, 0)->data(Qt::UserRole).toInt();
    const auto& finding = tools->auditPanel()->findings()[std::size_t(index)];
    // The asset cell names it: "name (id) · operator", or the id alone.
    EXPECT_NE(table->item(row, 3)->text().toStdString().find(finding.related.front().id),
              std::string::npos);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                      table->visualItemRect(table->item(row, 3)).center());
    ASSERT_TRUE(tools->overlay().maybeFocus.has_value());
    EXPECT_EQ(tools->overlay().maybeFocus->position.x, finding.related.front().position.x);
    EXPECT_EQ(tools->overlay().maybeFocus->position.y, finding.related.front().position.y);
    const osg::Vec3d eyeAfter = cameraEye(*w);
    EXPECT_GT((eyeAfter - eyeBefore).length(), 1.0);
    // The camera now looks at the asset.
    const geo::Vec3d asset = w->frame()->toLocal(finding.related.front().position);
    osg::Vec3d eye, centre, up;
    w->view()->camera()->getViewMatrixAsLookAt(eye, centre, up);
    osg::Vec3d dir = centre - eye;
    dir.normalize();
    const osg::Vec3d toAsset = osg::Vec3d(asset.x, asset.y, 0.0) - eye;
    EXPECT_GT(dir * toAsset / toAsset.length(), 0.999);
    grab(*w).save(test::outputDir() + "/inspection_audit.png");
    test::grabWholeWindow(*w).save(test::outputDir() + "/inspection_audit_window.png");
}

TEST(InspectionTools, auditDockColumnsFitTheirContentNameTheAssetsAndCiteTheArticle) {
    auto w = openDemoLookingDownAt(kSiteScenario, 900.0);
    InspectionTools* tools = w->inspection();
    QSignalSpy finished(tools, &InspectionTools::checkFinished);
    whenDialogOpens<AuditDialog>([](AuditDialog* d) {
        d->findChild<QDateEdit*>("auditDate")->setDate(QDate(2026, 6, 30));
        d->accept();
    });
    tools->auditAction()->trigger();
    ASSERT_TRUE(finished.wait(30000));
    QTableWidget* table = tools->auditPanel()->table();
    ASSERT_GT(table->rowCount(), 0);
    // The article has its own column, and each row cites its finding's article.
    int article = -1;
    for (int c = 0; c < table->columnCount(); ++c)
        if (table->horizontalHeaderItem(c)->text() == QStringLiteral("Article"))
            article = c;
    ASSERT_GE(article, 0);
    const auto& findings = tools->auditPanel()->findings();
    for (int r = 0; r < table->rowCount(); ++r) {
        const int index = table->item(r, 0)->data(Qt::UserRole).toInt();
        EXPECT_EQ(table->item(r, article)->text().toStdString(),
                  findings[std::size_t(index)].article);
    }
    // Every column but the last (which takes the rest) is as wide as its
    // widest cell: nothing elided.
    const QFontMetrics fm(table->font());
    for (int c = 0; c + 1 < table->columnCount(); ++c)
        for (int r = 0; r < table->rowCount(); ++r)
            if (QTableWidgetItem* item = table->item(r, c)) {
                const int needed = fm.horizontalAdvance(item->text()) +
                                   (item->icon().isNull() ? 0 : table->iconSize().width());
                EXPECT_GE(table->columnWidth(c), needed)
                    << "column " << c << " row " << r << ": " << item->text().toStdString();
            }
    // Assets by kind, name and operator: the demo's sites have operators.
    int withOperator = 0, kindNotLayer = 0;
    for (int r = 0; r < table->rowCount(); ++r) {
        withOperator += table->item(r, 3)->text().contains(QStringLiteral(" · China "));
        kindNotLayer += table->item(r, 2)->text() != QStringLiteral("Base station") &&
                        !table->item(r, 2)->text().isEmpty();
    }
    EXPECT_GT(withOperator, 0);
    EXPECT_GT(kindNotLayer, 0) << "kinds shown as the layer only";
}

TEST(InspectionTools, badInputGetsAClearErrorInsteadOfFindings) {
    auto w = openDemoLookingDownAt(kSiteScenario, 900.0);
    InspectionTools* tools = w->inspection();
    QSignalSpy failed(tools, &InspectionTools::failed);
    auto* text = tools->findingsPanel()->findChild<QPlainTextEdit*>("checkedCoordinates");

    // A bow tie: the works polygon crosses itself.
    const geo::LocalFrame around(kSiteScenario);
    std::vector<geo::GeoPoint> bowTie;
    for (const auto& [dx, dy] :
         {std::pair{-30.0, -30.0}, {30.0, 30.0}, {30.0, -30.0}, {-30.0, 30.0}})
        bowTie.push_back(around.toGeographic({dx, dy, 0.0}));
    tools->checkWorks(bowTie, {assets::WorksKind::Excavation, *assets::IsoDate::parse("2026-12-01"),
                               *assets::IsoDate::parse("2026-12-02")});
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_EQ(tools->findingsPanel()->tree()->topLevelItemCount(), 0);
    EXPECT_TRUE(text->toPlainText().contains("could not run")) << text->toPlainText().toStdString();
    EXPECT_FALSE(failed.takeFirst().at(0).toString().isEmpty());

    // A site far outside the project (the Pacific).
    tools->checkSite({150.0, 10.0, 0.0});
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_EQ(tools->findingsPanel()->tree()->topLevelItemCount(), 0);
    EXPECT_TRUE(text->toPlainText().contains("could not run"));
    EXPECT_FALSE(tools->lastReport().has_value());
}

TEST(InspectionTools, findingsSpeakChineseWhenTheUiDoes) {
    installTranslators(*qApp, "zh_CN");
    auto w = openDemoLookingDownAt(kSiteScenario, 900.0);
    InspectionTools* tools = w->inspection();
    QSignalSpy finished(tools, &InspectionTools::checkFinished);
    tools->checkSite(kSiteScenario);
    ASSERT_TRUE(finished.wait(30000));
    auto ctx = openLibraryContext();
    auto expected = ctx->siteChecker().check({kSiteScenario, std::string(), std::nullopt});
    ASSERT_TRUE(expected);
    QTreeWidget* tree = tools->findingsPanel()->tree();
    ASSERT_EQ(tree->topLevelItemCount(), int(expected->size()));
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        EXPECT_EQ(tree->topLevelItem(i)->text(2).toStdString(),
                  expected.value()[std::size_t(i)].messageZh);
    tree->setCurrentItem(tree->topLevelItem(0));
    const QString detail =
        tools->findingsPanel()->findChild<QPlainTextEdit*>("findingText")->toPlainText();
    EXPECT_TRUE(detail.contains(QString::fromStdString(expected.value()[0].messageZh)));
    test::grabWholeWindow(*w).save(test::outputDir() + "/inspection_window_zh.png");
    installTranslators(*qApp, "en");
}
