#include "citytwin/render/CityScene.h"

#include <algorithm>
#include <utility>

#include <osg/BlendColor>
#include <osg/BlendFunc>
#include <osg/Callback>
#include <osg/LightModel>
#include <osg/NodeVisitor>

#include "citytwin/render/DeclaredHull.h"
#include "citytwin/render/FarGround.h"
#include "paging/PagedNodeReaderWriter.h"
#include "vector/ScreenLabels.h"

namespace citytwin::render {
namespace {

class MergeCallback : public osg::NodeCallback {
public:
    explicit MergeCallback(CityScene* scene) : _scene(scene) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        _scene->mergePending();
        traverse(node, nv);
    }

private:
    CityScene* _scene;
};

}  // namespace

CityScene::CityScene(unsigned mergesPerFrame)
    : _root(new osg::Group),
      _grounds(new osg::Group),
      _mergesPerFrame(mergesPerFrame ? mergesPerFrame : 1) {
    _root->setName("citytwin");
    _grounds->setName("far grounds");
    _root->addChild(_grounds);
    _root->setUpdateCallback(new MergeCallback(this));
    _root->setCullCallback(new detail::LabelSpaceReset);
    osg::StateSet* ss = _root->getOrCreateStateSet();
    ss->setMode(GL_LIGHTING, osg::StateAttribute::ON);
    ss->setMode(GL_RESCALE_NORMAL, osg::StateAttribute::ON);
    osg::ref_ptr<osg::LightModel> lm = new osg::LightModel;
    lm->setAmbientIntensity(osg::Vec4(0.45f, 0.45f, 0.48f, 1.f));
    lm->setTwoSided(true);
    ss->setAttributeAndModes(lm);
}

void CityScene::enqueueLayer(const std::string& layerId, osg::ref_ptr<osg::Node> node) {
    std::lock_guard lock(_queueMutex);
    _queue.emplace_back(layerId, std::move(node));
    ++_revision;
}

std::size_t CityScene::pendingCount() const {
    std::lock_guard lock(_queueMutex);
    return _queue.size();
}

std::size_t CityScene::mergePending() {
    if (std::exchange(_groundsStale, false))
        for (const auto& [id, sw] : _layers)
            updateGroundOf(id);
    std::vector<std::pair<std::string, osg::ref_ptr<osg::Node>>> batch;
    {
        std::lock_guard lock(_queueMutex);
        const std::size_t n = std::min<std::size_t>(_queue.size(), _mergesPerFrame);
        batch.assign(_queue.begin(), _queue.begin() + static_cast<long>(n));
        _queue.erase(_queue.begin(), _queue.begin() + static_cast<long>(n));
    }
    for (auto& [id, node] : batch) {
        auto it = _layers.find(id);
        if (it == _layers.end()) {
            osg::ref_ptr<osg::Switch> sw = new osg::Switch;
            sw->setName(id);
            _root->addChild(sw);
            it = _layers.emplace(id, sw).first;
        }
        // A layer queued again replaces its old content.
        it->second->removeChildren(0, it->second->getNumChildren());
        auto vis = _visibility.find(id);
        it->second->addChild(node, vis == _visibility.end() || vis->second);
        if (_nightWindows.strength() > 0.f)
            _nightWindows.applyTo(*node);
        if (auto op = _opacity.find(id); op != _opacity.end())
            setLayerOpacity(id, op->second);
        updateGroundOf(id);
    }
    return batch.size();
}

void CityScene::setFrame(const geo::LocalFrame& frame) {
    // The grounds follow in the next update phase (mergePending).
    _maybeFrame = frame;
    _groundsStale = true;
    ++_revision;
}

osg::Node* CityScene::layerGround(const std::string& layerId) const {
    auto it = _groundOf.find(layerId);
    return it == _groundOf.end() ? nullptr : it->second.get();
}

void CityScene::removeGroundOf(const std::string& layerId) {
    if (auto g = _groundOf.find(layerId); g != _groundOf.end()) {
        _grounds->removeChild(g->second);
        _groundOf.erase(g);
    }
}

void CityScene::updateGroundOf(const std::string& layerId) {
    removeGroundOf(layerId);
    const osg::BoundingSphere bound = layerBound(layerId);
    if (!_maybeFrame || layerId == "ground" || !needsFarGround(bound))
        return;
    const osg::Matrixd enuToFrame = farGroundFrameAt(*_maybeFrame, bound.center());
    osg::ref_ptr<osg::Node> ground =
        buildFarGround(layerBoxIn(layerId, osg::Matrixd::inverse(enuToFrame)), enuToFrame);
    if (!ground)
        return;
    ground->setNodeMask(isLayerVisible(layerId) ? ~0u : 0u);
    if (_nightWindows.strength() > 0.f)
        _nightWindows.applyTo(*ground);
    _grounds->addChild(ground);
    _groundOf[layerId] = ground;
}

void CityScene::setNightWindows(float strength) {
    const bool wasOn = _nightWindows.strength() > 0.f;
    if (strength == _nightWindows.strength())
        return;
    _nightWindows.setStrength(strength);
    if (wasOn != (_nightWindows.strength() > 0.f)) {
        for (auto& [id, sw] : _layers)
            _nightWindows.applyTo(*sw);
        _nightWindows.applyTo(*_grounds);
    }
    ++_revision;
}

