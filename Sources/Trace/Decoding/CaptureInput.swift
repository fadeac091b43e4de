import Foundation

/// Where the bytes of a document come from: memory, or a file that is read piece by piece so
/// that a large document never sits in memory whole. Either can be read again from the start,
/// which the reader needs in the rare document whose `@context` or `ignoreFields` comes after
/// its events.
public enum CaptureInput: Sendable {
    /// The whole document in memory.
    case bytes([UInt8])
    /// A file, read in pieces.
    case file(path: String)

    /// The whole document in memory (for a file: read now).
    func allBytes() throws(EPCISDecodingError) -> [UInt8] {
        switch self {
        case .bytes(let bytes): return bytes
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw EPCISDecodingError(format: .json, message: "cannot read the file \(path)")
            }
            return Array(data)
        }
    }

    /// The first bytes of the document, at most `count`.
    func prefix(_ count: Int) throws(EPCISDecodingError) -> [UInt8] {
        switch self {
        case .bytes(let bytes): return Array(bytes.prefix(count))
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw EPCISDecodingError(format: .json, message: "cannot read the file \(path)")
            }
            defer { try? handle.close() }
            return Array((try? handle.read(upToCount: count)) ?? Data())
        }
    }

    /// A JSON syntax failure placed by line and column, counting lines from the start.
    func placed(_ failure: JSONScanner.Failure) -> JSONParser.Failure {
        switch self {
        case .bytes(let bytes):
            return JSONParser.Failure(failure, in: bytes.prefix(failure.offset))
        case .file:
            var window = ByteWindow(input: self)
            var line = 1
            var column = 1
            var offset = 0
            while offset < failure.offset, (try? window.fill(from: offset, atLeast: 1)) != nil, window.count > 0 {
                for index in 0..<min(window.count, failure.offset - offset) {
                    if window.buffer[index] == 0x0A {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                offset += window.count
                if window.isAtEnd { break }
            }
            return JSONParser.Failure(message: failure.message, line: line, column: column)
        }
    }
}

/// A window onto a document: the bytes from `start` on, as far as they have been read.
/// In memory the window is the whole document; a file is read in chunks, and bytes before the
/// part still needed are dropped when more are read.
struct ByteWindow {
    /// The bytes held, `buffer[0]` being the document's byte at `start`.
    private(set) var buffer: [UInt8]
    /// Offset in the document of `buffer[0]`.
    private(set) var start = 0
    /// Whether the window reaches the end of the document.
    private(set) var isAtEnd: Bool
    /// The file, while it is open.
    private var handle: FileHandle?
    /// Bytes read from a file at a time.
    static let chunkSize = 4 << 20

    /// A window at the start of a document.
    init(input: CaptureInput) {
        switch input {
        case .bytes(let bytes):
            buffer = bytes
            isAtEnd = true
        case .file(let path):
            buffer = []
            handle = FileHandle(forReadingAtPath: path)
            isAtEnd = handle == nil
        }
    }

    /// Bytes held.
    var count: Int { buffer.count }

    /// Offset in the document just past the bytes held.
    var end: Int { start + buffer.count }

    /// Makes the window hold the document from `offset` (which must not be before `start`) and
    /// at least `atLeast` bytes after it, or everything up to the end of the document; bytes
    /// before `offset` are dropped.
    mutating func fill(from offset: Int, atLeast: Int) throws(EPCISDecodingError) {
        if offset > start {
            buffer.removeFirst(min(offset - start, buffer.count))
            start = offset
        }
        while buffer.count < atLeast && !isAtEnd {
            try readChunk(max(Self.chunkSize, atLeast - buffer.count))
        }
    }

    /// Reads more of the file onto the end of the window.
    mutating func readMore() throws(EPCISDecodingError) {
        guard !isAtEnd else { return }
        try readChunk(max(Self.chunkSize, buffer.count))
    }

    private mutating func readChunk(_ size: Int) throws(EPCISDecodingError) {
        guard let handle else {
            isAtEnd = true
            return
        }
        let data: Data
        do {
            data = try handle.read(upToCount: size) ?? Data()
        } catch {
            throw EPCISDecodingError(format: .json, message: "cannot read the document: \(error)")
        }
        if data.isEmpty {
            isAtEnd = true
            try? handle.close()
            self.handle = nil
        } else {
            buffer.append(contentsOf: data)
        }
    }
}
