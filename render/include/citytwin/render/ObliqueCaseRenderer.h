#pragma once
// The oblique 3D view of an inspection report's case (issue 18: "top-down
// or oblique by choice"): the report model's shapes (base map with its
// buildings extruded to their height, protection zones, works area, search
// radii, related features, the site or the audit's findings) built as a
// small OSG scene in report-CRS metres and drawn off-screen into a pbuffer,
// seen from the south looking north, 45 degrees down, framed on the case.
// It draws from the model, not the window's scene, so the GUI and the CLI
// make the same picture and the view's position never changes it.
//
// Needs an OpenGL display (X: DISPLAY; Xvfb does): without one it fails
// with a message saying so. Thread safety: creates its own context; call
// it from one thread at a time (OSG's pbuffer on X).

#include <string>

#include "citytwin/geo/Result.h"

namespace citytwin::assets {
struct ReportModel;
}

namespace citytwin::render {

struct ObliqueImage {
    int width = 0, height = 0;
    std::string png;  ///< PNG bytes
};

/// The report's image size (assets::kObliqueAspect): about 200 dpi across
/// an A4 text column.
inline constexpr int kObliqueWidthPx = 1500;
inline constexpr int kObliqueHeightPx = 1000;

/// Renders the case of `model` widthPx x heightPx and encodes it as PNG.
geo::Result<ObliqueImage> renderObliqueCase(const assets::ReportModel& model, int widthPx,
                                            int heightPx);

}  // namespace citytwin::render
