#include "gltf/GltfSceneBuilder.h"

#include <osg/BlendFunc>
#include <osg/CullFace>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Material>
#include <osg/MatrixTransform>
#include <osg/Texture2D>
#include <osgDB/Registry>
#include <osgUtil/SmoothingVisitor>

#include <map>
#include <set>
#include <sstream>

#include "citytwin/formats/GltfAccessorReader.h"
#include "citytwin/formats/GltfDracoDecoder.h"
#include "gltf/GltfFeatureIds.h"

namespace citytwin::render::detail {
namespace {

/// Deeper hierarchies than this are treated as malformed (cycles, fuzzing).
constexpr int kMaxNodeDepth = 128;

std::string indexField(const char* kind, std::size_t i) {
    return std::string(kind) + "[" + std::to_string(i) + "]";
}

/// Vertex data of one primitive, wherever it came from (accessors or Draco).
struct PrimitiveArrays {
    std::size_t vertexCount = 0;
    std::vector<float> positions, normals, texcoords, colors;
    int colorComponents = 0;
    std::vector<std::uint32_t> indices;
    bool indexed = false;
};

class SceneBuilder {
public:
    SceneBuilder(const tinygltf::Model& model, const std::string& source,
                 const GltfFeatureBinding* features)
        : _model(model), _source(source), _reader(model, source), _features(features) {}

    geo::Result<osg::ref_ptr<osg::Node>> build() {
        osg::ref_ptr<osg::Group> root = new osg::Group;
        std::vector<int> roots;
        if (!_model.scenes.empty()) {
            std::size_t scene = _model.defaultScene >= 0 ? std::size_t(_model.defaultScene) : 0;
            if (scene >= _model.scenes.size()) {
                warn("defaultScene " + std::to_string(scene) + " does not exist; using scene 0",
                     "scene");
                scene = 0;
            }
            roots = _model.scenes[scene].nodes;
        } else {
            // No scene: every node that is nobody's child is a root.
            std::set<int> children;
            for (const auto& n : _model.nodes)
                children.insert(n.children.begin(), n.children.end());
            for (std::size_t i = 0; i < _model.nodes.size(); ++i)
                if (!children.count(int(i)))
                    roots.push_back(int(i));
        }
        for (int n : roots)
            if (auto child = buildNode(n, 0))
                root->addChild(child);
        if (_drawn == 0) {
            auto r = geo::Result<osg::ref_ptr<osg::Node>>::failure("the glTF holds nothing to draw",
                                                                   _source);
            r.addDiagnostics(_diagnostics);
            return r;
        }
        geo::Result<osg::ref_ptr<osg::Node>> r{osg::ref_ptr<osg::Node>(root)};
        r.addDiagnostics(_diagnostics);
        return r;
    }

private:
    void warn(const std::string& message, const std::string& field) {
        _diagnostics.push_back(geo::makeWarning(message, _source, 0, field));
    }
    void warn(const geo::Result<std::vector<float>>& r) {
        for (const auto& d : r.diagnostics())
            _diagnostics.push_back(geo::makeWarning(d.message, d.source, 0, d.field));
    }

    osg::Matrixd nodeMatrix(const tinygltf::Node& node) const {
        if (node.matrix.size() == 16) {
            osg::Matrixd m;
            // glTF is column-major with column vectors; OSG is row vectors:
            // the same 16 numbers in order are the same transform.
            m.set(node.matrix.data());
            return m;
        }
        osg::Matrixd m;
        if (node.scale.size() == 3)
            m = osg::Matrixd::scale(node.scale[0], node.scale[1], node.scale[2]);
        if (node.rotation.size() == 4)
            m = m * osg::Matrixd::rotate(osg::Quat(node.rotation[0], node.rotation[1],
                                                   node.rotation[2], node.rotation[3]));
        if (node.translation.size() == 3)
            m = m * osg::Matrixd::translate(node.translation[0], node.translation[1],
                                            node.translation[2]);
        return m;
    }

    osg::ref_ptr<osg::Node> buildNode(int index, int depth) {
        const std::string field = indexField("nodes", std::size_t(std::max(index, 0)));
        if (index < 0 || std::size_t(index) >= _model.nodes.size()) {
            warn("node " + std::to_string(index) + " does not exist", field);
            return nullptr;
        }
        if (depth > kMaxNodeDepth || _onPath.count(index)) {
            warn("node hierarchy is cyclic or deeper than " + std::to_string(kMaxNodeDepth), field);
            return nullptr;
        }
        _onPath.insert(index);
        const tinygltf::Node& node = _model.nodes[std::size_t(index)];
        osg::ref_ptr<osg::MatrixTransform> transform = new osg::MatrixTransform(nodeMatrix(node));
        transform->setName(node.name);
        if (!transform->getMatrix().valid()) {
            warn("node transform is not finite; node skipped", field);
            _onPath.erase(index);
            return nullptr;
        }
        if (node.mesh >= 0)
            if (auto mesh = buildMesh(node.mesh))
                transform->addChild(mesh);
        for (int child : node.children)
            if (auto c = buildNode(child, depth + 1))
                transform->addChild(c);
        _onPath.erase(index);
        return transform;
    }

