#include "citytwin/render/TerrainTileBuilder.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Image>
#include <osg/Texture2D>

#include <algorithm>
#include <cmath>
#include <vector>

#include "citytwin/geo/CrsTransform.h"
#include "scene/ThreadCrsTransforms.h"

namespace citytwin::render {
namespace {

/// Ground colours by relative height: lowland green, tan slopes, pale tops.
osg::Vec4 heightColour(float h, float lo, float hi) {
    const float t = hi > lo ? std::clamp((h - lo) / (hi - lo), 0.f, 1.f) : 0.f;
    const osg::Vec4 low(0.45f, 0.62f, 0.38f, 1.f), mid(0.78f, 0.70f, 0.52f, 1.f),
        top(0.95f, 0.95f, 0.93f, 1.f);
    return t < 0.5f ? low + (mid - low) * (t * 2.f) : mid + (top - mid) * ((t - 0.5f) * 2.f);
}

osg::ref_ptr<osg::Texture2D> makeTexture(TerrainTexture& t) {
    // Where the orthophoto has no pixels the ground shows a neutral grey.
    for (std::size_t i = 0; i + 3 < t.rgba.size(); i += 4)
        if (t.rgba[i + 3] == 0) {
            t.rgba[i] = t.rgba[i + 1] = t.rgba[i + 2] = 204;
            t.rgba[i + 3] = 255;
        }
    osg::ref_ptr<osg::Image> image = new osg::Image;
    auto* data = new unsigned char[t.rgba.size()];
    std::copy(t.rgba.begin(), t.rgba.end(), data);
    image->setImage(t.width, t.height, 1, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, data,
                    osg::Image::USE_NEW_DELETE);
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    texture->setResizeNonPowerOfTwoHint(false);
    // Once on the GPU the CPU copy is dead weight against the memory budget.
    texture->setUnRefImageDataAfterApply(true);
    return texture;
}

/// A tile's grid of heights placed in the local frame: n x n samples, row
/// by row from the south-west corner; invalid where the DEM has no data or
/// the position does not transform.
struct PlacedGrid {
    int n = 0;
    double step = 0.0;  ///< grid spacing in the working CRS
    std::vector<osg::Vec3d> local;
    std::vector<bool> valid;
    osg::Vec3d sum;  ///< of the valid positions
    int validCount = 0;

    std::size_t count() const { return local.size(); }
    std::size_t at(int i, int j) const { return static_cast<std::size_t>(j) * n + i; }
};

/// Working CRS -> WGS 84 -> local frame, all in double.
geo::Result<PlacedGrid> placeGrid(const TerrainSource& src, const TerrainTileKey& key,
                                  const TerrainHeightGrid& grid, const geo::LocalFrame& frame) {
    PlacedGrid g;
    g.n = grid.size;
    const int n = g.n;
    const std::size_t count = static_cast<std::size_t>(n) * n;
    const geo::Extent ext = src.tileExtent(key);
    g.step = (ext.maxX - ext.minX) / (n - 1);

    std::string crsError;
    const geo::CrsTransform* toWgs84 =
        detail::threadCrsTransform(src.workingCrs(), geo::Crs::wgs84(), crsError);
    if (!toWgs84)
        return geo::Result<PlacedGrid>::failure(
            crsError, src.hasDem() ? src.options().demPath : src.options().imageryPath, 0, "crs");
    std::vector<double> xs(count), ys(count);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            xs[static_cast<std::size_t>(j) * n + i] = ext.minX + i * g.step;
            ys[static_cast<std::size_t>(j) * n + i] = ext.minY + j * g.step;
        }
    toWgs84->transformInPlace(xs, ys);
    g.local.resize(count);
    g.valid.resize(count);
    for (std::size_t k = 0; k < count; ++k) {
        const float h = grid.heights[k];
        g.valid[k] = !std::isnan(h) && std::isfinite(xs[k]) && std::isfinite(ys[k]);
        if (!g.valid[k])
            continue;
        const geo::Vec3d p = frame.toLocal({xs[k], ys[k], h});
        g.local[k].set(p.x, p.y, p.z);
        g.sum += g.local[k];
        ++g.validCount;
    }
    return g;
}

/// Vertices relative to `centre` and their normals (central differences
/// over valid neighbours; up where there are none); `bound` grows by each.
void buildVertices(const PlacedGrid& g, const osg::Vec3d& centre, osg::Vec3Array& vertices,
                   osg::Vec3Array& normals, osg::BoundingSphere& bound) {
    const int n = g.n;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const std::size_t k = g.at(i, j);
            if (!g.valid[k])
                continue;
            vertices[k] = osg::Vec3(g.local[k] - centre);
            bound.expandBy(g.local[k]);
            auto pick = [&](int a, int b) {
                a = std::clamp(a, 0, n - 1);
                b = std::clamp(b, 0, n - 1);
                return g.valid[g.at(a, b)] ? g.at(a, b) : k;
            };
            const osg::Vec3d east = g.local[pick(i + 1, j)] - g.local[pick(i - 1, j)];
            const osg::Vec3d north = g.local[pick(i, j + 1)] - g.local[pick(i, j - 1)];
            osg::Vec3d normal = east ^ north;
            if (normal.length2() < 1e-12)
                normal.set(0, 0, 1);
            normal.normalize();
            normals[k] = osg::Vec3(normal);
        }
}

