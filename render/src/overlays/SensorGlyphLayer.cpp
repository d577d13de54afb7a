#include "citytwin/render/SensorGlyphLayer.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/FrameStamp>
#include <osg/LOD>
#include <osg/LineWidth>
#include <osg/MatrixTransform>
#include <osg/Point>
#include <osgText/Font>
#include <osgText/Text>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/PinClusters.h"
#include "scene/LabelFont.h"

namespace citytwin::render {
namespace {

constexpr double kLabelCell = 500.0;      // m: labels are grouped per cell ...
constexpr float kLabelRange = 2500.0f;    // m: ... and drawn when the eye is this close
constexpr unsigned kHeadsBin = 20;        // drawn after the city, over it
constexpr float kHeadSize = 12.0f;        // px
constexpr float kOutlineSize = 16.0f;     // px
constexpr float kHaloSize = 30.0f;        // px
constexpr float kBadgeSize = 24.0f;       // px: a cluster's disc
constexpr float kBadgeOutline = 28.0f;    // px
constexpr double kReclusterPixels = 3.0;  // the pins moved this far on screen: regroup

class ApplyPendingCallback : public osg::NodeCallback {
public:
    explicit ApplyPendingCallback(SensorGlyphLayer* layer) : _layer(layer) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        const osg::FrameStamp* fs = nv->getFrameStamp();
        _layer->applyPending(fs ? fs->getFrameNumber() : 0);
        traverse(node, nv);
    }

private:
    SensorGlyphLayer* _layer;  // owns the node that owns this callback
};

/// Records when a cell of labels was last drawn (read in the update phase;
/// the cull traversal itself changes nothing in the scene).
class CellCulledCallback : public osg::NodeCallback {
public:
    explicit CellCulledCallback(SensorGlyphLayer::LabelCell* cell) : _cell(cell) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        if (const osg::FrameStamp* fs = nv->getFrameStamp()) {
            _cell->lastCulledFrame = fs->getFrameNumber();
            _cell->everCulled = true;
        }
        traverse(node, nv);
    }

private:
    SensorGlyphLayer::LabelCell* _cell;
};

osg::ref_ptr<osg::Vec4Array> oneColour(const osg::Vec4& c) {
    osg::ref_ptr<osg::Vec4Array> a = new osg::Vec4Array;
    a->push_back(c);
    return a;
}

/// States for geometry drawn over the scene: no lighting, no depth test.
void drawOnTop(osg::StateSet* ss, unsigned binOffset) {
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false));
    ss->setRenderBinDetails(static_cast<int>(kHeadsBin + binOffset), "RenderBin");
}

}  // namespace

SensorGlyphLayer::SensorGlyphLayer(sensors::SensorRegistry registry, const geo::LocalFrame& frame)
    : _registry(std::move(registry)), _frame(frame), _root(new osg::Group) {
    _root->setName(kLayerId);
    auto features = std::make_shared<geo::FeatureLayer>();
    features->name = kLayerId;
    features->crs = geo::Crs::wgs84();
    features->sourceCrs = features->crs;
    const auto& list = _registry.sensors();
    _heads.reserve(list.size());
    osg::Vec3d sum;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const sensors::SensorInfo& s = list[i];
        const geo::Vec3d l = _frame.toLocal({s.position.x, s.position.y, 0.0});
        _heads.emplace_back(l.x, l.y, std::max(0.0, s.position.z) + kPinHeight);
        sum += _heads.back();
        _indexById.emplace(s.id, i);

        geo::Feature f;
        f.id = static_cast<std::int64_t>(i);
        f.geometry.points.push_back(s.position);
        auto add = [&f](const char* name, std::string value) {
            if (!value.empty())
                f.attributes.push_back({name, std::move(value)});
        };
        auto number = [](const std::optional<double>& v) {
            if (!v)
                return std::string();
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", *v);
            return std::string(buf);
        };
        add("id", s.id);
        add("name", s.name);
        add("kind", std::string(sensors::toString(s.kind)));
        add("metric", s.metric);
        add("unit", s.unit);
        add("low", number(s.thresholds.low));
        add("high", number(s.thresholds.high));
        add("max_rate_per_min", number(s.thresholds.maxRatePerMinute));
        add("stale_s", number(s.thresholds.staleAfterSeconds));
        features->features.push_back(std::move(f));
    }
    _features = std::move(features);
    _origin = _heads.empty() ? osg::Vec3d() : sum / static_cast<double>(_heads.size());
    _origin.z() = 0.0;
    _shown.assign(list.size(), sensors::SensorStatus{});
    buildGeometry();
    buildLabels();
    buildClusterBadges();
    _root->setUpdateCallback(new ApplyPendingCallback(this));
}

