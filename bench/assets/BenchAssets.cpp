// bench_assets: a generated city of 20,000 sites, 200,000 public facilities and
// 5,000 km of cables (plus places, interference sources and coverage targets);
// median check-site latency and whole-city audit time through the packed
// R-tree, beside a brute-force scan of the same data in the same run.
//
// usage: bench_assets [--sites N] [--facilities N] [--cable-km K] [--checks N] [--seed S]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/MetricPlane.h"

using namespace citytwin;
using namespace citytwin::assets;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int sites = 20000;
    int facilities = 200000;
    double cableKm = 5000.0;
    int places = 2000;
    int interference = 500;
    int targets = 1000;
    int checks = 400;      // indexed site checks
    int bruteChecks = 40;  // brute-force site checks (each scans everything)
    unsigned seed = 42;
};

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

/// A 40 km x 40 km city centred on People's Square.
AssetProject generateCity(const Options& o) {
    std::mt19937 rng(o.seed);
    std::uniform_real_distribution<double> u(-20000.0, 20000.0);
    std::uniform_real_distribution<double> angle(0.0, 2.0 * M_PI);
    const MetricPlane plane({121.4737, 31.2304, 0.0});
    const auto at = [&](double e, double n) { return plane.toGeographic({e, n}); };
    const char* operators[] = {"China Mobile", "China Unicom", "China Telecom", "China Tower"};
    const SiteStatus statuses[] = {SiteStatus::Active,         SiteStatus::Active,
                                   SiteStatus::Active,         SiteStatus::Planned,
                                   SiteStatus::Decommissioned, SiteStatus::Removed};
    AssetProject p;
    p.sourcePath = "generated";
    for (int i = 0; i < o.sites; ++i) {
        BaseStation s;
        s.id = "S" + std::to_string(i);
        s.operatorName = operators[i % 4];
        s.maybeHostType = static_cast<HostType>(i % 11);
        s.maybeStatus = statuses[i % 6];
        s.maybeStatusDate = IsoDate{20000 + i % 400};
        s.maybeSpareCapacity = i % 3;
        s.maybeCoverageRadiusM = 150.0 + (i % 5) * 50.0;
        s.maybeLastInspection = IsoDate{20200 + i % 300};
        s.maybeInspectionIntervalDays = 180;
        s.maybeSignStatus = static_cast<SignStatus>(i % 3);
        s.position = at(u(rng), u(rng));
        p.baseStations.push_back(std::move(s));
    }
    for (int i = 0; i < o.facilities; ++i) {
        PublicFacility f;
        f.id = "F" + std::to_string(i);
        f.maybeKind = static_cast<FacilityKind>(i % 7);
        f.suitable = i % 10 != 0;
        f.position = at(u(rng), u(rng));
        p.publicFacilities.push_back(std::move(f));
    }
    for (int i = 0; i < o.places; ++i) {
        PublicPlace pl;
        pl.id = "P" + std::to_string(i);
        pl.maybeKind = static_cast<PlaceKind>(i % 11);
        pl.geometry.points.push_back(at(u(rng), u(rng)));
        p.publicPlaces.push_back(std::move(pl));
    }
    for (int i = 0; i < o.interference; ++i)
        p.interferenceSources.push_back(
            {"I" + std::to_string(i), "radar", 100.0, at(u(rng), u(rng))});
    // Cables: 2 km random walks with a vertex every 50 m.
    const int cables = static_cast<int>(o.cableKm / 2.0);
    for (int i = 0; i < cables; ++i) {
        Cable c;
        c.id = "C" + std::to_string(i);
        c.operatorName = operators[i % 4];
        c.maybeCableClass = static_cast<CableClass>(i % 4);  // land classes
        double e = u(rng), n = u(rng), heading = angle(rng);
        geo::LineString line;
        for (int k = 0; k <= 40; ++k) {
            line.push_back(at(e, n));
            heading += (angle(rng) - M_PI) * 0.1;
            e += 50.0 * std::cos(heading);
            n += 50.0 * std::sin(heading);
        }
        c.lines.push_back(std::move(line));
        p.cables.push_back(std::move(c));
    }
    for (int i = 0; i < o.targets; ++i) {
        CoverageTarget t;
        t.id = "T" + std::to_string(i);
        t.maybeKind = static_cast<CoverageKind>(i % 4);
        const double e = u(rng), n = u(rng);
        geo::Polygon sq;
        sq.rings.push_back({at(e - 40, n - 40), at(e + 40, n - 40), at(e + 40, n + 40),
                            at(e - 40, n + 40), at(e - 40, n - 40)});
        t.polygons.push_back(std::move(sq));
        p.coverageTargets.push_back(std::move(t));
    }
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const char* v = argv[i + 1];
        if (k == "--sites")
            o.sites = std::atoi(v);
        else if (k == "--facilities")
            o.facilities = std::atoi(v);
        else if (k == "--cable-km")
            o.cableKm = std::atof(v);
        else if (k == "--checks")
            o.checks = std::atoi(v);
        else if (k == "--seed")
            o.seed = static_cast<unsigned>(std::atoi(v));
        else {
            std::fprintf(stderr,
                         "usage: bench_assets [--sites N] [--facilities N] [--cable-km K] "
                         "[--checks N] [--seed S]\n");
            return 2;
        }
    }
    auto t0 = Clock::now();
    AssetProject city = generateCity(o);
    const double generateMs = ms(Clock::now() - t0);
    t0 = Clock::now();
    auto fast = InspectionContext::fromProject(city, defaultRules(), AssetIndex::Mode::RTree);
    const double indexMs = ms(Clock::now() - t0);
    auto slow = InspectionContext::fromProject(city, defaultRules(), AssetIndex::Mode::BruteForce);

    std::mt19937 rng(o.seed + 1);
    std::uniform_real_distribution<double> u(-19000.0, 19000.0);
    const MetricPlane plane({121.4737, 31.2304, 0.0});
    std::vector<SiteProposal> proposals;
    for (int i = 0; i < o.checks; ++i)
        proposals.push_back(
            {plane.toGeographic({u(rng), u(rng)}), "China Mobile", HostType::Tower});

    std::size_t findings = 0;
    std::vector<double> fastMs, slowMs;
    const SiteChecker fastChecker = fast->siteChecker(), slowChecker = slow->siteChecker();
    for (const auto& p : proposals) {
        const auto s = Clock::now();
        auto r = fastChecker.check(p);
        fastMs.push_back(ms(Clock::now() - s));
        findings += r.ok() ? r.value().size() : 0;
    }
    for (int i = 0; i < o.bruteChecks && i < o.checks; ++i) {
        const auto s = Clock::now();
        auto r = slowChecker.check(proposals[static_cast<std::size_t>(i)]);
        slowMs.push_back(ms(Clock::now() - s));
    }
    const IsoDate date{20600};
    t0 = Clock::now();
    const auto fastAudit = fast->auditor().audit(date);
    const double fastAuditMs = ms(Clock::now() - t0);
    t0 = Clock::now();
    const auto slowAudit = slow->auditor().audit(date);
    const double slowAuditMs = ms(Clock::now() - t0);

    std::printf(
        "generated city: %d sites, %d public facilities, %.0f km of cables (%zu cables), %d "
        "places, %d "
        "interference sources, %d coverage targets (%.0f ms)\n",
        o.sites, o.facilities, o.cableKm, city.cables.size(), o.places, o.interference, o.targets,
        generateMs);
    std::printf("index build (packed R-trees): %.1f ms\n", indexMs);
    std::printf(
        "check-site median: R-tree %.3f ms (n=%d, %zu findings) | brute force %.3f ms (n=%zu) | "
        "ratio %.0fx\n",
        median(fastMs), o.checks, findings, median(slowMs), slowMs.size(),
        median(slowMs) / median(fastMs));
    std::printf(
        "audit whole city: R-tree %.1f ms (%zu findings) | brute force %.1f ms (%zu findings) | "
        "ratio %.1fx\n",
        fastAuditMs, fastAudit.size(), slowAuditMs, slowAudit.size(), slowAuditMs / fastAuditMs);
    std::printf("aims: check < 20 ms: %s; audit < 2 s: %s\n",
                median(fastMs) < 20.0 ? "met" : "NOT met",
                fastAuditMs < 2000.0 ? "met" : "NOT met");
    return fastAudit.size() == slowAudit.size() ? 0 : 1;
}
