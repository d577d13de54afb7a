#pragma once
// The font of the scene's labels (sensor names, polygon labels); private to render.

#include <osgText/Font>

namespace citytwin::render {

/// The CJK-capable font when installed (labels may be Chinese names). One
/// per layer, not a process-wide one: a font's glyph textures belong to the
/// GL context that first drew them, and a second window has another.
osg::ref_ptr<osgText::Font> labelFont();

}  // namespace citytwin::render
