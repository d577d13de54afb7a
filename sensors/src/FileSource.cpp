#include "citytwin/sensors/FileSource.h"

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

FileSource::FileSource(std::string path, FileFormat format)
    : _path(std::move(path)), _format(format) {}

FileFormat FileSource::resolvedFormat() const {
    if (_format != FileFormat::Auto)
        return _format;
    return endsWith(_path, ".csv") || endsWith(_path, ".CSV") ? FileFormat::Csv
                                                              : FileFormat::JsonLines;
}

geo::Result<std::size_t> FileSource::feed(IngestPipeline& pipeline) const {
    std::ifstream in(_path, std::ios::binary);
    if (!in)
        return geo::Result<std::size_t>::failure("cannot open file", _path);
    const bool csv = resolvedFormat() == FileFormat::Csv;
    const auto maxLine = pipeline.parser().options().maxPayloadBytes;
    std::string line;
    std::size_t lineNo = 0, dataLines = 0;
    std::vector<std::string> header;
    std::map<std::string, std::size_t> columns;
    bool longForm = false;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string topic = "file:" + _path + ":" + std::to_string(lineNo);
        const auto trimmed = detail::trim(line);
        if (trimmed.empty())
            continue;
        if (!csv) {
            ++dataLines;
            pipeline.submitPayload(topic, trimmed);
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
                return geo::Result<std::size_t>::failure("unterminated quote in the header", _path,
                                                         static_cast<long>(lineNo));
            header = *fields;
            for (std::size_t i = 0; i < header.size(); ++i)
                columns[header[i]] = i;
            for (const char* required : {"sensor", "ts"})
                if (!columns.count(required))
                    return geo::Result<std::size_t>::failure(
                        "required column missing from the header", _path, static_cast<long>(lineNo),
                        required);
            longForm = columns.count("metric") && columns.count("value");
            if (!longForm && header.size() < 3)
                return geo::Result<std::size_t>::failure(
                    "no metric columns (nor metric,value) in the header", _path,
                    static_cast<long>(lineNo));
            continue;
        }
        ++dataLines;
        if (!fields) {
            pipeline.submitRejected(topic, trimmed, "unterminated quote");
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
            if (auto ok = pipeline.parser().validate(r); !ok) {
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
    if (csv && header.empty())
        return geo::Result<std::size_t>::failure("no header row", _path);
    return dataLines;
}

}  // namespace citytwin::sensors
