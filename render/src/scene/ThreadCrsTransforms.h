#pragma once
// PROJ transforms cached per thread: creating one costs some 50 ms (a
// proj.db search), far more than transforming a tile's vertices, and a
// CrsTransform may only be used on the thread that created it.

#include <string>

#include "citytwin/geo/CrsTransform.h"

namespace citytwin::render::detail {

/// This thread's transform from `from` to `to`, created on first use;
/// nullptr with `error` set if PROJ cannot make one.
const geo::CrsTransform* threadCrsTransform(const geo::Crs& from, const geo::Crs& to,
                                            std::string& error);

}  // namespace citytwin::render::detail
