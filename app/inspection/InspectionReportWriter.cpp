#include "inspection/InspectionReportWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace citytwin::app {
namespace {

// Snapshot width in the PDF, in the document's pixels (96 per inch): 6.25
// inches, inside an A4 page's text width. The HTML scales it to the page itself.
constexpr int kPdfSnapshotWidth = 600;

QString snapshotName(const ReportFiles& files) {
    return QFileInfo(files.snapshot).fileName();
}

}  // namespace

ReportFiles reportFilesFor(const QString& htmlPath) {
    const QFileInfo info(htmlPath);
    const QString base = info.dir().filePath(info.completeBaseName());
    return {info.filePath(), base + ".pdf", base + "_map.png"};
}

QString reportFontFamily() {
    const QStringList families = QFontDatabase::families();
    for (const QString& wanted :
         {QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC"),
          QStringLiteral("Source Han Sans SC"), QStringLiteral("WenQuanYi Zen Hei")}) {
        if (families.contains(wanted))
            return wanted;
    }
    // Any family that writes Simplified Chinese.
    const QStringList chinese = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    return chinese.isEmpty() ? QString() : chinese.front();
}

std::unique_ptr<QTextDocument> buildReportDocument(const assets::InspectionReport& report,
                                                   const QImage& snapshot) {
    auto doc = std::make_unique<QTextDocument>();
    QFont font(reportFontFamily());
    font.setPointSizeF(9.0);
    doc->setDefaultFont(font);
    QString html = QString::fromStdString(assets::writeInspectionReportHtml(report));
    if (!snapshot.isNull() && !report.snapshotImagePath.empty()) {
        const QImage scaled =
            snapshot.scaledToWidth(kPdfSnapshotWidth * 2, Qt::SmoothTransformation);
        doc->addResource(QTextDocument::ImageResource,
                         QUrl(QString::fromStdString(report.snapshotImagePath)), scaled);
        // QTextDocument ignores CSS max-width: give the image its printed width.
        html.replace(QStringLiteral("<img src="),
                     QStringLiteral("<img width=\"%1\" src=").arg(kPdfSnapshotWidth));
    }
    doc->setHtml(html);
    return doc;
}

QString writeReportFiles(assets::InspectionReport report, const QImage& snapshot,
                         const QString& htmlPath) {
    const ReportFiles files = reportFilesFor(htmlPath);
    if (!snapshot.isNull()) {
        if (!snapshot.save(files.snapshot, "PNG"))
            return QCoreApplication::translate("Inspection", "%1: cannot write the map snapshot")
                .arg(files.snapshot);
        // Relative, so the HTML and its image can be moved together.
        report.snapshotImagePath = snapshotName(files).toStdString();
    }

    QFile html(files.html);
    if (!html.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QCoreApplication::translate("Inspection", "%1: cannot write: %2")
            .arg(files.html, html.errorString());
    const std::string text = assets::writeInspectionReportHtml(report);
    if (html.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return QCoreApplication::translate("Inspection", "%1: cannot write: %2")
            .arg(files.html, html.errorString());
    html.close();

    {
        QPdfWriter pdf(files.pdf);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdf.setTitle(QString::fromStdString(report.title));
        pdf.setCreator(QStringLiteral("citytwin " CITYTWIN_VERSION));
        auto doc = buildReportDocument(report, snapshot);
        doc->print(&pdf);
    }  // the writer closes the file here
    // QPdfWriter reports no errors; check the file is there and not empty.
    if (QFileInfo(files.pdf).size() == 0)
        return QCoreApplication::translate("Inspection", "%1: cannot write the PDF").arg(files.pdf);
    return {};
}

}  // namespace citytwin::app
