#include "citytwin/sensors/CsvMapping.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "CsvLine.h"
#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {
namespace {

using geo::Result;
using nlohmann::json;

Result<CsvMapping> bad(const std::string& source, const std::string& path, const std::string& why) {
    return Result<CsvMapping>::failure(why, source, 0, path);
}

/// The string member `key` of `obj` (path names it in errors).
std::optional<std::string> stringMember(const json& obj, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string())
        return std::nullopt;
    return it->get<std::string>();
}

std::optional<int> parseInt(std::string_view s) {
    s = detail::trim(s);
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty())
        return std::nullopt;
    return v;
}

}  // namespace

Result<CsvMapping> CsvMapping::parseJson(std::string_view text, const std::string& source,
                                         const std::string& zoneinfoDir) {
    const auto doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded())
        return bad(source, "", "bad JSON");
    if (!doc.is_object())
        return bad(source, "", "the mapping is not a JSON object");
    CsvMapping m;

    const auto time = doc.find("time");
    if (time == doc.end() || !time->is_object())
        return bad(source, "time", "missing or not an object");
    const auto zone = stringMember(*time, "zone");
    if (!zone)
        return bad(source, "time.zone", "missing or not a string (e.g. Asia/Shanghai, +08:00)");
    auto tz = geo::TimeZone::find(*zone, zoneinfoDir);
    if (!tz)
        return bad(source, "time.zone", tz.messages());
    m.zone = std::move(tz).value();
    if (time->contains("column")) {
        m.maybeTimeColumn = stringMember(*time, "column");
        if (!m.maybeTimeColumn || m.maybeTimeColumn->empty())
            return bad(source, "time.column", "not a column name");
    } else {
        for (auto [key, out] :
             {std::pair{"year", &m.yearColumn}, std::pair{"month", &m.monthColumn},
              std::pair{"day", &m.dayColumn}, std::pair{"hour", &m.hourColumn}}) {
            const auto name = stringMember(*time, key);
            if (!name || name->empty())
                return bad(source, std::string("time.") + key,
                           "missing: give time.column, or year, month, day and hour columns");
            *out = *name;
        }
        if (time->contains("minute")) {
            m.maybeMinuteColumn = stringMember(*time, "minute");
            if (!m.maybeMinuteColumn || m.maybeMinuteColumn->empty())
                return bad(source, "time.minute", "not a column name");
        }
    }

    if (const auto missing = doc.find("missing"); missing != doc.end()) {
        if (!missing->is_array())
            return bad(source, "missing", "not an array of strings");
        m.missing.clear();
        for (std::size_t i = 0; i < missing->size(); ++i) {
            if (!(*missing)[i].is_string())
                return bad(source, "missing[" + std::to_string(i) + "]", "not a string");
            m.missing.push_back((*missing)[i].get<std::string>());
        }
    }

    const auto columns = doc.find("columns");
    if (columns == doc.end() || !columns->is_array() || columns->empty())
        return bad(source, "columns", "missing, not an array or empty");
    std::set<std::string> seenColumns, seenSeries;
    for (std::size_t i = 0; i < columns->size(); ++i) {
        const auto& c = (*columns)[i];
        const std::string path = "columns[" + std::to_string(i) + "]";
        if (!c.is_object())
            return bad(source, path, "not an object");
        CsvSeriesColumn s;
        for (auto [key, out] : {std::pair{"column", &s.column}, std::pair{"sensor", &s.sensorId},
                                std::pair{"metric", &s.metric}, std::pair{"unit", &s.unit}}) {
            const auto v = stringMember(c, key);
            if (!v || (v->empty() && std::string_view(key) != "unit"))
                return bad(source, path + "." + key, "missing or not a non-empty string");
            *out = *v;
        }
        if (!seenColumns.insert(s.column).second)
            return bad(source, path + ".column", "column '" + s.column + "' mapped twice");
        if (!seenSeries.insert(s.sensorId + '\n' + s.metric).second)
            return bad(source, path,
                       "sensor " + s.sensorId + " metric " + s.metric +
                           " already comes from another column");
        m.columns.push_back(std::move(s));
    }
    return m;
}

Result<CsvMapping> CsvMapping::load(const std::string& path, const std::string& zoneinfoDir) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Result<CsvMapping>::failure("cannot open the mapping file", path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parseJson(text, path, zoneinfoDir);
}

