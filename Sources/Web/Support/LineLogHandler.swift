import Foundation
public import Logging
import Synchronization

/// A log handler writing one line per message to standard error:
/// `2026-11-29T19:00:00Z info qloop: request http.method=GET http.status=200`.
///
/// Unlike swift-log's `StreamLogHandler`, it formats metadata only when a message is actually
/// written. The server sets a request id on every request's logger, and re-formatting all
/// metadata on each such change cost more than the rest of a `/healthz` answer's logging.
public struct LineLogHandler: LogHandler {
    /// The logger's label, printed on each line.
    public let label: String
    /// The level below which messages are dropped.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every message of this logger.
    public var metadata: Logger.Metadata = [:]

    private static let output = Mutex(())

    /// Creates a handler for a logger label.
    public init(label: String) {
        self.label = label
    }

    /// One metadata value.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes a message with this logger's metadata, the call's metadata winning on a clash.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = Self.timestamp() + " " + event.level.rawValue + " " + label + ": " + event.message.description
        for key in merged.keys.sorted() {
            line += " " + key + "=" + Self.quoted(merged[key]!.description)
        }
        line += "\n"
        Self.output.withLock { _ in
            line.withUTF8 { bytes in
                var rest = UnsafeRawBufferPointer(bytes)
                while !rest.isEmpty {
                    let written = write(STDERR_FILENO, rest.baseAddress, rest.count)
                    guard written > 0 else { return }
                    rest = UnsafeRawBufferPointer(rebasing: rest[written...])
                }
            }
        }
    }

    /// A value as it appears after `key=`: quoted when it holds spaces, quotes or is empty.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"" + escaped + "\""
    }

    /// The current time, ISO 8601 in UTC to the second.
    static func timestamp() -> String {
        Date.now.formatted(.iso8601)
    }
}
