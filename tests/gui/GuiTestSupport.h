#pragma once
// Support for GUI tests that run the real citytwin window: an X display
// (the caller's, or an Xvfb started here), running the real executable, and
// image checks that fail when the city is not drawn.

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>
#include <QStringList>

namespace citytwin::test {

/// Makes sure DISPLAY names a running X server: keeps the caller's, or
/// starts Xvfb (stopped at exit). Returns false with a reason if impossible.
bool ensureDisplay(QString* error = nullptr);

struct ProcessResult {
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QString out;
    QString err;
};

/// Runs build/bin/<program> with arguments; waits at most timeoutSeconds.
/// extraEnv: "NAME=value" entries added to the environment.
ProcessResult runProgram(const QString& program, const QStringList& args, int timeoutSeconds = 120,
                         const QStringList& extraEnv = {});

/// `citytwin --snapshot OUTDIR/name --size WxH extra…`, which must succeed
/// (no crash, no timeout, exit 0; EXPECTs otherwise); returns the image.
QImage snapshotImage(const QString& name, const QStringList& extra, const QSize& size);

struct ImageStats {
    double differentFromBackground = 0.0;  ///< share of pixels unlike the sky colour
    int distinctColours = 0;               ///< colours after quantising to 4 bits per channel
    double luminanceStdDev = 0.0;          ///< 0..255
};

/// The view's clear colour (the sky): OsgView's setClearColor.
QColor skyColour();

ImageStats analyseImage(const QImage& image, const QColor& background = skyColour());

/// Share of pixels that differ by more than `tolerance` in any channel.
double shareOfDifferentPixels(const QImage& a, const QImage& b, int tolerance = 24);

/// Where two images differ by more than `tolerance` in any channel: the
/// bounding rectangle (empty if nowhere) and, in `count`, how many pixels.
/// Drawn with and without a layer, it is the layer's silhouette.
QRect differingRegion(const QImage& a, const QImage& b, int tolerance = 24, int* count = nullptr);

/// "the city is drawn": most pixels are not sky, with many colours and shading.
bool looksLikeACity(const ImageStats& s, QString* why = nullptr);

/// Where test outputs go (build/tests/gui/out), created on demand.
QString outputDir();

}  // namespace citytwin::test
