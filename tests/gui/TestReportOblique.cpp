// The inspection report's oblique view (issue 18: "top-down or oblique by
// choice"): citytwin-cli check-site/check-works --report-view oblique under X
// (Xvfb), checked in the files an office receives: the PDF holds the case's
// raster image (pdfimages), the city drawn in it (not an empty frame) and
// unlike the top-down map of the same case, and one oblique detail map per
// finding that has one; the HTML inlines them; without a display the option
// fails clearly.

#include <gtest/gtest.h>

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>

#include "GuiTestSupport.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::test;

namespace {

const QString kSite = QStringLiteral("--lon 121.504481 --lat 31.238967 --host-type rooftop");

QString demo() {
    return QString(kRepoDataDir) + "/demo/demo.gpkg";
}

QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

class ReportOblique : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        QString error;
        ASSERT_TRUE(ensureDisplay(&error)) << error.toStdString();
    }
    void SetUp() override {
        for (const char* tool : {"pdfimages", "pdftoppm", "pdftotext"})
            if (QProcess::execute(QStringLiteral("sh"),
                                  {"-c", QStringLiteral("command -v %1 >/dev/null").arg(tool)}) !=
                0)
                GTEST_SKIP() << tool << " is missing (poppler-utils)";
        _dir = outputDir() + "/report_oblique";
        QDir().mkpath(_dir);
    }
    /// citytwin-cli with these arguments; must succeed.
    void cli(const QString& args) {
        const ProcessResult r = runProgram("citytwin-cli", QProcess::splitCommand(args), 180);
        ASSERT_FALSE(r.crashed) << r.err.toStdString();
        ASSERT_EQ(r.exitCode, 0) << args.toStdString() << "\n" << r.err.toStdString();
    }
    /// The page of `pdf` whose text has `heading`, rasterised (0: none).
    QImage pageWith(const QString& pdf, const QString& heading, const QString& name) {
        const QString info = run("pdfinfo", {pdf});
        const int pages = QRegularExpression("Pages:\\s+(\\d+)").match(info).captured(1).toInt();
        for (int p = 1; p <= pages; ++p) {
            const QString text =
                run("pdftotext", {"-f", QString::number(p), "-l", QString::number(p), pdf, "-"});
            if (!text.contains(heading))
                continue;
            const QString base = _dir + "/" + name;
            run("pdftoppm", {"-r", "50", "-f", QString::number(p), "-l", QString::number(p),
                             "-singlefile", "-png", pdf, base});
            return QImage(base + ".png");
        }
        return {};
    }
    /// How many findings of `pdf` have a detail map ("Detail map N" headings).
    static int detailMapCount(const QString& pdf) {
        const QString text = run("pdftotext", {pdf, "-"});
        int most = 0;
        for (auto it = QRegularExpression("Detail map (\\d+) / 局部详图").globalMatch(text);
             it.hasNext();)
            most = std::max(most, it.next().captured(1).toInt());
        return most;
    }
    QString _dir;
};

/// Pixels nearly black: the measured lines' ink (the city is lit pale).
int inkPixels(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() < 45 && c.green() < 45 && c.blue() < 45;
        }
    return n;
}

}  // namespace

