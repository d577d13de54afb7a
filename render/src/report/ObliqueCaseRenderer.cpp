#include "citytwin/render/ObliqueCaseRenderer.h"

#include <osg/BlendFunc>
#include <osg/Camera>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/GraphicsContext>
#include <osg/Image>
#include <osg/LineWidth>
#include <osg/MatrixTransform>
#include <osg/Notify>
#include <osg/ShapeDrawable>
#include <osgDB/Registry>
#include <osgViewer/Viewer>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <sstream>

#include "citytwin/assets/ReportMap.h"
#include "citytwin/assets/ReportModel.h"
#include "citytwin/render/PolygonTriangulator.h"

namespace citytwin::render {
namespace {

using assets::MapShape;

/// The view: from the south, looking north, this far down (the caption in
/// assets/ReportMap.cpp says the same).
constexpr double kPitchDeg = 45.0;
constexpr double kFovYDeg = 30.0;
/// Buildings the data gives no height: drawn this high.
constexpr double kDefaultBuildingM = 12.0;

/// One colour for a whole drawable.
osg::ref_ptr<osg::Vec4Array> overall(const osg::Vec4& colour) {
    osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
    c->push_back(colour);
    return c;
}

osg::Vec4 colourOf(const assets::MapColour& c, double alpha = -1.0) {
    return {float(c.r / 255.0), float(c.g / 255.0), float(c.b / 255.0),
            float(alpha >= 0.0 ? alpha : c.alpha)};
}

/// The framed square's half side at least this many times the tallest
/// building in it: the camera (from distance() below, 45 degrees down)
/// then stays above the roofs, so that a tower beside a small detail map's
/// case does not fill the view with its wall.
constexpr double kAboveRoofs = 0.6;

/// The tallest base-map building with a corner inside `extent` (metres).
double tallestIn(const assets::ReportModel& m, const geo::Extent& extent) {
    double tallest = 0.0;
    for (const auto& s : m.mapShapes) {
        if (s.role != MapShape::Role::Base || s.layer != "buildings")
            continue;
        for (const auto& p : s.points)
            if (p.x >= extent.minX && p.x <= extent.maxX && p.y >= extent.minY &&
                p.y <= extent.maxY) {
                tallest = std::max(tallest, s.heightM > 0.0 ? s.heightM : kDefaultBuildingM);
                break;
            }
    }
    return tallest;
}

/// Builds the case as OSG geometry, in metres about the map's centre.
class CaseScene {
public:
    /// The model's shapes and `extra` (a detail map's measured lines), framed on `extent`.
    CaseScene(const assets::ReportModel& m, const geo::Extent& extent,
              const std::vector<MapShape>& extra)
        : _cx(extent.centerX()),
          _cy(extent.centerY()),
          _half(std::max(0.5 * std::max(extent.maxX - extent.minX, extent.maxY - extent.minY),
                         kAboveRoofs * tallestIn(m, extent))),
          _marker(std::max(2.0, _half * 0.012)),
          _root(new osg::Group) {
        // The city (base map) with depth; the case over it without, so that
        // no tower hides the site, a feature or the works area.
        _city = layer(false);
        _case = layer(true);
        ground();
        for (const auto& s : m.mapShapes)
            add(s);
        for (const auto& s : extra)
            add(s);
    }

    /// A label to print over the image: where it stands (frame metres) and
    /// its text; no text: a point the legend must keep clear of.
    struct Label {
        osg::Vec3d at;
        std::string text;
    };