    osg::ref_ptr<osg::Node> buildMesh(int index) {
        const std::string field = indexField("meshes", std::size_t(index));
        if (std::size_t(index) >= _model.meshes.size()) {
            warn("mesh " + std::to_string(index) + " does not exist", field);
            return nullptr;
        }
        if (auto it = _meshes.find(index); it != _meshes.end())
            return it->second;  // instanced
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        const auto& mesh = _model.meshes[std::size_t(index)];
        geode->setName(mesh.name);
        for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
            const std::string pfield = field + ".primitives[" + std::to_string(p) + "]";
            if (auto g = buildPrimitive(mesh.primitives[p], pfield))
                geode->addDrawable(g);
        }
        if (geode->getNumDrawables() == 0)
            geode = nullptr;
        _meshes[index] = geode;
        return geode;
    }

    bool readArrays(const tinygltf::Primitive& prim, const std::string& field,
                    PrimitiveArrays& out) {
        if (formats::isDracoCompressed(prim)) {
            auto decoded = formats::decodeDracoPrimitive(_model, prim, _reader, _source, field);
            if (!decoded) {
                for (const auto& d : decoded.diagnostics())
                    _diagnostics.push_back(
                        geo::makeWarning(d.message + "; primitive skipped", d.source, 0, d.field));
                return false;
            }
            out.vertexCount = decoded->vertexCount;
            out.indices = std::move(decoded->indices);
            out.indexed = true;
            auto take = [&](const char* name, int components, std::vector<float>& into) {
                auto it = decoded->attributes.find(name);
                if (it != decoded->attributes.end() && it->second.components == components)
                    into = std::move(it->second.values);
            };
            take("POSITION", 3, out.positions);
            take("NORMAL", 3, out.normals);
            take("TEXCOORD_0", 2, out.texcoords);
            if (auto it = decoded->attributes.find("COLOR_0");
                it != decoded->attributes.end() && it->second.components >= 3) {
                out.colorComponents = it->second.components;
                out.colors = std::move(it->second.values);
            }
            return true;
        }
        const auto position = prim.attributes.find("POSITION");
        if (position == prim.attributes.end()) {
            warn("primitive has no POSITION; skipped", field);
            return false;
        }
        auto positions = _reader.readFloats(position->second, 3, field + " POSITION");
        if (!positions) {
            warn(positions);
            return false;
        }
        out.positions = std::move(positions.value());
        out.vertexCount = out.positions.size() / 3;
        auto optional = [&](const char* name, int components, std::vector<float>& into) {
            auto it = prim.attributes.find(name);
            if (it == prim.attributes.end())
                return;
            auto values = _reader.readFloats(it->second, components, field + " " + name);
            if (!values)
                return warn(values);
            if (values->size() != out.vertexCount * std::size_t(components))
                return warn(std::string(name) + " count differs from POSITION's; ignored", field);
            into = std::move(values.value());
        };
        optional("NORMAL", 3, out.normals);
        optional("TEXCOORD_0", 2, out.texcoords);
        if (auto it = prim.attributes.find("COLOR_0"); it != prim.attributes.end()) {
            const auto& a = it->second >= 0 && std::size_t(it->second) < _model.accessors.size()
                                ? _model.accessors[std::size_t(it->second)]
                                : tinygltf::Accessor();
            out.colorComponents = a.type == TINYGLTF_TYPE_VEC3 ? 3 : 4;
            optional("COLOR_0", out.colorComponents, out.colors);
        }
        if (prim.indices >= 0) {
            auto indices = _reader.readIndices(prim.indices);
            if (!indices) {
                for (const auto& d : indices.diagnostics())
                    _diagnostics.push_back(
                        geo::makeWarning(d.message + "; primitive skipped", d.source, 0, d.field));
                return false;
            }
            out.indices = std::move(indices.value());
            out.indexed = true;
        }
        return true;
    }