osg::Vec3d SensorGlyphLayer::headPosition(std::size_t index) const {
    return index < _heads.size() ? _heads[index] : osg::Vec3d();
}

std::optional<std::size_t> SensorGlyphLayer::indexOf(const std::string& sensorId) const {
    auto it = _indexById.find(sensorId);
    if (it == _indexById.end())
        return std::nullopt;
    return it->second;
}

osg::Vec4 SensorGlyphLayer::colourOf(sensors::SensorLevel level) {
    switch (level) {
        case sensors::SensorLevel::Normal:
            return {0.16f, 0.75f, 0.35f, 1.f};
        case sensors::SensorLevel::Near:
            return {1.0f, 0.72f, 0.1f, 1.f};
        case sensors::SensorLevel::Alert:
            return {0.93f, 0.1f, 0.1f, 1.f};
        case sensors::SensorLevel::Stale:
            return {0.55f, 0.45f, 0.75f, 1.f};
        case sensors::SensorLevel::NoData:
            return {0.55f, 0.55f, 0.55f, 1.f};
    }
    return {0.55f, 0.55f, 0.55f, 1.f};
}

osg::Vec4 SensorGlyphLayer::colourOf(sensors::AqiCategory category) {
    const std::uint32_t rgb = sensors::aqiColourRgb(category);
    return {static_cast<float>((rgb >> 16) & 0xff) / 255.f,
            static_cast<float>((rgb >> 8) & 0xff) / 255.f, static_cast<float>(rgb & 0xff) / 255.f,
            1.f};
}

osg::Vec4 SensorGlyphLayer::colourFor(const sensors::SensorInfo& sensor,
                                      const sensors::SensorStatus& status) {
    const bool current = status.level == sensors::SensorLevel::Normal ||
                         status.level == sensors::SensorLevel::Near ||
                         status.level == sensors::SensorLevel::Alert;
    if (current && status.maybeValue && sensors::isPm25Metric(sensor.metric))
        return colourOf(sensors::pm25Category(*status.maybeValue));
    return colourOf(status.level);
}

std::string SensorGlyphLayer::labelOf(const sensors::SensorInfo& sensor,
                                      const sensors::SensorStatus& status) {
    // Leading spaces keep the text clear of the pin it labels.
    std::string text = "    " + (sensor.name.empty() ? sensor.id : sensor.name);
    if (status.maybeValue) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "\n    %.1f %s", *status.maybeValue, sensor.unit.c_str());
        text += buf;
    }
    if (status.level == sensors::SensorLevel::Alert)
        text += " !";
    return text;
}

