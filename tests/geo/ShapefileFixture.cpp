#include "ShapefileFixture.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <stdexcept>

namespace citytwin::test {

namespace fs = std::filesystem;

void writeSquaresShapefile(const fs::path& path, int epsg,
                           const std::vector<std::pair<double, double>>& corners, double side) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    if (!driver)
        throw std::runtime_error("GDAL has no shapefile driver");
    GDALDataset* ds = driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        throw std::runtime_error("cannot create " + path.string());
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    OGRLayer* layer = ds->CreateLayer(path.stem().string().c_str(), &srs, wkbPolygon, nullptr);
    OGRFieldDefn name("name", OFTString);
    name.SetWidth(32);
    layer->CreateField(&name);
    int n = 0;
    for (const auto& [x, y] : corners) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("name", ("square " + std::to_string(++n)).c_str());
        OGRLinearRing ring;
        ring.addPoint(x, y);
        ring.addPoint(x, y + side);
        ring.addPoint(x + side, y + side);
        ring.addPoint(x + side, y);
        ring.addPoint(x, y);
        OGRPolygon poly;
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            throw std::runtime_error("cannot write a feature to " + path.string());
    }
    GDALClose(ds);
}

void truncateFile(const fs::path& path, std::uintmax_t size) {
    fs::resize_file(path, size);
}

fs::path copyShapefile(const fs::path& shp, const fs::path& folder) {
    fs::create_directories(folder);
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        fs::path from = shp;
        from.replace_extension(ext);
        if (fs::exists(from))
            fs::copy_file(from, folder / from.filename(), fs::copy_options::overwrite_existing);
    }
    return folder / shp.filename();
}

}  // namespace citytwin::test
