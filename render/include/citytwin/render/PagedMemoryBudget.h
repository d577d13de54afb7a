#pragma once
// A hard memory budget for paged content (OSGB pyramids, terrain tiles,
// anything paged through osg::PagedLOD). Each frame's update phase measures
// the estimated bytes of every layer (geometry arrays, indices, textures);
// while the layers that page exceed the budget, the least recently seen
// paged children are expired (a PagedLOD keeps its coarser children, so the
// area stays drawn coarser). If what is in view alone exceeds the budget,
// the finest visible children go too and the LOD scale is raised so that
// they are not asked for again; it falls back when there is room.
//
// Thread safety: render thread only (the update phase and the GUI thread
// that reads the figures are the same thread in citytwin).

#include <osg/Callback>
#include <osg/Camera>
#include <osg/Group>
#include <osg/observer_ptr>
#include <osgDB/DatabasePager>

#include <cstddef>
#include <string>
#include <vector>

namespace citytwin::render {

/// Estimated bytes of a subtree: vertex arrays, primitive indices and
/// texture images (from the texture's size once its image is released).
std::size_t estimateNodeBytes(const osg::Node& node);

struct LayerMemory {
    std::string layerId;    ///< name of the layer's node under the root
    std::size_t bytes = 0;  ///< estimated, after the last enforce()
    bool paged = false;     ///< holds PagedLODs: counts against the budget
};

class PagedMemoryBudget : public osg::Referenced {
public:
    explicit PagedMemoryBudget(std::size_t budgetBytes);

    void setBudgetBytes(std::size_t bytes) { _budget = bytes; }
    std::size_t budgetBytes() const { return _budget; }
    /// The pager whose PagedLOD target follows the budget (may be null).
    void setPager(osgDB::DatabasePager* pager) { _pager = pager; }
    /// The camera whose LOD scale is raised when the view alone is over budget.
    void setCamera(osg::Camera* camera) { _camera = camera; }

    /// Update phase of frame `frameNumber`: measures the layers (children of
    /// root, identified by their names) and expires paged children until
    /// the paged layers fit the budget.
    void enforce(osg::Group& root, unsigned frameNumber);

    /// Estimated bytes of the paged layers after the last enforce().
    std::size_t pagedBytes() const { return _pagedBytes; }
    /// The largest pagedBytes() seen after any enforce().
    std::size_t peakPagedBytes() const { return _peakPagedBytes; }
    /// The largest estimate measured before expiring (what the pager merged
    /// in one frame can briefly exceed the budget).
    std::size_t peakMeasuredBytes() const { return _peakMeasuredBytes; }
    const std::vector<LayerMemory>& layers() const { return _layers; }
    /// Paged children expired so far.
    std::size_t expiredChildren() const { return _expired; }
    double lodScale() const { return _lodScale; }

    /// An update callback that calls enforce() on the node it is attached
    /// to (a group whose children are the layers), then traverses it.
    osg::ref_ptr<osg::Callback> makeUpdateCallback();

private:
    std::size_t _budget;
    osg::observer_ptr<osgDB::DatabasePager> _pager;
    osg::observer_ptr<osg::Camera> _camera;
    std::size_t _pagedBytes = 0;
    std::size_t _peakPagedBytes = 0;
    std::size_t _peakMeasuredBytes = 0;
    std::vector<LayerMemory> _layers;
    std::size_t _expired = 0;
    double _lodScale = 1.0;
    unsigned _lastRaisedFrame = 0;

    /// Layers without PagedLODs do not change between frames (a new content
    /// is a new child node): measured once, then again only when their
    /// content is replaced or every kRemeasureFrames, not in every frame.
    /// Layer and content are held by observer_ptr, not by address: a freed
    /// node's entry matches no node, even one allocated at the same address.
    struct StaticLayer {
        osg::observer_ptr<const osg::Node> layer;
        osg::observer_ptr<const osg::Node> content;
        unsigned numChildren = 0;
        std::size_t bytes = 0;
        unsigned measuredFrame = 0;
    };
    std::vector<StaticLayer> _staticLayers;
};

}  // namespace citytwin::render
