#pragma once
// What a tileset.json says about itself, as name/value rows the layer's
// properties can list: its asset (version, generator, tileset version),
// 3D Tiles 1.0 "properties" (each batch property's range), and 1.1
// metadata: the schema (id, each class and its properties' types), the
// tileset's own metadata entity and each content group's.

#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::formats {

struct TilesetMetadataRow {
    std::string name;   ///< "schema.id", "group 1 (exampleGroupMetadataClass).color"
    std::string value;  ///< text as written; arrays and objects as compact JSON
};

/// The rows of a tileset.json's text; `source` names it in errors (a text
/// that is not a JSON object). No metadata at all: no rows.
geo::Result<std::vector<TilesetMetadataRow>> parseTilesetMetadata(std::string_view json,
                                                                  const std::string& source);

/// The same for a tileset.json on disk or at an http(s) URL (read through
/// TileSource: the client tile cache, so a tileset just opened is not
/// fetched again). Blocks on I/O: not on the GUI or render thread.
geo::Result<std::vector<TilesetMetadataRow>> readTilesetMetadata(const std::string& location);

}  // namespace citytwin::formats