    osg::ref_ptr<osg::Group> root() const { return _root; }
    const std::vector<Label>& labels() const { return _labels; }
    /// One drawing layer: flat (unlit) lines and areas, lit solids, and
    /// translucent areas that write no depth.
    struct Layer {
        osg::ref_ptr<osg::Geode> flat, lit, clear;
    };
    double half() const { return _half; }

private:
    Layer layer(bool onTop) {
        Layer l{new osg::Geode, new osg::Geode, new osg::Geode};
        l.flat->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
        osg::StateSet* clear = l.clear->getOrCreateStateSet();
        clear->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
        clear->setMode(GL_BLEND, osg::StateAttribute::ON);
        clear->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
        clear->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
        clear->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
        if (onTop) {
            // After the city, in this order: areas, lines, solids.
            int bin = 20;
            for (osg::Geode* g : {l.clear.get(), l.flat.get(), l.lit.get()}) {
                osg::StateSet* ss = g->getOrCreateStateSet();
                ss->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false),
                                         osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
                ss->setRenderBinDetails(bin++, "RenderBin");
            }
            l.lit->getOrCreateStateSet()->setMode(GL_CULL_FACE, osg::StateAttribute::ON);
        }
        for (osg::Geode* g : {l.flat.get(), l.lit.get(), l.clear.get()})
            _root->addChild(g);
        return l;
    }

    osg::Vec3 at(const geo::GeoPoint& p, double z) const {
        return {float(p.x - _cx), float(p.y - _cy), float(z)};
    }

    void ground() {
        _cur = &_city;
        const double g = _half * 2.5;
        osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
        for (const auto& [x, y] : {std::pair(-g, -g), {g, -g}, {g, g}, {-g, g}})
            v->push_back({float(x), float(y), 0.0f});
        addFlat(v, osg::PrimitiveSet::QUADS, {0.95f, 0.945f, 0.92f, 1.0f});
    }

    void addFlat(osg::Vec3Array* v, GLenum mode, const osg::Vec4& colour,
                 osg::Geode* into = nullptr) {
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        g->setVertexArray(v);
        g->setColorArray(overall(colour), osg::Array::BIND_OVERALL);
        g->addPrimitiveSet(new osg::DrawArrays(mode, 0, GLsizei(v->size())));
        (into ? into : _cur->flat.get())->addDrawable(g);
    }

    /// A polygon's ring as triangles at height z.
    void area(const std::vector<geo::GeoPoint>& ring, double z, const osg::Vec4& colour,
              osg::Geode* into) {
        std::vector<osg::Vec2d> outer;
        for (const auto& p : ring)
            outer.push_back({p.x - _cx, p.y - _cy});
        const Triangulation t = triangulatePolygon({outer});
        if (t.indices.empty())
            return;
        osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
        for (const auto i : t.indices)
            v->push_back({float(t.vertices[i].x()), float(t.vertices[i].y()), float(z)});
        addFlat(v, osg::PrimitiveSet::TRIANGLES, colour, into);
    }

    void line(const std::vector<geo::GeoPoint>& pts, double z, const osg::Vec4& colour,
              float widthPx, bool loop = false) {
        if (pts.size() < 2)
            return;
        osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
        for (const auto& p : pts)
            v->push_back(at(p, z));
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        g->setVertexArray(v);
        g->setColorArray(overall(colour), osg::Array::BIND_OVERALL);
        g->addPrimitiveSet(
            new osg::DrawArrays(loop ? GL_LINE_LOOP : GL_LINE_STRIP, 0, GLsizei(v->size())));
        g->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(widthPx));
        _cur->flat->addDrawable(g);
    }

