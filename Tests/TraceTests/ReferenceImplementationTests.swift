import Foundation
import Testing

@testable import Trace

/// Hashes checked against the Python reference implementation (PyPI `epcis-event-hash-generator`
/// 1.9.3) run in the project's virtualenv: a generated batch of realistic events, and the shared
/// examples that 1.9.3 handles offline. Skipped when the interpreter or the package is missing,
/// except on CI, where `./scripts/test` installs them.
@Suite(
    .enabled(
        if: ReferenceImplementation.python != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        ReferenceImplementation.missingComment))
struct ReferenceImplementationTests {
    /// A generated batch of 200 realistic events hashes as the reference implementation hashes it.
    @Test func generatedEventsHashAsTheReferenceDoes() throws {
        let batch = SampleEventBatch(count: 200, seed: 11)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qualityloop-sample-\(UUID().uuidString).jsonld")
        try batch.jsonLD.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let mine = try EPCISJSONDecoder().decode(Array(batch.jsonLD.utf8)).eventHashes.map(\.uri)
        #expect(try ReferenceImplementation.hashes(of: file) == mine)
    }

    /// Shared examples hash as the reference implementation hashes them.
    @Test(
        .enabled(if: TraceTestData.isAvailable, TraceTestData.missingComment),
        arguments: [
        "ReferenceEventHashAlgorithm2.xml", "SensorDataExamples.xml", "epcisDocWithVariousEventTypes.jsonld",
        "ralfsChaosExample.jsonld",
    ])
    func sharedExamplesHashAsTheReferenceDoes(_ name: String) throws {
        let root = try #require(TraceTestData.root, "the shared data is missing")
        let file = root.appendingPathComponent("epcis-event-hash/examples/\(name)")
        let mine = try EPCISDocumentDecoder().decode(try Data(contentsOf: file)).eventHashes.map(\.uri)
        #expect(try ReferenceImplementation.hashes(of: file) == mine)
    }
}
