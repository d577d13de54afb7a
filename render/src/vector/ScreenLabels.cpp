#include "vector/ScreenLabels.h"

#include <osg/Depth>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osgUtil/CullVisitor>

#include <cmath>

#include "citytwin/render/MapLabels.h"
#include "scene/LabelFont.h"

namespace citytwin::render::detail {
namespace {

/// The boxes labels took in this camera's view this frame. Cull runs on one
/// thread per camera; a new frame or another camera starts afresh.
struct Space {
    const osg::Camera* camera = nullptr;
    unsigned frame = ~0u;
    std::vector<ScreenBox> taken;
};
thread_local Space space;

std::vector<ScreenBox>& takenThisFrame(osgUtil::CullVisitor& cv) {
    const osg::FrameStamp* stamp = cv.getFrameStamp();
    const unsigned frame = stamp ? stamp->getFrameNumber() : ~0u;
    if (space.camera != cv.getCurrentCamera() || space.frame != frame || !stamp) {
        space.camera = cv.getCurrentCamera();
        space.frame = frame;
        space.taken.clear();
    }
    return space.taken;
}

}  // namespace

void LabelSpaceReset::operator()(osg::Node* node, osg::NodeVisitor* nv) {
    if (auto* cv = dynamic_cast<osgUtil::CullVisitor*>(nv)) {
        const osg::FrameStamp* stamp = cv->getFrameStamp();
        space.camera = cv->getCurrentCamera();
        space.frame = stamp ? stamp->getFrameNumber() : ~0u;
        space.taken.clear();
    }
    traverse(node, nv);
}

osg::ref_ptr<osgText::Text> makeLabelText(const osg::ref_ptr<osgText::Font>& font,
                                          const std::string& utf8, const osg::Vec3& position,
                                          const LabelLook& look) {
    std::lock_guard lock(textSetupMutex());
    osg::ref_ptr<osgText::Text> text = new osgText::Text;
    // Turned in cull as the view turns (line labels).
    text->setDataVariance(osg::Object::DYNAMIC);
    text->setFont(font);
    text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
    text->setCharacterSize(look.sizePixels);
    text->setAxisAlignment(osgText::Text::SCREEN);
    text->setAlignment(osgText::Text::CENTER_CENTER);
    text->setPosition(position);
    text->setColor(look.color);
    // A one-pass halo: OUTLINE draws each text nine times, which under
    // llvmpipe cost ~0.5 ms a label (labels +55 % frame time in the demo's
    // Lujiazui view, against +10 % with the shadow); it reads the same.
    text->setBackdropType(osgText::Text::DROP_SHADOW_BOTTOM_RIGHT);
    text->setBackdropColor(look.haloColor);
    text->setText(utf8, osgText::String::ENCODING_UTF8);
    return text;
}

LabelBatch::LabelBatch(const geo::FeatureLayer& layer, const geo::LocalFrame& frame)
    : geode(new osg::Geode), font(labelFont()) {
    const geo::Extent e = layer.extent();
    const geo::Vec3d o = frame.toLocal({e.centerX(), e.centerY(), 0.0});
    origin = osg::Vec3d(o.x, o.y, 0.0);
}

void LabelBatch::add(const std::string& utf8, const osg::Vec3d& local, const LabelLook& look) {
    geode->addDrawable(makeLabelText(font, utf8, osg::Vec3(local - origin), look));
}

ScreenBox turnedBox(const ScreenBox& box, double angle) {
    const double c = std::abs(std::cos(angle)), s = std::abs(std::sin(angle));
    const double hw = 0.5 * (box.x1 - box.x0), hh = 0.5 * (box.y1 - box.y0);
    const double cx = 0.5 * (box.x0 + box.x1), cy = 0.5 * (box.y0 + box.y1);
    const double w = c * hw + s * hh, h = s * hw + c * hh;
    return {cx - w, cy - h, cx + w, cy + h};
}

ScreenLabelCallback::ScreenLabelCallback(double sizePixels, std::vector<LabelChord> chords)
    : _size(sizePixels), _chords(std::move(chords)), _angles(_chords.size(), 0.f) {}

const ScreenBox& ScreenLabelCallback::sizeOf(unsigned i, const osgText::Text& text) {
    // The text never changes: measured once, not every frame.
    if (_sizes.size() <= i)
        _sizes.resize(i + 1);
    if (!_sizes[i])
        _sizes[i] = textBox({0.0, 0.0}, text.getText().createUTF8EncodedString(), _size);
    return *_sizes[i];
}

void ScreenLabelCallback::operator()(osg::Node* node, osg::NodeVisitor* nv) {
    auto* cv = dynamic_cast<osgUtil::CullVisitor*>(nv);
    osg::Geode* geode = node->asGeode();
    if (!cv || !geode || !cv->getViewport()) {
        traverse(node, nv);
        return;
    }
    const osg::Matrixd modelView = *cv->getModelViewMatrix();
    const osg::Matrixd toWindow =
        *cv->getProjectionMatrix() * cv->getViewport()->computeWindowMatrix();
    auto window = [&](const osg::Vec3d& eye) { return eye * toWindow; };
    // Where each text would go, and which can go at all (in front, fitting its line).
    std::vector<ScreenBox> boxes;
    std::vector<unsigned> candidates;
    for (unsigned i = 0; i < geode->getNumDrawables(); ++i) {
        geode->getDrawable(i)->setNodeMask(0u);
        auto* text = dynamic_cast<osgText::Text*>(geode->getDrawable(i));
        if (!text)
            continue;
        const osg::Vec3d at(text->getPosition());
        const osg::Vec3d eye = at * modelView;
        if (eye.z() >= 0.0)
            continue;
        const osg::Vec3d w = window(eye);
        ScreenBox box = sizeOf(i, *text);
        box = {box.x0 + w.x(), box.y0 + w.y(), box.x1 + w.x(), box.y1 + w.y()};
        if (i < _chords.size() && _chords[i].length > 0.f) {
            // Along its line: turned with it, and only where the line is as
            // long on screen as the text (its scale from a short chord, which
            // stays in front of the camera where the whole line may not).
            constexpr double kChord = 20.0;  // metres each side
            const osg::Vec3d d = osg::Vec3d(_chords[i].along) * kChord;
            const osg::Vec3d e0 = (at - d) * modelView, e1 = (at + d) * modelView;
            if (e0.z() >= 0.0 || e1.z() >= 0.0)
                continue;
            const osg::Vec3d w0 = window(e0), w1 = window(e1);
            const double dx = w1.x() - w0.x(), dy = w1.y() - w0.y();
            const double pixelsPerMetre = std::hypot(dx, dy) / (2.0 * kChord);
            if (pixelsPerMetre * _chords[i].length < box.x1 - box.x0)
                continue;
            const double angle = uprightAngle(dx, dy);
            if (std::abs(angle - _angles[i]) > 0.01) {
                _angles[i] = float(angle);
                text->setRotation(osg::Quat(angle, osg::Vec3(0.f, 0.f, 1.f)));
            }
            box = turnedBox(box, angle);
        }
        boxes.push_back(box);
        candidates.push_back(i);
    }
    // Against every label placed this frame, this layer's and the others'.
    std::vector<ScreenBox>& taken = takenThisFrame(*cv);
    const std::vector<bool> shown = declutter(boxes, taken);
    for (std::size_t k = 0; k < candidates.size(); ++k)
        if (shown[k]) {
            geode->getDrawable(candidates[k])->setNodeMask(~0u);
            taken.push_back(boxes[k]);
        }
    traverse(node, nv);
}

osg::ref_ptr<osg::Group> labelLayerNode(const std::string& name, osg::ref_ptr<osg::Geode> geode,
                                        const osg::Vec3d& origin) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(name);
    group->setNodeMask(kMapLabelMask);
    osg::ref_ptr<osg::MatrixTransform> xf =
        new osg::MatrixTransform(osg::Matrixd::translate(origin));
    xf->addChild(geode);
    group->addChild(xf);
    // Over the city like a map's labels: a name hidden behind a tower is no use.
    osg::StateSet* ss = group->getOrCreateStateSet();
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false));
    ss->setRenderBinDetails(18, "RenderBin");
    return group;
}

}  // namespace citytwin::render::detail
