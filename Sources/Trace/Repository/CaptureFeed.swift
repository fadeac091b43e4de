import Foundation

/// The events of one capture on their way to the store, as they are read: batches in document
/// order, then what became of the capture. The reading side sends; the store takes them inside
/// one transaction, from an async task (PostgreSQL) or from a database thread that may block
/// while it waits (SQLite).
///
/// At most a few batches wait at a time: the reader waits for the store, so a capture of any
/// size holds only those in memory.
public final class CaptureFeed: @unchecked Sendable {
    /// What the store takes next.
    public enum Item: Sendable {
        /// Events to store, in document order.
        case events([CapturedEvent])
        /// Every event has been sent and the capture is accepted: commit, the job having
        /// `eventCount` events.
        case accept(eventCount: Int)
        /// The capture is rejected: undo its events and record the job with these errors.
        case reject(eventCount: Int, errors: [EPCISProblem])
        /// Undo the events sent so far: they are about to be sent again (read under a header
        /// found after them).
        case rewind
        /// Store nothing, not even the job: the capture failed with this error.
        case abandon(any Error)
    }

    /// Thrown to the sender when the store has stopped taking items.
    public struct Closed: Error {}

    private let condition = NSCondition()
    private var queue: [Item] = []
    private var isClosed = false
    private var receiver: CheckedContinuation<Item, Never>?
    /// Senders waiting for room, each woken (with `false`) to try again.
    private var senders: [CheckedContinuation<Bool?, Never>] = []
    /// Batches that may wait at a time.
    private let capacity: Int

    /// A feed holding at most `capacity` batches at a time.
    public init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// A feed that holds these events and then accepts, or that rejects with `errors`: what a
    /// capture read whole sends.
    public convenience init(events: [CapturedEvent], eventCount: Int, accepted: Bool, errors: [EPCISProblem]) {
        self.init(capacity: 2)
        if accepted {
            if !events.isEmpty { queue.append(.events(events)) }
            queue.append(.accept(eventCount: eventCount))
        } else {
            queue.append(.reject(eventCount: eventCount, errors: errors))
        }
    }

    // MARK: Store side

    /// The next item, waiting for it on the calling thread (a database thread, never one of
    /// Swift concurrency's).
    public func nextWaiting() -> Item {
        condition.lock()
        while queue.isEmpty { condition.wait() }
        let item = queue.removeFirst()
        let sender = senders.isEmpty ? nil : senders.removeFirst()
        condition.unlock()
        sender?.resume(returning: false)
        return item
    }

    /// The next item.
    public func next() async -> Item {
        await withCheckedContinuation { continuation in
            condition.lock()
            if queue.isEmpty {
                receiver = continuation
                condition.unlock()
                return
            }
            let item = queue.removeFirst()
            let sender = senders.isEmpty ? nil : senders.removeFirst()
            condition.unlock()
            sender?.resume(returning: false)
            continuation.resume(returning: item)
        }
    }

    /// Marks the store as done with the feed: senders waiting, and any later send, get `Closed`.
    public func close() {
        condition.lock()
        isClosed = true
        let waiting = senders
        senders.removeAll()
        condition.unlock()
        for sender in waiting { sender.resume(returning: false) }
    }

    // MARK: Reading side

    /// Sends an item, waiting while the feed holds `capacity` batches; throws `Closed` once the
    /// store has stopped taking them.
    func send(_ item: Item) async throws {
        let isBatch = if case .events = item { true } else { false }
        while true {
            let sent: Bool? = await withCheckedContinuation { (continuation: CheckedContinuation<Bool?, Never>) in
                condition.lock()
                if isClosed {
                    condition.unlock()
                    continuation.resume(returning: nil)
                    return
                }
                if isBatch && queue.count >= capacity {
                    // Woken when the store takes an item (or stops), to try again.
                    senders.append(continuation)
                    condition.unlock()
                    return
                }
                if let receiver {
                    self.receiver = nil
                    condition.unlock()
                    receiver.resume(returning: item)
                } else {
                    queue.append(item)
                    condition.signal()
                    condition.unlock()
                }
                continuation.resume(returning: true)
            }
            switch sent {
            case true?: return
            case nil: throw Closed()
            case false?: continue
            }
        }
    }
}
