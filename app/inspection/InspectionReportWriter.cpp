#include "inspection/InspectionReportWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "citytwin/assets/FindingsFormat.h"
#include "citytwin/assets/ReportHtml.h"
#include "citytwin/assets/SvgMapCanvas.h"

namespace citytwin::app {
namespace {

QString writeText(const QString& path, const std::string& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return QCoreApplication::translate("Inspection", "%1: cannot write: %2")
            .arg(path, file.errorString());
    return {};
}

}  // namespace

ReportFiles reportFilesFor(const QString& htmlPath) {
    const QFileInfo info(htmlPath);
    const QString base = info.dir().filePath(info.completeBaseName());
    return {info.filePath(), base + ".pdf", base + ".json"};
}

QString writeReportFiles(const assets::ReportModel& model,
                         const std::vector<assets::Finding>& findings, const QString& htmlPath,
                         Paper paper) {
    const ReportFiles files = reportFilesFor(htmlPath);
    const std::string svg = assets::reportMapSvg(model, kHtmlMapWidthMm, kHtmlMapHeightMm);
    const auto details =
        assets::reportDetailMapSvgs(model, kHtmlMapWidthMm, kHtmlDetailMapHeightMm);
    const std::string oblique =
        model.obliquePng.empty()
            ? std::string()
            : assets::reportObliqueMapSvg(model, kHtmlMapWidthMm, kHtmlMapHeightMm);
    QString error = writeText(files.html, assets::reportHtmlDocument(model, svg, details, oblique));
    if (error.isEmpty())
        error = writeText(files.json, assets::findingsToJson(findings));
    if (error.isEmpty())
        error = writeReportPdf(model, files.pdf, paper);
    return error;
}

}  // namespace citytwin::app
