#include "citytwin/render/PagedMemoryBudget.h"

#include <osg/Geometry>
#include <osg/PagedLOD>
#include <osg/Texture>

#include <algorithm>
#include <unordered_set>

namespace citytwin::render {
namespace {

constexpr double kMaxLodScale = 4096.0;

/// A loaded child of a PagedLOD that could be expired.
struct PagedChild {
    osg::PagedLOD* plod = nullptr;
    unsigned index = 0;
    unsigned lastSeenFrame = 0;
    int depth = 0;
    std::size_t bytes = 0;
    int enclosing = -1;  ///< the paged child this one lies in, or -1
    std::size_t layer = 0;
};

/// Walks a subtree once, counting each shared array and texture once.
class MemoryMeter {
public:
    std::vector<PagedChild> children;
    bool sawPagedLod = false;
    std::size_t layer = 0;

    std::size_t measure(const osg::Node& node, int depth, int enclosing) {
        std::size_t bytes = 0;
        if (const osg::StateSet* ss = node.getStateSet())
            bytes += stateSetBytes(*ss);
        if (const osg::Geometry* g = node.asGeometry())
            bytes += geometryBytes(*g);
        const osg::Group* group = node.asGroup();
        if (!group)
            return bytes;
        const auto* plod = dynamic_cast<const osg::PagedLOD*>(group);
        sawPagedLod = sawPagedLod || plod;
        for (unsigned i = 0; i < group->getNumChildren(); ++i) {
            const bool paged = plod && i < plod->getNumFileNames() &&
                               !plod->getFileName(i).empty() &&
                               i >= plod->getNumChildrenThatCannotBeExpired();
            int inner = enclosing;
            if (paged) {
                inner = static_cast<int>(children.size());
                children.push_back({const_cast<osg::PagedLOD*>(plod), i, plod->getFrameNumber(i),
                                    depth + 1, 0, enclosing, layer});
            }
            const std::size_t b = measure(*group->getChild(i), depth + 1, inner);
            if (paged)
                children[static_cast<std::size_t>(inner)].bytes = b;
            bytes += b;
        }
        return bytes;
    }

private:
    bool firstTime(const void* p) { return p && _seen.insert(p).second; }

    std::size_t arrayBytes(const osg::Array* a) { return firstTime(a) ? a->getTotalDataSize() : 0; }

    std::size_t geometryBytes(const osg::Geometry& g) {
        std::size_t b = arrayBytes(g.getVertexArray()) + arrayBytes(g.getNormalArray()) +
                        arrayBytes(g.getColorArray()) + arrayBytes(g.getSecondaryColorArray()) +
                        arrayBytes(g.getFogCoordArray());
        for (const auto& a : g.getTexCoordArrayList())
            b += arrayBytes(a.get());
        for (const auto& a : g.getVertexAttribArrayList())
            b += arrayBytes(a.get());
        for (const auto& p : g.getPrimitiveSetList())
            if (const osg::DrawElements* e = p->getDrawElements())
                b += firstTime(e) ? e->getTotalDataSize() : 0;
        return b;
    }

    std::size_t stateSetBytes(const osg::StateSet& ss) {
        std::size_t b = 0;
        for (const auto& unit : ss.getTextureAttributeList())
            for (const auto& [type, attr] : unit) {
                const osg::Texture* t = attr.first.get() ? attr.first->asTexture() : nullptr;
                if (!t || !firstTime(t))
                    continue;
                std::size_t images = 0;
                for (unsigned i = 0; i < t->getNumImages(); ++i)
                    if (const osg::Image* im = t->getImage(i))
                        images += im->getTotalSizeInBytesIncludingMipmaps();
                if (images == 0) {
                    // The image was released after upload: what the GPU holds.
                    images = std::size_t(std::max(0, t->getTextureWidth())) *
                             std::max(1, t->getTextureHeight()) *
                             std::max(1, t->getTextureDepth()) * 4;
                    if (t->getFilter(osg::Texture::MIN_FILTER) != osg::Texture::LINEAR &&
                        t->getFilter(osg::Texture::MIN_FILTER) != osg::Texture::NEAREST)
                        images = images * 4 / 3;
                }
                b += images;
            }
        return b;
    }

    std::unordered_set<const void*> _seen;
};

class BudgetCallback : public osg::NodeCallback {
public:
    explicit BudgetCallback(PagedMemoryBudget* budget) : _budget(budget) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        if (osg::Group* group = node->asGroup(); group && nv->getFrameStamp())
            _budget->enforce(*group, nv->getFrameStamp()->getFrameNumber());
        traverse(node, nv);
    }

private:
    osg::ref_ptr<PagedMemoryBudget> _budget;
};

}  // namespace

std::size_t estimateNodeBytes(const osg::Node& node) {
    MemoryMeter meter;
    return meter.measure(node, 0, -1);
}

PagedMemoryBudget::PagedMemoryBudget(std::size_t budgetBytes) : _budget(budgetBytes) {}

osg::ref_ptr<osg::Callback> PagedMemoryBudget::makeUpdateCallback() {
    return new BudgetCallback(this);
}

