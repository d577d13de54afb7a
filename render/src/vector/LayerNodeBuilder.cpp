#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/render/NightWindows.h"

#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/KdTree>
#include <osg/LOD>
#include <osg/LineWidth>
#include <osg/Material>
#include <osg/MatrixTransform>
#include <osg/PolygonOffset>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <optional>

#include "citytwin/render/BuildingHeight.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/MapLabels.h"
#include "citytwin/render/PolygonLabels.h"
#include "citytwin/render/PolygonTriangulator.h"
#include "citytwin/render/StyleLegend.h"

namespace citytwin::render {
namespace {

/// One tile's batched geometry under construction.
struct TileMesh {
    osg::Vec3d origin;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    osg::ref_ptr<osg::DrawElementsUInt> elements;
    osg::ref_ptr<FeaturePickData> pick;
    std::uint32_t primitives = 0;

    std::uint32_t addVertex(const osg::Vec3d& local, const osg::Vec3& n, const osg::Vec4& c) {
        vertices->push_back(osg::Vec3(local - origin));
        normals->push_back(n);
        colors->push_back(c);
        return static_cast<std::uint32_t>(vertices->size() - 1);
    }
    void addTriangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        elements->push_back(a);
        elements->push_back(b);
        elements->push_back(c);
        ++primitives;
    }
    void addSegment(std::uint32_t a, std::uint32_t b) {
        elements->push_back(a);
        elements->push_back(b);
        ++primitives;
    }
};

using TileKey = std::pair<long, long>;

double ringSignedArea(const std::vector<osg::Vec2d>& r) {
    double a = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& p = r[i];
        const auto& q = r[(i + 1) % r.size()];
        a += p.x() * q.y() - q.x() * p.y();
    }
    return 0.5 * a;
}

osg::Vec4 lerp(const osg::Vec4& a, const osg::Vec4& b, float t) {
    return a * (1.f - t) + b * t;
}

/// The colour the bands, categories and rules give a feature; nullopt when
/// none of them does. `drawnHeight`: a building's, for the height bands.
std::optional<osg::Vec4> thematicColor(const geo::Feature& f, const LayerStyle& style,
                                       std::optional<double> drawnHeight = std::nullopt) {
    for (const StyleRule& rule : style.rules)
        if (const std::string* v = f.find(rule.attribute); v && *v == rule.value)
            return rule.color;
    if (!style.bands.empty() && !style.bandAttribute.empty()) {
        std::optional<double> value;
        if (drawnHeight && style.bandAttribute == kDrawnHeight)
            value = drawnHeight;
        else if (const std::string* v = f.find(style.bandAttribute))
            value = geo::attributeNumber(*v);
        if (value)
            if (const ColorBand* b = bandFor(style.bands, *value))
                return b->color;
    }
    if (!style.categoryColors.empty())
        if (const std::string* v = f.find(style.categoryAttribute)) {
            auto it = style.categoryColors.find(*v);
            if (it != style.categoryColors.end())
                return it->second;
        }
    return std::nullopt;
}

osg::Vec4 buildingColor(const geo::Feature& f, const LayerStyle& style, const BuildingExtent& e) {
    if (auto c = thematicColor(f, style, e.top))
        return *c;
    if (!style.colorByHeight)
        return style.color;
    osg::Vec4 c = heightGradientColor(e.top);
    if (e.estimated)  // no height given: greyer, so that guesses do not read as facts
        c = lerp(c, osg::Vec4(0.75f, 0.73f, 0.70f, 1.f), 0.5f);
    return c;
}

osg::Vec4 featureColor(const geo::Feature& f, const LayerStyle& style) {
    return thematicColor(f, style).value_or(style.color);
}

/// A glyph's or mast's height: its height attribute's, else the style's.
double symbolHeight(const geo::Feature& f, const LayerStyle& style) {
    if (!style.heightAttribute.empty())
        if (const std::string* h = f.find(style.heightAttribute))
            if (auto m = parseMetres(*h))
                return *m;
    return style.glyphHeight;
}

class Builder {
public:
    Builder(const geo::LocalFrame& frame, double tileSize, const std::string& layerId,
            std::shared_ptr<const geo::FeatureLayer> layer, const LayerStyle& style, GLenum mode)
        : _frame(frame),
          _tileSize(tileSize),
          _layerId(layerId),
          _layer(std::move(layer)),
          _style(style),
          _mode(mode) {}

