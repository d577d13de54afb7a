#include "citytwin/render/PolygonLabels.h"

#include <osg/Depth>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osgText/Text>
#include <osgUtil/CullVisitor>

#include <algorithm>
#include <cmath>

#include "citytwin/render/LabelDeclutter.h"
#include "scene/LabelFont.h"

namespace citytwin::render {
namespace {

double ringArea(const std::vector<osg::Vec2d>& r) {
    double a = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& p = r[i];
        const auto& q = r[(i + 1) % r.size()];
        a += p.x() * q.y() - q.x() * p.y();
    }
    return 0.5 * a;
}

/// x where each edge of every ring crosses the line y (even-odd: pairs of
/// consecutive crossings bound the inside).
std::vector<double> crossings(const std::vector<std::vector<osg::Vec2d>>& rings, double y) {
    std::vector<double> xs;
    for (const auto& r : rings)
        for (std::size_t i = 0; i < r.size(); ++i) {
            const osg::Vec2d& p = r[i];
            const osg::Vec2d& q = r[(i + 1) % r.size()];
            if ((p.y() <= y) == (q.y() <= y))
                continue;
            xs.push_back(p.x() + (y - p.y()) * (q.x() - p.x()) / (q.y() - p.y()));
        }
    std::sort(xs.begin(), xs.end());
    return xs;
}

/// Local rings (metres) of a WGS 84 polygon, no closing duplicate.
std::vector<std::vector<osg::Vec2d>> localRingsOf(const geo::Polygon& poly,
                                                  const geo::LocalFrame& frame) {
    std::vector<std::vector<osg::Vec2d>> rings;
    for (const auto& ring : poly.rings) {
        std::vector<osg::Vec2d> r;
        r.reserve(ring.size());
        for (const auto& p : ring) {
            const geo::Vec3d l = frame.toLocal({p.x, p.y, 0.0});
            r.emplace_back(l.x, l.y);
        }
        if (r.size() >= 2 && (r.front() - r.back()).length2() < 1e-8)
            r.pop_back();
        if (r.size() >= 3)
            rings.push_back(std::move(r));
    }
    return rings;
}

/// Before each cull of the labels' geode: where each text lands on screen;
/// those overlapping a larger district's label already placed are left out
/// of this frame (the texts are in order of their polygon's area). Screen
/// aligned texts are never upside down or mirrored whatever the camera.
class DeclutterCallback : public osg::NodeCallback {
public:
    explicit DeclutterCallback(double sizePixels) : _size(sizePixels) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        auto* cv = dynamic_cast<osgUtil::CullVisitor*>(nv);
        osg::Geode* geode = node->asGeode();
        if (cv && geode && cv->getViewport())
            declutterFor(*geode, *cv->getModelViewMatrix(),
                         *cv->getProjectionMatrix() * cv->getViewport()->computeWindowMatrix());
        traverse(node, nv);
    }

private:
    void declutterFor(osg::Geode& geode, const osg::Matrixd& modelView,
                      const osg::Matrixd& projectionWindow) const {
        std::vector<ScreenBox> boxes;
        std::vector<bool> inFront;
        for (unsigned i = 0; i < geode.getNumDrawables(); ++i) {
            auto* text = dynamic_cast<osgText::Text*>(geode.getDrawable(i));
            const osg::Vec3d eye =
                text ? osg::Vec3d(text->getPosition()) * modelView : osg::Vec3d(0, 0, 1);
            inFront.push_back(eye.z() < 0.0);
            const osg::Vec3d w = eye * projectionWindow;
            boxes.push_back(
                inFront.back()
                    ? textBox({w.x(), w.y()}, text->getText().createUTF8EncodedString(), _size)
                    : ScreenBox{});
        }
        const std::vector<bool> shown = declutter(boxes);
        for (unsigned i = 0; i < geode.getNumDrawables(); ++i)
            geode.getDrawable(i)->setNodeMask(shown[i] && inFront[i] ? ~0u : 0u);
    }

