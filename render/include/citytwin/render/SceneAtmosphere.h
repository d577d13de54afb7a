#pragma once
// SceneAtmosphere: the light, the sky and the haze over a scene. Added under
// the scene's root, it places one directional light (the sun or the moon),
// sets the ambient light, draws a sky gradient behind everything that follows
// the camera's pitch (pale at the horizon, deeper towards the zenith) and
// fades far geometry into the horizon's colour with fixed-function fog, so
// it works on software GL (llvmpipe) as on any other.
//
// A view using it must not add its own light (osg::View::NO_LIGHT).
//
// Thread safety: setLook(), setLocalVertical() and hasPendingLook() from any
// thread; the look is applied in the scene's next update phase.

#include <osg/Group>
#include <osg/ref_ptr>

#include <mutex>
#include <optional>

#include "citytwin/render/LocalVertical.h"
#include "citytwin/render/SkyLook.h"

namespace osg {
class Fog;
class Light;
class LightModel;
}  // namespace osg

namespace citytwin::render {

class SkyGradient;

class SceneAtmosphere {
public:
    /// Adds the light, the sky and the haze under root (and to its state).
    explicit SceneAtmosphere(osg::Group* root);
    ~SceneAtmosphere();
    SceneAtmosphere(const SceneAtmosphere&) = delete;
    SceneAtmosphere& operator=(const SceneAtmosphere&) = delete;

    /// Takes effect in the next update phase; the same look again is no change.
    void setLook(const SkyLook& look);
    /// Where the light's east-north-up is in the scene: the vertical under
    /// what the camera looks at. Data far round the globe (a tileset in
    /// another city, tilted in the city frame) is lit from its own sky, not
    /// from under its horizon. Only the axes count; the same again is no change.
    void setLocalVertical(const LocalVertical& v);
    /// A look waits for an update phase (an on-demand view should draw).
    bool hasPendingLook() const;
    /// The look applied last (render thread).
    const SkyLook& look() const { return _applied; }

    /// Render thread: applies a pending look now (the update phase calls it).
    void applyPending();

private:
    void apply(const SkyLook& look);

    osg::ref_ptr<osg::Group> _root;
    osg::ref_ptr<osg::Group> _node;
    osg::ref_ptr<osg::Light> _light;
    osg::ref_ptr<osg::LightModel> _lightModel;
    osg::ref_ptr<osg::Fog> _fog;
    osg::ref_ptr<SkyGradient> _sky;
    SkyLook _applied;
    mutable std::mutex _mutex;
    std::optional<SkyLook> _maybePending;
    SkyLook _lastSet;
    LocalVertical _vertical;  // guarded by _mutex
};

}  // namespace citytwin::render