    osg::Vec3d toLocal(const geo::GeoPoint& p) const {
        // Flatten onto the frame's tangent plane: heights in the data are
        // relative to the ground, and at city scale (< 100 km) the plane
        // keeps planimetric error far below a metre.
        const geo::Vec3d l = _frame.toLocal({p.x, p.y, 0.0});
        return {l.x, l.y, 0.0};
    }

    TileMesh& tileFor(const osg::Vec3d& anchor, std::uint32_t featureIndex) {
        return tileIn(_tiles, anchor, featureIndex);
    }
    /// The coarse level of the same tile: landmarks only.
    TileMesh& landmarkTileFor(const osg::Vec3d& anchor, std::uint32_t featureIndex) {
        return tileIn(_landmarks, anchor, featureIndex);
    }

    TileMesh& tileIn(std::map<TileKey, TileMesh>& tiles, const osg::Vec3d& anchor,
                     std::uint32_t featureIndex) {
        const TileKey key{static_cast<long>(std::floor(anchor.x() / _tileSize)),
                          static_cast<long>(std::floor(anchor.y() / _tileSize))};
        auto [it, inserted] = tiles.try_emplace(key);
        TileMesh& t = it->second;
        if (inserted) {
            t.origin = {(key.first + 0.5) * _tileSize, (key.second + 0.5) * _tileSize, 0.0};
            t.elements = new osg::DrawElementsUInt(_mode);
            t.pick = new FeaturePickData(_layerId, _layer);
        }
        t.pick->addFeature(t.primitives, featureIndex);
        return t;
    }

    osg::ref_ptr<osg::Group> finish(LayerBuildStats& stats) {
        osg::ref_ptr<osg::Group> group = new osg::Group;
        group->setName(_layerId);
        for (auto& [key, t] : _tiles) {
            if (t.primitives == 0)
                continue;
            osg::ref_ptr<osg::Node> detail = tileNode(t);
            ++stats.tiles;
            stats.vertices += t.vertices->size();
            if (_mode == GL_TRIANGLES)
                stats.triangles += t.primitives;
            if (!_style.levelOfDetail || _style.role != LayerRole::Buildings) {
                group->addChild(detail);
                continue;
            }
            // Near: every building; far: the landmarks (if any); a tile
            // under a pixel is not drawn at all.
            osg::ref_ptr<osg::LOD> lod = new osg::LOD;
            lod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
            lod->addChild(detail, _style.detailPixels, std::numeric_limits<float>::max());
            auto lm = _landmarks.find(key);
            if (lm != _landmarks.end() && lm->second.primitives > 0) {
                lod->addChild(tileNode(lm->second), 1.f, _style.detailPixels);
                ++stats.landmarkTiles;
                stats.vertices += lm->second.vertices->size();
            }
            group->addChild(lod);
        }
        return group;
    }

    osg::ref_ptr<osg::Node> tileNode(TileMesh& t) const {
        {
            osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
            g->setUseDisplayList(false);
            g->setUseVertexBufferObjects(true);
            g->setVertexArray(t.vertices);
            g->setNormalArray(t.normals, osg::Array::BIND_PER_VERTEX);
            g->setColorArray(t.colors, osg::Array::BIND_PER_VERTEX);
            g->addPrimitiveSet(t.elements);
            g->setUserData(t.pick);
            g->setName(_layerId);
            osg::ref_ptr<osg::Geode> geode = new osg::Geode;
            geode->addDrawable(g);
            osg::ref_ptr<osg::MatrixTransform> xf = new osg::MatrixTransform;
            xf->setMatrix(osg::Matrixd::translate(t.origin));
            xf->addChild(geode);
            // Walls that light up after dark; flat areas (water, land use)
            // darken with the ground instead of staying their day colours.
            if (_style.role == LayerRole::Buildings)
                NightWindows::mark(*xf, NightSurface::Walls);
            else if (_style.role == LayerRole::Area)
                NightWindows::mark(*xf, NightSurface::Ground);
            return xf;
        }
    }

private:
    const geo::LocalFrame& _frame;
    double _tileSize;
    std::string _layerId;
    std::shared_ptr<const geo::FeatureLayer> _layer;
    const LayerStyle& _style;
    GLenum _mode;
    std::map<TileKey, TileMesh> _tiles;
    std::map<TileKey, TileMesh> _landmarks;
};

