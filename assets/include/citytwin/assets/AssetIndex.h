#pragma once
// Spatial index of a loaded AssetProject: one packed R-tree per layer, built
// on load, over WGS 84 boxes. Queries take a box and a search distance in
// metres; the box is grown by a conservative number of degrees for that
// distance at its latitude, and the checkers then measure exact metric
// distances on the few candidates returned.
//
// Mode::BruteForce returns every feature instead: the baseline the bench
// compares against, through the same checking code.
//
// Thread safety: const queries may run concurrently. The project must outlive
// the index.

#include <cstdint>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/PackedRTree.h"

namespace citytwin::assets {

/// A run of consecutive vertices of one cable part (a few segments).
struct CableRun {
    std::uint32_t cable = 0;  ///< index into AssetProject::cables
    std::uint32_t part = 0;   ///< index into Cable::lines
    std::uint32_t first = 0;  ///< first vertex
    std::uint32_t last = 0;   ///< last vertex (inclusive)
};

class AssetIndex {
public:
    enum class Mode { RTree, BruteForce };

    explicit AssetIndex(const AssetProject& project, Mode mode = Mode::RTree);

    const AssetProject& project() const { return _project; }
    Mode mode() const { return _mode; }
    /// Extent of every feature (WGS 84 degrees).
    const geo::Extent& extent() const { return _extent; }

    /// Candidates (indices into the project's vectors) whose box comes within
    /// radiusM metres of `box`. A superset: measure before using.
    std::vector<std::uint32_t> baseStations(const geo::Extent& box, double radiusM) const;
    std::vector<std::uint32_t> publicFacilities(const geo::Extent& box, double radiusM) const;
    std::vector<std::uint32_t> publicPlaces(const geo::Extent& box, double radiusM) const;
    std::vector<std::uint32_t> interferenceSources(const geo::Extent& box, double radiusM) const;
    std::vector<std::uint32_t> coverageTargets(const geo::Extent& box, double radiusM) const;
    std::vector<CableRun> cableRuns(const geo::Extent& box, double radiusM) const;

    /// `box` grown by radiusM metres (conservatively, in degrees).
    static geo::Extent grow(const geo::Extent& box, double radiusM);
    /// The box of one point.
    static geo::Extent boxOf(const geo::GeoPoint& p);

private:
    std::vector<std::uint32_t> query(const PackedRTree& tree, std::size_t count,
                                     const geo::Extent& box, double radiusM) const;

    const AssetProject& _project;
    Mode _mode;
    geo::Extent _extent;
    PackedRTree _baseStations, _facilities, _places, _interference, _coverage, _cableRuns;
    std::vector<CableRun> _runs;
};

}  // namespace citytwin::assets
