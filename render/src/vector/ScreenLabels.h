#pragma once
// The parts every label layer shares (private to render): one way to make a
// label text and its layer's node, and the cull callback that places each
// layer's texts on screen against every label already placed that frame.

#include <osg/Geode>
#include <osg/Group>
#include <osg/NodeCallback>
#include <osg/Vec3>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osgText/Font>
#include <osgText/Text>

#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/LabelDeclutter.h"

namespace citytwin::render::detail {

/// For a text along a line: the line's direction at the text (unit) and its
/// length in metres; length 0: an upright text.
struct LabelChord {
    osg::Vec3 along;
    float length = 0.f;
};

struct LabelLook {
    osg::Vec4 color;
    osg::Vec4 haloColor;
    float sizePixels = 14.f;
};

/// A screen-aligned, screen-sized text with a halo, centred at `position`.
osg::ref_ptr<osgText::Text> makeLabelText(const osg::ref_ptr<osgText::Font>& font,
                                          const std::string& utf8, const osg::Vec3& position,
                                          const LabelLook& look);

/// A layer's texts in one geode round one origin (the layer's centre:
/// float positions stay exact at city scale), in one font.
struct LabelBatch {
    osg::Vec3d origin;
    osg::ref_ptr<osg::Geode> geode;
    osg::ref_ptr<osgText::Font> font;

    LabelBatch(const geo::FeatureLayer& layer, const geo::LocalFrame& frame);
    /// A text at a local point (metres of the frame).
    void add(const std::string& utf8, const osg::Vec3d& local, const LabelLook& look);
};

/// Each frame: the geode's texts (in order of importance) projected to the
/// window; a text along a line turned with it (never upside down) and left
/// out when the line is shorter on screen than the text; those that overlap
/// a label already placed this frame (of any layer) left out of the frame.
class ScreenLabelCallback : public osg::NodeCallback {
public:
    /// chords: one per drawable of the geode, or empty when all are upright.
    ScreenLabelCallback(double sizePixels, std::vector<LabelChord> chords = {});
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override;

private:
    /// The box of the i-th text centred at the window's origin.
    const ScreenBox& sizeOf(unsigned i, const osgText::Text& text);

    double _size;
    std::vector<LabelChord> _chords;
    std::vector<float> _angles;  ///< the rotation each text has now
    std::vector<std::optional<ScreenBox>> _sizes;
};

/// The layer's node: the texts (positions relative to `origin`, local
/// metres) over the city like a map's labels, not hidden behind towers.
osg::ref_ptr<osg::Group> labelLayerNode(const std::string& name, osg::ref_ptr<osg::Geode> geode,
                                        const osg::Vec3d& origin);

/// On the scene's root: each cull traversal starts with no label placed
/// (the frame-and-camera key alone could match a new view's first frame).
class LabelSpaceReset : public osg::NodeCallback {
public:
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override;
};

/// The window-space box of `box` turned by `angle` radians round its centre
/// (the axis-aligned box round the turned one).
ScreenBox turnedBox(const ScreenBox& box, double angle);

}  // namespace citytwin::render::detail
