#pragma once
// One entry point for File -> Open and citytwin-cli model-info: picks the
// loader by what the path is (OSGB pyramid, glTF/GLB, 3D Tiles tileset,
// CityGML).
//
// Thread safety: blocking I/O; run it on a worker. The node is detached.

#include <string>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/LoadedModel.h"
#include "citytwin/render/TilesetLoader.h"

namespace citytwin::render {

enum class ModelFileKind { None, OsgbPyramid, Gltf, Tileset, CityGml };

/// What `path` is, from its name and (for folders) what it holds: an OSGB
/// metadata.xml / pyramid folder / Data folder, a .gltf/.glb, a .json tileset,
/// a .citygml, or a .gml/.xml declaring a CityGML namespace in its first 64 KiB;
/// an http(s) URL is a tileset (glTF over HTTP is not read).
ModelFileKind modelFileKind(const std::string& path);

/// Loads any of those into `frame`. `anchor` places glTF/GLB models,
/// CityGML without srsName and tilesets without georeference (LoadedModel::missingGeoreference says
/// so); the others carry their own. `tilesetOptions` 3D Tiles only.
geo::Result<LoadedModel> loadModelFile(const std::string& path, const geo::LocalFrame& frame,
                                       const ModelAnchor& anchor = {},
                                       const TilesetLoadOptions& tilesetOptions = {});

}  // namespace citytwin::render
