#pragma once
// Asks OSG's real DatabasePager (its threads, not ours) for every child file
// the PagedLODs under a node name, level after level, as a camera coming
// close enough would; merges each level before the next. Shared by the
// paging tests and the tile-cache fly-through bench.

#include <osg/Node>

#include <chrono>
#include <cstddef>

namespace citytwin::test {

/// Pages in up to `maxLevels` levels, polling the pager every `poll`.
/// Files that cannot be read stay unloaded and are not asked for again.
/// Returns how many child files were requested; throws std::runtime_error
/// if a level's requests are still in progress after 300 s.
std::size_t pageEveryLevel(osg::Node& root, int maxLevels = 8,
                           std::chrono::milliseconds poll = std::chrono::milliseconds(5));

}  // namespace citytwin::test
