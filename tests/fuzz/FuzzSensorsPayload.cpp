// The first byte picks the reader: payload parser (with and without a topic
// naming the sensor), registry CSV, or readings file through FileSource.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "citytwin/sensors/FileSource.h"
#include "citytwin/sensors/PayloadParser.h"
#include "citytwin/sensors/SensorRegistry.h"

using namespace citytwin::sensors;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    constexpr TimeMs kNow = 1764133200000;
    switch (data[0] % 4) {
        case 0:
        case 1: {
            PayloadParser parser;
            auto r = parser.parse(data[0] % 2 ? "city/sensors/fuzz" : "fuzz", text, kNow);
            if (r.ok())
                for (const auto& reading : r.value())
                    if (!parser.validate(reading).ok())
                        __builtin_trap();
            break;
        }
        case 2:
            (void)SensorRegistry::parseCsv(text, "fuzz.csv");
            break;
        case 3: {
            char path[] = "/tmp/citytwin-fuzz-XXXXXX.csv";
            const int fd = ::mkstemps(path, 4);
            if (fd < 0)
                return 0;
            if (::write(fd, text.data(), text.size()) < 0) {
            }
            ::close(fd);
            IngestQueue queue(1000, OverflowPolicy::DropNewest);
            IngestPipeline pipeline(queue, PayloadParser{}, [] { return kNow; });
            (void)FileSource(path, FileFormat::Csv).feed(pipeline);
            ::unlink(path);
            break;
        }
    }
    return 0;
}
