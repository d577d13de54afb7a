#include "inspection/ReportPdfWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>
#include <memory>
#include <vector>

#include "citytwin/assets/ReportHtml.h"
#include "citytwin/assets/ReportMap.h"
#include "citytwin/assets/ReportModel.h"
#include "inspection/PainterMapCanvas.h"

namespace citytwin::app {
namespace {

constexpr int kDpi = 300;
constexpr double kPxPerMm = kDpi / 25.4;
constexpr double kRunningHeaderMm = 8.0;
constexpr double kFooterMm = 8.0;
constexpr double kMapHeadingMm = 10.0;

const char* kStyle =
    "h1{font-size:15pt;} h2{font-size:12pt;margin-top:10px;} h3{font-size:10pt;} "
    "th{background-color:#e8e8e8;} small{font-size:7pt;}";

std::unique_ptr<QTextDocument> layOut(const std::string& html, QPaintDevice* device, QSizeF page,
                                      const QString& family) {
    auto doc = std::make_unique<QTextDocument>();
    doc->documentLayout()->setPaintDevice(device);
    QFont font(family);
    font.setPointSizeF(9.0);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(QString::fromLatin1(kStyle));
    doc->setDocumentMargin(0);
    doc->setPageSize(page);
    doc->setHtml(QString::fromStdString(html));
    return doc;
}

struct PageFrame {
    QRectF area;  ///< the printable area, device pixels (origin at the margins)
    QRectF body;  ///< between the running header and the footer
};

void drawFrame(QPainter& p, const PageFrame& f, const assets::ReportModel& m, int page, int pages,
               const QString& family) {
    QFont font(family);
    font.setPointSizeF(7.5);
    p.setFont(font);
    p.setPen(QColor(60, 60, 60));
    const QString title =
        QString::fromStdString(m.titleEn + " / " + m.titleZh) +
        (m.header.caseNumber.empty()
             ? QString()
             : QStringLiteral(" — ") + QString::fromStdString(m.header.caseNumber));
    const QRectF top(f.area.left(), f.area.top(), f.area.width(),
                     kRunningHeaderMm * kPxPerMm * 0.7);
    p.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, title);
    p.drawText(top, Qt::AlignRight | Qt::AlignVCenter, QString::fromStdString(m.date));
    p.drawLine(QPointF(f.area.left(), top.bottom()), QPointF(f.area.right(), top.bottom()));
    const double footerTop = f.area.bottom() - kFooterMm * kPxPerMm * 0.7;
    p.drawLine(QPointF(f.area.left(), footerTop), QPointF(f.area.right(), footerTop));
    const QRectF bottom(f.area.left(), footerTop, f.area.width(), kFooterMm * kPxPerMm * 0.7);
    p.drawText(bottom, Qt::AlignHCenter | Qt::AlignVCenter,
               QStringLiteral("page %1 of %2 / 第 %1 页，共 %2 页").arg(page).arg(pages));
    p.drawText(bottom, Qt::AlignRight | Qt::AlignVCenter, QString::fromStdString(m.crsCode));
}

void drawDocumentPage(QPainter& p, QTextDocument& doc, const QRectF& body, int index) {
    const double h = doc.pageSize().height();
    p.save();
    p.translate(body.left(), body.top() - index * h);
    doc.drawContents(&p, QRectF(0, index * h, body.width(), h));
    p.restore();
}

/// A map's heading in bold across the top of `area`, kMapHeadingMm high;
/// returns where it was drawn (the map starts below it).
QRectF drawMapHeading(QPainter& p, const QRectF& area, const QString& family, double points,
                      int flags, const QString& text) {
    QFont font(family);
    font.setPointSizeF(points);
    font.setBold(true);
    p.setFont(font);
    p.setPen(Qt::black);
    const QRectF heading(area.left(), area.top(), area.width(), kMapHeadingMm * kPxPerMm);
    p.drawText(heading, flags, text);
    return heading;
}

void drawMapPage(QPainter& p, const assets::ReportModel& m, const QRectF& body,
                 const QString& family) {
    const QRectF heading = drawMapHeading(p, body, family, 12.0, Qt::AlignLeft | Qt::AlignVCenter,
                                          QStringLiteral("Map of the case / 案件位置图 (%1)")
                                              .arg(QString::fromStdString(m.crsLabel)));
    const double widthMm = body.width() / kPxPerMm;
    const double heightMm = body.height() / kPxPerMm - kMapHeadingMm;
    PainterMapCanvas canvas(p, QPointF(body.left(), heading.bottom()), kPxPerMm, family);
    assets::drawReportMap(m, canvas, widthMm, heightMm);
}

/// The oblique 3D view on a page of its own, its legend and caption with it.
void drawObliquePage(QPainter& p, const assets::ReportModel& m, const QRectF& body,
                     const QString& family) {
    const QRectF heading = drawMapHeading(p, body, family, 12.0, Qt::AlignLeft | Qt::AlignVCenter,
                                          QString::fromUtf8(assets::kObliqueHeading));
    PainterMapCanvas canvas(p, QPointF(body.left(), heading.bottom()), kPxPerMm, family);
    assets::drawReportObliqueMap(m, canvas, body.width() / kPxPerMm,
                                 body.height() / kPxPerMm - kMapHeadingMm);
}

/// Up to two detail maps on one page, each in half the body with its heading.
void drawDetailPage(QPainter& p, const assets::ReportModel& m,
                    const std::vector<assets::DetailPanel>& panels, const QRectF& body,
                    const QString& family) {
    const double slotH = body.height() / 2.0;
    for (std::size_t i = 0; i < panels.size(); ++i) {
        const QRectF slot(body.left(), body.top() + double(i) * slotH, body.width(), slotH);
        const QRectF heading = drawMapHeading(
            p, slot, family, 10.0, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
            QString::fromStdString(assets::detailPanelTitle(panels[i])));
        // A small gap below each map keeps the two frames apart.
        const double widthMm = slot.width() / kPxPerMm;
        const double heightMm = slot.height() / kPxPerMm - kMapHeadingMm - 3.0;
        PainterMapCanvas canvas(p, QPointF(slot.left(), heading.bottom()), kPxPerMm, family);
        assets::drawDetailPanel(m, panels[i], canvas, widthMm, heightMm);
    }
}

}  // namespace

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

