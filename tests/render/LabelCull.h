#pragma once
// A cull of a label node as a window of 800 x 500 pixels would do it,
// looking straight down: which texts the declutter leaves drawn.

#include <map>
#include <string>
#include <vector>

#include <osg/FrameStamp>
#include <osg/NodeVisitor>
#include <osgText/Text>
#include <osgUtil/CullVisitor>
#include <osgUtil/RenderStage>

namespace citytwin::test {

/// Every text under a node, hidden ones too.
struct TextCollector : osg::NodeVisitor {
    TextCollector() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) { setNodeMaskOverride(~0u); }
    std::vector<osgText::Text*> texts;
    void apply(osg::Drawable& d) override {
        if (auto* t = dynamic_cast<osgText::Text*>(&d))
            texts.push_back(t);
    }
};

/// The masks of the texts of `nodes` after one cull (one frame: `stamp`, or
/// none) from `height` metres above `centre` looking down with `up` at the
/// top of the window: true where a text is drawn.
inline std::map<std::string, bool> drawnAfterCull(const std::vector<osg::Node*>& nodes,
                                                  const osg::Vec3d& centre, double height,
                                                  const osg::Vec3d& up = {0, 1, 0},
                                                  osg::FrameStamp* stamp = nullptr) {
    osg::ref_ptr<osgUtil::CullVisitor> cv = new osgUtil::CullVisitor;
    osg::ref_ptr<osgUtil::StateGraph> graph = new osgUtil::StateGraph;
    osg::ref_ptr<osgUtil::RenderStage> stage = new osgUtil::RenderStage;
    cv->setStateGraph(graph.get());
    cv->setRenderStage(stage.get());
    if (stamp)
        cv->setFrameStamp(stamp);
    osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(0, 0, 800, 500);
    cv->pushViewport(viewport.get());
    cv->pushProjectionMatrix(
        new osg::RefMatrix(osg::Matrixd::perspective(35.0, 1.6, 1.0, height * 4)));
    cv->pushModelViewMatrix(
        new osg::RefMatrix(osg::Matrixd::lookAt(centre + osg::Vec3d(0, 0, height), centre, up)),
        osg::Transform::ABSOLUTE_RF);
    // Small-feature culling would drop the whole geode from far away.
    cv->setCullingMode(osg::CullSettings::VIEW_FRUSTUM_CULLING);
    std::map<std::string, bool> drawn;
    for (osg::Node* node : nodes) {
        TextCollector c;
        node->accept(c);
        // Hidden unless this cull shows them: a geode culled whole draws none.
        for (auto* t : c.texts)
            t->setNodeMask(0u);
        node->accept(*cv);
        for (auto* t : c.texts)
            drawn[t->getText().createUTF8EncodedString()] = t->getNodeMask() != 0u;
    }
    return drawn;
}

}  // namespace citytwin::test
