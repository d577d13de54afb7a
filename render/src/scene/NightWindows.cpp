#include "citytwin/render/NightWindows.h"

#include <osg/NodeVisitor>
#include <osg/Shader>
#include <osg/UserDataContainer>

#include <algorithm>

namespace citytwin::render {
namespace {

const char* const kMark = "citytwin.nightWindows";

// GLSL 1.20 (compatibility profile, as llvmpipe and every desktop driver
// give it): the fixed-function light, colour-material and fog done here.
const char* const kVertex = R"(#version 120
uniform mat4 osg_ViewMatrixInverse;
varying vec3 cityPos;
varying vec3 cityNormal;
varying vec4 litColour;
varying float eyeDistance;
void main() {
    vec4 eye = gl_ModelViewMatrix * gl_Vertex;
    vec3 n = normalize(gl_NormalMatrix * gl_Normal);
    cityPos = (osg_ViewMatrixInverse * eye).xyz;
    cityNormal = normalize(mat3(osg_ViewMatrixInverse) * n);
    // Two-sided, directional light 0 and the scene's ambient, as the
    // material's colour mode AMBIENT_AND_DIFFUSE lights the vertex colour.
    float d = abs(dot(n, normalize(gl_LightSource[0].position.xyz)));
    vec3 light = gl_LightModel.ambient.rgb + gl_LightSource[0].diffuse.rgb * d;
    litColour = vec4(gl_Color.rgb * light, gl_Color.a);
    eyeDistance = length(eye.xyz);
    gl_Position = ftransform();
}
)";

const char* const kFragment = R"(#version 120
uniform float citytwin_nightWindows;
varying vec3 cityPos;
varying vec3 cityNormal;
varying vec4 litColour;
varying float eyeDistance;
float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453); }
void main() {
    vec3 c = litColour.rgb;
    // Walls only (roofs look up): windows 3.2 m apart, storeys of 3.6 m.
    if (abs(cityNormal.z) < 0.3) {
        bool alongY = abs(cityNormal.x) > abs(cityNormal.y);
        float along = alongY ? cityPos.y : cityPos.x;
        float across = alongY ? cityPos.x : cityPos.y;
        vec2 cell = vec2(floor(along / 3.2), floor(cityPos.z / 3.6));
        vec2 f = vec2(fract(along / 3.2), fract(cityPos.z / 3.6));
        bool glass = f.x > 0.18 && f.x < 0.82 && f.y > 0.3 && f.y < 0.82 && cityPos.z > 1.0;
        float on = step(0.45, hash(cell + vec2(floor(across / 7.0) * 17.0, 0.0)));
        if (glass)
            c += vec3(1.0, 0.76, 0.42) * (0.85 * on + 0.05) * citytwin_nightWindows;
    }
    float fog = clamp((gl_Fog.end - eyeDistance) * gl_Fog.scale, 0.0, 1.0);
    gl_FragColor = vec4(mix(gl_Fog.color.rgb, c, fog), litColour.a);
}
)";

class MarkedApplier : public osg::NodeVisitor {
public:
    MarkedApplier(osg::Program* program, osg::Uniform* uniform, bool on)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), _program(program), _uniform(uniform), _on(on) {}
    void apply(osg::Node& node) override {
        if (!NightWindows::isMarked(node)) {
            traverse(node);
            return;
        }
        osg::StateSet* ss = node.getOrCreateStateSet();
        if (_on) {
            ss->setAttributeAndModes(_program);
            ss->addUniform(_uniform);
        } else {
            ss->removeAttribute(_program);
            ss->removeUniform(_uniform);
        }
    }

private:
    osg::Program* _program;
    osg::Uniform* _uniform;
    bool _on;
};

}  // namespace

NightWindows::NightWindows()
    : _program(new osg::Program), _uniform(new osg::Uniform("citytwin_nightWindows", 0.f)) {
    _program->setName("nightWindows");
    _program->addShader(new osg::Shader(osg::Shader::VERTEX, kVertex));
    _program->addShader(new osg::Shader(osg::Shader::FRAGMENT, kFragment));
}

void NightWindows::mark(osg::Node& node) {
    node.setUserValue(kMark, true);
}

bool NightWindows::isMarked(const osg::Node& node) {
    bool marked = false;
    return node.getUserValue(kMark, marked) && marked;
}

void NightWindows::setStrength(float strength) {
    _strength = std::clamp(strength, 0.f, 1.f);
    _uniform->set(_strength);
}

void NightWindows::applyTo(osg::Node& root) const {
    MarkedApplier applier(_program.get(), _uniform.get(), _strength > 0.f);
    root.accept(applier);
}

}  // namespace citytwin::render