QString writeReportPdf(const assets::ReportModel& m, const QString& path, Paper paper) {
    const QString family = reportFontFamily();
    {
        QPdfWriter writer(path);
        writer.setResolution(kDpi);
        writer.setPageSize(QPageSize(paper == Paper::A3 ? QPageSize::A3 : QPageSize::A4));
        writer.setPageMargins(
            QMarginsF(kReportMarginMm, kReportMarginMm, kReportMarginMm, kReportMarginMm),
            QPageLayout::Millimeter);
        writer.setTitle(QString::fromStdString(m.titleEn + " " + m.header.caseNumber));
        writer.setCreator(QStringLiteral("citytwin " CITYTWIN_VERSION));
        QPainter painter;
        if (!painter.begin(&writer))
            return QCoreApplication::translate("Inspection", "%1: cannot write the PDF").arg(path);

        PageFrame frame;
        const QRect paint = writer.pageLayout().paintRectPixels(kDpi);
        frame.area = QRectF(0, 0, paint.width(), paint.height());
        frame.body = frame.area.adjusted(0, kRunningHeaderMm * kPxPerMm, 0, -kFooterMm * kPxPerMm);

        auto front = layOut(assets::reportHtmlFront(m), &writer, frame.body.size(), family);
        auto body = layOut(assets::reportHtmlBody(m), &writer, frame.body.size(), family);
        const int frontPages = front->pageCount();
        const int bodyPages = body->pageCount();
        const std::vector<assets::DetailPanel> detailed = assets::detailPanels(m);
        const int detailPages = int((detailed.size() + 1) / 2);
        const bool topDown = assets::showsTopDown(m.mapView);
        const bool oblique = assets::showsOblique(m.mapView) && !m.obliquePng.empty();
        // The top-down map also when the oblique view was asked for but not drawn.
        const bool mapPage = topDown || !oblique;
        const int pages = frontPages + int(mapPage) + int(oblique) + detailPages + bodyPages;
        int page = 0;
        auto next = [&] {
            if (page > 0)
                writer.newPage();
            ++page;
            drawFrame(painter, frame, m, page, pages, family);
        };
        for (int i = 0; i < frontPages; ++i) {
            next();
            drawDocumentPage(painter, *front, frame.body, i);
        }
        if (mapPage) {
            next();
            drawMapPage(painter, m, frame.body, family);
        }
        if (oblique) {
            next();
            drawObliquePage(painter, m, frame.body, family);
        }
        for (int i = 0; i < detailPages; ++i) {
            next();
            const std::vector<assets::DetailPanel> two(
                detailed.begin() + 2 * i,
                detailed.begin() + std::min<std::size_t>(detailed.size(), 2 * i + 2));
            drawDetailPage(painter, m, two, frame.body, family);
        }
        for (int i = 0; i < bodyPages; ++i) {
            next();
            drawDocumentPage(painter, *body, frame.body, i);
        }
        painter.end();
    }  // the writer closes the file here
    // QPdfWriter reports no errors; check the file is there and not empty.
    if (QFileInfo(path).size() == 0)
        return QCoreApplication::translate("Inspection", "%1: cannot write the PDF").arg(path);
    return {};
}

}  // namespace citytwin::app
