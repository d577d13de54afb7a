#include "citytwin/sensors/FileSource.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "CsvLine.h"
#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

/// Lines between two progress calls.
constexpr std::size_t kProgressEvery = 4096;

FileSource::FileSource(std::string path, FileFormat format)
    : FileSource(std::move(path),
                 FileSourceOptions{format, PayloadParserOptions::history(), {}, {}}) {}

FileSource::FileSource(std::string path, FileSourceOptions options)
    : _path(std::move(path)), _options(std::move(options)), _parser(_options.parser) {}

FileFormat FileSource::resolvedFormat() const {
    if (_options.maybeMapping)
        return FileFormat::Csv;
    if (_options.format != FileFormat::Auto)
        return _options.format;
    return endsWith(_path, ".csv") || endsWith(_path, ".CSV") ? FileFormat::Csv
                                                              : FileFormat::JsonLines;
}

geo::Result<std::size_t> FileSource::feed(IngestPipeline& pipeline) const {
    auto report = feedWithReport(pipeline);
    CITYTWIN_RETURN_IF_FAILED(report);
    return report.value().dataLines;
}

geo::Result<FileFeedReport> FileSource::feedWithReport(IngestPipeline& pipeline) const {
    using Failed = geo::Result<FileFeedReport>;
    std::ifstream in(_path, std::ios::binary);
    if (!in)
        return Failed::failure("cannot open file", _path);
    in.seekg(0, std::ios::end);
    const auto totalBytes = static_cast<std::uint64_t>(std::max<std::streamoff>(in.tellg(), 0));
    in.seekg(0, std::ios::beg);
    const bool csv = resolvedFormat() == FileFormat::Csv;
    const auto maxLine = _parser.options().maxPayloadBytes;
    std::string line;
    std::size_t lineNo = 0;
    std::uint64_t bytesRead = 0;
    FileFeedReport report;
    std::size_t& dataLines = report.dataLines;
    std::vector<std::string> header;
    std::map<std::string, std::size_t> columns;
    std::optional<MappedCsvReader> maybeMapped;
    bool longForm = false;
    while (std::getline(in, line)) {
        ++lineNo;
        bytesRead += line.size() + 1;
        if (_options.progress && lineNo % kProgressEvery == 0 &&
            !_options.progress(bytesRead, totalBytes)) {
            report.cancelled = true;
            break;
        }
        const std::string topic = "file:" + _path + ":" + std::to_string(lineNo);
        const auto trimmed = detail::trim(line);
        if (trimmed.empty())
            continue;
        if (!csv) {
            ++dataLines;
            pipeline.submitPayload(topic, trimmed, _parser);
            continue;
        }
        if (trimmed.front() == '#')
            continue;
        if (trimmed.size() > maxLine) {
            ++dataLines;
            pipeline.submitRejected(topic, trimmed, "line longer than the payload cap");
            continue;
        }
        auto fields = detail::splitCsvLine(trimmed);
        if (header.empty()) {
            if (!fields)
                return Failed::failure("unterminated quote in the header", _path,
                                       static_cast<long>(lineNo));
            header = *fields;
            if (_options.maybeMapping) {
                auto bound = MappedCsvReader::bind(*_options.maybeMapping, header, _path,
                                                   static_cast<long>(lineNo));
                CITYTWIN_RETURN_IF_FAILED(bound);
                maybeMapped = std::move(bound).value();
                continue;
            }
            for (std::size_t i = 0; i < header.size(); ++i)
                columns[header[i]] = i;
            for (const char* required : {"sensor", "ts"})
                if (!columns.count(required))
                    return Failed::failure("required column missing from the header", _path,
                                           static_cast<long>(lineNo), required);
            longForm = columns.count("metric") && columns.count("value");
            if (!longForm && header.size() < 3)
                return Failed::failure("no metric columns (nor metric,value) in the header", _path,
                                       static_cast<long>(lineNo));
            continue;
        }
        ++dataLines;
        if (!fields) {
            pipeline.submitRejected(topic, trimmed, "unterminated quote");
            continue;
        }
        if (maybeMapped) {
            auto row = maybeMapped->read(*fields, pipeline.nowMs(), _parser);
            report.skippedCells += row.skippedCells;
            if (!row.problem.empty())
                pipeline.submitRejected(topic, trimmed, row.problem);
            else if (!row.readings.empty())
                pipeline.submitReadings(std::move(row.readings));
            continue;
        }
        if (fields->size() != header.size()) {
            pipeline.submitRejected(topic, trimmed,
                                    "has " + std::to_string(fields->size()) +
                                        " fields, the header has " + std::to_string(header.size()));
            continue;
        }
        const TimeMs now = pipeline.nowMs();
        const auto& sensor = (*fields)[columns["sensor"]];
        const auto& tsText = (*fields)[columns["ts"]];
        const auto ts = parseUserTime(tsText);
        if (!ts) {
            pipeline.submitRejected(
                topic, trimmed, "ts: '" + tsText + "' is neither epoch ms nor ISO 8601 with zone");
            continue;
        }
        std::vector<Reading> readings;
        std::string problem;
        auto addValue = [&](const std::string& metric, const std::string& text) {
            const auto v = detail::parseDouble(text);
            if (!v) {
                problem = metric + ": '" + text + "' is not a finite number";
                return;
            }
            Reading r{sensor, metric, *ts, *v, now};
            if (auto ok = _parser.validate(r); !ok) {
                const auto& d = ok.diagnostics().front();
                problem = d.field + ": " + d.message;
                return;
            }
            readings.push_back(std::move(r));
        };
        if (longForm) {
            addValue((*fields)[columns["metric"]], (*fields)[columns["value"]]);
        } else {
            for (std::size_t i = 0; i < header.size() && problem.empty(); ++i) {
                if (header[i] == "sensor" || header[i] == "ts" || (*fields)[i].empty())
                    continue;
                addValue(header[i], (*fields)[i]);
            }
            if (problem.empty() && readings.empty())
                problem = "values: no values";
        }
        if (!problem.empty()) {
            pipeline.submitRejected(topic, trimmed, problem);
            continue;
        }
        pipeline.submitReadings(std::move(readings));
    }
    if (csv && header.empty() && !report.cancelled)
        return Failed::failure("no header row", _path);
    return report;
}

}  // namespace citytwin::sensors