/// Local rings of a polygon: outer counter-clockwise, holes clockwise, no
/// closing duplicate, at least three points each.
std::vector<std::vector<osg::Vec2d>> localRings(const Builder& b, const geo::Polygon& poly) {
    std::vector<std::vector<osg::Vec2d>> rings;
    for (std::size_t ri = 0; ri < poly.rings.size(); ++ri) {
        std::vector<osg::Vec2d> r;
        for (const auto& p : poly.rings[ri]) {
            const osg::Vec3d l = b.toLocal(p);
            const osg::Vec2d v(l.x(), l.y());
            if (r.empty() || (r.back() - v).length2() > 1e-8)
                r.push_back(v);
        }
        if (r.size() >= 2 && (r.front() - r.back()).length2() <= 1e-8)
            r.pop_back();
        if (r.size() < 3) {
            if (ri == 0)
                return {};
            continue;
        }
        const double area = ringSignedArea(r);
        if (std::abs(area) < 1e-6) {
            if (ri == 0)
                return {};
            continue;
        }
        const bool wantCcw = ri == 0;
        if ((area > 0) != wantCcw)
            std::reverse(r.begin(), r.end());
        rings.push_back(std::move(r));
    }
    return rings;
}

void addExtrudedPolygon(TileMesh& t, const std::vector<std::vector<osg::Vec2d>>& rings,
                        const BuildingExtent& e, const osg::Vec4& wallColor) {
    const osg::Vec4 roofColor =
        osg::Vec4(std::min(1.f, wallColor.r() * 1.08f), std::min(1.f, wallColor.g() * 1.08f),
                  std::min(1.f, wallColor.b() * 1.08f), 1.f);
    for (const auto& r : rings) {
        for (std::size_t i = 0; i < r.size(); ++i) {
            const osg::Vec2d& p = r[i];
            const osg::Vec2d& q = r[(i + 1) % r.size()];
            const osg::Vec2d d = q - p;
            osg::Vec3 n(float(d.y()), float(-d.x()), 0.f);  // right of the edge: outward
            n.normalize();
            const auto a = t.addVertex({p.x(), p.y(), e.base}, n, wallColor);
            const auto b = t.addVertex({q.x(), q.y(), e.base}, n, wallColor);
            const auto c = t.addVertex({q.x(), q.y(), e.top}, n, wallColor);
            const auto dd = t.addVertex({p.x(), p.y(), e.top}, n, wallColor);
            t.addTriangle(a, b, c);
            t.addTriangle(a, c, dd);
        }
    }
    const Triangulation roof = triangulatePolygon(rings);
    const osg::Vec3 up(0.f, 0.f, 1.f);
    const std::uint32_t first = static_cast<std::uint32_t>(t.vertices->size());
    for (const auto& v : roof.vertices)
        t.addVertex({v.x(), v.y(), e.top}, up, roofColor);
    for (std::size_t i = 0; i + 2 < roof.indices.size(); i += 3)
        t.addTriangle(first + roof.indices[i], first + roof.indices[i + 1],
                      first + roof.indices[i + 2]);
}

void addFlatPolygon(TileMesh& t, const std::vector<std::vector<osg::Vec2d>>& rings, double z,
                    const osg::Vec4& color) {
    const Triangulation tri = triangulatePolygon(rings);
    const osg::Vec3 up(0.f, 0.f, 1.f);
    const std::uint32_t first = static_cast<std::uint32_t>(t.vertices->size());
    for (const auto& v : tri.vertices)
        t.addVertex({v.x(), v.y(), z}, up, color);
    for (std::size_t i = 0; i + 2 < tri.indices.size(); i += 3)
        t.addTriangle(first + tri.indices[i], first + tri.indices[i + 1],
                      first + tri.indices[i + 2]);
}

/// An upright prism of `sides` faces from z0 to z1 around centre c.
void addPrism(TileMesh& t, const osg::Vec3d& c, double radius, double z0, double z1,
              const osg::Vec4& color, int sides = 8) {
    std::vector<osg::Vec2d> ring;
    for (int i = 0; i < sides; ++i) {
        const double a = 2.0 * std::numbers::pi * i / sides;
        ring.emplace_back(c.x() + radius * std::cos(a), c.y() + radius * std::sin(a));
    }
    addExtrudedPolygon(t, {ring}, BuildingExtent{z0, z1, false}, color);
}

