#include "citytwin/assets/PackedRTree.h"

#include <algorithm>
#include <cmath>

namespace citytwin::assets {
namespace {

bool intersects(const geo::Extent& a, const geo::Extent& b) {
    return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/// Sort-Tile-Recursive ordering of boxes: vertical slices by x, each sorted by y.
template <typename T, typename BoxOf>
void strSort(std::vector<T>& v, std::size_t capacity, BoxOf boxOf) {
    const std::size_t n = v.size();
    if (n <= capacity)
        return;
    const std::size_t pages = (n + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(pages))));
    const std::size_t perSlice = slices * capacity;
    std::sort(v.begin(), v.end(),
              [&](const T& a, const T& b) { return boxOf(a).centerX() < boxOf(b).centerX(); });
    for (std::size_t s = 0; s < n; s += perSlice) {
        const auto end = v.begin() + static_cast<std::ptrdiff_t>(std::min(n, s + perSlice));
        std::sort(v.begin() + static_cast<std::ptrdiff_t>(s), end,
                  [&](const T& a, const T& b) { return boxOf(a).centerY() < boxOf(b).centerY(); });
    }
}

}  // namespace

PackedRTree::PackedRTree(std::vector<Item> items, int nodeCapacity) {
    const std::size_t capacity = static_cast<std::size_t>(std::max(2, nodeCapacity));
    items.erase(
        std::remove_if(items.begin(), items.end(), [](const Item& i) { return i.box.isEmpty(); }),
        items.end());
    _items = std::move(items);
    _leafCount = _items.size();
    if (_items.empty())
        return;
    strSort(_items, capacity, [](const Item& i) -> const geo::Extent& { return i.box; });

    std::vector<Node> level;
    for (std::size_t i = 0; i < _items.size(); i += capacity) {
        Node node;
        node.first = static_cast<std::uint32_t>(i);
        node.count = static_cast<std::uint32_t>(std::min(capacity, _items.size() - i));
        for (std::uint32_t k = 0; k < node.count; ++k)
            node.box.add(_items[i + k].box);
        level.push_back(node);
    }
    _levels.push_back(std::move(level));
    while (_levels.back().size() > 1) {
        auto& below = _levels.back();
        strSort(below, capacity, [](const Node& n) -> const geo::Extent& { return n.box; });
        std::vector<Node> above;
        for (std::size_t i = 0; i < below.size(); i += capacity) {
            Node node;
            node.first = static_cast<std::uint32_t>(i);
            node.count = static_cast<std::uint32_t>(std::min(capacity, below.size() - i));
            for (std::uint32_t k = 0; k < node.count; ++k)
                node.box.add(below[i + k].box);
            above.push_back(node);
        }
        _levels.push_back(std::move(above));
    }
}

void PackedRTree::query(const geo::Extent& box, std::vector<std::uint32_t>& out) const {
    if (_levels.empty() || box.isEmpty())
        return;
    // Iterative descent: (level, node index) pairs.
    std::vector<std::pair<std::size_t, std::uint32_t>> stack;
    const std::size_t top = _levels.size() - 1;
    for (std::uint32_t i = 0; i < _levels[top].size(); ++i)
        stack.emplace_back(top, i);
    while (!stack.empty()) {
        const auto [lvl, idx] = stack.back();
        stack.pop_back();
        const Node& node = _levels[lvl][idx];
        if (!intersects(node.box, box))
            continue;
        if (lvl == 0) {
            for (std::uint32_t k = 0; k < node.count; ++k) {
                const Item& item = _items[node.first + k];
                if (intersects(item.box, box))
                    out.push_back(item.value);
            }
        } else {
            for (std::uint32_t k = 0; k < node.count; ++k)
                stack.emplace_back(lvl - 1, node.first + k);
        }
    }
}

}  // namespace citytwin::assets