void SensorGlyphLayer::buildGeometry() {
    osg::ref_ptr<osg::MatrixTransform> xf =
        new osg::MatrixTransform(osg::Matrix::translate(_origin));
    _root->addChild(xf);
    const std::size_t n = _heads.size();

    // Stems: ground to head, depth-tested like the city around them.
    osg::ref_ptr<osg::Vec3Array> stemVerts = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> headVerts = new osg::Vec3Array;
    stemVerts->reserve(2 * n);
    headVerts->reserve(n);
    for (const osg::Vec3d& h : _heads) {
        const osg::Vec3d rel = h - _origin;
        stemVerts->push_back(
            osg::Vec3(float(rel.x()), float(rel.y()), float(rel.z() - kPinHeight)));
        stemVerts->push_back(osg::Vec3(rel));
        headVerts->push_back(osg::Vec3(rel));
    }
    osg::ref_ptr<osg::Geometry> stems = new osg::Geometry;
    stems->setName("sensor-stems");
    stems->setVertexArray(stemVerts);
    osg::ref_ptr<osg::Vec4Array> stemColour = oneColour({0.2f, 0.2f, 0.25f, 1.f});
    stems->setColorArray(stemColour, osg::Array::BIND_OVERALL);
    stems->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, static_cast<GLsizei>(2 * n)));
    osg::StateSet* stemState = stems->getOrCreateStateSet();
    stemState->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    stemState->setAttributeAndModes(new osg::LineWidth(2.f));

    // Outline: a slightly larger dark point under each head.
    osg::ref_ptr<osg::Geometry> outline = new osg::Geometry;
    outline->setName("sensor-outlines");
    outline->setVertexArray(headVerts);
    outline->setColorArray(oneColour({0.1f, 0.1f, 0.12f, 1.f}), osg::Array::BIND_OVERALL);
    // Heads and outlines draw the pins not in a cluster (all of them until
    // the first grouping).
    _pinIndices = new osg::DrawElementsUInt(GL_POINTS);
    _pinIndices->setDataVariance(osg::Object::DYNAMIC);
    for (std::size_t i = 0; i < n; ++i)
        _pinIndices->push_back(static_cast<unsigned>(i));
    outline->setDataVariance(osg::Object::DYNAMIC);
    outline->addPrimitiveSet(_pinIndices);
    drawOnTop(outline->getOrCreateStateSet(), 1);
    outline->getOrCreateStateSet()->setAttributeAndModes(new osg::Point(kOutlineSize));

    // Heads: one coloured point per sensor; their colours change with time.
    _headGeometry = new osg::Geometry;
    _headGeometry->setName("sensor-heads");
    _headGeometry->setDataVariance(osg::Object::DYNAMIC);
    _headGeometry->setVertexArray(headVerts);
    _headColours = new osg::Vec4Array;
    _headColours->assign(n, colourOf(sensors::SensorLevel::NoData));
    _headColours->setDataVariance(osg::Object::DYNAMIC);
    _headGeometry->setColorArray(_headColours, osg::Array::BIND_PER_VERTEX);
    _headGeometry->addPrimitiveSet(_pinIndices);
    drawOnTop(_headGeometry->getOrCreateStateSet(), 2);
    _headGeometry->getOrCreateStateSet()->setAttributeAndModes(new osg::Point(kHeadSize));
    osg::ref_ptr<FeaturePickData> pick = new FeaturePickData(kLayerId, _features);
    for (std::uint32_t i = 0; i < n; ++i)
        pick->addFeature(i, i);
    pick->setDrawnOnTop(true);
    _headGeometry->setUserData(pick);

    // Halo: a large translucent red disc behind sensors in alert.
    _halo = new osg::Geometry;
    _halo->setName("sensor-alert-halos");
    _halo->setDataVariance(osg::Object::DYNAMIC);
    _halo->setVertexArray(headVerts);
    _halo->setColorArray(oneColour({1.f, 0.15f, 0.1f, 0.45f}), osg::Array::BIND_OVERALL);
    _haloIndices = new osg::DrawElementsUInt(GL_POINTS);
    _haloIndices->setDataVariance(osg::Object::DYNAMIC);
    _halo->addPrimitiveSet(_haloIndices);
    osg::StateSet* haloState = _halo->getOrCreateStateSet();
    drawOnTop(haloState, 0);
    haloState->setAttributeAndModes(new osg::Point(kHaloSize));
    haloState->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    haloState->setMode(GL_POINT_SMOOTH, osg::StateAttribute::ON);

    for (osg::Geometry* g : {stems.get(), _halo.get(), outline.get(), _headGeometry.get()}) {
        g->setUseDisplayList(false);
        g->setUseVertexBufferObjects(true);
        xf->addChild(g);
    }
}

