#include "citytwin/render/NightWindows.h"

#include <osg/NodeVisitor>
#include <osg/Shader>
#include <osg/UserDataContainer>

#include <algorithm>
#include <string>

namespace citytwin::render {
namespace {

const char* const kMark = "citytwin.nightWindows";

// GLSL 1.20 (compatibility profile, as llvmpipe and every desktop driver
// give it): the fixed-function light, colour-material and fog done here.
// Two-sided, directional light 0 and the scene's ambient, as the
// material's colour mode AMBIENT_AND_DIFFUSE lights the vertex colour; and
// the eye distance the fog needs. Shared by both programs.
const char* const kLitVertex = R"(
varying vec4 litColour;
varying float eyeDistance;
vec3 litVertex() {
    vec4 eye = gl_ModelViewMatrix * gl_Vertex;
    vec3 n = normalize(gl_NormalMatrix * gl_Normal);
    float d = abs(dot(n, normalize(gl_LightSource[0].position.xyz)));
    vec3 light = gl_LightModel.ambient.rgb + gl_LightSource[0].diffuse.rgb * d;
    litColour = vec4(gl_Color.rgb * light, gl_Color.a);
    eyeDistance = length(eye.xyz);
    gl_Position = ftransform();
    return n;
}
)";

const char* const kWallsVertex = R"(
uniform mat4 osg_ViewMatrixInverse;
varying vec3 cityPos;
varying vec3 cityNormal;
void main() {
    vec3 n = litVertex();
    cityPos = (osg_ViewMatrixInverse * (gl_ModelViewMatrix * gl_Vertex)).xyz;
    cityNormal = normalize(mat3(osg_ViewMatrixInverse) * n);
}
)";

// The ground and flat areas: lit and hazed only, no window pattern (and
// none of its varyings: they cover much of the screen).
const char* const kGroundVertex = R"(
void main() { litVertex(); }
)";

const char* const kGroundFragment = R"(#version 120
varying vec4 litColour;
varying float eyeDistance;
void main() {
    float fog = clamp((gl_Fog.end - eyeDistance) * gl_Fog.scale, 0.0, 1.0);
    gl_FragColor = vec4(mix(gl_Fog.color.rgb, litColour.rgb, fog), litColour.a);
}
)";

const char* const kFragment = R"(#version 120
uniform float citytwin_nightWindows;
varying vec3 cityPos;
varying vec3 cityNormal;
varying vec4 litColour;
varying float eyeDistance;
// A hash without sin(): llvmpipe evaluates sin as a long polynomial, and
// this runs for every lit window (Dave Hoskins' hash12).
float hash(vec2 p) {
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}
void main() {
    vec3 c = litColour.rgb;
    // Walls only (roofs look up): windows 3.2 m apart, storeys of 3.6 m.
    if (abs(cityNormal.z) < 0.3 && cityPos.z > 1.0) {
        bool alongY = abs(cityNormal.x) > abs(cityNormal.y);
        float along = (alongY ? cityPos.y : cityPos.x) * (1.0 / 3.2);
        vec2 g = vec2(along, cityPos.z * (1.0 / 3.6));
        vec2 f = fract(g);
        if (f.x > 0.18 && f.x < 0.82 && f.y > 0.3 && f.y < 0.82) {
            float across = alongY ? cityPos.x : cityPos.y;
            vec2 cell = floor(g) + vec2(floor(across * (1.0 / 7.0)) * 17.0, 0.0);
            float on = step(0.45, hash(cell));
            c += vec3(1.0, 0.76, 0.42) * (0.85 * on + 0.05) * citytwin_nightWindows;
        }
    }
    float fog = clamp((gl_Fog.end - eyeDistance) * gl_Fog.scale, 0.0, 1.0);
    gl_FragColor = vec4(mix(gl_Fog.color.rgb, c, fog), litColour.a);
}
)";

/// The surface a node was marked as (0: not marked).
int markOf(const osg::Node& node) {
    int surface = 0;
    return node.getUserValue(kMark, surface) ? surface : 0;
}

osg::ref_ptr<osg::Program> program(const char* name, const std::string& vertex,
                                   const char* fragment) {
    osg::ref_ptr<osg::Program> p = new osg::Program;
    p->setName(name);
    p->addShader(new osg::Shader(osg::Shader::VERTEX, vertex));
    p->addShader(new osg::Shader(osg::Shader::FRAGMENT, fragment));
    return p;
}

class MarkedApplier : public osg::NodeVisitor {
public:
    MarkedApplier(osg::Program* walls, osg::Program* ground, osg::Uniform* uniform, bool on)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN),
          _walls(walls),
          _ground(ground),
          _uniform(uniform),
          _on(on) {}
    void apply(osg::Node& node) override {
        const int surface = markOf(node);
        if (surface == 0) {
            traverse(node);
            return;
        }
        osg::Program* program = surface == int(NightSurface::Ground) ? _ground : _walls;
        osg::StateSet* ss = node.getOrCreateStateSet();
        if (_on) {
            ss->setAttributeAndModes(program);
            ss->addUniform(_uniform);
        } else {
            ss->removeAttribute(program);
            ss->removeUniform(_uniform);
        }
    }

private:
    osg::Program* _walls;
    osg::Program* _ground;
    osg::Uniform* _uniform;
    bool _on;
};

}  // namespace

NightWindows::NightWindows()
    : _program(program("nightWindows", std::string("#version 120\n") + kLitVertex + kWallsVertex,
                       kFragment)),
      _groundProgram(program("nightGround",
                             std::string("#version 120\n") + kLitVertex + kGroundVertex,
                             kGroundFragment)),
      _uniform(new osg::Uniform("citytwin_nightWindows", 0.f)) {}

void NightWindows::mark(osg::Node& node, NightSurface surface) {
    node.setUserValue(kMark, int(surface));
}

bool NightWindows::isMarked(const osg::Node& node) {
    return markOf(node) != 0;
}

void NightWindows::setStrength(float strength) {
    _strength = std::clamp(strength, 0.f, 1.f);
    _uniform->set(_strength);
}

void NightWindows::applyTo(osg::Node& root) const {
    MarkedApplier applier(_program.get(), _groundProgram.get(), _uniform.get(), _strength > 0.f);
    root.accept(applier);
}

}  // namespace citytwin::render
