#pragma once
// What the inspector enters once for every report (issue 18 item 3): the
// header fields, the report's coordinate system, the paper and the map's
// view (top-down or oblique), remembered
// in QSettings ("inspection/report/...") between sessions.

#include <QString>

#include "citytwin/assets/ReportModel.h"
#include "inspection/ReportPdfWriter.h"

namespace citytwin::app {

struct ReportSettings {
    assets::ReportHeader header;
    /// EPSG code, WKT or PROJ string; empty: the GK zone of the case's centre.
    QString crs;
    Paper paper = Paper::A4;
    /// The case map: top-down, the oblique 3D view, or both.
    assets::MapView view = assets::MapView::TopDown;

    static ReportSettings load();
    void save() const;
};

}  // namespace citytwin::app
