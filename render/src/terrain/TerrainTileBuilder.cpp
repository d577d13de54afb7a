#include "citytwin/render/TerrainTileBuilder.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Image>
#include <osg/Texture2D>

#include <algorithm>
#include <cmath>

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

}  // namespace

TerrainTileBuilder::TerrainTileBuilder(std::shared_ptr<const TerrainSource> source,
                                       const geo::LocalFrame& frame)
    : _source(std::move(source)), _frame(frame) {}

geo::Result<TerrainTile> TerrainTileBuilder::build(const TerrainTileKey& key) const {
    using R = geo::Result<TerrainTile>;
    const TerrainSource& src = *_source;
    auto grid = src.readHeights(key);
    if (!grid) {
        R r;
        r.addDiagnostics(grid.diagnostics());
        return r;
    }
    const int n = grid->size;
    const std::size_t count = static_cast<std::size_t>(n) * n;
    const geo::Extent ext = src.tileExtent(key);
    const double step = (ext.maxX - ext.minX) / (n - 1);

    // Working CRS -> WGS 84 -> local frame, all in double.
    std::string crsError;
    const geo::CrsTransform* toWgs84 =
        detail::threadCrsTransform(src.workingCrs(), geo::Crs::wgs84(), crsError);
    if (!toWgs84)
        return R::failure(
            crsError, src.hasDem() ? src.options().demPath : src.options().imageryPath, 0, "crs");
    std::vector<double> xs(count), ys(count);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            xs[static_cast<std::size_t>(j) * n + i] = ext.minX + i * step;
            ys[static_cast<std::size_t>(j) * n + i] = ext.minY + j * step;
        }
    toWgs84->transformInPlace(xs, ys);
    std::vector<osg::Vec3d> local(count);
    std::vector<bool> valid(count);
    TerrainTile tile;
    osg::Vec3d sum;
    for (std::size_t k = 0; k < count; ++k) {
        const float h = grid->heights[k];
        valid[k] = !std::isnan(h) && std::isfinite(xs[k]) && std::isfinite(ys[k]);
        if (!valid[k])
            continue;
        const geo::Vec3d p = _frame.toLocal({xs[k], ys[k], h});
        local[k].set(p.x, p.y, p.z);
        sum += local[k];
        ++tile.validVertices;
    }
    tile.node = new osg::MatrixTransform;
    tile.node->setName("terrain " + std::to_string(key.level) + "/" + std::to_string(key.x) + "/" +
                       std::to_string(key.y));
    if (tile.validVertices == 0)
        return tile;
    tile.centre = sum / tile.validVertices;
    tile.node->setMatrix(osg::Matrixd::translate(tile.centre));

    auto at = [n](int i, int j) { return static_cast<std::size_t>(j) * n + i; };
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array(count);
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array(count);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const std::size_t k = at(i, j);
            if (!valid[k])
                continue;
            (*vertices)[k] = osg::Vec3(local[k] - tile.centre);
            tile.bound.expandBy(local[k]);
            // Central differences over valid neighbours; up where there are none.
            auto pick = [&](int a, int b) {
                a = std::clamp(a, 0, n - 1);
                b = std::clamp(b, 0, n - 1);
                return valid[at(a, b)] ? at(a, b) : k;
            };
            const osg::Vec3d east = local[pick(i + 1, j)] - local[pick(i - 1, j)];
            const osg::Vec3d north = local[pick(i, j + 1)] - local[pick(i, j - 1)];
            osg::Vec3d normal = east ^ north;
            if (normal.length2() < 1e-12)
                normal.set(0, 0, 1);
            normal.normalize();
            (*normals)[k] = osg::Vec3(normal);
        }

    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    auto addTriangle = [&](std::size_t a, std::size_t b, std::size_t c) {
        triangles->push_back(unsigned(a));
        triangles->push_back(unsigned(b));
        triangles->push_back(unsigned(c));
    };
    for (int j = 0; j + 1 < n; ++j)
        for (int i = 0; i + 1 < n; ++i) {
            const std::size_t a = at(i, j), b = at(i + 1, j), c = at(i + 1, j + 1),
                              d = at(i, j + 1);
            const int validCorners = valid[a] + valid[b] + valid[c] + valid[d];
            if (validCorners == 4) {
                addTriangle(a, b, c);
                addTriangle(a, c, d);
            } else if (validCorners == 3) {
                for (std::size_t v : {a, b, c, d})
                    if (valid[v])
                        triangles->push_back(unsigned(v));
            }
        }

    // Skirts: a curtain below each edge, one grid step deep (at least 2 m),
    // covers the gap to a neighbour sampled at another level.
    const float depth = static_cast<float>(std::max(2.0, step));
    std::vector<std::size_t> ring;
    for (int i = 0; i < n; ++i)
        ring.push_back(at(i, 0));
    for (int j = 1; j < n; ++j)
        ring.push_back(at(n - 1, j));
    for (int i = n - 2; i >= 0; --i)
        ring.push_back(at(i, n - 1));
    for (int j = n - 2; j >= 0; --j)
        ring.push_back(at(0, j));
    std::vector<unsigned> skirtOf(count, 0);
    std::vector<std::size_t> skirtSource;
    for (std::size_t k : ring) {
        if (!valid[k] || skirtOf[k])
            continue;
        skirtOf[k] = unsigned(vertices->size());
        skirtSource.push_back(k);
        vertices->push_back((*vertices)[k] - osg::Vec3(0.f, 0.f, depth));
        normals->push_back((*normals)[k]);
    }
    for (std::size_t r = 0; r + 1 < ring.size(); ++r) {
        const std::size_t a = ring[r], b = ring[r + 1];
        if (!valid[a] || !valid[b])
            continue;
        addTriangle(a, b, skirtOf[b]);
        addTriangle(a, skirtOf[b], skirtOf[a]);
    }

    geometry->setVertexArray(vertices);
    geometry->setNormalArray(normals, osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(triangles);

    if (src.hasImagery()) {
        auto texture = src.readTexture(key);
        if (!texture) {
            R r;
            r.addDiagnostics(texture.diagnostics());
            return r;
        }
        // Texture row 0 is the north edge, which GL puts at t = 0.
        osg::ref_ptr<osg::Vec2Array> uv = new osg::Vec2Array(count);
        for (std::size_t k = 0; k < count; ++k)
            (*uv)[k].set(texture->s[k], texture->t[k]);
        for (std::size_t k : skirtSource)
            uv->push_back((*uv)[k]);
        geometry->setTexCoordArray(0, uv, osg::Array::BIND_PER_VERTEX);
        osg::ref_ptr<osg::Vec4Array> white = new osg::Vec4Array(1);
        (*white)[0].set(1.f, 1.f, 1.f, 1.f);
        geometry->setColorArray(white, osg::Array::BIND_OVERALL);
        geometry->getOrCreateStateSet()->setTextureAttributeAndModes(0,
                                                                     makeTexture(texture.value()));
    } else {
        osg::ref_ptr<osg::Vec4Array> colours = new osg::Vec4Array(count);
        for (std::size_t k = 0; k < count; ++k)
            (*colours)[k] = heightColour(grid->heights[k], src.minHeight(), src.maxHeight());
        for (std::size_t k : skirtSource)
            colours->push_back((*colours)[k]);
        geometry->setColorArray(colours, osg::Array::BIND_PER_VERTEX);
    }

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(geometry);
    tile.node->addChild(geode);
    return tile;
}

}  // namespace citytwin::render
