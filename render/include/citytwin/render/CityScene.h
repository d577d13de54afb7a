#pragma once
// The live scene: a root with one switchable group per layer. Layers are
// built elsewhere (workers) and handed over with enqueueLayer(); the update
// traversal merges a bounded number per frame, so the scene graph is only
// changed in the frame's update phase.
//
// Thread safety: enqueueLayer() and pendingCount() may be called from any
// thread; everything else only from the render thread.

#include <osg/BoundingBox>
#include <osg/Group>
#include <osg/Matrixd>
#include <osg/Switch>
#include <osg/ref_ptr>

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/NightWindows.h"

namespace citytwin::render {

class CityScene {
public:
    /// mergesPerFrame: layers merged per update traversal at most.
    explicit CityScene(unsigned mergesPerFrame = 4);

    osg::Group* root() const { return _root.get(); }

    /// Any thread: queue a detached, fully built node for the next update phases.
    void enqueueLayer(const std::string& layerId, osg::ref_ptr<osg::Node> node);
    /// Any thread: layers queued and not yet merged.
    std::size_t pendingCount() const;

    /// Render thread: merges queued layers now (at most mergesPerFrame);
    /// called by the root's update callback. Returns how many were merged.
    std::size_t mergePending();

    /// Applies now if the layer is merged, else when it is (so a layer can
    /// be hidden before it arrives).
    void setLayerVisible(const std::string& layerId, bool visible);
    bool isLayerVisible(const std::string& layerId) const;
    bool hasLayer(const std::string& layerId) const;
    /// Removes the layer; the pager's reads of it in flight (terrain tiles)
    /// stop at their next bounded block.
    void removeLayer(const std::string& layerId);
    /// Stops every paged read of every layer (terrain tiles warped from GDAL
    /// rasters) at its next bounded block: the window is closing, and OSG's
    /// pager would otherwise wait for each read to finish.
    void cancelPagedReads();
    std::vector<std::string> layerIds() const;

    /// Bounds of every visible layer except the ground, in the local frame.
    osg::BoundingSphere dataBound() const;
    /// One merged layer's bound (invalid if not merged or empty).
    osg::BoundingSphere layerBound(const std::string& layerId) const;
    /// Render thread: a merged layer's node (its switch), or null.
    osg::Node* layerNode(const std::string& layerId) const;
    /// Bounds of the visible layers except the ground and `exceptId`.
    osg::BoundingSphere boundWithout(const std::string& exceptId) const;
    /// The box round one merged layer's drawables (what is loaded of paged
    /// content; its bound sphere's box while nothing is): what framing
    /// fits, as a sphere frames flat or small data too far. Invalid if the
    /// layer is not merged or empty.
    osg::BoundingBox layerBox(const std::string& layerId) const;
    /// The same box taken in another frame (`cityToFrame`: city frame to
    /// it), e.g. east-north-up where a far layer lies, where its box is
    /// tight: in the city frame a layer tilted by the globe's curvature has
    /// a box several times its size. Declared hulls (DeclaredHull.h) count;
    /// `cityToFrame` is rigid (rotation and translation).
    osg::BoundingBoxd layerBoxIn(const std::string& layerId, const osg::Matrixd& cityToFrame) const;

    /// 0 (invisible) .. 1 (opaque, the default): blends the whole layer with
    /// a constant alpha, whatever its own materials and shaders.
    void setLayerOpacity(const std::string& layerId, float opacity);
    float layerOpacity(const std::string& layerId) const;

    /// Render thread: the night style's lit windows on every extruded
    /// building layer, now and as layers arrive (0: off, by day; up to 1).
    void setNightWindows(float strength);
    float nightWindows() const { return _nightWindows.strength(); }

    /// Render thread: the frame the scene is drawn in (the grounds follow in
    /// the next update phase). With it, a layer that
    /// lies where the city's ground plane is not the ground (FarGround.h:
    /// all of it beyond kFarGroundFrom) gets a ground of its own under it, shown,
    /// hidden and removed with it, counted in no bound (framing and
    /// "far from the other layers" see the data, not its ground).
    void setFrame(const geo::LocalFrame& frame);
    /// Render thread: the ground under a layer (FarGround.h), or null.
    osg::Node* layerGround(const std::string& layerId) const;

    /// Any thread: grows with every change of what is drawn (a layer queued,
    /// shown, hidden or removed), so that an on-demand view knows to draw.
    std::uint64_t revision() const { return _revision.load(); }

private:
    /// Gives the layer its far ground, or takes it away, as its place asks.
    void updateGroundOf(const std::string& layerId);
    void removeGroundOf(const std::string& layerId);

    osg::ref_ptr<osg::Group> _root;
    osg::ref_ptr<osg::Group> _grounds;  ///< far grounds, apart from the layers' bounds
    std::map<std::string, osg::ref_ptr<osg::Node>> _groundOf;
    std::optional<geo::LocalFrame> _maybeFrame;
    bool _groundsStale = false;  ///< the frame changed: grounds redone in the update phase
    std::map<std::string, osg::ref_ptr<osg::Switch>> _layers;
    std::map<std::string, bool> _visibility;
    std::map<std::string, float> _opacity;
    unsigned _mergesPerFrame;
    mutable std::mutex _queueMutex;
    std::vector<std::pair<std::string, osg::ref_ptr<osg::Node>>> _queue;
    std::atomic<std::uint64_t> _revision{0};
    NightWindows _nightWindows;
};

}  // namespace citytwin::render
