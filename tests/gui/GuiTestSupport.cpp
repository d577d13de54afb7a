#include "GuiTestSupport.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>

#include "citytwin/test/TestPaths.h"

namespace citytwin::test {

namespace {
std::unique_ptr<QProcess>& xvfb() {
    static std::unique_ptr<QProcess> p;
    return p;
}
void stopXvfb() {
    if (auto& p = xvfb()) {
        p->terminate();
        p->waitForFinished(3000);
        p.reset();
    }
}
}  // namespace

bool ensureDisplay(QString* error) {
    if (qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariable("DISPLAY").isEmpty())
        return true;
    if (xvfb())
        return true;
    // -displayfd makes Xvfb pick a free display and tell us its number.
    auto p = std::make_unique<QProcess>();
    p->setProgram("Xvfb");
    p->setArguments({"-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"});
    p->start();
    if (!p->waitForStarted(10000)) {
        if (error)
            *error = "cannot start Xvfb (install the xvfb package)";
        return false;
    }
    QByteArray number;
    for (int i = 0; i < 100 && !number.contains('\n'); ++i) {
        p->waitForReadyRead(100);
        number += p->readAllStandardOutput();
    }
    if (!number.contains('\n')) {
        if (error)
            *error = "Xvfb did not report its display number";
        return false;
    }
    qputenv("DISPLAY", ":" + number.trimmed());
    xvfb() = std::move(p);
    std::atexit(stopXvfb);
    return true;
}

ProcessResult runProgram(const QString& program, const QStringList& args, int timeoutSeconds,
                         const QStringList& extraEnv) {
    ProcessResult r;
    QProcess p;
    if (!extraEnv.isEmpty()) {
        QStringList env = QProcess::systemEnvironment();
        env << extraEnv;
        p.setEnvironment(env);
    }
    p.setProgram(QString(kBinDir) + "/" + program);
    p.setArguments(args);
    p.start();
    if (!p.waitForStarted(10000)) {
        r.err = "cannot start " + p.program();
        return r;
    }
    if (!p.waitForFinished(timeoutSeconds * 1000)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QColor skyColour() {
    return QColor::fromRgbF(0.74f, 0.82f, 0.90f);
}

ImageStats analyseImage(const QImage& in, const QColor& bg) {
    ImageStats s;
    const QImage img = in.convertToFormat(QImage::Format_RGB32);
    if (img.isNull() || img.width() == 0)
        return s;
    std::set<int> colours;
    double sum = 0, sum2 = 0;
    long different = 0;
    const long n = long(img.width()) * img.height();
    for (int y = 0; y < img.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const QRgb c = line[x];
            const int r = qRed(c), g = qGreen(c), b = qBlue(c);
            if (std::abs(r - bg.red()) > 12 || std::abs(g - bg.green()) > 12 ||
                std::abs(b - bg.blue()) > 12)
                ++different;
            colours.insert(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
            const double l = 0.299 * r + 0.587 * g + 0.114 * b;
            sum += l;
            sum2 += l * l;
        }
    }
    s.differentFromBackground = double(different) / double(n);
    s.distinctColours = int(colours.size());
    const double mean = sum / n;
    s.luminanceStdDev = std::sqrt(std::max(0.0, sum2 / n - mean * mean));
    return s;
}

QRect differingRegion(const QImage& a0, const QImage& b0, int tolerance, int* count) {
    const QImage a = a0.convertToFormat(QImage::Format_RGB32);
    const QImage b = b0.convertToFormat(QImage::Format_RGB32);
    QRect region;
    int n = 0;
    if (a.size() == b.size()) {
        for (int y = 0; y < a.height(); ++y) {
            const auto* pa = reinterpret_cast<const QRgb*>(a.constScanLine(y));
            const auto* pb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
            for (int x = 0; x < a.width(); ++x) {
                if (std::abs(qRed(pa[x]) - qRed(pb[x])) > tolerance ||
                    std::abs(qGreen(pa[x]) - qGreen(pb[x])) > tolerance ||
                    std::abs(qBlue(pa[x]) - qBlue(pb[x])) > tolerance) {
                    region |= QRect(x, y, 1, 1);
                    ++n;
                }
            }
        }
    }
    if (count)
        *count = n;
    return region;
}

double shareOfDifferentPixels(const QImage& a0, const QImage& b0, int tolerance) {
    const QImage a = a0.convertToFormat(QImage::Format_RGB32);
    const QImage b = b0.convertToFormat(QImage::Format_RGB32);
    if (a.size() != b.size() || a.isNull())
        return 1.0;
    long diff = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* la = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* lb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            if (std::abs(qRed(la[x]) - qRed(lb[x])) > tolerance ||
                std::abs(qGreen(la[x]) - qGreen(lb[x])) > tolerance ||
                std::abs(qBlue(la[x]) - qBlue(lb[x])) > tolerance)
                ++diff;
        }
    }
    return double(diff) / (double(a.width()) * a.height());
}

bool looksLikeACity(const ImageStats& s, QString* why) {
    QStringList problems;
    if (s.differentFromBackground < 0.4)
        problems << QString("only %1% of pixels differ from the sky")
                        .arg(s.differentFromBackground * 100, 0, 'f', 1);
    if (s.distinctColours < 40)
        problems << QString("only %1 distinct colours").arg(s.distinctColours);
    if (s.luminanceStdDev < 8.0)
        problems
            << QString("flat shading (luminance std dev %1)").arg(s.luminanceStdDev, 0, 'f', 1);
    if (why)
        *why = problems.join("; ");
    return problems.isEmpty();
}

QString outputDir() {
    const QString dir = QString(kBinDir) + "/../tests/gui/out";
    QDir().mkpath(dir);
    return QDir(dir).canonicalPath();
}

QImage snapshotImage(const QString& name, const QStringList& extra, const QSize& size) {
    const QString path = outputDir() + "/" + name;
    QFile::remove(path);
    QStringList args{"--snapshot", path, "--size",
                     QString("%1x%2").arg(size.width()).arg(size.height())};
    args << extra;
    const ProcessResult r = runProgram("citytwin", args);
    EXPECT_FALSE(r.crashed) << r.err.toStdString();
    EXPECT_FALSE(r.timedOut);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    return QImage(path);
}

}  // namespace citytwin::test