TEST_F(ReportOblique, thePdfHoldsTheObliqueViewOfTheCaseUnlikeTheTopDownMap) {
    const QString oblique = _dir + "/oblique.pdf";
    const QString topDown = _dir + "/topdown.pdf";
    cli("check-site --project " + demo() + " " + kSite + " --report " + oblique +
        " --report-view oblique --case-number OB-1");
    cli("check-site --project " + demo() + " " + kSite + " --report " + topDown +
        " --case-number OB-1");
    // One raster in the oblique report for the view and one per detail map,
    // none in the top-down one.
    const int details = detailMapCount(topDown);
    ASSERT_GT(details, 0) << "the case has no detail map";
    const QString list = run("pdfimages", {"-list", oblique});
    EXPECT_EQ(list.count('\n'), 3 + details) << list.toStdString();
    EXPECT_EQ(run("pdfimages", {"-list", topDown}).count('\n'), 2);
    run("pdfimages", {"-png", oblique, _dir + "/img"});
    const QImage view(_dir + "/img-000.png");
    ASSERT_FALSE(view.isNull()) << "pdfimages extracted nothing";
    EXPECT_EQ(view.width(), 1500);
    EXPECT_EQ(view.height(), 1000);
    // The city is drawn: most pixels unlike the clear colour, many colours.
    const ImageStats s = analyseImage(view, QColor::fromRgbF(0.86f, 0.91f, 0.96f));
    EXPECT_GT(s.differentFromBackground, 0.6) << "the oblique view is (nearly) empty";
    EXPECT_GT(s.distinctColours, 30);
    EXPECT_GT(s.luminanceStdDev, 8.0);
    // The proposed site's yellow ball stands near the middle of the view.
    int yellow = 0;
    double sx = 0;
    for (int y = 0; y < view.height(); ++y)
        for (int x = 0; x < view.width(); ++x) {
            const QColor c = view.pixelColor(x, y);
            if (c.red() > 200 && c.green() > 170 && c.blue() < 80) {
                ++yellow;
                sx += x;
            }
        }
    ASSERT_GT(yellow, 50) << "no site marker in the oblique view";
    EXPECT_NEAR(sx / yellow, view.width() / 2.0, view.width() * 0.1);
    // The oblique page and the top-down map page differ.
    const QImage a = pageWith(oblique, "案件斜视三维图", "oblique-page");
    const QImage b = pageWith(topDown, "Map of the case / 案件位置图", "topdown-page");
    ASSERT_FALSE(a.isNull());
    ASSERT_FALSE(b.isNull());
    ASSERT_EQ(a.size(), b.size());
    EXPECT_GT(shareOfDifferentPixels(a, b), 0.2) << "the oblique page looks like the top-down map";
    // Its words: the caption, the legend, no top-down map page with oblique alone.
    const QString text = run("pdftotext", {oblique, "-"});
    EXPECT_TRUE(text.contains("Legend / 图例"));
    EXPECT_TRUE(text.contains("no scale bar"));
    EXPECT_FALSE(text.contains("Map of the case / 案件位置图"));
}

// Detail maps follow the choice (issue 18): with the oblique view each
// finding's detail map is an oblique view of its own extent, its measured
// lines drawn in it and their distances printed over it as page text; with
// both, the top-down and the oblique detail map of each finding.
TEST_F(ReportOblique, detailMapsFollowTheChoiceWithTheirDistancesAsText) {
    const QString topDown = _dir + "/detail-topdown.pdf";
    const QString oblique = _dir + "/detail-oblique.pdf";
    const QString both = _dir + "/detail-both.pdf";
    cli("check-site --project " + demo() + " " + kSite + " --report " + topDown);
    cli("check-site --project " + demo() + " " + kSite + " --report " + oblique +
        " --report-view oblique");
    cli("check-site --project " + demo() + " " + kSite + " --report " + both +
        " --report-view both");
    const int details = detailMapCount(topDown);
    ASSERT_GT(details, 0);
    EXPECT_EQ(detailMapCount(oblique), details);
    // Oblique: every detail map is an oblique view; both: each finding has two.
    const QString obliqueText = run("pdftotext", {oblique, "-"});
    const QString bothText = run("pdftotext", {both, "-"});
    const QString first = QStringLiteral("Detail map 1 / 局部详图 1");
    EXPECT_EQ(obliqueText.count(first), 1);
    EXPECT_EQ(bothText.count(first), 2);
    EXPECT_EQ(run("pdftotext", {topDown, "-"}).count(first), 1);
    EXPECT_EQ(run("pdfimages", {"-list", both}).count('\n'), 3 + details);

    // The images: the case view first, then one per detail map, each framed
    // on its own extent (unlike the case) with the measured lines in ink.
    run("pdfimages", {"-png", oblique, _dir + "/detail"});
    const QImage caseView(_dir + "/detail-000.png");
    const QImage detail(_dir + "/detail-001.png");
    ASSERT_FALSE(caseView.isNull());
    ASSERT_FALSE(detail.isNull()) << "no detail image in the oblique report";
    EXPECT_EQ(detail.size(), caseView.size());
    const ImageStats s = analyseImage(detail, QColor::fromRgbF(0.86f, 0.91f, 0.96f));
    EXPECT_GT(s.differentFromBackground, 0.6) << "the oblique detail map is (nearly) empty";
    EXPECT_GT(shareOfDifferentPixels(detail, caseView), 0.2)
        << "the detail map is framed like the case";
    const int inkDetail = inkPixels(detail), inkCase = inkPixels(caseView);
    EXPECT_GT(inkDetail, 300) << "no measured line drawn";
    EXPECT_GT(inkDetail, 2 * inkCase + 100) << inkDetail << " ink pixels vs the case's " << inkCase;

    // The distances are text on the oblique detail page, the same numbers
    // as the top-down detail map's labels.
    auto pageText = [](const QString& pdf, const QString& heading) {
        const QString info = run("pdfinfo", {pdf});
        const int pages = QRegularExpression("Pages:\\s+(\\d+)").match(info).captured(1).toInt();
        for (int p = 1; p <= pages; ++p) {
            const QString text =
                run("pdftotext", {"-f", QString::number(p), "-l", QString::number(p), pdf, "-"});
            if (text.contains(heading))
                return text;
        }
        return QString();
    };
    auto distances = [](const QString& text) {
        QStringList out;
        for (auto it =
                 QRegularExpression("(?<![\\d.])(\\d+(\\.\\d)?) m(?![\\w²])").globalMatch(text);
             it.hasNext();)
            out << it.next().captured(1);
        out.sort();
        out.removeDuplicates();
        return out;
    };
    const QStringList shownOblique = distances(pageText(oblique, first));
    const QStringList shownTopDown = distances(pageText(topDown, first));
    EXPECT_FALSE(shownOblique.isEmpty()) << "no distance printed on the oblique detail map";
    for (const QString& d : shownOblique)
        EXPECT_TRUE(shownTopDown.contains(d))
            << d.toStdString() << " m is on the oblique detail map but not on the top-down one";
}

