// A CSV's header and its likely coordinate columns, for the window's point
// columns dialog (the importer takes the same names: ImportSupport).

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "ImportSupport.h"
#include "OgrSupport.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/VectorReader.h"

namespace citytwin::geo {

Result<CsvColumns> detectCsvColumns(const std::string& path) {
    using R = Result<CsvColumns>;
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const char* drivers[] = {"CSV", nullptr};
    detail::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            drivers, nullptr, nullptr));
    if (!ds || ds->GetLayerCount() == 0)
        return R::failure("cannot open as CSV: " + capture.lastError("not a CSV file"), path);
    OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
    CsvColumns c;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const std::string name = defn->GetFieldDefn(i)->GetNameRef();
        if (c.x < 0 && detail::matchesColumnPattern(name, detail::kCsvXNames))
            c.x = i;
        else if (c.y < 0 && detail::matchesColumnPattern(name, detail::kCsvYNames))
            c.y = i;
        c.names.push_back(name);
    }
    if (c.names.empty())
        return R::failure("has no header row", path, 1);
    return c;
}

}  // namespace citytwin::geo
