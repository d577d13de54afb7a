#pragma once
// FileSource: replays readings from a file into the same IngestPipeline as
// MQTT, so a recorded stream is stored, rejected and alerted on identically.
//
// JSON Lines (.jsonl, .ndjson, .json): one payload per line, as on MQTT.
// CSV (.csv), header required, either long form
//     sensor,ts,metric,value
// or wide form, one column per metric:
//     sensor,ts,pm25,noise_db        (empty cells are skipped)
// or any wide CSV through a CsvMapping (split time columns, a time zone,
// column -> sensor/metric/unit; "NA" cells skipped and counted).
// ts: epoch milliseconds or ISO 8601 with zone. A file is recorded history:
// any past time is accepted (PayloadParserOptions::history()); the future
// limit stays. A bad line is rejected with topic "file:PATH:LINE" and never
// stops the rest of the file.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "citytwin/geo/Result.h"
#include "citytwin/sensors/CsvMapping.h"
#include "citytwin/sensors/IngestPipeline.h"

namespace citytwin::sensors {

enum class FileFormat { Auto, JsonLines, Csv };

struct FileSourceOptions {
    FileFormat format = FileFormat::Auto;
    /// The rules each reading is checked by (the pipeline's live parser is
    /// not used: its window is for a live stream's clock).
    PayloadParserOptions parser = PayloadParserOptions::history();
    /// A wide CSV read through this mapping (implies CSV).
    std::optional<CsvMapping> maybeMapping;
    /// Called every few thousand lines with bytes read and the file's size;
    /// returning false stops the feed there (what was submitted stays).
    std::function<bool(std::uint64_t done, std::uint64_t total)> progress;
};

/// What one feed did.
struct FileFeedReport {
    std::size_t dataLines = 0;     ///< lines offered to the pipeline
    std::size_t skippedCells = 0;  ///< mapped cells that were missing ("NA", empty)
    bool cancelled = false;        ///< progress() asked to stop
};

class FileSource {
public:
    FileSource(std::string path, FileFormat format = FileFormat::Auto);
    FileSource(std::string path, FileSourceOptions options);

    /// Reads the whole file into the pipeline; returns the number of data
    /// lines read. Fails only if the file cannot be read or has no CSV header.
    geo::Result<std::size_t> feed(IngestPipeline& pipeline) const;
    /// The same, with the counts of skipped cells and cancellation.
    geo::Result<FileFeedReport> feedWithReport(IngestPipeline& pipeline) const;

    /// The format Auto resolves to for this path.
    FileFormat resolvedFormat() const;

private:
    std::string _path;
    FileSourceOptions _options;
    PayloadParser _parser;
};

}  // namespace citytwin::sensors
