// The inspection report's oblique view (issue 18: "top-down or oblique by
// choice"): citytwin-cli check-site/check-works --report-view oblique under X
// (Xvfb), checked in the files an office receives: the PDF holds one raster
// image (pdfimages), the city drawn in it (not an empty frame) and unlike
// the top-down map of the same case; the HTML inlines it; without a
// display the option fails clearly.

#include <gtest/gtest.h>

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
    QString _dir;
};

}  // namespace

TEST_F(ReportOblique, thePdfHoldsTheObliqueViewOfTheCaseUnlikeTheTopDownMap) {
    const QString oblique = _dir + "/oblique.pdf";
    const QString topDown = _dir + "/topdown.pdf";
    cli("check-site --project " + demo() + " " + kSite + " --report " + oblique +
        " --report-view oblique --case-number OB-1");
    cli("check-site --project " + demo() + " " + kSite + " --report " + topDown +
        " --case-number OB-1");
    // One raster in the oblique report (the view), none in the top-down one.
    const QString list = run("pdfimages", {"-list", oblique});
    EXPECT_EQ(list.count('\n'), 3) << list.toStdString();
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
    // One opaque image: no soft mask from the translucent works area and zones.
    const QString images = run("pdfimages", {"-list", pdf});
    EXPECT_EQ(images.count('\n'), 3) << images.toStdString();
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