void SensorGlyphLayer::buildLabels() {
    // One LOD per cell, so that a city of sensors does not draw 10,000 labels
    // from afar (each text is a drawable, ~4 us of frame time).
    std::map<std::pair<long, long>, osg::ref_ptr<osg::Geode>> cells;
    std::map<std::pair<long, long>, std::size_t> cellIndex;
    osg::ref_ptr<osg::Group> labels = new osg::Group;
    labels->setName("sensor-labels");
    drawOnTop(labels->getOrCreateStateSet(), 3);
    _labels.reserve(_heads.size());
    const osg::ref_ptr<osgText::Font> font = labelFont();
    const auto& list = _registry.sensors();
    for (std::size_t i = 0; i < _heads.size(); ++i) {
        const osg::Vec3d& h = _heads[i];
        const std::pair<long, long> key{std::lround(std::floor(h.x() / kLabelCell)),
                                        std::lround(std::floor(h.y() / kLabelCell))};
        auto& geode = cells[key];
        if (!geode) {
            geode = new osg::Geode;
            const osg::Vec3d centre((key.first + 0.5) * kLabelCell, (key.second + 0.5) * kLabelCell,
                                    0.0);
            osg::ref_ptr<osg::MatrixTransform> xf =
                new osg::MatrixTransform(osg::Matrix::translate(centre));
            xf->addChild(geode);
            osg::ref_ptr<osg::LOD> lod = new osg::LOD;
            lod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
            lod->setCenter(centre);
            lod->setRadius(kLabelCell);
            lod->addChild(xf, 0.f, kLabelRange);
            labels->addChild(lod);
            geode->setUserValue("cx", centre.x());
            geode->setUserValue("cy", centre.y());
            cellIndex[key] = _cells.size();
            _cells.emplace_back();
        }
        _cells[cellIndex[key]].sensors.push_back(i);
        double cx = 0, cy = 0;
        geode->getUserValue("cx", cx);
        geode->getUserValue("cy", cy);
        std::unique_lock textLock(textSetupMutex());
        osg::ref_ptr<osgText::Text> text = new osgText::Text;
        text->setFont(font);
        text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
        text->setCharacterSize(13.f);
        text->setAxisAlignment(osgText::Text::SCREEN);
        text->setAlignment(osgText::Text::LEFT_CENTER);
        text->setPosition(osg::Vec3(float(h.x() - cx), float(h.y() - cy), float(h.z())));
        text->setColor({1.f, 1.f, 1.f, 1.f});
        text->setBackdropType(
            osgText::Text::DROP_SHADOW_BOTTOM_RIGHT);  // one pass, see ScreenLabels
        text->setBackdropColor({0.05f, 0.05f, 0.08f, 1.f});
        text->setDataVariance(osg::Object::DYNAMIC);
        text->setText(labelOf(list[i], {}), osgText::String::ENCODING_UTF8);
        textLock.unlock();
        geode->addDrawable(text);
        _labels.push_back(text);
    }
    // Callbacks point into _cells: attach them once it no longer grows.
    for (auto& [key, geode] : cells)
        geode->setCullCallback(new CellCulledCallback(&_cells[cellIndex[key]]));
    _root->addChild(labels);
}

std::size_t SensorGlyphLayer::staleLabelCount() const {
    std::size_t n = 0;
    for (const LabelCell& c : _cells)
        if (c.stale)
            n += c.sensors.size();
    return n;
}

namespace {
bool sameStatus(const sensors::SensorStatus& a, const sensors::SensorStatus& b) {
    return a.level == b.level && a.maybeValue == b.maybeValue && a.valueTs == b.valueTs &&
           a.activeAlerts == b.activeAlerts;
}
}  // namespace

bool SensorGlyphLayer::labelsWaitForAFrame() const {
    for (const LabelCell& c : _cells)
        if (c.stale && c.everCulled && c.lastCulledFrame >= _lastUpdateFrame)
            return true;
    return false;
}

bool SensorGlyphLayer::setStatuses(std::vector<sensors::SensorStatus> statuses,
                                   sensors::TimeMs time) {
    std::lock_guard lock(_mutex);
    const bool changed =
        !std::equal(statuses.begin(), statuses.end(), _lastSet.begin(), _lastSet.end(), sameStatus);
    _lastSet = statuses;
    _maybePending = std::move(statuses);
    _pendingTime = time;
    return changed;
}