    /// A prism: walls with their outward normals and a flat roof, lit.
    void prism(const std::vector<geo::GeoPoint>& ring, double height, const osg::Vec4& colour) {
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
        osg::ref_ptr<osg::Vec3Array> n = new osg::Vec3Array;
        // Outward normals whichever way the ring winds (its signed area).
        double twiceArea = 0.0;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            twiceArea += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
        const float outward = twiceArea >= 0.0 ? 1.0f : -1.0f;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const osg::Vec3 a = at(ring[i], 0.0), b = at(ring[i + 1], 0.0);
            osg::Vec3 normal(b.y() - a.y(), a.x() - b.x(), 0.0f);
            normal.normalize();
            normal *= outward;
            const osg::Vec3 up(0.0f, 0.0f, float(height));
            for (const osg::Vec3& p : {a, b, b + up, a + up}) {
                v->push_back(p);
                n->push_back(normal);
            }
        }
        const GLsizei walls = GLsizei(v->size());
        std::vector<osg::Vec2d> outer;
        for (const auto& p : ring)
            outer.push_back({p.x - _cx, p.y - _cy});
        const Triangulation t = triangulatePolygon({outer});
        for (const auto i : t.indices) {
            v->push_back({float(t.vertices[i].x()), float(t.vertices[i].y()), float(height)});
            n->push_back({0.0f, 0.0f, 1.0f});
        }
        g->setVertexArray(v);
        g->setNormalArray(n, osg::Array::BIND_PER_VERTEX);
        g->setColorArray(overall(colour), osg::Array::BIND_OVERALL);
        // Rings may wind either way: light both faces.
        g->getOrCreateStateSet()->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
        g->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, walls));
        if (v->size() > std::size_t(walls))
            g->addPrimitiveSet(
                new osg::DrawArrays(GL_TRIANGLES, walls, GLsizei(v->size()) - walls));
        _cur->lit->addDrawable(g);
    }

    void sphere(const geo::GeoPoint& p, double z, double r, const osg::Vec4& colour) {
        osg::ref_ptr<osg::ShapeDrawable> d =
            new osg::ShapeDrawable(new osg::Sphere(at(p, z), float(r)));
        d->setColor(colour);
        _cur->lit->addDrawable(d);
    }

    /// A marker standing on the ground: a stalk and a ball on top.
    void pin(const geo::GeoPoint& p, double height, double r, const osg::Vec4& colour) {
        osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
        v->push_back(at(p, 0.0));
        v->push_back(at(p, height));
        addFlat(v, GL_LINES, {0.15f, 0.15f, 0.15f, 1.0f});
        sphere(p, height, r, colour);
    }

    void keepClear(const geo::GeoPoint& p, double z) {
        _labels.push_back({osg::Vec3d(at(p, z)), {}});
    }

    std::vector<geo::GeoPoint> circlePoints(const geo::GeoPoint& c, double r) const {
        std::vector<geo::GeoPoint> out;
        for (int i = 0; i < 96; ++i) {
            const double a = 2.0 * M_PI * i / 96.0;
            out.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a), 0.0});
        }
        return out;
    }

    void add(const MapShape& s) {
        if (s.points.empty())
            return;
        _cur = s.role == MapShape::Role::Base ? &_city : &_case;
        switch (s.role) {
            case MapShape::Role::Base:
                if (s.layer == "water" && s.kind == MapShape::Kind::Polygon)
                    area(s.points, 0.2, {0.74f, 0.85f, 0.95f, 1.0f}, _cur->flat);
                else if (s.layer == "buildings" && s.kind == MapShape::Kind::Polygon)
                    prism(s.points, s.heightM > 0.0 ? s.heightM : kDefaultBuildingM,
                          {0.86f, 0.84f, 0.80f, 1.0f});
                else if (s.layer == "roads")
                    line(s.points, 0.4, {0.62f, 0.62f, 0.62f, 1.0f}, 1.5f);
                else if (s.layer == "boundaries")
                    line(s.points, 0.6, {0.47f, 0.39f, 0.55f, 1.0f}, 2.0f);
                return;
            case MapShape::Role::Zone:
                area(s.points, 1.0, {1.0f, 0.67f, 0.24f, 0.40f}, _cur->clear);
                line(s.points, 1.0, {0.78f, 0.35f, 0.0f, 1.0f}, 2.0f);
                return;
            case MapShape::Role::WorksArea: {
                // Translucent walls so that the area reads in perspective.
                const osg::Vec4 red{0.75f, 0.0f, 0.13f, 1.0f};
                area(s.points, 1.5, {0.75f, 0.0f, 0.13f, 0.30f}, _cur->clear);
                line(s.points, 1.5, red, 3.0f);
                line(s.points, _marker * 3.0, red, 2.0f);
                osg::ref_ptr<osg::Vec3Array> posts = new osg::Vec3Array;
                for (const auto& p : s.points) {
                    posts->push_back(at(p, 0.0));
                    posts->push_back(at(p, _marker * 3.0));
                }
                addFlat(posts, GL_LINES, red);
                return;
            }
            case MapShape::Role::SearchRadius:
                line(circlePoints(s.points[0], s.radiusM), 2.0, {0.24f, 0.24f, 0.24f, 1.0f}, 2.0f,
                     true);
                return;
            case MapShape::Role::Site: {
                // A mast: the proposed site stands out of the city.
                const double h = _marker * 10.0;
                osg::ref_ptr<osg::ShapeDrawable> mast = new osg::ShapeDrawable(
                    new osg::Cylinder(at(s.points[0], h / 2), float(_marker * 0.35), float(h)));
                mast->setColor({0.2f, 0.2f, 0.2f, 1.0f});
                _cur->lit->addDrawable(mast);
                sphere(s.points[0], h, _marker * 2.2, {1.0f, 0.86f, 0.0f, 1.0f});
                keepClear(s.points[0], h);
                return;
            }
            case MapShape::Role::Finding:
                pin(s.points[0], _marker * 5.0, _marker * 1.2,
                    colourOf(assets::reportSeverityColour(s.severity), 1.0));
                keepClear(s.points[0], _marker * 5.0);
                return;
            case MapShape::Role::Feature: {
                const osg::Vec4 colour = colourOf(assets::reportLayerColour(s.layer), 1.0);
                if (s.kind == MapShape::Kind::Line)
                    line(s.points, 2.5, colour, 4.0f);
                else
                    pin(s.points[0], _marker * 4.0, _marker, colour);
                keepClear(s.points[0], _marker * 4.0);
                return;
            }
            case MapShape::Role::Measure: {
                // Detail maps: the measured line over everything, its ends
                // marked, its distance printed beside its middle.
                if (s.points.size() < 2)
                    return;
                const osg::Vec4 ink{0.08f, 0.08f, 0.08f, 1.0f};
                const double z = _marker * 0.6;
                line(s.points, z, ink, 3.0f);
                for (const auto& p : {s.points.front(), s.points.back()}) {
                    sphere(p, z, _marker * 0.5, ink);
                    keepClear(p, z);
                }
                const geo::GeoPoint mid{(s.points.front().x + s.points.back().x) / 2,
                                        (s.points.front().y + s.points.back().y) / 2, 0.0};
                _labels.push_back({osg::Vec3d(at(mid, z)), s.label});
                return;
            }
            case MapShape::Role::Containment: {
                // The case outlined bold where a feature measured 0 m.
                const osg::Vec4 ink{0.08f, 0.08f, 0.08f, 1.0f};
                const double z = _marker * 0.6;
                if (s.points.size() > 1)
                    line(s.points, z, ink, 4.0f, true);
                else
                    line(circlePoints(s.points[0], _marker * 4.0), z, ink, 4.0f, true);
                double minX = s.points[0].x, maxY = s.points[0].y;
                for (const auto& p : s.points) {
                    minX = std::min(minX, p.x);
                    maxY = std::max(maxY, p.y);
                }
                _labels.push_back({osg::Vec3d(at({minX, maxY, 0.0}, z)), s.label});
                return;
            }
        }
    }

    double _cx, _cy, _half, _marker;
    osg::ref_ptr<osg::Group> _root;
    Layer _city, _case;
    Layer* _cur = &_city;
    std::vector<Label> _labels;
};