    osg::ref_ptr<osg::Geometry> buildPrimitive(const tinygltf::Primitive& prim,
                                               const std::string& field) {
        GLenum mode = GL_TRIANGLES;
        switch (prim.mode) {
            case TINYGLTF_MODE_POINTS:
                mode = GL_POINTS;
                break;
            case TINYGLTF_MODE_LINE:
                mode = GL_LINES;
                break;
            case TINYGLTF_MODE_LINE_LOOP:
                mode = GL_LINE_LOOP;
                break;
            case TINYGLTF_MODE_LINE_STRIP:
                mode = GL_LINE_STRIP;
                break;
            case TINYGLTF_MODE_TRIANGLES:
            case -1:
                mode = GL_TRIANGLES;
                break;
            case TINYGLTF_MODE_TRIANGLE_STRIP:
                mode = GL_TRIANGLE_STRIP;
                break;
            case TINYGLTF_MODE_TRIANGLE_FAN:
                mode = GL_TRIANGLE_FAN;
                break;
            default:
                warn("unknown primitive mode " + std::to_string(prim.mode) + "; skipped", field);
                return nullptr;
        }
        PrimitiveArrays a;
        if (!readArrays(prim, field, a))
            return nullptr;
        if (a.vertexCount == 0)
            return nullptr;
        for (std::uint32_t i : a.indices)
            if (i >= a.vertexCount) {
                warn("index " + std::to_string(i) + " is out of range (" +
                         std::to_string(a.vertexCount) + " vertices); primitive skipped",
                     field);
                return nullptr;
            }

        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        g->setUseVertexBufferObjects(true);
        osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array(unsigned(a.vertexCount));
        for (std::size_t i = 0; i < a.vertexCount; ++i)
            (*v)[i].set(a.positions[3 * i], a.positions[3 * i + 1], a.positions[3 * i + 2]);
        g->setVertexArray(v);
        if (a.normals.size() == a.vertexCount * 3) {
            osg::ref_ptr<osg::Vec3Array> n = new osg::Vec3Array(unsigned(a.vertexCount));
            for (std::size_t i = 0; i < a.vertexCount; ++i)
                (*n)[i].set(a.normals[3 * i], a.normals[3 * i + 1], a.normals[3 * i + 2]);
            g->setNormalArray(n, osg::Array::BIND_PER_VERTEX);
        }
        if (a.texcoords.size() == a.vertexCount * 2) {
            osg::ref_ptr<osg::Vec2Array> t = new osg::Vec2Array(unsigned(a.vertexCount));
            // glTF's UV origin is the image's top left; OSG's images start at the bottom row.
            for (std::size_t i = 0; i < a.vertexCount; ++i)
                (*t)[i].set(a.texcoords[2 * i], 1.0f - a.texcoords[2 * i + 1]);
            g->setTexCoordArray(0, t, osg::Array::BIND_PER_VERTEX);
        }
        if (a.colorComponents &&
            a.colors.size() == a.vertexCount * std::size_t(a.colorComponents)) {
            osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array(unsigned(a.vertexCount));
            for (std::size_t i = 0; i < a.vertexCount; ++i) {
                const float* p = &a.colors[i * std::size_t(a.colorComponents)];
                (*c)[i].set(p[0], p[1], p[2], a.colorComponents == 4 ? p[3] : 1.0f);
            }
            g->setColorArray(c, osg::Array::BIND_PER_VERTEX);
        }
        if (a.indexed) {
            osg::ref_ptr<osg::DrawElementsUInt> e =
                new osg::DrawElementsUInt(mode, a.indices.begin(), a.indices.end());
            g->addPrimitiveSet(e);
        } else {
            g->addPrimitiveSet(new osg::DrawArrays(mode, 0, GLsizei(a.vertexCount)));
        }
        if (!g->getNormalArray() && mode >= GL_TRIANGLES)
            osgUtil::SmoothingVisitor::smooth(*g);
        g->setStateSet(material(prim.material, g->getColorArray() != nullptr));
        if (_features)
            if (auto pick = pickDataFor(_model, prim, *g, _reader, *_features, field, _diagnostics))
                g->setUserData(pick);
        ++_drawn;
        return g;
    }

