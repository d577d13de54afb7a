#pragma once
// Which labels to draw where they would overlap on screen: the most
// important first (a map's rule), each shown only if it overlaps no label
// already shown and no obstacle (sensor pins, say). Plain geometry in
// window pixels, so it is tested without a window.

#include <osg/Vec2d>

#include <string>
#include <vector>

namespace citytwin::render {

struct ScreenBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< window pixels, x0 <= x1, y0 <= y1

    bool overlaps(const ScreenBox& o) const {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

/// The box a one-line text of `sizePixels` takes centred at `centre`: CJK
/// characters a full em wide, others a little over half, a halo's pixels round.
ScreenBox textBox(const osg::Vec2d& centre, const std::string& utf8, double sizePixels);

/// For each label (in order of importance), whether it is shown.
std::vector<bool> declutter(const std::vector<ScreenBox>& labels,
                            const std::vector<ScreenBox>& obstacles = {});

}  // namespace citytwin::render
