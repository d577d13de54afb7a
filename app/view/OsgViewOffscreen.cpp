// OsgView::renderOffscreen: the viewer draws one frame into a Qt framebuffer
// object instead of the widget's (GraphicsWindowEmbedded binds whatever
// default FBO it is given), with the viewport and projection of the image,
// then everything is put back as it was.

#include <QImage>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>

#include <osg/Viewport>

#include "view/OsgView.h"

namespace citytwin::app {

QImage OsgView::renderOffscreen(const QSize& size) {
    if (size.isEmpty() || !makeCurrent())
        return {};
    QOpenGLFramebufferObjectFormat format;
    format.setAttachment(QOpenGLFramebufferObject::CombinedDepthStencil);
    QOpenGLFramebufferObject fbo(size, format);
    if (!fbo.isValid()) {
        doneCurrent();
        return {};
    }
    osg::Camera* cam = _viewer->getCamera();
    const osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(*cam->getViewport());
    const osg::Matrixd projection = cam->getProjectionMatrix();
    cam->setViewport(0, 0, size.width(), size.height());
    cam->setProjectionMatrixAsPerspective(kFovYDegrees, double(size.width()) / size.height(), 1.0,
                                          1e6);
    // The main camera draws into whatever is bound; cameras rendering to
    // textures bind the default FBO back when they finish. The screen
    // overlay (the kiosk's captions) is sized for the window: not drawn.
    const bool overlayShown = _overlay.isShown();
    if (overlayShown)
        _overlay.setPicture(0, 0, nullptr);
    fbo.bind();
    _window->setDefaultFboId(fbo.handle());
    // Twice: the first frame merges what is queued and compiles new GL
    // objects for this context; the second draws the settled scene.
    _viewer->frame();
    _viewer->frame();
    _context->functions()->glFinish();
    QImage image = fbo.toImage();
    fbo.release();
    cam->setViewport(viewport.get());
    cam->setProjectionMatrix(projection);
    _window->setDefaultFboId(_context->defaultFramebufferObject());
    if (overlayShown)
        _overlayChanged = true;  // the picture is put back on the next frame
    doneCurrent();
    requestRedraw();  // the widget's own picture again
    return image.convertToFormat(QImage::Format_RGB32);
}

}  // namespace citytwin::app
