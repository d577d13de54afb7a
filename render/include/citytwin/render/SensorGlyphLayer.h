#pragma once
// SensorGlyphLayer: the sensors on the map as pins — a stem from the ground
// and a coloured head drawn on top of the city, coloured by the sensor's
// level at the scene time (normal, near a threshold, alert, stale, no data),
// a halo around sensors in alert, and a label with the latest value.
//
// All sensors share one geometry (one drawable for 10,000 sensors: a frame
// stays cheap), so a new time only rewrites a colour array. Statuses are
// handed over from any thread with setStatuses() and applied in the next
// update traversal, the only time the live scene is changed.

#include <osg/Camera>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Group>
#include <osg/ref_ptr>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/sensors/AirQualityIndex.h"
#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/sensors/SensorStatus.h"

namespace osgText {
class Text;
}

namespace citytwin::render {

class SensorGlyphLayer : public osg::Referenced {
public:
    static constexpr const char* kLayerId = "sensors";
    /// Height of a pin's head above the sensor, metres.
    static constexpr double kPinHeight = 25.0;

    SensorGlyphLayer(sensors::SensorRegistry registry, const geo::LocalFrame& frame);

    /// The node to hand to CityScene::enqueueLayer (once).
    osg::ref_ptr<osg::Node> node() const { return _root; }
    const sensors::SensorRegistry& registry() const { return _registry; }
    /// The registry as features (for the attribute panel on pick).
    const std::shared_ptr<const geo::FeatureLayer>& features() const { return _features; }

    /// Any thread: statuses in registry order at scene time `time`, shown
    /// from the next update. Returns whether they differ from the statuses
    /// handed over before (an on-demand view draws only then).
    bool setStatuses(std::vector<sensors::SensorStatus> statuses, sensors::TimeMs time = 0);
    /// The scene time of the statuses shown now (render thread).
    sensors::TimeMs shownTime() const { return _shownTime; }
    /// Statuses applied so far (render thread; for tests and redraw logic).
    std::uint64_t appliedVersion() const { return _appliedVersion; }
    /// The statuses shown now (render thread).
    const std::vector<sensors::SensorStatus>& shownStatuses() const { return _shown; }

    /// Local-frame position of a sensor's pin head.
    osg::Vec3d headPosition(std::size_t index) const;
    std::optional<std::size_t> indexOf(const std::string& sensorId) const;

    /// The colour that means `level` (also used by the GUI's legend).
    static osg::Vec4 colourOf(sensors::SensorLevel level);
    /// A pin's colour: a PM2.5 sensor with a current value shows its China
    /// AQI band (HJ 633-2012, sensors/AirQualityIndex.h; an alert adds the
    /// halo); stale, no data and other kinds show their level's colour.
    static osg::Vec4 colourFor(const sensors::SensorInfo& sensor,
                               const sensors::SensorStatus& status);
    /// An AQI category's standard colour.
    static osg::Vec4 colourOf(sensors::AqiCategory category);
    /// The label text: name (or id) and the latest value with its unit.
    static std::string labelOf(const sensors::SensorInfo& sensor,
                               const sensors::SensorStatus& status);

    /// Render thread, update phase: applies pending statuses; refreshes the
    /// labels of cells drawn in the last frames (frameNumber: the update's).
    void applyPending(unsigned frameNumber = 0);
    /// Labels whose text is out of date because their cell is not drawn
    /// (far away): refreshed when it comes into view, not on every seek.
    std::size_t staleLabelCount() const;
    /// Render thread: out-of-date labels came into view in the last frame
    /// (they are refreshed in the next update phase: one more frame is due).
    bool labelsWaitForAFrame() const;

    /// Render thread, between frames (the window calls it after each frame):
    /// regroups pins closer than kClusterPixels on screen into count badges
    /// when the camera moved enough since the last grouping (a few pixels at
    /// the pins). True if the grouping changed: it is applied in the next
    /// update, so draw a frame. An idle camera costs a few projections.
    bool updateClusters(const osg::Camera& camera);
    /// Pins within this many pixels of each other are drawn as one badge.
    static constexpr double kClusterPixels = 22.0;
    /// The groups drawn now (render thread): sensor indices, two or more each.
    const std::vector<std::vector<std::size_t>>& shownClusters() const { return _clusters; }
    /// Pins drawn on their own now (not in a cluster).
    std::size_t shownPinCount() const;
    /// A cluster's badge colour: its worst member's level colour.
    osg::Vec4 clusterColour(std::size_t clusterIndex) const;

    /// One cell of labels (an LOD): which sensors, when it was last drawn.
    struct LabelCell {
        std::vector<std::size_t> sensors;
        unsigned lastCulledFrame = 0;
        bool everCulled = false;
        bool stale = false;
    };

private:
    void buildGeometry();
    void buildLabels();
    void buildClusterBadges();
    /// Update phase: the drawn pins, their pick data and the badges follow _clusters.
    void applyClusters();
    /// Update phase: badge colours and alert halos from the shown statuses.
    void applyClusterColours();

    sensors::SensorRegistry _registry;
    geo::LocalFrame _frame;
    std::shared_ptr<const geo::FeatureLayer> _features;
    std::vector<osg::Vec3d> _heads;  ///< local frame, double
    osg::Vec3d _origin;              ///< vertices are relative to this
    std::unordered_map<std::string, std::size_t> _indexById;

    osg::ref_ptr<osg::Group> _root;
    osg::ref_ptr<osg::Geometry> _headGeometry;
    osg::ref_ptr<osg::Vec4Array> _headColours;
    osg::ref_ptr<osg::Geometry> _halo;
    osg::ref_ptr<osg::DrawElementsUInt> _haloIndices;
    std::vector<osg::ref_ptr<osgText::Text>> _labels;
    osg::ref_ptr<osg::DrawElementsUInt> _pinIndices;  ///< pins drawn on their own
    osg::ref_ptr<osg::Geometry> _badges;
    osg::ref_ptr<osg::Geometry> _badgeOutlines;
    osg::ref_ptr<osg::Vec3Array> _badgeVertices;
    osg::ref_ptr<osg::Vec4Array> _badgeColours;
    osg::ref_ptr<osg::Geode> _badgeTexts;
    std::vector<std::vector<std::size_t>> _clusters;
    std::optional<std::vector<std::vector<std::size_t>>> _maybePendingClusters;
    std::vector<std::vector<std::size_t>> _lastGrouping;  ///< what updateClusters last found
    std::optional<osg::Matrixd> _maybeLastClusterVpw;
    std::vector<LabelCell> _cells;

    std::mutex _mutex;
    std::optional<std::vector<sensors::SensorStatus>> _maybePending;
    sensors::TimeMs _pendingTime = 0;
    std::vector<sensors::SensorStatus> _lastSet;  ///< guarded by _mutex
    unsigned _lastUpdateFrame = 0;
    sensors::TimeMs _shownTime = 0;
    std::vector<sensors::SensorStatus> _shown;
    std::uint64_t _appliedVersion = 0;
};

}  // namespace citytwin::render
