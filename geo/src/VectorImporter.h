#pragma once
// The import of one vector layer into a project GeoPackage, in one
// transaction (see ProjectStore::importVector for the contract).

#include <string>

#include "citytwin/geo/Result.h"
#include "citytwin/geo/VectorImport.h"

namespace citytwin::geo::detail {

Result<ImportReport> importVectorFile(const std::string& projectPath, const std::string& sourcePath,
                                      const ImportOptions& options);

/// Why a name cannot be a project layer name, or empty if it can.
std::string layerNameProblem(const std::string& name);

}  // namespace citytwin::geo::detail