/// Copies the frame into an image once it is drawn.
struct ReadBack : osg::Camera::DrawCallback {
    explicit ReadBack(osg::Image* image) : _image(image) {}
    void operator()(osg::RenderInfo&) const override {
        _image->readPixels(0, 0, _image->s(), _image->t(), GL_RGB, GL_UNSIGNED_BYTE);
    }
    osg::ref_ptr<osg::Image> _image;
};

osg::ref_ptr<osg::GraphicsContext> pbuffer(int w, int h, int samples) {
    osg::ref_ptr<osg::GraphicsContext::Traits> t = new osg::GraphicsContext::Traits;
    t->readDISPLAY();
    t->setUndefinedScreenDetailsToDefaultScreen();
    t->x = 0;
    t->y = 0;
    t->width = w;
    t->height = h;
    t->red = t->green = t->blue = t->alpha = 8;
    t->depth = 24;
    t->pbuffer = true;
    t->doubleBuffer = false;
    t->windowDecoration = false;
    t->sampleBuffers = samples > 0 ? 1 : 0;
    t->samples = unsigned(samples);
    osg::ref_ptr<osg::GraphicsContext> gc = osg::GraphicsContext::createGraphicsContext(t);
    return gc && gc->valid() ? gc : nullptr;
}

/// OSG's notices (X errors it reports while GLX probes pbuffer configs) off
/// for its lifetime; warnings and errors still show.
class QuietOsg {
public:
    QuietOsg() : _level(osg::getNotifyLevel()) { osg::setNotifyLevel(osg::WARN); }
    ~QuietOsg() { osg::setNotifyLevel(_level); }
    QuietOsg(const QuietOsg&) = delete;
    QuietOsg& operator=(const QuietOsg&) = delete;

private:
    osg::NotifySeverity _level;
};

