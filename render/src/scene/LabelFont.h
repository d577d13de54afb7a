#pragma once
// The font of the scene's labels (sensor names, polygon labels); private to render.

#include <osgText/Font>

#include <mutex>

namespace citytwin::render {

/// The CJK-capable font when installed (labels may be Chinese names). One
/// per layer, not a process-wide one: a font's glyph textures belong to the
/// GL context that first drew them, and a second window has another.
osg::ref_ptr<osgText::Font> labelFont();

/// Held while an osgText::Text is made and set up. osgText keeps the state
/// sets of a font's texts (and of the default font, which every new Text
/// takes first) in one unguarded vector per font: texts made at once on two
/// threads (line labels on the scene loader, sensor names on the GUI
/// thread) corrupt it — a SIGSEGV in Text::createStateSet, seen once in a
/// few snapshots.
std::mutex& textSetupMutex();

}  // namespace citytwin::render
