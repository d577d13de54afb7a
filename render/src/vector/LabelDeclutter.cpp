#include "citytwin/render/LabelDeclutter.h"

namespace citytwin::render {
namespace {

/// Code points of UTF-8 text (continuation bytes skipped).
std::vector<char32_t> codePoints(const std::string& utf8) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        const int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

}  // namespace

ScreenBox textBox(const osg::Vec2d& centre, const std::string& utf8, double sizePixels) {
    constexpr double kHalo = 2.0;  // the outline drawn round the glyphs
    double width = 0.0;
    for (char32_t cp : codePoints(utf8))
        width += (cp >= 0x2E80 ? 1.0 : 0.6) * sizePixels;
    const double halfW = 0.5 * width + kHalo, halfH = 0.6 * sizePixels + kHalo;
    return {centre.x() - halfW, centre.y() - halfH, centre.x() + halfW, centre.y() + halfH};
}

std::vector<bool> declutter(const std::vector<ScreenBox>& labels,
                            const std::vector<ScreenBox>& obstacles) {
    std::vector<bool> shown(labels.size(), false);
    std::vector<ScreenBox> taken = obstacles;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        bool free = true;
        for (const ScreenBox& t : taken)
            if (labels[i].overlaps(t)) {
                free = false;
                break;
            }
        if (free) {
            shown[i] = true;
            taken.push_back(labels[i]);
        }
    }
    return shown;
}

}  // namespace citytwin::render