osg::ref_ptr<osg::StateSet> stateFor(const LayerStyle& style) {
    osg::ref_ptr<osg::StateSet> ss = new osg::StateSet;
    osg::ref_ptr<osg::Material> m = new osg::Material;
    m->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
    m->setSpecular(osg::Material::FRONT_AND_BACK, osg::Vec4(0.f, 0.f, 0.f, 1.f));
    ss->setAttributeAndModes(m);
    switch (style.role) {
        case LayerRole::Line:
            ss->setAttributeAndModes(new osg::LineWidth(style.lineWidth));
            ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
            break;
        case LayerRole::Area:
            // Flat areas lie just above the ground: pull them forward in depth.
            ss->setAttributeAndModes(new osg::PolygonOffset(-1.f, -2.f));
            ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
            if (style.color.a() < 1.f) {
                // Translucent bands (protection zones, districts) are drawn
                // after the opaque scene and leave the depth buffer to it;
                // pulled further forward than the opaque areas (water, land
                // use) they lie on, so the two never fight at city scale.
                ss->setMode(GL_BLEND, osg::StateAttribute::ON);
                ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
                ss->setAttributeAndModes(new osg::PolygonOffset(-2.f, -12.f));
                ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, false));
            }
            break;
        default:
            break;
    }
    return ss;
}

/// The features of `layer` whose `attribute` is one of `values`.
geo::FeatureLayer withCategories(const geo::FeatureLayer& layer, const std::string& attribute,
                                 const std::vector<std::string>& values) {
    geo::FeatureLayer out;
    out.name = layer.name;
    out.crs = layer.crs;
    out.sourceCrs = layer.sourceCrs;
    for (const geo::Feature& f : layer.features)
        if (const std::string* v = f.find(attribute);
            v && std::find(values.begin(), values.end(), *v) != values.end())
            out.features.push_back(f);
    return out;
}

}  // namespace

osg::ref_ptr<osg::Node> LayerNodeBuilder::buildLabels(const geo::FeatureLayer& layer,
                                                      const LayerStyle& style) const {
    switch (style.role) {
        case LayerRole::Area: {
            // Inside its polygons, and along the lines an area layer may hold
            // (a river's centreline among its banks), in the categories asked for.
            osg::ref_ptr<osg::Group> group = new osg::Group;
            PolygonLabelStyle inside;
            inside.attribute = style.labelAttribute;
            inside.elevation = style.elevation + 2.f;
            group->addChild(buildPolygonLabels(
                style.labelCategories.empty()
                    ? layer
                    : withCategories(layer, style.categoryAttribute, style.labelCategories),
                _frame, inside));
            LineLabelStyle along;
            along.attribute = style.labelAttribute;
            along.categoryAttribute = style.categoryAttribute;
            along.categories = style.labelCategories;
            along.elevation = style.elevation + 2.f;
            // The area's own colour, darker: a river's name reads as water.
            along.color = {style.color.r() * 0.45f, style.color.g() * 0.45f, style.color.b() * 0.5f,
                           1.f};
            group->addChild(buildLineLabels(layer, _frame, along));
            return group;
        }
        case LayerRole::Line: {
            LineLabelStyle labels;
            labels.attribute = style.labelAttribute;
            labels.categoryAttribute = style.categoryAttribute;
            labels.categories = style.labelCategories;
            labels.elevation = style.elevation + 1.f;
            return buildLineLabels(layer, _frame, labels);
        }
        case LayerRole::Buildings: {
            LandmarkLabelStyle labels;
            labels.attribute = style.labelAttribute;
            labels.minHeight = style.labelMinHeight;
            return buildLandmarkLabels(layer, _frame, labels);
        }
        case LayerRole::Glyph:
        case LayerRole::Mast:
            break;
    }
    return new osg::Group;
}

