#pragma once
// One PROJ context per thread (PROJ contexts are not thread-safe), with its
// log routed into our logger and its last error readable as text.

#include <proj.h>

#include <string>

namespace citytwin::geo::detail {

/// The calling thread's PROJ context, created on first use.
PJ_CONTEXT* projContext();
/// Text of the context's last error, or "unknown PROJ error".
std::string projLastError(PJ_CONTEXT* ctx);

}  // namespace citytwin::geo::detail