void addTriangle(osg::DrawElementsUInt& triangles, std::size_t a, std::size_t b, std::size_t c) {
    triangles.push_back(unsigned(a));
    triangles.push_back(unsigned(b));
    triangles.push_back(unsigned(c));
}

/// Two triangles per grid cell with four valid corners, one with three.
void triangulateGrid(const PlacedGrid& g, osg::DrawElementsUInt& triangles) {
    const int n = g.n;
    for (int j = 0; j + 1 < n; ++j)
        for (int i = 0; i + 1 < n; ++i) {
            const std::size_t a = g.at(i, j), b = g.at(i + 1, j), c = g.at(i + 1, j + 1),
                              d = g.at(i, j + 1);
            const int validCorners = g.valid[a] + g.valid[b] + g.valid[c] + g.valid[d];
            if (validCorners == 4) {
                addTriangle(triangles, a, b, c);
                addTriangle(triangles, a, c, d);
            } else if (validCorners == 3) {
                for (std::size_t v : {a, b, c, d})
                    if (g.valid[v])
                        triangles.push_back(unsigned(v));
            }
        }
}

/// Skirts: a curtain below each edge, one grid step deep (at least 2 m),
/// covers the gap to a neighbour sampled at another level. Appends a vertex
/// per valid edge sample and returns the grid index each copies, in order.
std::vector<std::size_t> addSkirts(const PlacedGrid& g, osg::Vec3Array& vertices,
                                   osg::Vec3Array& normals, osg::DrawElementsUInt& triangles) {
    const int n = g.n;
    const float depth = static_cast<float>(std::max(2.0, g.step));
    std::vector<std::size_t> ring;
    for (int i = 0; i < n; ++i)
        ring.push_back(g.at(i, 0));
    for (int j = 1; j < n; ++j)
        ring.push_back(g.at(n - 1, j));
    for (int i = n - 2; i >= 0; --i)
        ring.push_back(g.at(i, n - 1));
    for (int j = n - 2; j >= 0; --j)
        ring.push_back(g.at(0, j));
    std::vector<unsigned> skirtOf(g.count(), 0);
    std::vector<std::size_t> skirtSource;
    for (std::size_t k : ring) {
        if (!g.valid[k] || skirtOf[k])
            continue;
        skirtOf[k] = unsigned(vertices.size());
        skirtSource.push_back(k);
        vertices.push_back(vertices[k] - osg::Vec3(0.f, 0.f, depth));
        normals.push_back(normals[k]);
    }
    for (std::size_t r = 0; r + 1 < ring.size(); ++r) {
        const std::size_t a = ring[r], b = ring[r + 1];
        if (!g.valid[a] || !g.valid[b])
            continue;
        addTriangle(triangles, a, b, skirtOf[b]);
        addTriangle(triangles, a, skirtOf[b], skirtOf[a]);
    }
    return skirtSource;
}

