#include "citytwin/sensors/IngestPipeline.h"

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {

IngestPipeline::IngestPipeline(IngestQueue& queue, PayloadParser parser, Clock clock)
    : _queue(queue), _parser(parser), _clock(clock ? std::move(clock) : Clock(systemNowMs)) {}

void IngestPipeline::submitPayload(std::string_view topic, std::string_view payload) {
    submitPayload(topic, payload, _parser);
}

void IngestPipeline::submitPayload(std::string_view topic, std::string_view payload,
                                   const PayloadParser& parser) {
    ++_counters.received;
    const TimeMs now = _clock();
    auto parsed = parser.parse(topic, payload, now);
    if (!parsed) {
        const auto& d = parsed.diagnostics().front();
        std::string reason = d.field.empty() ? d.message : d.field + ": " + d.message;
        ++_counters.rejected;
        IngestItem item;
        item.maybeRejected = RejectedPayload{std::string(topic), std::move(reason),
                                             std::string(payload.substr(0, kRejectedKeepBytes)),
                                             payload.size(), now};
        _queue.push(std::move(item), now);
        return;
    }
    IngestItem item;
    item.readings = std::move(parsed).value();
    if (_queue.push(std::move(item), now))
        ++_counters.accepted;
    else
        ++_counters.dropped;
}

void IngestPipeline::submitReadings(std::vector<Reading> readings) {
    ++_counters.received;
    IngestItem item;
    item.readings = std::move(readings);
    if (_queue.push(std::move(item), _clock()))
        ++_counters.accepted;
    else
        ++_counters.dropped;
}

void IngestPipeline::submitRejected(std::string_view topic, std::string_view payload,
                                    std::string reason) {
    ++_counters.received;
    ++_counters.rejected;
    const TimeMs now = _clock();
    IngestItem item;
    item.maybeRejected =
        RejectedPayload{std::string(topic), std::move(reason),
                        std::string(payload.substr(0, kRejectedKeepBytes)), payload.size(), now};
    _queue.push(std::move(item), now);
}

void IngestPipeline::submitGap(StreamGap gap) {
    IngestItem item;
    item.maybeGap = std::move(gap);
    _queue.push(std::move(item), _clock());
}

}  // namespace citytwin::sensors