Result<MappedCsvReader> MappedCsvReader::bind(const CsvMapping& mapping,
                                              const std::vector<std::string>& header,
                                              const std::string& source, long line) {
    MappedCsvReader r;
    r._mapping = &mapping;
    r._headerSize = header.size();
    std::string missingColumn;
    auto find = [&](const std::string& name) -> std::size_t {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) {
            if (missingColumn.empty())
                missingColumn = name;
            return 0;
        }
        return static_cast<std::size_t>(it - header.begin());
    };
    if (mapping.maybeTimeColumn) {
        r._maybeTime = find(*mapping.maybeTimeColumn);
    } else {
        r._year = find(mapping.yearColumn);
        r._month = find(mapping.monthColumn);
        r._day = find(mapping.dayColumn);
        r._hour = find(mapping.hourColumn);
        if (mapping.maybeMinuteColumn)
            r._maybeMinute = find(*mapping.maybeMinuteColumn);
    }
    for (const auto& c : mapping.columns)
        r._columns.push_back({find(c.column), &c});
    if (!missingColumn.empty())
        return Result<MappedCsvReader>::failure("the mapping's column is not in the header", source,
                                                line, missingColumn);
    return r;
}

bool MappedCsvReader::isMissing(const std::string& cell) const {
    return std::find(_mapping->missing.begin(), _mapping->missing.end(), cell) !=
           _mapping->missing.end();
}

std::optional<TimeMs> MappedCsvReader::timeOf(const std::vector<std::string>& fields,
                                              std::string& problem) const {
    const auto& m = *_mapping;
    if (_maybeTime) {
        const auto& text = fields[*_maybeTime];
        if (auto t = parseUserTime(text))
            return t;
        // No zone in the text: the wall-clock time is in the mapping's zone.
        if (auto asUtc = parseIso8601(text + "Z")) {
            if (auto t = m.zone.toUtc(geo::civilFromUtcMs(*asUtc)))
                return t;
            problem = *m.maybeTimeColumn + ": '" + text + "' does not exist in " + m.zone.name() +
                      " (clocks skipped it)";
            return std::nullopt;
        }
        problem = *m.maybeTimeColumn + ": '" + text + "' is not ISO 8601 or epoch ms";
        return std::nullopt;
    }
    geo::CivilTime c;
    const std::pair<std::size_t, const std::string*> parts[] = {{_year, &m.yearColumn},
                                                                {_month, &m.monthColumn},
                                                                {_day, &m.dayColumn},
                                                                {_hour, &m.hourColumn}};
    int* outs[] = {&c.year, &c.month, &c.day, &c.hour};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto v = parseInt(fields[parts[i].first]);
        if (!v) {
            problem = *parts[i].second + ": '" + fields[parts[i].first] + "' is not an integer";
            return std::nullopt;
        }
        *outs[i] = *v;
    }
    if (_maybeMinute) {
        const auto v = parseInt(fields[*_maybeMinute]);
        if (!v) {
            problem = *m.maybeMinuteColumn + ": '" + fields[*_maybeMinute] + "' is not an integer";
            return std::nullopt;
        }
        c.minute = *v;
    }
    if (!geo::isValidCivil(c)) {
        problem = m.yearColumn + ": " + std::to_string(c.year) + "-" + std::to_string(c.month) +
                  "-" + std::to_string(c.day) + " " + std::to_string(c.hour) + ":" +
                  std::to_string(c.minute) + " is not a date and time";
        return std::nullopt;
    }
    const auto t = m.zone.toUtc(c);
    if (!t)
        problem = m.hourColumn + ": the local time does not exist in " + m.zone.name() +
                  " (clocks skipped it)";
    return t;
}

MappedCsvReader::Row MappedCsvReader::read(const std::vector<std::string>& fields, TimeMs ingestMs,
                                           const PayloadParser& parser) const {
    Row row;
    if (fields.size() != _headerSize) {
        row.problem = "has " + std::to_string(fields.size()) + " fields, the header has " +
                      std::to_string(_headerSize);
        return row;
    }
    const auto ts = timeOf(fields, row.problem);
    if (!ts)
        return row;
    for (const auto& b : _columns) {
        const auto& cell = fields[b.index];
        if (isMissing(cell)) {
            ++row.skippedCells;
            continue;
        }
        const auto v = detail::parseDouble(cell);
        if (!v) {
            row.problem = b.series->column + ": '" + cell + "' is not a finite number";
            row.readings.clear();
            return row;
        }
        Reading r{b.series->sensorId, b.series->metric, *ts, *v, ingestMs};
        if (auto ok = parser.validate(r); !ok) {
            row.problem = b.series->column + ": " + ok.diagnostics().front().message;
            row.readings.clear();
            return row;
        }
        row.readings.push_back(std::move(r));
    }
    return row;
}

}  // namespace citytwin::sensors