    double _size;
};

}  // namespace

std::optional<osg::Vec2d> labelPoint(const std::vector<std::vector<osg::Vec2d>>& rings) {
    if (rings.empty() || rings[0].size() < 3 || std::abs(ringArea(rings[0])) < 1e-9)
        return std::nullopt;
    double minY = rings[0][0].y(), maxY = minY;
    for (const auto& p : rings[0]) {
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    std::optional<osg::Vec2d> best;
    double bestWidth = -1.0;
    // Middle first: ties keep the central line. Offsets avoid running exactly
    // through a vertex.
    for (double f : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65}) {
        const double y = minY + (maxY - minY) * (f + 1e-7);
        const std::vector<double> xs = crossings(rings, y);
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            const double w = xs[i + 1] - xs[i];
            if (w > bestWidth * 1.25) {
                bestWidth = w;
                best = osg::Vec2d(0.5 * (xs[i] + xs[i + 1]), y);
            }
        }
    }
    return best;
}

osg::ref_ptr<osg::Node> buildPolygonLabels(const geo::FeatureLayer& layer,
                                           const geo::LocalFrame& frame,
                                           const PolygonLabelStyle& style, std::size_t* count) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(layer.name + "-labels");
    std::size_t made = 0;
    if (!style.attribute.empty()) {
        // Labels near one origin (float positions stay exact at city scale).
        const geo::Extent e = layer.extent();
        const geo::Vec3d o = frame.toLocal({e.centerX(), e.centerY(), 0.0});
        const osg::Vec3d origin(o.x, o.y, 0.0);
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        const osg::ref_ptr<osgText::Font> font = labelFont();
        // The largest districts first: where labels would overlap, theirs stay.
        struct Placed {
            osg::Vec2d at;
            double area;
            const std::string* value;
        };
        std::vector<Placed> placed;
        for (const geo::Feature& f : layer.features) {
            const std::string* value = f.find(style.attribute);
            if (!value || value->empty())
                continue;
            // The largest part of a multi-polygon carries the label.
            std::optional<osg::Vec2d> at;
            double bestArea = 0.0;
            for (const auto& poly : f.geometry.polygons) {
                const auto rings = localRingsOf(poly, frame);
                if (rings.empty())
                    continue;
                const double a = std::abs(ringArea(rings[0]));
                if (a <= bestArea)
                    continue;
                if (auto p = labelPoint(rings)) {
                    at = p;
                    bestArea = a;
                }
            }
            if (at)
                placed.push_back({*at, bestArea, value});
        }
        std::stable_sort(placed.begin(), placed.end(),
                         [](const Placed& a, const Placed& b) { return a.area > b.area; });
        for (const Placed& p : placed) {
            osg::ref_ptr<osgText::Text> text = new osgText::Text;
            text->setFont(font);
            text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
            text->setCharacterSize(style.sizePixels);
            text->setAxisAlignment(osgText::Text::SCREEN);
            text->setAlignment(osgText::Text::CENTER_CENTER);
            text->setPosition(osg::Vec3(float(p.at.x() - origin.x()), float(p.at.y() - origin.y()),
                                        style.elevation));
            text->setColor(style.color);
            text->setBackdropType(osgText::Text::OUTLINE);
            text->setBackdropColor(style.haloColor);
            text->setText(*p.value, osgText::String::ENCODING_UTF8);
            geode->addDrawable(text);
            ++made;
        }
        geode->setCullCallback(new DeclutterCallback(style.sizePixels));
        osg::ref_ptr<osg::MatrixTransform> xf =
            new osg::MatrixTransform(osg::Matrixd::translate(origin));
        xf->addChild(geode);
        group->addChild(xf);
        // Over the city like a map's labels: a name hidden behind a tower is no use.
        osg::StateSet* ss = group->getOrCreateStateSet();
        ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
        ss->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false));
        ss->setRenderBinDetails(18, "RenderBin");
    }
    if (count)
        *count = made;
    return group;
}

}  // namespace citytwin::render
