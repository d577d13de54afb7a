#pragma once
// Whether a shapefile's three files are whole: the .shp and .shx headers
// declare their file length, the .shx one index record per shape, the .dbf
// header its record count and size. A file cut short (a copy interrupted, a
// download stopped) is shorter than its header says; GDAL reads it up to the
// cut and reports a read error at best, nothing at worst (a cut on a record
// boundary). Their headers rewritten to the cut (some tools do), the .shp
// still ends before the last shape its .shx points at, and the .dbf's record
// count differs from the .shx's shape count.

#include <string>
#include <vector>

namespace citytwin::geo::detail {

/// One problem per damaged file of the shapefile `path` names (its .shp,
/// .shx or .dbf), each naming the file, what its header declares and what
/// is there; empty if the files are whole or `path` is not a shapefile.
std::vector<std::string> shapefileTruncation(const std::string& path);

}  // namespace citytwin::geo::detail
