#include "citytwin/sensors/IngestQueue.h"

#include <algorithm>
#include <utility>

namespace citytwin::sensors {

IngestQueue::IngestQueue(std::size_t capacity, OverflowPolicy policy)
    : _capacity(std::max<std::size_t>(capacity, 1)), _policy(policy) {}

void IngestQueue::noteDrop(TimeMs nowMs) {
    if (_overflow.droppedMessages == 0)
        _overflow.firstDropMs = nowMs;
    _overflow.lastDropMs = nowMs;
    ++_overflow.droppedMessages;
    ++_droppedTotal;
}

bool IngestQueue::push(IngestItem item, TimeMs nowMs) {
    const std::size_t w = item.weight();
    const bool mayDrop = !item.maybeRejected && !item.maybeGap;
    std::unique_lock lock(_mutex);
    if (_closed)
        return false;
    bool dropped = false;
    if (mayDrop && _depth + w > _capacity) {
        switch (_policy) {
            case OverflowPolicy::DropNewest:
                noteDrop(nowMs);
                return false;
            case OverflowPolicy::DropOldest:
                while (_depth + w > _capacity && !_items.empty()) {
                    auto it = std::find_if(_items.begin(), _items.end(), [](const IngestItem& i) {
                        return !i.maybeRejected && !i.maybeGap;
                    });
                    if (it == _items.end())
                        break;
                    _depth -= it->weight();
                    _items.erase(it);
                    noteDrop(nowMs);
                    dropped = true;
                }
                break;
            case OverflowPolicy::Block:
                // An item larger than the whole queue waits for an empty queue.
                _notFull.wait(lock,
                              [&] { return _closed || _depth + w <= _capacity || _depth == 0; });
                if (_closed)
                    return false;
                break;
        }
    }
    _depth += w;
    _peak = std::max(_peak, _depth);
    ++_acceptedSeq;
    _items.push_back(std::move(item));
    lock.unlock();
    _notEmpty.notify_one();
    return !dropped;
}

bool IngestQueue::popAll(std::vector<IngestItem>& out, std::chrono::milliseconds maxWait,
                         std::uint64_t* maybeLastSeq) {
    std::unique_lock lock(_mutex);
    _notEmpty.wait_for(lock, maxWait, [&] { return _closed || !_items.empty(); });
    if (maybeLastSeq)
        *maybeLastSeq = _acceptedSeq;
    if (_items.empty())
        return !_closed;
    for (auto& item : _items)
        out.push_back(std::move(item));
    _items.clear();
    _depth = 0;
    lock.unlock();
    _notFull.notify_all();
    return true;
}

void IngestQueue::close() {
    {
        std::lock_guard lock(_mutex);
        _closed = true;
    }
    _notEmpty.notify_all();
    _notFull.notify_all();
}

OverflowReport IngestQueue::takeOverflow() {
    std::lock_guard lock(_mutex);
    return std::exchange(_overflow, OverflowReport{});
}

std::uint64_t IngestQueue::acceptedSeq() const {
    std::lock_guard lock(_mutex);
    return _acceptedSeq;
}

void IngestQueue::markCommitted(std::uint64_t seq) {
    {
        std::lock_guard lock(_mutex);
        _committedSeq = std::max(_committedSeq, seq);
    }
    _committed.notify_all();
}

std::uint64_t IngestQueue::committedSeq() const {
    std::lock_guard lock(_mutex);
    return _committedSeq;
}

bool IngestQueue::waitCommitted(std::uint64_t seq, std::chrono::milliseconds timeout) {
    std::unique_lock lock(_mutex);
    return _committed.wait_for(lock, timeout, [&] { return _committedSeq >= seq; });
}

std::size_t IngestQueue::depth() const {
    std::lock_guard lock(_mutex);
    return _depth;
}

std::size_t IngestQueue::peakDepth() const {
    std::lock_guard lock(_mutex);
    return _peak;
}

}  // namespace citytwin::sensors
