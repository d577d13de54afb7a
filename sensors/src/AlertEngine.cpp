#include "citytwin/sensors/AlertEngine.h"

#include <cmath>
#include <cstdio>

namespace citytwin::sensors {
namespace {

std::string format(const char* fmt, double a, double b) {
    char buf[160];
    std::snprintf(buf, sizeof buf, fmt, a, b);
    return buf;
}

}  // namespace

std::string_view toString(AlertKind kind) {
    switch (kind) {
        case AlertKind::High:
            return "high";
        case AlertKind::Low:
            return "low";
        case AlertKind::RateOfChange:
            return "rate";
        case AlertKind::Stale:
            return "stale";
    }
    return "high";
}

std::optional<AlertKind> parseAlertKind(std::string_view text) {
    for (auto k : {AlertKind::High, AlertKind::Low, AlertKind::RateOfChange, AlertKind::Stale})
        if (toString(k) == text)
            return k;
    return std::nullopt;
}

AlertEngine::AlertEngine(SensorRegistry registry) : _registry(std::move(registry)) {}

std::size_t AlertEngine::activeCount() const {
    std::size_t n = 0;
    for (const auto& [key, on] : _active)
        n += on ? 1 : 0;
    return n;
}

void AlertEngine::restoreOpenAlerts(const std::vector<AlertRecord>& open) {
    for (const auto& a : open)
        _active[{a.sensorId, a.kind}] = true;
}

void AlertEngine::setActive(const SensorInfo& s, AlertKind kind, bool active, const Reading& r,
                            double limit, std::string message, std::vector<AlertEvent>& out) {
    auto& current = _active[{s.id, kind}];
    if (current == active)
        return;
    current = active;
    AlertEvent e;
    e.type = active ? AlertEvent::Type::Raised : AlertEvent::Type::Cleared;
    e.kind = kind;
    e.sensorId = s.id;
    e.metric = kind == AlertKind::Stale ? std::string() : s.metric;
    e.at = r.ts;
    e.value = r.value;
    e.limit = limit;
    e.message = std::move(message);
    out.push_back(std::move(e));
}

bool AlertEngine::heldLongEnough(const SensorInfo& s, AlertKind kind, bool condition, TimeMs ts) {
    const ActiveKey key{s.id, kind};
    if (!condition) {
        _conditionSince.erase(key);
        return false;
    }
    if (_active[key])
        return true;
    const TimeMs since = _conditionSince.try_emplace(key, ts).first->second;
    const double delayMs = s.thresholds.onDelaySeconds.value_or(0.0) * 1000.0;
    if (static_cast<double>(ts - since) < delayMs)
        return false;
    _conditionSince.erase(key);
    return true;
}

std::vector<AlertEvent> AlertEngine::onReading(const Reading& r) {
    std::vector<AlertEvent> events;
    const auto* s = _registry.find(r.sensorId);
    if (!s)
        return events;
    auto& sensor = _sensors[s->id];
    sensor.seen = true;
    sensor.lastIngestMs = std::max(sensor.lastIngestMs, r.ingestMs);
    // Any reading ends a silence.
    if (_active[{s->id, AlertKind::Stale}])
        setActive(*s, AlertKind::Stale, false, r, s->thresholds.staleAfterSeconds.value_or(0),
                  "reporting again", events);
    if (r.metric != s->metric)
        return events;

    auto& series = _series[s->id];
    if (series.seen && r.ts <= series.lastTs)
        return events;  // late or repeated
    const auto& t = s->thresholds;
    // Deadband (alarm-management practice, cf. ISA-18.2): an active alert
    // clears only once the value is back by 2% of the normal band (or of the
    // threshold), so a value hovering at the limit raises one alert, not
    // one a minute.
    const double deadband = t.low && t.high ? 0.02 * (*t.high - *t.low)
                            : t.high        ? 0.02 * std::fabs(*t.high)
                            : t.low         ? 0.02 * std::fabs(*t.low)
                                            : 0.0;
    if (t.high) {
        const bool on = _active[{s->id, AlertKind::High}];
        const bool above = r.value > *t.high - (on ? deadband : 0.0);
        setActive(*s, AlertKind::High, heldLongEnough(*s, AlertKind::High, above, r.ts), r, *t.high,
                  format("%g above the high threshold %g", r.value, *t.high), events);
    }
    if (t.low) {
        const bool on = _active[{s->id, AlertKind::Low}];
        const bool below = r.value < *t.low + (on ? deadband : 0.0);
        setActive(*s, AlertKind::Low, heldLongEnough(*s, AlertKind::Low, below, r.ts), r, *t.low,
                  format("%g below the low threshold %g", r.value, *t.low), events);
    }
    if (t.maxRatePerMinute) {
        // Keep the window, and the newest reading before it as reference.
        auto& recent = series.recent;
        while (recent.size() >= 2 && recent[1].first <= r.ts - kRateWindowMs)
            recent.pop_front();
        if (!recent.empty() && recent.front().first <= r.ts - kRateWindowMs) {
            const auto [refTs, refValue] = recent.front();
            const double minutes = static_cast<double>(r.ts - refTs) / 60000.0;
            const double rate = (r.value - refValue) / minutes;
            // The on-delay holds for rates too: one outlying value between
            // normal ones must not raise and clear an alert within a second.
            const bool steep = std::fabs(rate) > *t.maxRatePerMinute;
            setActive(
                *s, AlertKind::RateOfChange,
                heldLongEnough(*s, AlertKind::RateOfChange, steep, r.ts), r, *t.maxRatePerMinute,
                format("changing %g per minute, more than %g", rate, *t.maxRatePerMinute), events);
        }
        recent.emplace_back(r.ts, r.value);
    }
    series.seen = true;
    series.lastTs = r.ts;
    series.lastValue = r.value;
    return events;
}

std::vector<AlertEvent> AlertEngine::checkStaleness(TimeMs nowMs) {
    std::vector<AlertEvent> events;
    for (const auto& s : _registry.sensors()) {
        if (!s.thresholds.staleAfterSeconds)
            continue;
        const auto limitMs = static_cast<TimeMs>(*s.thresholds.staleAfterSeconds * 1000.0);
        const auto it = _sensors.find(s.id);
        const TimeMs lastHeard =
            it != _sensors.end() && it->second.seen ? it->second.lastIngestMs : _startMs;
        if (nowMs - lastHeard <= limitMs)
            continue;
        // Raised at the moment it became stale, not when we noticed.
        Reading r{
            s.id, {}, lastHeard + limitMs, static_cast<double>(nowMs - lastHeard) / 1000.0, nowMs};
        setActive(s, AlertKind::Stale, true, r, *s.thresholds.staleAfterSeconds,
                  format("silent for %g s (limit %g s)", r.value, *s.thresholds.staleAfterSeconds),
                  events);
    }
    return events;
}

}  // namespace citytwin::sensors
