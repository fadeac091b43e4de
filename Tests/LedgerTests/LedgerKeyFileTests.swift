import Foundation
import Ledger
import Testing

/// The signing key file: created once with owner-only permissions, read back the same, refused
/// when others can read it.
@Suite("Ledger key file")
struct LedgerKeyFileTests {
    @Test("the key is created on first use with mode 0600 and is the same on every later use")
    func createOnce() throws {
        try Self.withDirectory { directory in
            let file = LedgerKeyFile(path: directory.appendingPathComponent("keys/ledger.key").path)

            let created = try file.loadOrCreate(origin: "qualityloop.test/log")
            let again = try file.loadOrCreate(origin: "ignored.test/other")
            let loaded = try file.load()

            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(created.verifierKey == again.verifierKey)
            #expect(loaded.verifierKey == created.verifierKey)
            #expect(created.name == "qualityloop.test/log")
            let text = try String(contentsOfFile: file.path, encoding: .utf8)
            #expect(text.hasPrefix("PRIVATE+KEY+qualityloop.test/log+"))
        }
    }

    @Test("a key file others can read, or one that holds no key, is refused; a missing one is not created by load")
    func refusals() throws {
        try Self.withDirectory { directory in
            let file = LedgerKeyFile(path: directory.appendingPathComponent("ledger.key").path)
            #expect(throws: LedgerError.self) { try file.load() }
            #expect(!file.exists)

            _ = try file.loadOrCreate()
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            #expect(throws: LedgerError.self) { try file.load() }

            try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: file.path))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            #expect(throws: LedgerError.self) { try file.load() }
        }
    }

    @Test("processes racing to create the key all end up with one key")
    func concurrentCreation() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.key").path

        let keys = try await withThrowingTaskGroup(of: NoteVerifierKey.self) { group in
            for _ in 0..<8 {
                group.addTask { try LedgerKeyFile(path: path).loadOrCreate().verifierKey }
            }
            return try await group.reduce(into: [NoteVerifierKey]()) { $0.append($1) }
        }

        #expect(Set(keys).count == 1)
    }

    /// Runs a body with a fresh temporary directory, removed afterwards.
    static func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }
}