    osg::ref_ptr<osg::StateSet> material(int index, bool vertexColors) {
        const auto key = std::make_pair(index, vertexColors);
        if (auto it = _materials.find(key); it != _materials.end())
            return it->second;
        osg::ref_ptr<osg::StateSet> ss = new osg::StateSet;
        osg::ref_ptr<osg::Material> m = new osg::Material;
        osg::Vec4 base(1, 1, 1, 1);
        bool blend = false, doubleSided = false;
        if (index >= 0 && std::size_t(index) < _model.materials.size()) {
            const auto& mat = _model.materials[std::size_t(index)];
            const auto& f = mat.pbrMetallicRoughness.baseColorFactor;
            if (f.size() == 4)
                base.set(float(f[0]), float(f[1]), float(f[2]), float(f[3]));
            blend = mat.alphaMode == "BLEND";
            doubleSided = mat.doubleSided;
            if (auto tex = texture(mat.pbrMetallicRoughness.baseColorTexture.index,
                                   indexField("materials", std::size_t(index))))
                ss->setTextureAttributeAndModes(0, tex, osg::StateAttribute::ON);
        } else if (index >= 0) {
            warn("material " + std::to_string(index) + " does not exist; white used", "materials");
        }
        // Fixed-function stand-in for PBR: base colour lit as diffuse, a dim
        // ambient so unlit sides are not black.
        m->setDiffuse(osg::Material::FRONT_AND_BACK, base);
        m->setAmbient(osg::Material::FRONT_AND_BACK,
                      osg::Vec4(base.r() * 0.3f, base.g() * 0.3f, base.b() * 0.3f, base.a()));
        m->setSpecular(osg::Material::FRONT_AND_BACK, osg::Vec4(0.05f, 0.05f, 0.05f, 1));
        if (vertexColors)
            m->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
        ss->setAttributeAndModes(m, osg::StateAttribute::ON);
        if (blend || base.a() < 1.0f) {
            ss->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA),
                                     osg::StateAttribute::ON);
            ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
        }
        if (!doubleSided)
            ss->setAttributeAndModes(new osg::CullFace(osg::CullFace::BACK),
                                     osg::StateAttribute::ON);
        ss->setMode(GL_NORMALIZE, osg::StateAttribute::ON);  // placement may scale
        _materials[key] = ss;
        return ss;
    }

    osg::ref_ptr<osg::Texture2D> texture(int index, const std::string& field) {
        if (index < 0)
            return nullptr;
        if (auto it = _textures.find(index); it != _textures.end())
            return it->second;
        osg::ref_ptr<osg::Texture2D> result;
        if (std::size_t(index) >= _model.textures.size()) {
            warn("texture " + std::to_string(index) + " does not exist", field);
        } else if (auto image = decodeImage(_model.textures[std::size_t(index)].source)) {
            result = new osg::Texture2D(image);
            result->setWrap(osg::Texture::WRAP_S, osg::Texture::REPEAT);
            result->setWrap(osg::Texture::WRAP_T, osg::Texture::REPEAT);
            result->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
            result->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
            result->setResizeNonPowerOfTwoHint(false);
        }
        _textures[index] = result;
        return result;
    }

    osg::ref_ptr<osg::Image> decodeImage(int index) {
        const std::string field = indexField("images", std::size_t(std::max(index, 0)));
        if (index < 0 || std::size_t(index) >= _model.images.size()) {
            warn("image " + std::to_string(index) + " does not exist", field);
            return nullptr;
        }
        // The bytes are stored as found (see GltfModelLoader's image callback).
        const auto& bytes = _model.images[std::size_t(index)].image;
        std::string ext;
        if (bytes.size() > 4 && bytes[0] == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' &&
            bytes[3] == 'G')
            ext = "png";
        else if (bytes.size() > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8)
            ext = "jpeg";
        if (ext.empty()) {
            warn("image is neither PNG nor JPEG (or missing); texture skipped", field);
            return nullptr;
        }
        osgDB::ReaderWriter* rw = osgDB::Registry::instance()->getReaderWriterForExtension(ext);
        if (!rw) {
            warn("no OSG plugin reads " + ext + " images; texture skipped", field);
            return nullptr;
        }
        std::istringstream in(std::string(bytes.begin(), bytes.end()));
        osgDB::ReaderWriter::ReadResult rr = rw->readImage(in);
        if (!rr.validImage()) {
            warn("the " + ext + " image cannot be decoded; texture skipped", field);
            return nullptr;
        }
        return rr.getImage();
    }

    const tinygltf::Model& _model;
    const std::string& _source;
    formats::GltfAccessorReader _reader;
    std::vector<geo::Diagnostic> _diagnostics;
    std::set<int> _onPath;
    std::map<int, osg::ref_ptr<osg::Geode>> _meshes;
    std::map<std::pair<int, bool>, osg::ref_ptr<osg::StateSet>> _materials;
    std::map<int, osg::ref_ptr<osg::Texture2D>> _textures;
    std::size_t _drawn = 0;
    const GltfFeatureBinding* _features = nullptr;
};

}  // namespace

geo::Result<osg::ref_ptr<osg::Node>> buildGltfScene(const tinygltf::Model& model,
                                                    const std::string& source,
                                                    const GltfFeatureBinding* features) {
    return SceneBuilder(model, source, features).build();
}

}  // namespace citytwin::render::detail
