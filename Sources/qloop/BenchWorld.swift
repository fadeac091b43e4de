import Foundation
import Storage
import Trace

/// Generated EPCIS worlds for the recall-scope and trace benchmarks, stored through the event
/// store in big batches of ready `CapturedEvent` values: decoding, validating and hashing
/// documents is what `bench epcis-capture` measures, and would only slow the building here.
///
/// Event hashes are synthetic (`ni:///sha-256;` and the event's number, zero-padded), so that
/// the unique hash index grows at its end; identifiers are canonical Digital Links, written
/// as such in each event's JSON.
struct BenchWorld {
    /// The GTIN of the units.
    static let gtin = "06901234000016"
    /// The lot recalled.
    static let lot = "BENCH-LOT-1"
    /// Events stored per transaction.
    static let batchSize = 20_000

    /// The store written to.
    let store: any EventStore
    /// Events generated so far.
    private(set) var count: Int64 = 0
    /// Events waiting for the next batch.
    private var pending: [CapturedEvent] = []
    /// When the world's first event happened, in microseconds since 1970.
    private let start: Int64 = 1_775_000_000_000_000

    /// A world writing into a store.
    init(store: any EventStore) { self.store = store }

    /// A unit's identity: `https://id.gs1.org/01/{gtin}/21/{serial}`, serials zero-padded.
    static func unit(_ index: Int) -> String { "https://id.gs1.org/01/\(gtin)/21/\(String(format: "%010d", index))" }

    /// A container's identity, an SSCC with extension digit `kind` (1 case, 2 pallet) and a
    /// correct check digit.
    static func container(kind: Int, _ index: Int) -> String {
        let body = "\(kind)6901234" + String(format: "%09d", index)
        var sum = 0
        for (position, digit) in body.reversed().enumerated() {
            sum += Int(String(digit))! * (position % 2 == 0 ? 3 : 1)
        }
        return "https://id.gs1.org/00/" + body + String((10 - sum % 10) % 10)
    }

    /// A location's identity.
    static func place(_ index: Int) -> String { "https://id.gs1.org/414/690123400\(String(format: "%04d", index))" }

    /// Adds an event; stores a batch when one is full.
    mutating func add(
        type: String, action: String?, bizStep: String, identifiers: [EventIdentifier], readPoint: String? = nil,
        bizLocation: String? = nil, transactions: [EventTransaction] = [], json: String
    ) async throws {
        count += 1
        let hex = String(format: "%064llx", count)
        guard let hash = EventHash(uri: "ni:///sha-256;\(hex)?ver=CBV2.0") else { throw ExitCodeError.badHash }
        let time = start + count * 1_000_000
        pending.append(
            CapturedEvent(
                hash: hash, declaresError: false, eventID: hash.uri, type: type, action: action, eventTime: time,
                recordTime: time, bizStep: "https://ref.gs1.org/cbv/BizStep-" + bizStep, disposition: nil,
                readPoint: readPoint, bizLocation: bizLocation, identifiers: identifiers, transactions: transactions,
                json: json))
        if pending.count >= Self.batchSize { try await flush() }
    }

    /// Stores the events waiting.
    mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        let job = CaptureJob(
            id: CaptureJob.newID(), organisationID: nil, createdAt: Date(), finishedAt: Date(), success: true,
            eventCount: pending.count)
        let saved = try await store.saveCapture(job, events: pending)
        guard saved.acceptedCount == pending.count else { throw ExitCodeError.notStored }
        pending.removeAll(keepingCapacity: true)
    }

    /// A JSON array of strings that need no escaping.
    static func list(_ items: [String]) -> String { "[\"" + items.joined(separator: "\",\"") + "\"]" }

    /// The CPU time this process has used, in seconds (all threads: the store's reads run on
    /// its own threads). On a shared machine a run's CPU time moves far less than its wall time.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Why a world could not be built.
    enum ExitCodeError: Error {
        case badHash
        case notStored
    }
}