osg::ref_ptr<osg::Node> LayerNodeBuilder::buildOutlines(
    const std::string& layerId, const std::shared_ptr<const geo::FeatureLayer>& layer,
    const LayerStyle& style) const {
    Builder b(_frame, _tileSize, layerId, layer, style, GL_LINES);
    // Just above the fill; lines take no polygon offset, so height keeps them in front.
    const double z = style.elevation + 0.3;
    for (std::uint32_t fi = 0; fi < layer->features.size(); ++fi) {
        for (const auto& poly : layer->features[fi].geometry.polygons) {
            for (const auto& ring : localRings(b, poly)) {
                TileMesh& t = b.tileFor({ring[0].x(), ring[0].y(), 0.0}, fi);
                const std::uint32_t first = t.addVertex({ring[0].x(), ring[0].y(), z},
                                                        osg::Vec3(0, 0, 1), style.outlineColor);
                std::uint32_t prev = first;
                for (std::size_t i = 1; i < ring.size(); ++i) {
                    const auto idx = t.addVertex({ring[i].x(), ring[i].y(), z}, osg::Vec3(0, 0, 1),
                                                 style.outlineColor);
                    t.addSegment(prev, idx);
                    prev = idx;
                }
                t.addSegment(prev, first);
            }
        }
    }
    LayerBuildStats ignored;
    osg::ref_ptr<osg::Group> outlines = b.finish(ignored);
    outlines->setName(layerId + "-outlines");
    osg::StateSet* ss = outlines->getOrCreateStateSet();
    ss->setAttributeAndModes(new osg::LineWidth(style.outlineWidth));
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    // Opaque lines in the opaque bin, even when the fill is translucent.
    ss->setMode(GL_BLEND, osg::StateAttribute::OFF);
    ss->setRenderingHint(osg::StateSet::OPAQUE_BIN);
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, true));
    return outlines;
}

LayerNodeBuilder::LayerNodeBuilder(geo::LocalFrame frame, double tileSize)
    : _frame(frame), _tileSize(tileSize > 1.0 ? tileSize : 500.0) {}

geo::Result<osg::ref_ptr<osg::Group>> LayerNodeBuilder::build(
    const std::string& layerId, std::shared_ptr<const geo::FeatureLayer> layer,
    const LayerStyle& style, LayerBuildStats* statsOut) const {
    using R = geo::Result<osg::ref_ptr<osg::Group>>;
    if (!layer)
        return R::failure("no layer to build", layerId);
    if (!(layer->crs == geo::Crs::wgs84()))
        return R::failure("layer is in " + layer->crs.label() +
                              "; the scene needs WGS 84 lon/lat (convert it on import)",
                          layerId, 0, "crs");

    const GLenum mode = style.role == LayerRole::Line ? GL_LINES : GL_TRIANGLES;
    LayerStyle tuned = style;
    tuned.levelOfDetail = style.levelOfDetail && style.role == LayerRole::Buildings &&
                          layer->features.size() >= style.lodMinBuildings;
    Builder b(_frame, _tileSize, layerId, layer, tuned, mode);
    LayerBuildStats stats;

    for (std::uint32_t fi = 0; fi < layer->features.size(); ++fi) {
        const geo::Feature& f = layer->features[fi];
        bool drawn = false;
        switch (style.role) {
            case LayerRole::Buildings: {
                const BuildingExtent e = buildingExtentOf(f);
                const osg::Vec4 color = buildingColor(f, style, e);
                for (const auto& poly : f.geometry.polygons) {
                    auto rings = localRings(b, poly);
                    if (rings.empty())
                        continue;
                    const osg::Vec3d anchor{rings[0][0].x(), rings[0][0].y(), 0.0};
                    addExtrudedPolygon(b.tileFor(anchor, fi), rings, e, color);
                    if (tuned.levelOfDetail && e.top >= tuned.landmarkHeight)
                        addExtrudedPolygon(b.landmarkTileFor(anchor, fi), rings, e, color);
                    drawn = true;
                }
                break;
            }
            case LayerRole::Area: {
                for (const auto& poly : f.geometry.polygons) {
                    auto rings = localRings(b, poly);
                    if (rings.empty())
                        continue;
                    TileMesh& t = b.tileFor({rings[0][0].x(), rings[0][0].y(), 0.0}, fi);
                    addFlatPolygon(t, rings, style.elevation, featureColor(f, style));
                    drawn = true;
                }
                break;
            }
            case LayerRole::Line: {
                const osg::Vec4 color = featureColor(f, style);
                auto addLine = [&](const geo::LineString& line) {
                    if (line.size() < 2)
                        return;
                    const osg::Vec3d anchor = b.toLocal(line.front());
                    TileMesh& t = b.tileFor(anchor, fi);
                    std::uint32_t prev = 0;
                    for (std::size_t i = 0; i < line.size(); ++i) {
                        osg::Vec3d l = b.toLocal(line[i]);
                        l.z() = style.elevation;
                        const auto idx = t.addVertex(l, osg::Vec3(0, 0, 1), color);
                        if (i > 0)
                            t.addSegment(prev, idx);
                        prev = idx;
                    }
                    drawn = true;
                };
                for (const auto& l : f.geometry.lines)
                    addLine(l);
                // Polygons in a line layer are drawn as their outlines.
                for (const auto& poly : f.geometry.polygons)
                    for (const auto& r : poly.rings)
                        addLine(r);
                break;
            }
            case LayerRole::Glyph:
            case LayerRole::Mast: {
                for (const auto& p : f.geometry.points) {
                    const osg::Vec3d c = b.toLocal(p);
                    TileMesh& t = b.tileFor(c, fi);
                    const osg::Vec4 color = featureColor(f, style);
                    const double height = symbolHeight(f, style);
                    if (style.role == LayerRole::Mast) {
                        addPrism(t, c, style.glyphRadius * 0.3, 0.0, height, color, 6);
                        addPrism(t, c, style.glyphRadius, height, height + style.glyphRadius * 1.5,
                                 color, 6);
                    } else {
                        addPrism(t, c, style.glyphRadius, 0.0, height, color, 8);
                    }
                    drawn = true;
                }
                break;
            }
        }
        if (drawn)
            ++stats.features;
        else
            ++stats.skipped;
    }

    osg::ref_ptr<osg::Group> group = b.finish(stats);
    group->setStateSet(stateFor(style).get());
    if (style.role == LayerRole::Area && style.outlineColor.a() > 0.f)
        group->addChild(buildOutlines(layerId, layer, style));
    if (!style.labelAttribute.empty())
        group->addChild(buildLabels(*layer, style));
    // Picking and the cursor read-out intersect every frame the mouse moves:
    // k-d trees keep that fast on batched tiles (built here, off the GUI thread).
    if (mode == GL_TRIANGLES) {
        osg::ref_ptr<osg::KdTreeBuilder> kd = new osg::KdTreeBuilder;
        group->accept(*kd);
    }
    if (statsOut)
        *statsOut = stats;
    return group;
}

