#include "citytwin/render/FeatureHighlight.h"

#include <osg/Depth>
#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osg/PolygonOffset>

#include <algorithm>

#include "citytwin/render/LayerNodeBuilder.h"

namespace citytwin::render {
namespace {

const osg::Vec4 kTint{1.f, 0.86f, 0.1f, 1.f};  // amber, unlike any layer's default

/// Highlight geometry must not be picked: the click means what is under it.
class StripPickData : public osg::NodeVisitor {
public:
    StripPickData() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Drawable& d) override { d.setUserData(nullptr); }
};

}  // namespace

LayerStyle highlightStyleFor(const LayerStyle& layerStyle) {
    LayerStyle s = layerStyle;
    s.color = kTint;
    s.colorByHeight = false;
    s.levelOfDetail = false;
    s.categoryColors.clear();
    s.bands.clear();
    s.rules.clear();
    s.labelAttribute.clear();
    switch (s.role) {
        case LayerRole::Area:
            s.color.a() = 0.55f;
            s.outlineColor = kTint;
            s.outlineWidth = std::max(4.f, layerStyle.outlineWidth + 2.f);
            s.elevation = layerStyle.elevation + 0.5f;
            break;
        case LayerRole::Line:
            s.lineWidth = layerStyle.lineWidth + 3.f;
            s.elevation = layerStyle.elevation + 0.2f;
            break;
        case LayerRole::Glyph:
        case LayerRole::Mast:
            s.glyphRadius = layerStyle.glyphRadius * 1.4f;
            break;
        case LayerRole::Buildings:
            break;
    }
    return s;
}

osg::ref_ptr<osg::Node> buildFeatureHighlight(const geo::Feature& feature,
                                              const LayerStyle& layerStyle,
                                              const geo::LocalFrame& frame) {
    osg::ref_ptr<osg::Group> empty = new osg::Group;
    empty->setName(kHighlightLayerId);
    if (feature.geometry.isEmpty())
        return empty;
    auto one = std::make_shared<geo::FeatureLayer>();
    one->name = kHighlightLayerId;
    one->crs = geo::Crs::wgs84();
    one->sourceCrs = one->crs;
    one->features.push_back(feature);
    const LayerNodeBuilder builder(frame);
    auto built = builder.build(kHighlightLayerId, one, highlightStyleFor(layerStyle));
    if (!built)
        return empty;
    osg::ref_ptr<osg::Group> node = built.value();
    StripPickData strip;
    node->accept(strip);
    // Over its own layer's copy of the same surfaces.
    osg::StateSet* ss = node->getOrCreateStateSet();
    ss->setAttributeAndModes(new osg::PolygonOffset(-2.f, -16.f),
                             osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, true));
    return node;
}

}  // namespace citytwin::render
