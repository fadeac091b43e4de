import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file holding the log's signing key, outside the database so that whoever can rewrite the
/// database still cannot sign a checkpoint over the rewritten history. It holds one line, the
/// signer key string (see `NoteSigner`), and is created readable by its owner only (0600).
public struct LedgerKeyFile: Sendable {
    /// Where the key lives when nothing else is configured.
    public static let defaultPath = "./qualityloop-ledger.key"
    /// The environment variable naming the key file when no option does.
    public static let environmentKey = "QUALITYLOOP_LEDGER_KEY"
    /// The log's name (checkpoint origin and key name) for a key created with no other name.
    public static let defaultOrigin = "qualityloop.local/ledger"

    /// The file's path.
    public let path: String

    /// A key file at a path.
    public init(path: String) { self.path = path }

    /// Whether the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads the key; throws `keyFile` when the file is missing, unreadable, readable by other
    /// users (as ssh does, a leaked key is refused rather than used), or not a signer key.
    public func load() throws(LedgerError) -> NoteSigner {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .keyFile("cannot read \(path): \(Self.errorText())") }
        guard status.st_mode & 0o077 == 0 else {
            throw .keyFile("\(path) is readable by other users; make it private with chmod 600")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .keyFile("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try NoteSigner(parsing: text)
        } catch {
            throw .keyFile("\(path) does not hold a signer key: \(error)")
        }
    }

    /// Reads the key, first creating the file with a fresh key named `origin` when it does not
    /// exist. Creation is exclusive (`O_EXCL`), so two processes starting together end up with
    /// the same key: the loser reads the winner's file.
    public func loadOrCreate(origin: String = LedgerKeyFile.defaultOrigin) throws(LedgerError) -> NoteSigner {
        if exists { return try load() }
        let signer = try NoteSigner.generate(name: origin)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return try loadWhenWritten() }
            throw .keyFile("cannot create \(path): \(Self.errorText())")
        }
        let line = Array((signer.signerKeyString + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == line.count, synced == 0 else {
            unlink(path)
            throw .keyFile("cannot write \(path): \(Self.errorText())")
        }
        return signer
    }

    /// Reads a key another process has just created, allowing it a moment to finish writing.
    private func loadWhenWritten() throws(LedgerError) -> NoteSigner {
        var lastError = LedgerError.keyFile("\(path) is empty")
        for _ in 0..<50 {
            do { return try load() } catch { lastError = error }
            usleep(20_000)
        }
        throw lastError
    }

    /// The C library's message for the current `errno`.
    private static func errorText() -> String { String(cString: strerror(errno)) }
}
