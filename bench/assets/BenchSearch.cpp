// bench_search: the search box's per-keystroke time on 200,000 buildings
// (issue 17, item 3: < 50 ms). Names are generated like OSM's: a Chinese
// name, an English one and an id per building; queries are typed one
// character at a time, as the box searches on every keystroke.

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "citytwin/assets/NameIndex.h"

using namespace citytwin;

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::stoul(argv[1]) : 200000;
    const char* zh[] = {"大厦", "中心", "花园", "广场", "小区", "学校", "医院", "公寓"};
    const char* road[] = {"南京路", "淮海路", "世纪大道", "陆家嘴环路", "浦东大道", "四川北路"};
    const char* en[] = {"Tower", "Centre", "Garden", "Plaza", "Estate", "School", "Hospital"};
    auto layer = std::make_shared<geo::FeatureLayer>();
    for (std::size_t i = 0; i < count; ++i) {
        geo::Feature f;
        f.attributes.push_back({"id", std::to_string(100000000 + i * 7919 % 900000000)});
        f.attributes.push_back(
            {"name", std::string(road[i % 6]) + std::to_string(i % 1500) + "号" + zh[i % 8]});
        f.attributes.push_back({"name:en", "No. " + std::to_string(i % 1500) + " " + en[i % 7]});
        layer->features.push_back(std::move(f));
    }
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    assets::NameIndex index;
    index.addLayer("buildings", layer);
    const double buildMs = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    std::printf("%zu buildings, %zu names indexed in %.1f ms\n", count, index.size(), buildMs);
    for (const std::string query : {"世纪大道1234号", "hospital", "no. 149", "104729"}) {
        double worst = 0.0, total = 0.0;
        std::size_t keys = 0, hits = 0;
        for (std::size_t n = 1; n <= query.size(); ++n) {
            if ((query[n - 1] & 0xC0) == 0x80 && n < query.size() && (query[n] & 0xC0) == 0x80)
                continue;  // within a UTF-8 character: no keystroke yet
            const auto s = clock::now();
            hits = index.find(query.substr(0, n)).size();
            const double ms = std::chrono::duration<double, std::milli>(clock::now() - s).count();
            worst = std::max(worst, ms);
            total += ms;
            ++keys;
        }
        std::printf("%-22s %2zu keystrokes: mean %.2f ms, worst %.2f ms, %zu hits at the end\n",
                    query.c_str(), keys, total / double(keys), worst, hits);
    }
    return 0;
}
