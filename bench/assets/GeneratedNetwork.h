#pragma once
// The benches' generated city network (bench_network, bench_scenario): a grid
// of 1 km duct blocks between machine rooms every 4 km and `sites` base
// stations 40-160 m off a random grid cable, each with a spur to it; and the
// brute-force baseline: a BFS of its own from every site until it meets a
// core node.

#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/network/NetworkModel.h"

namespace citytwin::bench {

/// A square city `km` on a side centred on People's Square.
assets::AssetProject generateNetworkCity(int sites, double km, unsigned seed);

/// Backhaul by a BFS from each site (the baseline of the network benches).
std::vector<bool> bruteBackhaul(const assets::NetworkModel& m, const assets::NetworkFailures& f);

}  // namespace citytwin::bench
