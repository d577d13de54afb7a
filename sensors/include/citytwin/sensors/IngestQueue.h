#pragma once
// The bounded queue between the network (or file, or simulator) thread and
// the store's writer thread. Its bound is in readings, so memory stays
// bounded however fast a publisher is. When full, the overflow policy says
// what happens; every dropped message is counted and reported as an Overflow
// gap in the store, never dropped silently.
// It also numbers what it accepts and learns from the writer how far that is
// committed, so that a source acknowledges only what is durable (MQTT QoS 1
// PUBACKs wait for waitCommitted).
// Thread safety: all methods may be called from any thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

enum class OverflowPolicy {
    DropNewest,  ///< refuse the incoming message (default: the network thread never waits)
    DropOldest,  ///< make room by discarding the oldest queued messages
    Block,       ///< the producer waits (back-pressure onto the broker / file reader)
};

/// One unit of work: a message's readings, or a rejection, or a gap.
struct IngestItem {
    std::vector<Reading> readings;
    std::optional<RejectedPayload> maybeRejected;
    std::optional<StreamGap> maybeGap;
    std::size_t weight() const { return readings.empty() ? 1 : readings.size(); }
};

/// Messages dropped since the last takeOverflow().
struct OverflowReport {
    std::uint64_t droppedMessages = 0;
    TimeMs firstDropMs = 0;  ///< ingest clock
    TimeMs lastDropMs = 0;
};

class IngestQueue {
public:
    /// capacity: most readings held at once (>= 1).
    explicit IngestQueue(std::size_t capacity = 200'000,
                         OverflowPolicy policy = OverflowPolicy::DropNewest);

    /// Queues an item; false if it (or, DropOldest, an older one) was dropped
    /// or the queue is closed. Gaps and rejections are never dropped.
    bool push(IngestItem item, TimeMs nowMs);
    /// Moves everything queued into out (appending); waits up to maxWait for
    /// something to arrive. Returns false once closed and empty. maybeLastSeq:
    /// set to the sequence number of the last item accepted so far (all of
    /// them are now in out or were taken before).
    bool popAll(std::vector<IngestItem>& out, std::chrono::milliseconds maxWait,
                std::uint64_t* maybeLastSeq = nullptr);
    /// Wakes the consumer; pushes after close are refused.
    void close();

    OverflowReport takeOverflow();

    /// Sequence number of the last item accepted (1, 2, ...; 0: none yet).
    std::uint64_t acceptedSeq() const;
    /// The writer: every item up to seq is committed to the store.
    void markCommitted(std::uint64_t seq);
    std::uint64_t committedSeq() const;
    /// Waits until committedSeq() >= seq or timeout passes; true if reached.
    bool waitCommitted(std::uint64_t seq, std::chrono::milliseconds timeout);
    std::size_t depth() const;      ///< readings queued now
    std::size_t peakDepth() const;  ///< most readings ever queued
    std::uint64_t droppedTotal() const { return _droppedTotal.load(); }
    std::size_t capacity() const { return _capacity; }
    OverflowPolicy policy() const { return _policy; }

private:
    void noteDrop(TimeMs nowMs);

    const std::size_t _capacity;
    const OverflowPolicy _policy;
    mutable std::mutex _mutex;
    std::condition_variable _notEmpty, _notFull, _committed;
    std::deque<IngestItem> _items;
    std::size_t _depth = 0, _peak = 0;
    bool _closed = false;
    OverflowReport _overflow;
    std::uint64_t _acceptedSeq = 0, _committedSeq = 0;
    std::atomic<std::uint64_t> _droppedTotal{0};
};

}  // namespace citytwin::sensors