void SensorGlyphLayer::applyPending(unsigned frameNumber) {
    std::optional<std::vector<sensors::SensorStatus>> pending;
    sensors::TimeMs time = 0;
    {
        std::lock_guard lock(_mutex);
        pending.swap(_maybePending);
        time = _pendingTime;
    }
    _lastUpdateFrame = frameNumber;
    const auto& list = _registry.sensors();
    if (pending && pending->size() == _heads.size()) {
        for (std::size_t i = 0; i < pending->size(); ++i)
            (*_headColours)[i] = colourFor(list[i], (*pending)[i]);
        _headColours->dirty();
        // Label texts are laid out glyph by glyph (~0.1 ms each): only the
        // cells in view are refreshed now, the rest when they come into view.
        for (LabelCell& c : _cells)
            for (std::size_t i : c.sensors)
                if (_shown[i].maybeValue != (*pending)[i].maybeValue ||
                    _shown[i].level != (*pending)[i].level) {
                    c.stale = true;
                    break;
                }
        _shown = std::move(*pending);
        _shownTime = time;
        ++_appliedVersion;
    }
    if (_maybePendingClusters) {
        _clusters = std::move(*_maybePendingClusters);
        _maybePendingClusters.reset();
        applyClusters();
        applyClusterColours();
    } else if (pending) {
        applyClusterColours();
    }
    for (LabelCell& c : _cells) {
        const bool drawnLately = c.everCulled && frameNumber <= c.lastCulledFrame + 2;
        if (!c.stale || !drawnLately)
            continue;
        for (std::size_t i : c.sensors)
            _labels[i]->setText(labelOf(list[i], _shown[i]), osgText::String::ENCODING_UTF8);
        c.stale = false;
    }
}

void SensorGlyphLayer::buildClusterBadges() {
    osg::ref_ptr<osg::MatrixTransform> xf =
        new osg::MatrixTransform(osg::Matrix::translate(_origin));
    xf->setName("sensor-clusters");
    _badgeVertices = new osg::Vec3Array;
    _badgeColours = new osg::Vec4Array;
    _badgeOutlines = new osg::Geometry;
    _badgeOutlines->setVertexArray(_badgeVertices);
    _badgeOutlines->setColorArray(oneColour({0.1f, 0.1f, 0.12f, 1.f}), osg::Array::BIND_OVERALL);
    _badgeOutlines->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, 0));
    drawOnTop(_badgeOutlines->getOrCreateStateSet(), 4);
    _badgeOutlines->getOrCreateStateSet()->setAttributeAndModes(new osg::Point(kBadgeOutline));
    _badges = new osg::Geometry;
    _badges->setName("sensor-cluster-badges");
    _badges->setVertexArray(_badgeVertices);
    _badges->setColorArray(_badgeColours, osg::Array::BIND_PER_VERTEX);
    _badges->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, 0));
    drawOnTop(_badges->getOrCreateStateSet(), 5);
    _badges->getOrCreateStateSet()->setAttributeAndModes(new osg::Point(kBadgeSize));
    for (osg::Geometry* g : {_badgeOutlines.get(), _badges.get()}) {
        // Round discs, so that a badge does not read as one more square pin.
        osg::StateSet* ss = g->getOrCreateStateSet();
        ss->setMode(GL_POINT_SMOOTH, osg::StateAttribute::ON);
        ss->setMode(GL_BLEND, osg::StateAttribute::ON);
        ss->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
        g->setDataVariance(osg::Object::DYNAMIC);
        g->setUseDisplayList(false);
        g->setUseVertexBufferObjects(true);
        xf->addChild(g);
    }
    _badgeTexts = new osg::Geode;
    _badgeTexts->setDataVariance(osg::Object::DYNAMIC);
    drawOnTop(_badgeTexts->getOrCreateStateSet(), 6);
    xf->addChild(_badgeTexts);
    _root->addChild(xf);
}

bool SensorGlyphLayer::updateClusters(const osg::Camera& camera) {
    const osg::Viewport* vp = camera.getViewport();
    if (!vp || _heads.size() < 2)
        return false;
    const osg::Matrixd vpw =
        camera.getViewMatrix() * camera.getProjectionMatrix() * vp->computeWindowMatrix();
    auto project = [](const osg::Matrixd& m, const osg::Vec3d& p) -> std::optional<osg::Vec2d> {
        const osg::Vec4d h = osg::Vec4d(p, 1.0) * m;
        if (h.w() <= 1e-9)
            return std::nullopt;  // behind the eye
        return osg::Vec2d(h.x() / h.w(), h.y() / h.w());
    };
    if (_maybeLastClusterVpw) {
        // Idle means idle: regroup only when the pins moved on screen.
        double moved = 0.0;
        const std::size_t step = std::max<std::size_t>(1, _heads.size() / 16);
        for (std::size_t i = 0; i < _heads.size(); i += step) {
            auto a = project(*_maybeLastClusterVpw, _heads[i]);
            auto b = project(vpw, _heads[i]);
            moved = std::max(moved, a && b ? (*a - *b).length() : 1e9);
        }
        if (moved < kReclusterPixels)
            return false;
    }
    _maybeLastClusterVpw = vpw;
    std::vector<std::optional<osg::Vec2d>> screen;
    screen.reserve(_heads.size());
    for (const osg::Vec3d& h : _heads)
        screen.push_back(project(vpw, h));
    auto grouping = clusterScreenPoints(screen, kClusterPixels);
    if (grouping == _lastGrouping)
        return false;
    _lastGrouping = grouping;
    _maybePendingClusters = std::move(grouping);
    return true;
}

