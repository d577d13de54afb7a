#include "ScenarioTestSupport.h"

namespace citytwin::assets::test {
namespace {

const MetricPlane& lujiazui() {
    static const MetricPlane plane({121.5, 31.24, 0.0});
    return plane;
}

NetworkNode node(const std::string& id, NetworkNodeKind kind, double e, double n) {
    NetworkNode out;
    out.id = id;
    out.kind = kind;
    if (kind == NetworkNodeKind::Core)
        out.maybeCoreKind = CoreNodeKind::MachineRoom;
    out.operatorName = "China Telecom";
    out.position = metresAt(e, n);
    out.coverageRadiusM = kind == NetworkNodeKind::Site ? 300.0 : 0.0;
    return out;
}

}  // namespace

geo::GeoPoint metresAt(double east, double north) {
    return lujiazui().toGeographic({east, north});
}

geo::Polygon squareAt(double east, double north, double h) {
    geo::Polygon p;
    p.rings.push_back({metresAt(east - h, north - h), metresAt(east + h, north - h),
                       metresAt(east + h, north + h), metresAt(east - h, north + h),
                       metresAt(east - h, north - h)});
    return p;
}

NetworkModel ringNetwork() {
    std::vector<NetworkNode> nodes = {
        node("C", NetworkNodeKind::Core, 0, 0),        node("S1", NetworkNodeKind::Site, 1000, 0),
        node("S2", NetworkNodeKind::Site, 1000, 1000), node("S3", NetworkNodeKind::Site, 2000, 0),
        node("S5", NetworkNodeKind::Site, -1000, 0),   node("S6", NetworkNodeKind::Site, -2000, 0),
    };
    const auto find = [&](const std::string& id) {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].id == id)
                return i;
        return std::size_t{0};
    };
    std::vector<NetworkEdge> edges;
    std::unordered_map<std::string, std::vector<geo::GeoPoint>> lines;
    const auto cable = [&](const std::string& id, const std::string& a, const std::string& b) {
        const auto& pa = nodes[find(a)].position;
        const auto& pb = nodes[find(b)].position;
        lines[id] = {pa, pb};
        const auto d = MetricPlane(pa).distanceFromOrigin(pb);
        edges.push_back({id, find(a), find(b), 0.0, d});
    };
    cable("A", "C", "S1");
    cable("B", "S1", "S2");
    cable("D", "S2", "C");
    cable("E", "S1", "S3");
    cable("F", "C", "S5");
    cable("G", "S5", "S6");
    return NetworkModel(std::move(nodes), std::move(edges), std::move(lines));
}

Cable straightCable(const std::string& id, CableClass cls, double e0, double n0, double e1,
                    double n1, std::optional<Waters> waters) {
    Cable c;
    c.id = id;
    c.operatorName = "China Telecom";
    c.maybeCableClass = cls;
    c.maybeWaters = waters;
    c.status = "active";
    c.lines.push_back({metresAt(e0, n0), metresAt(e1, n1)});
    return c;
}

AssetProject projectWithCables(std::vector<Cable> cables) {
    AssetProject p;
    p.sourcePath = "test";
    p.cables = std::move(cables);
    return p;
}

Scenario emptyScenario(double hours) {
    Scenario s;
    s.sourcePath = "test.json";
    s.nameZh = "测试";
    s.nameEn = "test";
    s.seed = 7;
    s.start = kT0;
    s.end = kT0 + static_cast<geo::TimeMs>(hours * 3600000.0);
    return s;
}

std::vector<LogEntry> entriesOf(const ScenarioRun& run, LogEventKind kind) {
    std::vector<LogEntry> out;
    for (const auto& e : run.log)
        if (e.kind == kind)
            out.push_back(e);
    return out;
}

}  // namespace citytwin::assets::test
