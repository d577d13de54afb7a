#pragma once
// Shapefiles written with GDAL for the tests: a layer of small squares in a
// given CRS, and cuts of its files the way an interrupted copy leaves them.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace citytwin::test {

/// Writes `path` (.shp with .shx, .dbf, .prj) through GDAL's shapefile
/// driver: one square polygon of side `side` per lower-left corner, with a
/// "name" field, in CRS `epsg` (e.g. 4326).
void writeSquaresShapefile(const std::filesystem::path& path, int epsg,
                           const std::vector<std::pair<double, double>>& corners, double side);

/// Cuts `path` to `size` bytes (as a copy stopped short does).
void truncateFile(const std::filesystem::path& path, std::uintmax_t size);

/// Copies the shapefile `shp` and its siblings into `folder`; returns the copy's .shp.
std::filesystem::path copyShapefile(const std::filesystem::path& shp,
                                    const std::filesystem::path& folder);

}  // namespace citytwin::test
