#pragma once
// What to load as one layer of the scene: a file, an id and display name,
// and an optional style (else render::defaultStyleFor decides).

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/LayerStyle.h"

namespace citytwin::app {

struct LayerSpec {
    QString id;           ///< unique in the scene, e.g. "buildings"
    QString displayName;  ///< untranslated source text (translated in the "Layers" context)
    QString path;
    std::optional<render::LayerStyle> maybeStyle;
    QString sourceCrs;  ///< CRS to assume if the file declares none (empty: refuse)
    /// Whether the layer's extent counts when centring the frame and framing
    /// the home view (not for, e.g., submarine cables running out to sea).
    bool framesView = true;
    /// The path is an asset project: draw the protection zones its cables
    /// imply (assets::ProtectionZoneBuilder) instead of its layers.
    bool protectionZones = false;
    /// Only this layer of the file (e.g. one layer of a project GeoPackage); empty: all.
    QString layerName;
    /// glTF/GLB: where the model's origin stands (no georeference of its
    /// own); unset: at the frame's origin.
    std::optional<render::ModelAnchor> maybeAnchor;
    /// CSV points: the coordinate columns chosen (CsvPointsDialog).
    QString csvXColumn;
    QString csvYColumn;
    /// Vector files: a layer read only in part (a truncated shapefile) is
    /// drawn with a warning instead of failing (geo::VectorReadOptions).
    bool allowPartial = false;
};

/// A layer that loaded: what the layer tree and the attribute panel show.
struct LoadedLayer {
    QString id;
    QString displayName;
    QString path;
    QString crsLabel;  ///< the source's CRS, e.g. "EPSG:4326 WGS 84"
    std::size_t featureCount = 0;
    geo::Extent wgs84Extent;  ///< where it lies (empty if unknown)
    QString role;
    std::shared_ptr<const geo::FeatureLayer> layer;
    std::optional<render::LayerStyle> maybeStyle;  ///< vector layers: as drawn now
};

/// Where the shipped demo data lives: demo/ under the first data root that
/// has its buildings (see shell/DataPaths.h: $CITYTWIN_DATA_DIR, the
/// installed ../share/citytwin, the source tree's data/). Empty if none.
QString findDemoDirectory();

/// The Shanghai demo: OSM buildings, roads, water, land use and candidate
/// sites (ODbL) and the synthetic base stations and cables.
/// The OSM name field map labels read in the UI's language (QLocale's
/// default): "name" for Chinese (Shanghai's names are Chinese), else
/// "name:<language>" ("name:en"), which falls back to "name" where missing.
std::string mapLabelField();

std::vector<LayerSpec> demoLayerSpecs(const QString& demoDir);

/// Specs for files the user opens: one per file, ids from the file names.
std::vector<LayerSpec> userLayerSpecs(const QStringList& files);

}  // namespace citytwin::app
