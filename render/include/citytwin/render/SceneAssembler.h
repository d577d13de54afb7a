#pragma once
// Assembles a scene from files: classifies them (vector, 3D model, terrain
// raster), reads them, chooses the local frame (centred on the data) when
// the caller has none, and builds each layer's node, detached.
//
// Thread safety: blocking I/O; run it on a worker. The nodes it returns are
// detached: the caller hands them to CityScene::enqueueLayer() (whose update
// phase merges them) or writes them out. One SceneAssembler runs one
// assembly at a time; it keeps the last DEM loaded between assemblies, so
// that an orthophoto opened later drapes on it.

#include <osg/Node>
#include <osg/ref_ptr>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/render/LayerStyle.h"

namespace citytwin::render {

/// How a source is read, from its name and (for folders) what it holds.
enum class SourceKind { Vector, Model, TerrainRaster };
SourceKind sourceKind(const std::string& path);

struct SceneSource;
/// Reads a source's layers, in WGS 84.
using SourceReader = std::function<geo::Result<std::vector<geo::FeatureLayer>>(const SceneSource&)>;

/// One file (or URL) to load as a layer, or as one layer per layer it holds.
struct SceneSource {
    /// Unique in the scene, e.g. "buildings"; a file of several layers gives
    /// "id/layer name". Empty: each layer is named after itself.
    std::string id;
    std::string displayName;  ///< untranslated, as the caller gave it
    std::string path;
    /// How to read it; unset: sourceKind(path) (a GeoJSON named .json would be
    /// taken for a 3D Tiles tileset).
    std::optional<SourceKind> maybeKind;
    /// The caller's choice; without one the style provider decides.
    std::optional<LayerStyle> maybeStyle;
    /// Vector files: the CRS to assume if the file declares none (unset: refuse).
    std::optional<geo::Crs> maybeSourceCrs;
    /// Whether the layer's extent counts when centring the frame (not for,
    /// e.g., submarine cables running out to sea).
    bool framesView = true;
    /// Vector sources: reads the layers in place of the file's own (e.g. the
    /// protection zones of an asset project, which the app knows how to
    /// build); unset: geo::readVectorFile.
    SourceReader reader;
    /// Only this layer of the file; empty: all of them.
    std::string layerName;
    /// glTF/GLB: where the model's origin stands; unset: the frame's origin.
    std::optional<ModelAnchor> maybeAnchor;
    /// CSV points: the coordinate columns (with maybeSourceCrs, the user's choice).
    std::string csvXColumn;
    std::string csvYColumn;
    /// Vector files: a layer read only in part is used (with a warning)
    /// instead of failing (geo::VectorReadOptions::allowPartial).
    bool allowPartial = false;
};

/// What a style provider is asked to style: a vector layer that was read.
struct LayerToStyle {
    const SceneSource& source;
    const std::string& layerId;
    const geo::FeatureLayer& layer;
};
/// Chooses the style of each vector layer; the callers supply it (the app's
/// asset styles, say), the generic builder knows no attribute vocabulary.
using LayerStyleProvider = std::function<LayerStyle(const LayerToStyle&)>;
/// The source's own style, else defaultStyleFor(): the provider by default.
LayerStyle requestedOrDefaultStyle(const LayerToStyle& layer);

enum class AssembledKind { Ground, Terrain, Vector, Model };

/// One built layer: its detached node and what the layer list shows.
struct AssembledLayer {
    AssembledKind kind = AssembledKind::Vector;
    std::string id;
    std::string displayName;
    std::string path;
    std::string crsLabel;  ///< the source's CRS, e.g. "EPSG:4326 WGS 84"
    /// "terrain", the style's role ("buildings", "line"...) or the model's
    /// format ("OSGB", "3D Tiles"...); "ground" for the ground plane.
    std::string role;
    std::size_t featureCount = 0;
    /// Where the layer lies, WGS 84 degrees (empty if unknown): what the
    /// window says about a layer far from the others.
    geo::Extent wgs84Extent;
    std::shared_ptr<const geo::FeatureLayer> layer;  ///< vector layers only
    LayerBuildStats stats;                           ///< vector layers only
    std::optional<LayerStyle> maybeStyle;            ///< vector layers: the style built with
    osg::ref_ptr<osg::Node> node;
};

/// A file that could not be read or built, or was read with warnings; the
/// message names the file.
struct SourceProblem {
    std::string path;
    std::string message;
};

struct SceneAssembly {
    /// The frame the layers are built in: the caller's, or the one chosen.
    std::optional<geo::LocalFrame> maybeFrame;
    /// Set when the assembler chose the frame: the WGS 84 extent (degrees)
    /// of the data it is centred on.
    std::optional<geo::Extent> maybeChosenExtent;
    /// In build order: ground, terrains, vector layers, models.
    std::vector<AssembledLayer> layers;
    std::vector<SourceProblem> failures;
    std::vector<SourceProblem> warnings;
    bool cancelled = false;
};

/// What the assembler is doing, for a progress line (the caller words it).
enum class AssemblyStep {
    Reading,   ///< subject: the path
    Building,  ///< subject: the layer id
    Loading,   ///< subject: the path (3D models)
    Finished,  ///< subject: empty
};

/// Optional: each is called on the assembling thread as it happens, so that
/// a window shows progress and layers while the rest still loads.
struct SceneAssemblyObserver {
    std::function<void(int done, int total, AssemblyStep step, const std::string& subject)>
        progress;
    std::function<void(const geo::LocalFrame& frame, const geo::Extent& extent)> frameChosen;
    std::function<void(const AssembledLayer& layer)> layerBuilt;
    std::function<void(const SourceProblem& problem)> failed;
    std::function<void(const SourceProblem& problem)> warned;
};

struct SceneAssemblyOptions {
    /// Build in this frame; unset: centred on the data.
    std::optional<geo::LocalFrame> maybeFrame;
    /// When the frame is chosen and there is no terrain: a ground plane
    /// under the data (layer "ground").
    bool groundPlane = true;
    /// The ground plane also reaches under this WGS 84 extent (degrees),
    /// for what stands beside the data (the demo's real monitors, west of
    /// its city area): land there, not the sky's colour read as water.
    geo::Extent groundAlsoCovers;
    /// Empty: requestedOrDefaultStyle.
    LayerStyleProvider styleProvider;
    /// Set to stop: the assembly ends between files (a tileset between tiles)
    /// and returns what was built, marked cancelled.
    const std::atomic<bool>* cancelled = nullptr;
    SceneAssemblyObserver observer;
};

class SceneAssembler {
public:
    /// Fails only when there is no frame to build in: none given, no source
    /// holds geometry to centre one on, and it was not cancelled (its
    /// diagnostics name the files that failed, each as its source).
    /// Otherwise the assembly lists what was built and what failed.
    geo::Result<SceneAssembly> assemble(std::vector<SceneSource> sources,
                                        const SceneAssemblyOptions& options = {});

private:
    /// The last DEM loaded: an orthophoto assembled later drapes on it.
    std::optional<SceneSource> _maybeCurrentDem;
};

}  // namespace citytwin::render