std::size_t SensorGlyphLayer::shownPinCount() const {
    return _pinIndices->size();
}

void SensorGlyphLayer::applyClusters() {
    std::vector<bool> clustered(_heads.size(), false);
    _badgeVertices->clear();
    _badgeTexts->removeDrawables(0, _badgeTexts->getNumDrawables());
    const osg::ref_ptr<osgText::Font> font = labelFont();
    for (const auto& members : _clusters) {
        osg::Vec3d centre;
        for (std::size_t i : members) {
            clustered[i] = true;
            centre += _heads[i];
        }
        centre /= static_cast<double>(members.size());
        const osg::Vec3 rel(centre - _origin);
        _badgeVertices->push_back(rel);
        std::unique_lock textLock(textSetupMutex());
        osg::ref_ptr<osgText::Text> count = new osgText::Text;
        count->setFont(font);
        count->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
        count->setCharacterSize(13.f);
        count->setAxisAlignment(osgText::Text::SCREEN);
        count->setAlignment(osgText::Text::CENTER_CENTER);
        count->setPosition(rel);
        count->setColor({1.f, 1.f, 1.f, 1.f});
        count->setBackdropType(
            osgText::Text::DROP_SHADOW_BOTTOM_RIGHT);  // one pass, see ScreenLabels
        count->setBackdropColor({0.05f, 0.05f, 0.08f, 1.f});
        count->setText(std::to_string(members.size()));
        textLock.unlock();
        _badgeTexts->addDrawable(count);
    }
    _badgeVertices->dirty();
    for (osg::Geometry* g : {_badges.get(), _badgeOutlines.get()}) {
        static_cast<osg::DrawArrays*>(g->getPrimitiveSet(0))
            ->setCount(static_cast<GLsizei>(_badgeVertices->size()));
        g->dirtyBound();
    }
    // The pins on their own, and pick data that maps their points to sensors.
    _pinIndices->clear();
    osg::ref_ptr<FeaturePickData> pick = new FeaturePickData(kLayerId, _features);
    pick->setDrawnOnTop(true);
    for (std::size_t i = 0; i < _heads.size(); ++i) {
        if (clustered[i])
            continue;
        pick->addFeature(static_cast<std::uint32_t>(_pinIndices->size()),
                         static_cast<std::uint32_t>(i));
        _pinIndices->push_back(static_cast<unsigned>(i));
    }
    _pinIndices->dirty();
    _headGeometry->setUserData(pick);
    _headGeometry->dirtyBound();
}

osg::Vec4 SensorGlyphLayer::clusterColour(std::size_t clusterIndex) const {
    if (clusterIndex >= _clusters.size())
        return colourOf(sensors::SensorLevel::NoData);
    sensors::SensorLevel worst = sensors::SensorLevel::NoData;
    for (std::size_t i : _clusters[clusterIndex])
        if (i < _shown.size() && severityOf(_shown[i].level) > severityOf(worst))
            worst = _shown[i].level;
    return colourOf(worst);
}

void SensorGlyphLayer::applyClusterColours() {
    _badgeColours->resize(_clusters.size());
    for (std::size_t c = 0; c < _clusters.size(); ++c)
        (*_badgeColours)[c] = clusterColour(c);
    _badgeColours->dirty();
    // Halos only round pins drawn on their own: a cluster in alert is red itself.
    std::vector<bool> clustered(_heads.size(), false);
    for (const auto& members : _clusters)
        for (std::size_t i : members)
            clustered[i] = true;
    _haloIndices->clear();
    for (std::size_t i = 0; i < _shown.size() && i < _heads.size(); ++i)
        if (_shown[i].level == sensors::SensorLevel::Alert && !clustered[i])
            _haloIndices->push_back(static_cast<unsigned>(i));
    _haloIndices->dirty();
    _halo->dirtyBound();
}

}  // namespace citytwin::render
