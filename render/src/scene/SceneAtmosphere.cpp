#include "citytwin/render/SceneAtmosphere.h"

#include <osg/Fog>
#include <osg/Light>
#include <osg/LightModel>
#include <osg/LightSource>

#include "SkyGradient.h"

namespace citytwin::render {
namespace {

class ApplyPendingCallback : public osg::NodeCallback {
public:
    explicit ApplyPendingCallback(SceneAtmosphere* atmosphere) : _atmosphere(atmosphere) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        _atmosphere->applyPending();
        traverse(node, nv);
    }

private:
    SceneAtmosphere* _atmosphere;
};

}  // namespace

SceneAtmosphere::SceneAtmosphere(osg::Group* root)
    : _root(root), _node(new osg::Group), _light(new osg::Light(0)), _fog(new osg::Fog) {
    _node->setName("atmosphere");
    osg::StateSet* ss = root->getOrCreateStateSet();

    // The scene's one light: light 0, directional, placed in the local frame
    // (a LightSource under the root follows the view matrix, not the eye).
    osg::ref_ptr<osg::LightSource> source = new osg::LightSource;
    source->setLight(_light);
    source->setReferenceFrame(osg::LightSource::RELATIVE_RF);
    source->setStateSetModes(*ss, osg::StateAttribute::ON);
    _light->setAmbient(osg::Vec4(0.f, 0.f, 0.f, 1.f));
    _light->setSpecular(osg::Vec4(0.f, 0.f, 0.f, 1.f));
    _node->addChild(source);

    _lightModel = dynamic_cast<osg::LightModel*>(ss->getAttribute(osg::StateAttribute::LIGHTMODEL));
    if (!_lightModel) {
        _lightModel = new osg::LightModel;
        _lightModel->setTwoSided(true);
        ss->setAttributeAndModes(_lightModel);
    }

    _fog->setMode(osg::Fog::LINEAR);
    ss->setAttributeAndModes(_fog, osg::StateAttribute::ON);

    _sky = new SkyGradient(_fog.get());
    _node->addChild(_sky);
    _node->setUpdateCallback(new ApplyPendingCallback(this));
    root->addChild(_node);
    apply(_applied);
}

SceneAtmosphere::~SceneAtmosphere() {
    _root->removeChild(_node);
}

void SceneAtmosphere::setLook(const SkyLook& look) {
    std::lock_guard lock(_mutex);
    if (look == _lastSet)
        return;
    _lastSet = look;
    _maybePending = look;
}

void SceneAtmosphere::setLocalVertical(const LocalVertical& v) {
    std::lock_guard lock(_mutex);
    if (v.east == _vertical.east && v.north == _vertical.north && v.up == _vertical.up)
        return;
    _vertical = v;
    _maybePending = _lastSet;  // the same look, turned to this vertical
}

bool SceneAtmosphere::hasPendingLook() const {
    std::lock_guard lock(_mutex);
    return _maybePending.has_value();
}

void SceneAtmosphere::applyPending() {
    std::optional<SkyLook> look;
    {
        std::lock_guard lock(_mutex);
        look.swap(_maybePending);
    }
    if (look)
        apply(*look);
}

void SceneAtmosphere::apply(const SkyLook& look) {
    _applied = look;
    const osg::Vec3& d = look.lightDirection;
    LocalVertical v;
    {
        std::lock_guard lock(_mutex);
        v = _vertical;
    }
    const osg::Vec3d inScene = v.east * d.x() + v.north * d.y() + v.up * d.z();
    _light->setPosition(osg::Vec4(osg::Vec3(inScene), 0.f));
    _sky->setVertical(v);
    _light->setDiffuse(look.lightDiffuse);
    _lightModel->setAmbientIntensity(look.ambient);
    _sky->setColors(look.zenith, look.horizon);
    _fog->setColor(look.horizon);
}

}  // namespace citytwin::render
