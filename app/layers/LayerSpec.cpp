#include "layers/LayerSpec.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

#include "citytwin/geo/PostgresLocation.h"
#include "shell/DataPaths.h"

namespace citytwin::app {

QString findDemoDirectory() {
    // The demo is where its buildings are: a root with an empty demo/ is not it.
    const QString buildings = findDataPath(QStringLiteral("demo/buildings.geojson"));
    return buildings.isEmpty() ? QString() : QFileInfo(buildings).path();
}

namespace {
osg::Vec4 rgb(int r, int g, int b) {
    return {r / 255.f, g / 255.f, b / 255.f, 1.f};
}
}  // namespace

std::string mapLabelField() {
    const QLocale::Language language = QLocale().language();
    if (language == QLocale::Chinese)
        return "name";
    if (language == QLocale::C)  // untranslated: English
        return "name:en";
    return "name:" + QLocale::languageToCode(language).toStdString();
}

std::vector<LayerSpec> demoLayerSpecs(const QString& dir) {
    std::vector<LayerSpec> specs;
    // Named like a map: rivers, major roads and landmark towers, in the UI's language.
    const std::string labels = mapLabelField();

    render::LayerStyle landuse;
    landuse.role = render::LayerRole::Area;
    landuse.color = rgb(222, 220, 214);
    landuse.elevation = 0.2f;
    for (const char* green : {"park", "grass", "forest", "garden", "recreation_ground",
                              "natural_wood", "pitch", "wood", "golf_course"})
        landuse.categoryColors[green] = rgb(170, 208, 160);
    landuse.categoryColors["pier"] = rgb(200, 196, 188);
    specs.push_back({"landuse",
                     QT_TRANSLATE_NOOP("Layers", "Land use"),
                     dir + "/landuse.geojson",
                     landuse,
                     {}});

    render::LayerStyle water;
    water.role = render::LayerRole::Area;
    water.color = rgb(126, 174, 214);
    water.elevation = 0.4f;
    water.colorByHeight = false;
    water.labelAttribute = labels;
    water.labelCategories = {"river", "canal"};
    specs.push_back(
        {"water", QT_TRANSLATE_NOOP("Layers", "Water"), dir + "/water.geojson", water, {}});

    render::LayerStyle roads;
    roads.role = render::LayerRole::Line;
    roads.color = rgb(250, 250, 248);
    roads.lineWidth = 1.5f;
    roads.elevation = 0.8f;
    roads.categoryColors["major_road"] = rgb(247, 214, 120);
    roads.categoryColors["rail"] = rgb(140, 140, 150);
    roads.categoryColors["ferry"] = rgb(90, 130, 200);
    roads.categoryColors["path"] = rgb(236, 232, 226);
    roads.labelAttribute = labels;
    roads.labelCategories = {"major_road"};
    specs.push_back(
        {"roads", QT_TRANSLATE_NOOP("Layers", "Roads"), dir + "/roads.geojson", roads, {}});

    render::LayerStyle buildings;
    buildings.role = render::LayerRole::Buildings;
    buildings.labelAttribute = labels;
    // Height bands with their legend in the layer tree (Style… changes them).
    buildings.bandAttribute = render::kDrawnHeight;
    buildings.bands = render::buildingHeightBands();
    specs.push_back({"buildings",
                     QT_TRANSLATE_NOOP("Layers", "Buildings"),
                     dir + "/buildings.geojson",
                     buildings,
                     {}});

    render::LayerStyle sites;
    sites.role = render::LayerRole::Glyph;
    sites.color = rgb(20, 180, 200);
    sites.glyphRadius = 5.f;
    sites.glyphHeight = 14.f;
    const QString facilities = QFileInfo::exists(dir + "/public_facilities.geojson")
                                   ? dir + "/public_facilities.geojson"
                                   : dir + "/candidate_sites.geojson";
    specs.push_back({"public_facilities",
                     QT_TRANSLATE_NOOP("Layers", "Candidate public facilities"),
                     facilities,
                     sites,
                     {}});

    if (QFileInfo::exists(dir + "/works.geojson")) {
        render::LayerStyle works;
        works.role = render::LayerRole::Area;
        works.color = rgb(240, 150, 60);
        works.elevation = 0.6f;
        specs.push_back({"works",
                         QT_TRANSLATE_NOOP("Layers", "Works areas (synthetic)"),
                         dir + "/works.geojson",
                         works,
                         {},
                         false});
    }
    if (QFileInfo::exists(dir + "/demo.gpkg")) {
        // Translucent bands: SH Art. 24 land ranges and SCP Art. 7 submarine zones.
        render::LayerStyle zones;
        zones.role = render::LayerRole::Area;
        zones.color = {0.85f, 0.25f, 0.65f, 0.35f};
        zones.elevation = 1.0f;
        zones.categoryAttribute = "class";
        zones.categoryColors["submarine"] = {0.75f, 0.2f, 0.85f, 0.35f};
        LayerSpec spec{"protection_zones",
                       QT_TRANSLATE_NOOP("Layers", "Protection zones"),
                       dir + "/demo.gpkg",
                       zones,
                       {},
                       false};
        spec.protectionZones = true;
        specs.push_back(spec);
    }
    if (QFileInfo::exists(dir + "/cables.geojson")) {
        render::LayerStyle cables;
        cables.role = render::LayerRole::Line;
        cables.color = rgb(230, 90, 40);
        cables.lineWidth = 3.f;
        cables.elevation = 1.5f;
        cables.categoryColors["submarine"] = rgb(200, 40, 160);
        cables.categoryAttribute = "class";
        specs.push_back({"cables",
                         QT_TRANSLATE_NOOP("Layers", "Communication cables (synthetic)"),
                         dir + "/cables.geojson",
                         cables,
                         {},
                         false});
    }
    if (QFileInfo::exists(dir + "/base_stations.geojson")) {
        render::LayerStyle stations;
        stations.role = render::LayerRole::Mast;
        stations.color = rgb(220, 30, 45);
        stations.glyphRadius = 9.f;
        stations.glyphHeight = 35.f;
        specs.push_back({"base_stations",
                         QT_TRANSLATE_NOOP("Layers", "Base stations (synthetic)"),
                         dir + "/base_stations.geojson",
                         stations,
                         {},
                         false});
    }
    return specs;
}

std::vector<LayerSpec> userLayerSpecs(const QStringList& files) {
    std::vector<LayerSpec> specs;
    for (const auto& f : files) {
        if (geo::isPostgresLocation(f.toStdString())) {
            // A PostGIS project stays as given; its layers are named "<dbname>/<layer>".
            static const QRegularExpression dbname(R"((?:dbname=|/)([A-Za-z0-9_\-]+)(?:\?|\s|$))");
            const auto m = dbname.match(f);
            const QString name = m.hasMatch() ? m.captured(1) : QStringLiteral("postgis");
            specs.push_back({name,
                             QString::fromStdString(geo::maskedLocation(f.toStdString())),
                             f,
                             std::nullopt,
                             {}});
            continue;
        }
        if (f.startsWith("http://", Qt::CaseInsensitive) ||
            f.startsWith("https://", Qt::CaseInsensitive)) {
            // A URL stays as given (a tileset on a server); named after its folder.
            const QFileInfo remote(QUrl(f).path());
            const QString name = remote.dir().dirName() + "/" + remote.fileName();
            specs.push_back({name, name, f, std::nullopt, {}});
            continue;
        }
        const QFileInfo fi(f);
        // Every 3D Tiles set is a tileset.json and every OSGB pyramid a
        // metadata.xml (or a Data folder): those are named after their
        // folder, like a URL, and any other clash of names gets it too.
        const QString generic = fi.fileName().toLower();
        const bool named = !(generic == "tileset.json" || generic == "metadata.xml" ||
                             (generic == "data" && fi.isDir()));
        const QString withFolder = fi.absoluteDir().dirName() + "/" + fi.fileName();
        QString id = named ? fi.completeBaseName() : withFolder;
        QString display = named ? fi.fileName() : withFolder;
        for (const auto& other : specs)
            if (other.id == id)
                id = display = withFolder;
        specs.push_back({id, display, fi.absoluteFilePath(), std::nullopt, {}});
    }
    return specs;
}

}  // namespace citytwin::app
