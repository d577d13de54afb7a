#pragma once
// The night style's lit windows (issue #13 item 8): after dark the walls of
// extruded buildings show rows of warm windows, some lit, some not, as a
// city reads at night. A small GLSL program on the nodes the builder marks
// (building tiles, flat areas, the ground plane), lit as the fixed-function
// pipeline lights them (light 0, the light model's ambient, the fog) — so
// the ground and the water, unlit by day, go dark with the night — plus the
// windows' own light on walls; roads, labels and pins keep their colours
// and glow. By day the program is removed and nothing changes.
//
// Thread safety: render thread (it changes state sets of the live scene).

#include <osg/Node>
#include <osg/Program>
#include <osg/Uniform>
#include <osg/ref_ptr>

namespace citytwin::render {

/// What a marked node is: walls get the windows; the ground and flat areas
/// only the night's light and haze, by a lighter program (they cover much
/// of the screen: measured in bench/render/README.md).
enum class NightSurface { Walls = 1, Ground = 2 };

class NightWindows {
public:
    NightWindows();

    /// Marks a node for the night style (LayerNodeBuilder's tiles, the ground).
    static void mark(osg::Node& node, NightSurface surface = NightSurface::Walls);
    static bool isMarked(const osg::Node& node);

    /// 0: daylight, no windows lit (the program is off); up to 1: full night.
    void setStrength(float strength);
    float strength() const { return _strength; }
    /// Puts the program on (strength > 0) or off every marked node under `root`.
    void applyTo(osg::Node& root) const;

private:
    osg::ref_ptr<osg::Program> _program;        ///< walls: lit, hazed, windows
    osg::ref_ptr<osg::Program> _groundProgram;  ///< ground and areas: lit and hazed
    osg::ref_ptr<osg::Uniform> _uniform;
    float _strength = 0.f;
};

}  // namespace citytwin::render
