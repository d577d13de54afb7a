#pragma once
// FileSource: replays readings from a file into the same IngestPipeline as
// MQTT, so a recorded stream is stored, rejected and alerted on identically.
//
// JSON Lines (.jsonl, .ndjson, .json): one payload per line, as on MQTT.
// CSV (.csv), header required, either long form
//     sensor,ts,metric,value
// or wide form, one column per metric:
//     sensor,ts,pm25,noise_db        (empty cells are skipped)
// ts: epoch milliseconds or ISO 8601 with zone. A bad line is rejected with
// topic "file:PATH:LINE" and never stops the rest of the file.

#include <string>

#include "citytwin/geo/Result.h"
#include "citytwin/sensors/IngestPipeline.h"

namespace citytwin::sensors {

enum class FileFormat { Auto, JsonLines, Csv };

class FileSource {
public:
    FileSource(std::string path, FileFormat format = FileFormat::Auto);

    /// Reads the whole file into the pipeline; returns the number of data
    /// lines read. Fails only if the file cannot be read or has no CSV header.
    geo::Result<std::size_t> feed(IngestPipeline& pipeline) const;

    /// The format Auto resolves to for this path.
    FileFormat resolvedFormat() const;

private:
    std::string _path;
    FileFormat _format;
};

}  // namespace citytwin::sensors