/// One off-screen buffer and viewer that draws any number of views: a
/// report's case and detail maps share it, so its pbuffer is made once
/// (each creation probes GLX configs, and on a busy X server one in many
/// fails).
class ObliqueSession {
public:
    static geo::Result<std::unique_ptr<ObliqueSession>> open(int widthPx, int heightPx) {
        using R = geo::Result<std::unique_ptr<ObliqueSession>>;
        const char* display = std::getenv("DISPLAY");
        if (!display || !*display)
            return R::failure(
                "the oblique view needs an OpenGL display and DISPLAY is not set (run it under "
                "xvfb-run, or choose the top-down map)");
        auto session = std::unique_ptr<ObliqueSession>(new ObliqueSession(widthPx, heightPx));
        // Not multisampled: Xvfb offers no such pbuffer, and asking logs X errors.
        osg::ref_ptr<osg::GraphicsContext> gc;
        for (int attempt = 0; attempt < 3 && !gc; ++attempt)
            gc = pbuffer(widthPx, heightPx, 0);
        if (!gc)
            return R::failure(
                std::string("the oblique view: no off-screen OpenGL buffer on display ") + display);
        osgViewer::Viewer& viewer = session->_viewer;
        viewer.setThreadingModel(osgViewer::Viewer::SingleThreaded);
        viewer.setLightingMode(osg::View::SKY_LIGHT);
        viewer.getLight()->setPosition({0.3f, -0.6f, 1.0f, 0.0f});  // from the south-east, high
        viewer.getLight()->setAmbient({0.55f, 0.55f, 0.55f, 1.0f});
        viewer.getLight()->setDiffuse({0.7f, 0.7f, 0.7f, 1.0f});
        osg::Camera* camera = viewer.getCamera();
        camera->setGraphicsContext(gc);
        camera->setViewport(0, 0, widthPx, heightPx);
        camera->setClearColor({0.86f, 0.91f, 0.96f, 1.0f});  // a pale sky behind the horizon
        camera->setDrawBuffer(GL_FRONT);
        camera->setReadBuffer(GL_FRONT);
        camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
        // RGB: translucent areas leave alpha below 1 in the buffer; the page wants it opaque.
        session->_image->allocateImage(widthPx, heightPx, 1, GL_RGB, GL_UNSIGNED_BYTE);
        camera->setFinalDrawCallback(new ReadBack(session->_image));
        viewer.setCameraManipulator(nullptr);
        viewer.setSceneData(new osg::Group);
        viewer.realize();
        if (!viewer.isRealized())
            return R::failure("the oblique view: the off-screen context could not be realised");
        return session;
    }

