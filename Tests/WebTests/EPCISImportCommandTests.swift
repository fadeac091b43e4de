import Access
import Foundation
import Storage
import Testing
import Trace
import Web

/// `qloop epcis import`, run as a process on every backend.
@Suite("qloop epcis import", .enabled(if: EPCISTestData.isAvailable, "../shared/data/traceability not found"))
struct EPCISImportCommandTests {
    /// What a run printed and how it ended.
    struct Run {
        let status: Int32
        let summary: [String: Any]
    }

    /// Runs `qloop epcis import` on the world's database with files under the traceability data.
    static func importing(_ files: [String], into world: EPCISWorld, options: [String] = []) async throws -> Run {
        let root = try #require(EPCISTestData.root)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/qloop")
        let database: [String] =
            switch world.configuration.database {
            case .sqlite(let path): ["--db", path]
            case .postgres(let url): ["--database-url", url]
            }
        process.arguments =
            ["epcis", "import"] + database + options + files.map { root.appendingPathComponent($0).path }
        // A file rather than a pipe: a pipe read only after exit would block a large summary.
        let outputPath = NSTemporaryDirectory() + "epcis-import-\(UUID().uuidString).json"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        try output.close()
        let data = try Data(contentsOf: URL(fileURLWithPath: outputPath))
        // A run that fails before importing (an unknown --org) prints no summary.
        let summary = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return Run(status: status, summary: summary ?? [:])
    }

    /// Every event stored, as seen by a regulator.
    static func storedCount(_ world: EPCISWorld) async throws -> Int {
        var query = EventQuery()
        query.limit = EventQuery.maximumPerPage
        return try await world.stores.events.events(matching: query).events.count
    }

    @Test(
        "files are stored whole or rejected whole; a second import reports duplicates",
        arguments: EPCISWorld.Backend.all)
    func importFiles(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            let documents = EPCISTestData.files(EPCISTestData.capture + "/Documents")

            let first = try await Self.importing(documents, into: world)
            let accepted = first.summary["accepted"] as? Int ?? -1
            let storedFirst = try await Self.storedCount(world)
            let second = try await Self.importing(documents, into: world)
            let mixed = try await Self.importing(
                [
                    EPCISTestData.capture + "/Invalid/ObjectEvent_with_invalid_action.json",
                    "epcis-event-hash/examples/ReferenceEventHashAlgorithm.xml",
                ], into: world)

            #expect(first.status == 0)
            #expect((first.summary["rejected"] as? [Any])?.isEmpty == true)
            #expect((first.summary["files"] as? [Any])?.count == documents.count)
            #expect(storedFirst == accepted)
            #expect(second.status == 0)
            #expect(second.summary["accepted"] as? Int == 0)
            #expect(second.summary["duplicates"] as? Int == accepted + (first.summary["duplicates"] as? Int ?? 0))
            #expect(mixed.status == 1)
            let rejected = try #require(mixed.summary["rejected"] as? [[String: Any]])
            #expect(rejected.count == 1)
            #expect((rejected.first?["file"] as? String)?.hasSuffix("ObjectEvent_with_invalid_action.json") == true)
            let reasons = rejected.first?["reasons"] as? [[String: Any]] ?? []
            #expect(reasons.contains { $0["path"] as? String == "epcisBody.eventList[0].action" })
            #expect((mixed.summary["accepted"] as? Int ?? 0) > 0)
            #expect(try await Self.storedCount(world) == accepted + (mixed.summary["accepted"] as? Int ?? 0))
        }
    }

    @Test(
        "--org makes the importing organisation an owner of the events; an unknown one is refused",
        arguments: EPCISWorld.Backend.all)
    func importAsOrganisation(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            let file = EPCISTestData.capture + "/Documents/ObjectEvent.json"
            let producer = try #require(try await world.stores.access.organisation(named: "EPCIS producer"))

            let unknown = try await Self.importing([file], into: world, options: ["--org", "Nobody"])
            let owned = try await Self.importing([file], into: world, options: ["--org", "EPCIS producer"])
            var visible = EventQuery()
            visible.visibleTo = producer.id
            let seen = try await world.stores.events.events(matching: visible).events.count

            #expect(unknown.status != 0)
            #expect(owned.status == 0)
            #expect(owned.summary["accepted"] as? Int == seen)
            #expect(seen > 0)
        }
    }
}
