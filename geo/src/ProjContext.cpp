#include "ProjContext.h"

#include "citytwin/geo/Log.h"

namespace citytwin::geo::detail {
namespace {

void projLog(void*, int level, const char* msg) {
    if (!msg)
        return;
    // PROJ logs its errors; they reach the user through our Result instead.
    logDebug(std::string("PROJ") + (level == PJ_LOG_ERROR ? " error: " : ": ") + msg);
}

struct ThreadContext {
    PJ_CONTEXT* ctx = nullptr;
    ThreadContext() {
        ctx = proj_context_create();
        proj_log_func(ctx, nullptr, projLog);
    }
    ~ThreadContext() { proj_context_destroy(ctx); }
};

}  // namespace

PJ_CONTEXT* projContext() {
    thread_local ThreadContext tc;
    return tc.ctx;
}

std::string projLastError(PJ_CONTEXT* ctx) {
    const int err = proj_context_errno(ctx);
    const char* s = err ? proj_context_errno_string(ctx, err) : nullptr;
    return s ? std::string(s) : std::string("unknown PROJ error");
}

}  // namespace citytwin::geo::detail