void PagedMemoryBudget::enforce(osg::Group& root, unsigned frameNumber) {
    MemoryMeter meter;
    _layers.clear();
    _pagedBytes = 0;
    constexpr unsigned kRemeasureFrames = 120;
    std::vector<StaticLayer> staticLayers;
    for (unsigned i = 0; i < root.getNumChildren(); ++i) {
        const osg::Node& child = *root.getChild(i);
        LayerMemory layer;
        layer.layerId = child.getName().empty() ? "#" + std::to_string(i) : child.getName();
        const osg::Group* group = child.asGroup();
        const osg::Node* content = group && group->getNumChildren() ? group->getChild(0) : nullptr;
        const StaticLayer now{&child, content, group ? group->getNumChildren() : 0u, 0,
                              frameNumber};
        auto cached = std::find_if(_staticLayers.begin(), _staticLayers.end(),
                                   [&](const StaticLayer& s) { return s.layer.get() == &child; });
        if (cached != _staticLayers.end() && cached->content.get() == content &&
            cached->numChildren == now.numChildren &&
            frameNumber - cached->measuredFrame < kRemeasureFrames) {
            layer.bytes = cached->bytes;
            staticLayers.push_back(*cached);
            _layers.push_back(std::move(layer));
            continue;
        }
        meter.layer = _layers.size();
        meter.sawPagedLod = false;
        layer.bytes = meter.measure(child, 0, -1);
        layer.paged = meter.sawPagedLod;
        if (layer.paged) {
            _pagedBytes += layer.bytes;
        } else {
            StaticLayer measured = now;
            measured.bytes = layer.bytes;
            staticLayers.push_back(measured);
        }
        _layers.push_back(std::move(layer));
    }
    // Only the layers present now: a removed layer's node may be freed.
    _staticLayers.swap(staticLayers);
    std::vector<PagedChild>& children = meter.children;
    _peakMeasuredBytes = std::max(_peakMeasuredBytes, _pagedBytes);

    // What the last cull drew was stamped with the previous frame (or this
    // one, if the pager merged it just now).
    const unsigned visibleSince = frameNumber > 0 ? frameNumber - 1 : 0;
    std::vector<bool> removed(children.size(), false);
    auto insideRemoved = [&](int i) {
        for (int p = children[static_cast<std::size_t>(i)].enclosing; p >= 0;
             p = children[static_cast<std::size_t>(p)].enclosing)
            if (removed[static_cast<std::size_t>(p)])
                return true;
        return false;
    };
    auto expire = [&](std::size_t i) {
        PagedChild& c = children[i];
        if (removed[i] || !_layers[c.layer].paged || insideRemoved(static_cast<int>(i)))
            return;
        // Only the last child can go: a PagedLOD's children stay contiguous.
        if (c.plod->getNumChildren() != c.index + 1)
            return;
        // Group's, not PagedLOD's, removeChildren: that would also drop the
        // child's file name and range, and it could never be paged in again.
        c.plod->osg::Group::removeChildren(c.index, 1);
        removed[i] = true;
        _pagedBytes -= std::min(_pagedBytes, c.bytes);
        _layers[c.layer].bytes -= std::min(_layers[c.layer].bytes, c.bytes);
        ++_expired;
    };

    if (_pagedBytes > _budget) {
        std::vector<std::size_t> order(children.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        // Least recently seen first; among equals the finest first.
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (children[a].lastSeenFrame != children[b].lastSeenFrame)
                return children[a].lastSeenFrame < children[b].lastSeenFrame;
            return children[a].depth > children[b].depth;
        });
        for (std::size_t i : order) {
            if (_pagedBytes <= _budget)
                break;
            if (children[i].lastSeenFrame < visibleSince)
                expire(i);
        }
        if (_pagedBytes > _budget) {
            // The view alone does not fit: drop the finest of it (coarser
            // levels stay drawn) and ask for less detail from now on.
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return children[a].depth > children[b].depth;
            });
            for (std::size_t i : order) {
                if (_pagedBytes <= _budget)
                    break;
                expire(i);
            }
            _lodScale = std::min(kMaxLodScale, _lodScale * 1.25);
            _lastRaisedFrame = frameNumber;
        }
    } else if (_lodScale > 1.0 && _pagedBytes < _budget * 6 / 10 &&
               frameNumber > _lastRaisedFrame + 30) {
        _lodScale = std::max(1.0, _lodScale / 1.1);
        _lastRaisedFrame = frameNumber;
    }
    if (osg::ref_ptr<osg::Camera> camera; _camera.lock(camera))
        camera->setLODScale(static_cast<float>(_lodScale));

    // The pager's own expiry counts PagedLODs: give it the count the budget
    // allows at the average size of a paged child.
    std::size_t pagedChildCount = 0;
    for (std::size_t i = 0; i < children.size(); ++i)
        if (!removed[i] && !insideRemoved(static_cast<int>(i)) && _layers[children[i].layer].paged)
            ++pagedChildCount;
    if (osg::ref_ptr<osgDB::DatabasePager> pager; pagedChildCount > 0 && _pager.lock(pager)) {
        const std::size_t average = std::max<std::size_t>(1, _pagedBytes / pagedChildCount);
        pager->setTargetMaximumNumberOfPageLOD(
            static_cast<unsigned>(std::clamp<std::size_t>(_budget / average, 50, 100000)));
    }
    _peakPagedBytes = std::max(_peakPagedBytes, _pagedBytes);
}

}  // namespace citytwin::render
