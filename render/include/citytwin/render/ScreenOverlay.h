#pragma once
// A picture laid over the whole view after the scene is drawn: the kiosk's
// captions, clock and cards. A post-render camera of its own (a slave of the
// viewer, not in the scene), so picking, bounds and the scene's revision
// never see it. Pixels are premultiplied RGBA, top row first, one pixel per
// device pixel of the view.

#include <osg/Camera>
#include <osg/Image>
#include <osg/ref_ptr>

#include <cstdint>

namespace citytwin::render {

class ScreenOverlay {
public:
    ScreenOverlay();

    /// The camera to add to the viewer as a slave with its own scene data;
    /// it draws into the main camera's graphics context.
    osg::Camera* camera() const { return _camera.get(); }

    /// Copies a new picture (width * height * 4 bytes, premultiplied RGBA,
    /// top row first); null or an empty size hides the overlay. Call on the
    /// thread that draws, between frames.
    void setPicture(int width, int height, const std::uint8_t* rgbaTopDown);
    /// Follows the view's size in device pixels.
    void setViewport(int width, int height);
    /// Whether a picture is drawn.
    bool isShown() const;

private:
    osg::ref_ptr<osg::Camera> _camera;
    osg::ref_ptr<osg::Node> _quad;  ///< masked off while there is no picture
    osg::ref_ptr<osg::Image> _image;
};

}  // namespace citytwin::render