void CityScene::setLayerVisible(const std::string& layerId, bool visible) {
    _visibility[layerId] = visible;
    ++_revision;
    if (auto g = _groundOf.find(layerId); g != _groundOf.end())
        g->second->setNodeMask(visible ? ~0u : 0u);
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return;
    if (visible)
        it->second->setAllChildrenOn();
    else
        it->second->setAllChildrenOff();
}

bool CityScene::isLayerVisible(const std::string& layerId) const {
    auto it = _layers.find(layerId);
    return it != _layers.end() && it->second->getNumChildren() > 0 && it->second->getValue(0);
}

bool CityScene::hasLayer(const std::string& layerId) const {
    return _layers.count(layerId) > 0;
}

namespace {

/// Cancels the paged reads of the layer nodes under `sw` (their user data
/// names the paged layer: detail::PagedNodeRegistration).
void cancelPagedReadsOf(osg::Switch& sw) {
    for (unsigned i = 0; i < sw.getNumChildren(); ++i)
        if (auto* r = dynamic_cast<detail::PagedNodeRegistration*>(sw.getChild(i)->getUserData()))
            detail::cancelPagedLayer(r->number());
}

}  // namespace

void CityScene::cancelPagedReads() {
    for (auto& [id, sw] : _layers)
        cancelPagedReadsOf(*sw);
}

void CityScene::removeLayer(const std::string& layerId) {
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return;
    cancelPagedReadsOf(*it->second);
    _root->removeChild(it->second);
    _layers.erase(it);
    removeGroundOf(layerId);
    ++_revision;
    _opacity.erase(layerId);
    _visibility.erase(layerId);
}

std::vector<std::string> CityScene::layerIds() const {
    std::vector<std::string> ids;
    for (const auto& [id, sw] : _layers)
        ids.push_back(id);
    return ids;
}

osg::BoundingSphere CityScene::layerBound(const std::string& layerId) const {
    auto it = _layers.find(layerId);
    return it == _layers.end() ? osg::BoundingSphere() : it->second->getBound();
}

osg::BoundingBox CityScene::layerBox(const std::string& layerId) const {
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return {};
    const osg::BoundingBoxd tight = boundsIn(*it->second, osg::Matrixd::identity());
    osg::BoundingBox box;
    if (tight.valid())
        box.set(osg::Vec3(tight._min), osg::Vec3(tight._max));
    else
        box.expandBy(it->second->getBound());
    return box;
}

osg::BoundingBoxd CityScene::layerBoxIn(const std::string& layerId,
                                        const osg::Matrixd& cityToFrame) const {
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return {};
    osg::BoundingBoxd box = boundsIn(*it->second, cityToFrame);
    if (!box.valid()) {
        // Nothing drawn or declared yet: the bound sphere's box in that frame.
        const osg::BoundingSphere& s = it->second->getBound();
        if (!s.valid())
            return box;
        const osg::Vec3d c = osg::Vec3d(s.center()) * cityToFrame;
        const double r = s.radius();  // the frames asked for are rigid (no scale)
        box.expandBy(c - osg::Vec3d(r, r, r));
        box.expandBy(c + osg::Vec3d(r, r, r));
    }
    return box;
}

osg::Node* CityScene::layerNode(const std::string& layerId) const {
    auto it = _layers.find(layerId);
    return it == _layers.end() ? nullptr : it->second.get();
}

osg::BoundingSphere CityScene::boundWithout(const std::string& exceptId) const {
    osg::BoundingSphere bs;
    for (const auto& [id, sw] : _layers)
        if (id != "ground" && id != exceptId && sw->getNumChildren() && sw->getValue(0))
            bs.expandBy(sw->getBound());
    return bs;
}

void CityScene::setLayerOpacity(const std::string& layerId, float opacity) {
    opacity = std::clamp(opacity, 0.f, 1.f);
    _opacity[layerId] = opacity;
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return;
    osg::StateSet* ss = it->second->getOrCreateStateSet();
    if (opacity >= 1.f) {
        ss->removeAttribute(osg::StateAttribute::BLENDCOLOR);
        ss->removeAttribute(osg::StateAttribute::BLENDFUNC);
        ss->removeMode(GL_BLEND);
        ss->setRenderingHint(osg::StateSet::DEFAULT_BIN);
        return;
    }
    // The constant alpha overrides whatever the layer's own state blends with.
    constexpr auto kOn = osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE;
    ss->setAttributeAndModes(new osg::BlendColor(osg::Vec4(1.f, 1.f, 1.f, opacity)), kOn);
    ss->setAttributeAndModes(new osg::BlendFunc(osg::BlendFunc::CONSTANT_ALPHA,
                                                osg::BlendFunc::ONE_MINUS_CONSTANT_ALPHA),
                             kOn);
    ss->setMode(GL_BLEND, kOn);
    ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
}

float CityScene::layerOpacity(const std::string& layerId) const {
    auto it = _opacity.find(layerId);
    return it == _opacity.end() ? 1.f : it->second;
}

osg::BoundingSphere CityScene::dataBound() const {
    osg::BoundingSphere bs;
    for (const auto& [id, sw] : _layers) {
        if (id == "ground")
            continue;
        if (sw->getNumChildren() && sw->getValue(0))
            bs.expandBy(sw->getBound());
    }
    return bs;
}

}  // namespace citytwin::render