osg::ref_ptr<osg::Node> buildGroundPlane(double minX, double minY, double maxX, double maxY,
                                         const osg::Vec4& color) {
    const double margin = std::max(500.0, 0.25 * std::max(maxX - minX, maxY - minY));
    minX -= margin;
    minY -= margin;
    maxX += margin;
    maxY += margin;
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    const osg::Vec3d c(0.5 * (minX + maxX), 0.5 * (minY + maxY), 0.0);
    // A grid, not one quad: fixed-function fog is computed per vertex, and
    // a quad whose corners all lie beyond the haze would be hazed whole,
    // right under the camera. Cells of at most kGroundCellM keep the haze
    // growing with distance as it does on everything else.
    constexpr double kGroundCellM = 500.0;
    constexpr int kMaxCells = 128;
    const int nx = std::clamp(int(std::ceil((maxX - minX) / kGroundCellM)), 1, kMaxCells);
    const int ny = std::clamp(int(std::ceil((maxY - minY) / kGroundCellM)), 1, kMaxCells);
    for (int j = 0; j <= ny; ++j)
        for (int i = 0; i <= nx; ++i)
            v->push_back(osg::Vec3(
                osg::Vec3d(minX + (maxX - minX) * i / nx, minY + (maxY - minY) * j / ny, 0.0) - c));
    osg::ref_ptr<osg::DrawElementsUInt> quads = new osg::DrawElementsUInt(GL_QUADS);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const unsigned a = unsigned(j * (nx + 1) + i);
            quads->push_back(a);
            quads->push_back(a + 1);
            quads->push_back(a + 1 + unsigned(nx + 1));
            quads->push_back(a + unsigned(nx + 1));
        }
    g->setVertexArray(v);
    osg::ref_ptr<osg::Vec3Array> n = new osg::Vec3Array;
    n->push_back({0.f, 0.f, 1.f});
    g->setNormalArray(n, osg::Array::BIND_OVERALL);
    osg::ref_ptr<osg::Vec4Array> col = new osg::Vec4Array;
    col->push_back(color);
    g->setColorArray(col, osg::Array::BIND_OVERALL);
    g->addPrimitiveSet(quads);
    g->setName("ground");
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(g);
    osg::ref_ptr<osg::MatrixTransform> xf = new osg::MatrixTransform(osg::Matrixd::translate(c));
    xf->addChild(geode);
    xf->setName("ground");
    osg::StateSet* ss = xf->getOrCreateStateSet();
    // Pushed back in depth so that flat areas and roads drawn on it win.
    ss->setAttributeAndModes(new osg::PolygonOffset(1.f, 4.f));
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    // Unlit by day; the night's dark ground after dark.
    NightWindows::mark(*xf, NightSurface::Ground);
    return xf;
}

}  // namespace citytwin::render
