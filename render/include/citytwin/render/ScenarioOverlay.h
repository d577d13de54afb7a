#pragma once
// A scenario's state in the 3D view: cut cables red with a marker at the cut
// point, sites without backhaul ringed red, sites out of service ringed dark
// grey, the lost coverage as translucent areas, excavation polygons, vessels
// as arrows along their heading, and the protection zones being violated.
// Drawn over the city, unlit, like the inspection marks.
//
// One layer node (enqueued once); setState() builds the new marks detached on
// the caller's thread and the next update traversal swaps them in, the only
// time the live scene changes. A state that draws like the one shown changes
// nothing, so an idle (paused) scenario leaves the scene alone.

#include <osg/Group>
#include <osg/Referenced>
#include <osg/ref_ptr>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/assets/scenario/ScenarioPlayback.h"
#include "citytwin/geo/LocalFrame.h"

namespace citytwin::render {

/// The scene layer ids of the playback and of the map's what-if result.
inline constexpr const char* kScenarioLayerId = "scenario_overlay";
inline constexpr const char* kWhatIfLayerId = "whatif_overlay";

/// Protection-zone polygons (WGS 84) by cable id: what "zone violated" draws.
using ZonePolygons = std::map<std::string, std::vector<geo::Polygon>>;

/// True if a and b draw the same marks (their times may differ).
bool drawsSame(const assets::ScenarioState& a, const assets::ScenarioState& b);

class ScenarioOverlay : public osg::Referenced {
public:
    ScenarioOverlay(std::shared_ptr<const assets::NetworkModel> network, ZonePolygons zones,
                    geo::LocalFrame frame);

    /// The node to hand to CityScene::enqueueLayer (once).
    osg::ref_ptr<osg::Node> node() const { return _root; }

    /// GUI thread: shows `state` from the next update. Returns false, and
    /// changes nothing, when it draws like the state last set.
    bool setState(const assets::ScenarioState& state);
    /// Removes every mark (from the next update).
    void clear();

    /// Render thread, update phase: swaps in the marks set last.
    void applyPending();
    /// Versions set and applied (tests and batch recording wait for them to match).
    std::uint64_t setVersion() const;
    std::uint64_t appliedVersion() const { return _appliedVersion; }
    /// Number of drawables in the marks shown now (render thread; 0: nothing drawn).
    unsigned shownDrawables() const { return _shownDrawables; }

    /// The marks of `state`, detached (a transform at the overlay's origin
    /// holding float vertices).
    osg::ref_ptr<osg::Node> build(const assets::ScenarioState& state) const;

    /// Colours, shared with the window's legend and tests.
    static osg::Vec4 cutColour();
    static osg::Vec4 noBackhaulColour();

private:
    std::shared_ptr<const assets::NetworkModel> _network;
    ZonePolygons _zones;
    geo::LocalFrame _frame;
    osg::ref_ptr<osg::Group> _root;

    mutable std::mutex _mutex;
    osg::ref_ptr<osg::Node> _pending;
    bool _hasPending = false;
    std::uint64_t _setVersion = 0;
    std::uint64_t _appliedVersion = 0;
    unsigned _shownDrawables = 0;
    bool _hasLast = false;
    assets::ScenarioState _last;
};

}  // namespace citytwin::render
