#pragma once
// Private GDAL/OGR helpers shared by the readers, the importer and the
// project store: dataset ownership and CRS conversion both ways.

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo::detail {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/// Our Crs for an OGR SRS, preferring its authority code (EPSG:4549) over WKT.
Result<Crs> crsFromOgr(const OGRSpatialReference& srs);

/// The OGR SRS of a PROJ-kind Crs, in GIS axis order (x = lon/easting), or an
/// error for GCJ02/BD09, which OGR cannot represent.
Result<OGRSpatialReference> ogrSrsFor(const Crs& crs);

}  // namespace citytwin::geo::detail
