#pragma once
// The PROJ operation between two CRSs, built once per thread: building one
// (proj_create_crs_to_crs, then the axis-order normalisation) reads proj.db
// and takes milliseconds to tens of milliseconds, which a parser called per
// input (the fuzz targets, a registry reloaded, a tile per CRS) should not
// pay every time. Per thread because PROJ objects belong to their thread's
// context (ProjContext.h).

#include <proj.h>

#include <memory>
#include <string>

#include "citytwin/geo/Crs.h"

namespace citytwin::geo::detail {

/// An operation, or why there is none (the text of the error to report).
struct CachedOperation {
    std::shared_ptr<PJ> pj;
    std::string error;
};

/// The normalised (GIS axis order) operation from `from` to `to`, both
/// Kind::Proj, for the calling thread; failures are cached too.
CachedOperation threadOperation(const Crs& from, const Crs& to);

}  // namespace citytwin::geo::detail
