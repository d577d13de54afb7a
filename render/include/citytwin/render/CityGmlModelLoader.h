#pragma once
// Loads a CityGML 1.0/2.0 file (LoD1/LoD2 buildings through libcitygml) and
// places it in the city frame by its srsName: every vertex goes through the
// exact CRS transform in double precision into the frame's east-north-up
// metres; only the offsets from the model's centre are stored as float. A
// file without an srsName stands at `anchor` like a glTF (its x, y, z are
// east, north, up metres), and LoadedModel::missingGeoreference says so.
// Each building is a pickable feature with its CityGML attributes.
//
// Thread safety: blocking file I/O and parsing; run it on a worker. The node
// is detached.

#include <string>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/LoadedModel.h"

namespace citytwin::render {

/// Colours of the semantic surfaces (RGBA 0..1): roofs, walls, ground, and
/// polygons of other city objects.
struct CityGmlColours {
    float roof[4] = {0.72f, 0.30f, 0.22f, 1.0f};
    float wall[4] = {0.90f, 0.87f, 0.80f, 1.0f};
    float ground[4] = {0.45f, 0.45f, 0.45f, 1.0f};
    float other[4] = {0.65f, 0.70f, 0.75f, 1.0f};
};

geo::Result<LoadedModel> loadCityGmlModel(const std::string& path, const ModelAnchor& anchor,
                                          const geo::LocalFrame& frame);

/// Empty if `path` declares an srsName in its first 64 KiB; else why it
/// has no georeference (the window then asks where to place it).
std::string cityGmlGeoreferenceProblem(const std::string& path);

}  // namespace citytwin::render
