#pragma once
// The oblique 3D view of an inspection report's case (issue 18: "top-down
// or oblique by choice"): the report model's shapes (base map with its
// buildings extruded to their height, protection zones, works area, search
// radii, related features, the site or the audit's findings) built as a
// small OSG scene in report-CRS metres and drawn off-screen into a pbuffer,
// seen from the south looking north, 45 degrees down, framed on the case
// (widened where a tall building would put the camera below its roof).
// It draws from the model, not the window's scene, so the GUI and the CLI
// make the same picture and the view's position never changes it.
//
// Needs an OpenGL display (X: DISPLAY; Xvfb does): without one it fails
// with a message saying so. Thread safety: creates its own context; call
// it from one thread at a time (OSG's pbuffer on X).

#include <string>
#include <vector>

#include "citytwin/assets/ReportModel.h"
#include "citytwin/geo/Result.h"

namespace citytwin::render {

struct ObliqueImage {
    int width = 0, height = 0;
    std::string png;  ///< PNG bytes
    /// Labels to print over it (a detail map's distances), anchors in the image.
    std::vector<assets::ImageLabel> labels;
    /// Points the legend must not cover (the site, pins, measured ends).
    std::vector<assets::ImagePoint> keepClear;
};

/// The report's image size (assets::kObliqueAspect): about 200 dpi across
/// an A4 text column.
inline constexpr int kObliqueWidthPx = 1500;
inline constexpr int kObliqueHeightPx = 1000;

/// Renders the case of `model` widthPx x heightPx and encodes it as PNG.
geo::Result<ObliqueImage> renderObliqueCase(const assets::ReportModel& model, int widthPx,
                                            int heightPx);

/// The detail map of `finding` (its maybeDetailExtent, its measured lines
/// over the model's shapes) seen the same way, with the distances as labels.
geo::Result<ObliqueImage> renderObliqueDetail(const assets::ReportModel& model,
                                              const assets::ReportFinding& finding, int widthPx,
                                              int heightPx);

/// Where model.mapView shows the oblique view: renders the case
/// (model.obliquePng) and every finding's detail map (detailOblique) at
/// kObliqueWidthPx x kObliqueHeightPx; a failure says why it could not. The
/// CLI and the window both report through this.
geo::Status addObliqueViews(assets::ReportModel& model);

}  // namespace citytwin::render
