#include "citytwin/render/ScreenOverlay.h"

#include <osg/BlendFunc>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Texture2D>

#include <algorithm>
#include <cstring>

namespace citytwin::render {
namespace {

/// The unit square, its texture's top row (image row 0) at the top.
osg::ref_ptr<osg::Geometry> unitQuad() {
    osg::ref_ptr<osg::Geometry> quad = osg::createTexturedQuadGeometry(
        osg::Vec3(0.f, 0.f, 0.f), osg::Vec3(1.f, 0.f, 0.f), osg::Vec3(0.f, 1.f, 0.f),
        /*left*/ 0.f, /*bottom*/ 1.f, /*right*/ 1.f, /*top*/ 0.f);
    quad->setUseDisplayList(false);
    quad->setUseVertexBufferObjects(true);
    return quad;
}

}  // namespace

ScreenOverlay::ScreenOverlay() : _camera(new osg::Camera), _image(new osg::Image) {
    _camera->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    // After the main camera, into its framebuffer, without clearing it.
    _camera->setRenderOrder(osg::Camera::POST_RENDER, 1000);
    _camera->setClearMask(0);
    _camera->setAllowEventFocus(false);
    _camera->setProjectionResizePolicy(osg::Camera::FIXED);
    _camera->setProjectionMatrixAsOrtho2D(0.0, 1.0, 0.0, 1.0);
    _camera->setViewMatrix(osg::Matrixd::identity());
    _camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);

    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(_image.get());
    texture->setResizeNonPowerOfTwoHint(false);
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::NEAREST);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::NEAREST);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    texture->setUnRefImageDataAfterApply(false);  // the picture changes in place

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(unitQuad());
    osg::StateSet* ss = geode->getOrCreateStateSet();
    ss->setTextureAttributeAndModes(0, texture.get(), osg::StateAttribute::ON);
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    ss->setMode(GL_FOG, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setMode(GL_BLEND, osg::StateAttribute::ON);
    // Premultiplied alpha, as QPainter paints it.
    ss->setAttributeAndModes(new osg::BlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA));
    ss->setRenderBinDetails(0, "RenderBin");
    // A slave camera's own node mask does not stop its draw: its child's does.
    geode->setNodeMask(0u);
    _quad = geode;
    _camera->addChild(geode.get());
}

void ScreenOverlay::setPicture(int width, int height, const std::uint8_t* rgbaTopDown) {
    if (!rgbaTopDown || width <= 0 || height <= 0) {
        _quad->setNodeMask(0u);
        return;
    }
    const std::size_t bytes = std::size_t(width) * std::size_t(height) * 4;
    auto* data = new unsigned char[bytes];
    std::memcpy(data, rgbaTopDown, bytes);
    _image->setImage(width, height, 1, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, data,
                     osg::Image::USE_NEW_DELETE);
    _image->dirty();
    _quad->setNodeMask(~0u);
}

void ScreenOverlay::setViewport(int width, int height) {
    _camera->setViewport(0, 0, std::max(1, width), std::max(1, height));
}

bool ScreenOverlay::isShown() const {
    return _quad->getNodeMask() != 0u;
}

}  // namespace citytwin::render
