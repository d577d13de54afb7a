#include "ThreadOperationCache.h"

#include <map>

#include "ProjContext.h"

namespace citytwin::geo::detail {
namespace {

CachedOperation buildOperation(PJ_CONTEXT* ctx, const Crs& a, const Crs& b) {
    CachedOperation out;
    PJ* raw = proj_create_crs_to_crs(ctx, a.definition().c_str(), b.definition().c_str(), nullptr);
    if (!raw) {
        out.error =
            "no transformation from " + a.label() + " to " + b.label() + ": " + projLastError(ctx);
        return out;
    }
    PJ* norm = proj_normalize_for_visualization(ctx, raw);
    proj_destroy(raw);
    if (!norm) {
        out.error = "cannot normalise axis order for " + a.label() + " -> " + b.label() + ": " +
                    projLastError(ctx);
        return out;
    }
    out.pj.reset(norm, proj_destroy);
    return out;
}

// Bounded: definitions from a fuzzer or a file of distinct CRS texts must
// not grow it without limit; past the bound it starts again.
constexpr std::size_t kMaxEntries = 64;

struct Cache {
    // The context first: a thread's locals are destroyed in the reverse
    // order of their construction, so the PROJ objects go before it.
    PJ_CONTEXT* ctx = projContext();
    std::map<std::string, CachedOperation> entries;
};

}  // namespace

CachedOperation threadOperation(const Crs& from, const Crs& to) {
    thread_local Cache cache;
    const std::string key = from.definition() + "\n->\n" + to.definition();
    if (auto it = cache.entries.find(key); it != cache.entries.end())
        return it->second;
    if (cache.entries.size() >= kMaxEntries)
        cache.entries.clear();
    return cache.entries.emplace(key, buildOperation(cache.ctx, from, to)).first->second;
}

}  // namespace citytwin::geo::detail
