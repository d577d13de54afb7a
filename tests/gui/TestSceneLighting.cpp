// The sky and the sun in the real `citytwin --snapshot` under X: the sky is a
// gradient (not one flat clear colour), the city at noon is brighter than at
// night, and the night sky is dark. Pictures: build/tests/gui/out/lighting_*.png.

#include <gtest/gtest.h>

#include <cstdio>

#include <QFile>
#include <QImage>

#include "GuiTestSupport.h"

using namespace citytwin::test;

namespace {

const char* kNoon = "2024-06-21T12:00:00+08:00";
const char* kNight = "2024-06-21T23:00:00+08:00";
// Looking 10 degrees up over Lujiazui: the image's top is 27 degrees above
// the horizon, its bottom 7 below.
const char* kSkyCamera = "121.4990,31.2330,300,30,10";

QImage snapshot(const QString& name, const QStringList& extra) {
    return snapshotImage(name, extra, QSize(640, 400));
}

/// Only the sky: every layer of the demo hidden.
QStringList everyLayerHidden() {
    QStringList args;
    for (const char* id : {"ground", "buildings", "roads", "water", "landuse", "public_facilities",
                           "base_stations", "cables", "works", "protection_zones", "sensors"})
        args << "--hide-layer" << id;
    return args;
}

double luminance(QRgb c) {
    return 0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c);
}

/// The mean colour of row y.
QColor rowMean(const QImage& img, int y) {
    double r = 0, g = 0, b = 0;
    for (int x = 0; x < img.width(); ++x) {
        const QRgb c = img.pixel(x, y);
        r += qRed(c);
        g += qGreen(c);
        b += qBlue(c);
    }
    const double n = img.width();
    return QColor(int(r / n), int(g / n), int(b / n));
}

double meanLuminance(const QImage& img) {
    double sum = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            sum += luminance(img.pixel(x, y));
    return sum / (double(img.width()) * img.height());
}

}  // namespace

class SceneLighting : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        QString error;
        ASSERT_TRUE(ensureDisplay(&error)) << error.toStdString();
    }
};

TEST_F(SceneLighting, theSkyDeepensFromTheHorizonToTheTop) {
    QStringList args{"--camera", kSkyCamera, "--time", kNoon};
    args << everyLayerHidden();
    const QImage img =
        snapshot("lighting_sky_noon.png", args).convertToFormat(QImage::Format_RGB32);
    ASSERT_FALSE(img.isNull());
    const QColor top = rowMean(img, 0);
    const QColor horizon = rowMean(img, img.height() * 3 / 4);
    // Not one flat colour: the top is a deeper, bluer sky than the horizon.
    EXPECT_LT(luminance(top.rgb()) + 25.0, luminance(horizon.rgb()))
        << "top " << top.name().toStdString() << ", horizon " << horizon.name().toStdString();
    EXPECT_GT(top.blue() - top.red(), horizon.blue() - horizon.red() + 20);
    // Smoothly: each tenth of the height down is at least as light as the one above.
    double previous = -1.0;
    for (int i = 0; i <= 7; ++i) {
        const double l = luminance(rowMean(img, img.height() * i / 10).rgb());
        EXPECT_GE(l + 1.0, previous) << "row " << i;
        previous = l;
    }
}

TEST_F(SceneLighting, theNightSkyIsDark) {
    QStringList args{"--camera", kSkyCamera, "--time", kNight};
    args << everyLayerHidden();
    const QImage img =
        snapshot("lighting_sky_night.png", args).convertToFormat(QImage::Format_RGB32);
    ASSERT_FALSE(img.isNull());
    EXPECT_LT(luminance(rowMean(img, 0).rgb()), 40.0);
    EXPECT_LT(meanLuminance(img), 60.0);
}

/// Pixels in a lit window's warm light in `lit` and not in `other` (the
/// same view at another hour: orange buildings and labels are in both).
static int warmPixelsOnlyIn(const QImage& lit, const QImage& other) {
    const auto warm = [](QRgb p) {
        return qRed(p) > 150 && qGreen(p) > 100 && qBlue(p) < 190 && qRed(p) - qBlue(p) > 45;
    };
    int n = 0;
    for (int y = 0; y < lit.height(); ++y)
        for (int x = 0; x < lit.width(); ++x)
            n += warm(lit.pixel(x, y)) && !warm(other.pixel(x, y));
    return n;
}

TEST_F(SceneLighting, theCityAtNoonIsBrighterThanAtNight) {
    const QImage noon = snapshot("lighting_city_noon.png", {"--view", "lujiazui", "--time", kNoon});
    const QImage night =
        snapshot("lighting_city_night.png", {"--view", "lujiazui", "--time", kNight});
    ASSERT_FALSE(noon.isNull());
    ASSERT_FALSE(night.isNull());
    const double lNoon = meanLuminance(noon.convertToFormat(QImage::Format_RGB32));
    const double lNight = meanLuminance(night.convertToFormat(QImage::Format_RGB32));
    // Measured 175 against 128: the night keeps enough moonlight for the city
    // to read, so the margin is a third, not the double first guessed.
    EXPECT_GT(lNoon, 1.25 * lNight) << "noon " << lNoon << ", night " << lNight;
    // After dark the walls show lit windows (warm, on dark walls), noon none.
    const QImage night32 = night.convertToFormat(QImage::Format_RGB32);
    const QImage noon32 = noon.convertToFormat(QImage::Format_RGB32);
    const int windowsNight = warmPixelsOnlyIn(night32, noon32);
    const int windowsNoon = warmPixelsOnlyIn(noon32, night32);
    std::printf("warm window pixels: night %d, noon %d\n", windowsNight, windowsNoon);
    EXPECT_GT(windowsNight, 400) << "no lit windows at night";
    EXPECT_GT(windowsNight, 5 * windowsNoon)
        << "night " << windowsNight << ", noon " << windowsNoon;
    // Both still draw the city (the night is dark, not empty).
    QString why;
    EXPECT_TRUE(looksLikeACity(analyseImage(noon), &why)) << why.toStdString();
}
