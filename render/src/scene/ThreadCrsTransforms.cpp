#include "scene/ThreadCrsTransforms.h"

#include <map>
#include <memory>

namespace citytwin::render::detail {

const geo::CrsTransform* threadCrsTransform(const geo::Crs& from, const geo::Crs& to,
                                            std::string& error) {
    thread_local std::map<std::string, std::unique_ptr<geo::CrsTransform>> cache;
    const std::string key = from.definition() + "\n->\n" + to.definition();
    auto it = cache.find(key);
    if (it == cache.end()) {
        auto created = geo::CrsTransform::create(from, to);
        if (!created) {
            error = created.messages();
            return nullptr;
        }
        it = cache.emplace(key, std::make_unique<geo::CrsTransform>(std::move(created.value())))
                 .first;
    }
    return it->second.get();
}

}  // namespace citytwin::render::detail