    /// The view of `extent` (the model's shapes and `extra`), as PNG with its labels.
    geo::Result<ObliqueImage> render(const assets::ReportModel& m, const geo::Extent& extent,
                                     const std::vector<MapShape>& extra) {
        using R = geo::Result<ObliqueImage>;
        if (!std::isfinite(extent.minX) || !(extent.maxX > extent.minX))
            return R::failure("the oblique view: the case has no extent to frame");
        const CaseScene scene(m, extent, extra);
        osg::Camera* camera = _viewer.getCamera();
        // Far enough that the case's square (half its side each way) fits the
        // vertical field of view seen at the pitch.
        const double pitch = osg::DegreesToRadians(kPitchDeg);
        const double fov = osg::DegreesToRadians(kFovYDeg);
        const double distance = scene.half() * std::sin(pitch) / std::tan(fov / 2.0) * 1.15;
        camera->setProjectionMatrixAsPerspective(kFovYDeg, double(_width) / _height,
                                                 distance * 0.05, distance * 6.0);
        const osg::Vec3d eye(0.0, -distance * std::cos(pitch), distance * std::sin(pitch));
        camera->setViewMatrixAsLookAt(eye, {0.0, 0.0, 0.0}, {0.0, 0.0, 1.0});
        _viewer.setSceneData(scene.root());
        _viewer.frame();

        osgDB::ReaderWriter* png = osgDB::Registry::instance()->getReaderWriterForExtension("png");
        if (!png)
            return R::failure("the oblique view: OpenSceneGraph has no PNG writer (osgdb_png)");
        std::ostringstream bytes;
        const auto written = png->writeImage(*_image, bytes);
        if (!written.success())
            return R::failure("the oblique view: the PNG could not be encoded: " +
                              written.message());
        ObliqueImage out{_width, _height, bytes.str(), {}, {}};
        // The labels' anchors projected to the image (y down), those in view only.
        const osg::Matrixd toWindow = camera->getViewMatrix() * camera->getProjectionMatrix() *
                                      camera->getViewport()->computeWindowMatrix();
        for (const auto& l : scene.labels()) {
            const osg::Vec3d w = l.at * toWindow;
            const double u = w.x() / _width, v = 1.0 - w.y() / _height;
            if (!(u >= 0.0 && u <= 1.0 && v >= 0.0 && v <= 1.0 && w.z() > 0.0 && w.z() < 1.0))
                continue;
            if (l.text.empty())
                out.keepClear.push_back({u, v});
            else
                out.labels.push_back({u, v, l.text});
        }
        return out;
    }

private:
    ObliqueSession(int widthPx, int heightPx)
        : _width(widthPx), _height(heightPx), _image(new osg::Image) {}

    // OSG reports the X errors GLX raises while it probes pbuffer configs at
    // notice level, though the buffer is made, and X delivers them as late
    // as the first frame: keep them off stderr while the session lasts.
    QuietOsg _quiet;
    int _width, _height;
    osg::ref_ptr<osg::Image> _image;
    osgViewer::Viewer _viewer;
};

}  // namespace

geo::Result<ObliqueImage> renderObliqueCase(const assets::ReportModel& m, int widthPx,
                                            int heightPx) {
    auto session = ObliqueSession::open(widthPx, heightPx);
    if (!session)
        return geo::failedFrom(session);
    return session.value()->render(m, m.mapExtent, {});
}

geo::Result<ObliqueImage> renderObliqueDetail(const assets::ReportModel& m,
                                              const assets::ReportFinding& finding, int widthPx,
                                              int heightPx) {
    if (!finding.maybeDetailExtent)
        return geo::Result<ObliqueImage>::failure("the oblique view: the finding " + finding.rule +
                                                  " has no detail map");
    auto session = ObliqueSession::open(widthPx, heightPx);
    if (!session)
        return geo::failedFrom(session);
    return session.value()->render(m, *finding.maybeDetailExtent, finding.detailShapes);
}

geo::Status addObliqueViews(assets::ReportModel& m) {
    if (!assets::showsOblique(m.mapView))
        return geo::Done{};
    auto session = ObliqueSession::open(kObliqueWidthPx, kObliqueHeightPx);
    if (!session)
        return geo::failedFrom(session);
    auto image = session.value()->render(m, m.mapExtent, {});
    if (!image)
        return geo::failedFrom(image);
    m.obliquePng = std::move(image).value().png;
    for (auto& f : m.findings) {
        if (!f.maybeDetailExtent)
            continue;
        auto detail = session.value()->render(m, *f.maybeDetailExtent, f.detailShapes);
        if (!detail)
            return geo::failedFrom(detail);
        ObliqueImage view = std::move(detail).value();
        f.detailOblique = {std::move(view.png), std::move(view.labels), std::move(view.keepClear)};
    }
    return geo::Done{};
}

}  // namespace citytwin::render
