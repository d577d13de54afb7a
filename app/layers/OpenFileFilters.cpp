#include "layers/OpenFileFilters.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <vector>

namespace citytwin::app {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("OpenFileFilters", text);
}
}  // namespace

std::vector<FileFilterGroup> openFileGroups() {
    // What geo::readVectorFile (GDAL/OGR), render::modelFileKind (3D Tiles,
    // OSGB, glTF, CityGML) and the terrain reader take; keep in step with them.
    // A .gml/.xml is CityGML when it declares the CityGML namespace.
    return {
        {tr("Vector data"),
         {"*.gpkg", "*.shp", "*.geojson", "*.json", "*.kml", "*.gml", "*.csv", "*.osm", "*.pbf",
          "*.gpx", "*.fgb", "*.tab", "*.mif", "*.sqlite"}},
        {tr("3D models and tilesets"),
         {"tileset.json", "metadata.xml", "*.glb", "*.gltf", "*.osgb", "*.gml", "*.osm"}},
        {tr("DEMs and orthophotos"), {"*.tif", "*.tiff", "*.vrt", "*.img", "*.jp2"}},
        {tr("Sensor positions (CSV with coordinates)"), {"*.csv"}},
        {tr("CityGML city models"), {"*.gml", "*.citygml", "*.xml"}},
    };
}

QString openFileFilter() {
    QStringList all, groups;
    for (const auto& g : openFileGroups()) {
        for (const QString& p : g.patterns)
            if (!all.contains(p))
                all << p;
        groups << QStringLiteral("%1 (%2)").arg(g.label, g.patterns.join(' '));
    }
    return QStringLiteral("%1 (%2);;%3;;%4 (*)")
        .arg(tr("All supported"), all.join(' '), groups.join(";;"), tr("All files"));
}

bool isCsvPath(const QString& path) {
    return QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
}

}  // namespace citytwin::app