/// The orthophoto as texture; skirt vertices take their edge sample's
/// coordinates. Texture row 0 is the north edge, which GL puts at t = 0.
void applyTexture(osg::Geometry& geometry, TerrainTexture& texture, std::size_t count,
                  const std::vector<std::size_t>& skirtSource) {
    osg::ref_ptr<osg::Vec2Array> uv = new osg::Vec2Array(count);
    for (std::size_t k = 0; k < count; ++k)
        (*uv)[k].set(texture.s[k], texture.t[k]);
    for (std::size_t k : skirtSource)
        uv->push_back((*uv)[k]);
    geometry.setTexCoordArray(0, uv, osg::Array::BIND_PER_VERTEX);
    osg::ref_ptr<osg::Vec4Array> white = new osg::Vec4Array(1);
    (*white)[0].set(1.f, 1.f, 1.f, 1.f);
    geometry.setColorArray(white, osg::Array::BIND_OVERALL);
    geometry.getOrCreateStateSet()->setTextureAttributeAndModes(0, makeTexture(texture));
}

/// Without an orthophoto: colours by height over the source's height range.
void applyHeightColours(osg::Geometry& geometry, const TerrainHeightGrid& grid, std::size_t count,
                        const TerrainSource& src, const std::vector<std::size_t>& skirtSource) {
    osg::ref_ptr<osg::Vec4Array> colours = new osg::Vec4Array(count);
    for (std::size_t k = 0; k < count; ++k)
        (*colours)[k] = heightColour(grid.heights[k], src.minHeight(), src.maxHeight());
    for (std::size_t k : skirtSource)
        colours->push_back((*colours)[k]);
    geometry.setColorArray(colours, osg::Array::BIND_PER_VERTEX);
}

}  // namespace

TerrainTileBuilder::TerrainTileBuilder(std::shared_ptr<const TerrainSource> source,
                                       const geo::LocalFrame& frame)
    : _source(std::move(source)), _frame(frame) {}

geo::Result<TerrainTile> TerrainTileBuilder::build(const TerrainTileKey& key) const {
    const TerrainSource& src = *_source;
    auto grid = src.readHeights(key);
    CITYTWIN_RETURN_IF_FAILED(grid);
    auto placed = placeGrid(src, key, *grid, _frame);
    CITYTWIN_RETURN_IF_FAILED(placed);
    const PlacedGrid& g = *placed;

    TerrainTile tile;
    tile.validVertices = g.validCount;
    tile.node = new osg::MatrixTransform;
    tile.node->setName("terrain " + std::to_string(key.level) + "/" + std::to_string(key.x) + "/" +
                       std::to_string(key.y));
    if (tile.validVertices == 0)
        return tile;
    tile.centre = g.sum / tile.validVertices;
    tile.node->setMatrix(osg::Matrixd::translate(tile.centre));

    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array(g.count());
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array(g.count());
    buildVertices(g, tile.centre, *vertices, *normals, tile.bound);
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    triangulateGrid(g, *triangles);
    const std::vector<std::size_t> skirtSource = addSkirts(g, *vertices, *normals, *triangles);
    geometry->setVertexArray(vertices);
    geometry->setNormalArray(normals, osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(triangles);

    if (src.hasImagery()) {
        auto texture = src.readTexture(key);
        CITYTWIN_RETURN_IF_FAILED(texture);
        applyTexture(*geometry, texture.value(), g.count(), skirtSource);
    } else {
        applyHeightColours(*geometry, *grid, g.count(), src, skirtSource);
    }

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(geometry);
    tile.node->addChild(geode);
    return tile;
}

}  // namespace citytwin::render