TEST_F(ReportOblique, bothViewsAndTheHtmlInlineTheImage) {
    const QString html = _dir + "/works.html";
    const QString trench =
        "POLYGON((121.5085223 31.2388317,121.5088373 31.2388317,121.5088373 "
        "31.2391023,121.5085223 31.2391023,121.5085223 31.2388317))";
    const ProcessResult r =
        runProgram("citytwin-cli",
                   {"check-works", "--project", demo(), "--wkt", trench, "--kind", "excavation",
                    "--report", html, "--report-view", "both"},
                   180);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(html);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(doc.contains("Map of the case / 案件位置图"));
    EXPECT_TRUE(doc.contains("Oblique view of the case / 案件斜视三维图"));
    // The oblique SVG carries the PNG inline: decode both levels.
    const QRegularExpression svgs("src=\"data:image/svg\\+xml;base64,([^\"]+)\"");
    bool found = false;
    for (auto it = svgs.globalMatch(doc); it.hasNext();) {
        const QByteArray svg = QByteArray::fromBase64(it.next().captured(1).toLatin1());
        const int at = svg.indexOf("href=\"data:image/png;base64,");
        if (at < 0)
            continue;
        const int begin = at + int(qstrlen("href=\"data:image/png;base64,"));
        const QImage image = QImage::fromData(
            QByteArray::fromBase64(svg.mid(begin, svg.indexOf('"', begin) - begin)), "PNG");
        ASSERT_FALSE(image.isNull());
        const ImageStats s = analyseImage(image, QColor::fromRgbF(0.86f, 0.91f, 0.96f));
        EXPECT_GT(s.differentFromBackground, 0.6);
        found = true;
    }
    EXPECT_TRUE(found) << "no inline PNG in the HTML";
    // The PDF of both: the map page, then the oblique page.
    const QString pdf = _dir + "/works.pdf";
    ASSERT_EQ(runProgram("citytwin-cli",
                         {"check-works", "--project", demo(), "--wkt", trench, "--kind",
                          "excavation", "--report", pdf, "--report-view", "both"},
                         180)
                  .exitCode,
              0);
    // Opaque images (the case, then one per detail map): no soft mask from
    // the translucent works area and zones.
    const QString images = run("pdfimages", {"-list", pdf});
    EXPECT_EQ(images.count('\n'), 3 + detailMapCount(pdf)) << images.toStdString();
    EXPECT_FALSE(images.contains("smask"));
    const QString text = run("pdftotext", {pdf, "-"});
    const int map = text.indexOf("Map of the case / 案件位置图");
    const int obl = text.indexOf("Oblique view of the case / 案件斜视三维图");
    EXPECT_GE(map, 0);
    EXPECT_GT(obl, map);
}

TEST_F(ReportOblique, withoutADisplayTheObliqueViewFailsClearly) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    p.setProcessEnvironment(env);
    p.start(QString(kBinDir) + "/citytwin-cli",
            {"check-site", "--project", demo(), "--lon", "121.504481", "--lat", "31.238967",
             "--report", _dir + "/nodisplay.pdf", "--report-view", "oblique"});
    ASSERT_TRUE(p.waitForFinished(120000));
    struct {
        int exitCode;
        QString err;
    } r{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("DISPLAY is not set")) << r.err.toStdString();
    const ProcessResult bad =
        runProgram("citytwin-cli", {"check-site", "--project", demo(), "--lon", "121.5", "--lat",
                                    "31.2", "--report", _dir + "/x.pdf", "--report-view", "side"});
    EXPECT_EQ(bad.exitCode, 2);
}
