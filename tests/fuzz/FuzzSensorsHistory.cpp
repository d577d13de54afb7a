// The history importers' own parsers: the first byte picks a CSV mapping
// (JSON), TZif bytes and a POSIX TZ rule, or a wide CSV read through a
// mapping (the input's "MAPPING\n\nCSV", or the real file's mapping).

#include <unistd.h>

#include <cstdint>
#include <string>

#include "citytwin/geo/TimeZone.h"
#include "citytwin/sensors/CsvMapping.h"
#include "citytwin/sensors/FileSource.h"

using namespace citytwin::sensors;

namespace {

const char* kDefaultMapping = R"({
  "time": {"year": "year", "month": "month", "day": "day", "hour": "hour", "zone": "+08:00"},
  "columns": [
    {"column": "PM_Jingan", "sensor": "sh-jingan", "metric": "pm25", "unit": "ug/m3"},
    {"column": "TEMP", "sensor": "sh-weather", "metric": "temperature_c", "unit": "degC"}]})";

void feedMapped(const CsvMapping& mapping, const std::string& csv) {
    char path[] = "/tmp/citytwin-fuzz-XXXXXX.csv";
    const int fd = ::mkstemps(path, 4);
    if (fd < 0)
        return;
    if (::write(fd, csv.data(), csv.size()) < 0) {
    }
    ::close(fd);
    constexpr TimeMs kNow = 1764133200000;
    IngestQueue queue(100000, OverflowPolicy::DropNewest);
    IngestPipeline pipeline(queue, PayloadParser{}, [] { return kNow; });
    FileSourceOptions options;
    options.maybeMapping = mapping;
    (void)FileSource(path, options).feedWithReport(pipeline);
    ::unlink(path);
    // Every reading that came out obeys the rules it was checked by.
    std::vector<IngestItem> items;
    queue.popAll(items, std::chrono::milliseconds(0));
    const PayloadParser history(PayloadParserOptions::history());
    for (const auto& item : items)
        for (const auto& r : item.readings)
            if (!history.validate(r).ok())
                __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 3) {
        case 0:
            (void)CsvMapping::parseJson(text, "fuzz.json");
            break;
        case 1: {
            auto zone = citytwin::geo::TimeZone::fromTzif(text, "fuzz");
            if (zone.ok()) {
                for (TimeMs t :
                     {-4'000'000'000'000LL, 0LL, 1'386'302'400'000LL, 4'000'000'000'000LL}) {
                    const auto local = zone.value().toLocal(t);
                    (void)zone.value().toUtc(local);
                    (void)zone.value().formatIso8601(t);
                }
            }
            if (auto rule = citytwin::geo::PosixTzRule::parse(text))
                (void)rule->offsetAt(1'386'302'400'000LL);
            break;
        }
        case 2: {
            const auto split = text.find("\n\n");
            auto mapping = CsvMapping::parseJson(
                split == std::string::npos ? std::string(kDefaultMapping) : text.substr(0, split),
                "fuzz.json");
            if (mapping.ok())
                feedMapped(mapping.value(),
                           split == std::string::npos ? text : text.substr(split + 2));
            break;
        }
    }
    return 0;
}
