#include "inspection/ReportSettings.h"

#include <QSettings>

namespace citytwin::app {
namespace {

const QString kGroup = QStringLiteral("inspection/report/");

}  // namespace

ReportSettings ReportSettings::load() {
    const QSettings s;
    ReportSettings r;
    r.header.caseNumber = s.value(kGroup + "caseNumber").toString().toStdString();
    r.header.inspector = s.value(kGroup + "inspector").toString().toStdString();
    r.header.organisation = s.value(kGroup + "organisation").toString().toStdString();
    r.crs = s.value(kGroup + "crs").toString();
    r.paper = s.value(kGroup + "paper").toString() == QLatin1String("A3") ? Paper::A3 : Paper::A4;
    r.view = assets::parseMapView(s.value(kGroup + "view").toString().toStdString())
                 .value_or(assets::MapView::TopDown);
    return r;
}

void ReportSettings::save() const {
    QSettings s;
    s.setValue(kGroup + "caseNumber", QString::fromStdString(header.caseNumber));
    s.setValue(kGroup + "inspector", QString::fromStdString(header.inspector));
    s.setValue(kGroup + "organisation", QString::fromStdString(header.organisation));
    s.setValue(kGroup + "crs", crs);
    s.setValue(kGroup + "paper", paper == Paper::A3 ? QStringLiteral("A3") : QStringLiteral("A4"));
    s.setValue(kGroup + "view", QString::fromLatin1(assets::mapViewName(view)));
}

}  // namespace citytwin::app
