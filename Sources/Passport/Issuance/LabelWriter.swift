public import QualityCore

/// Writes the unit URIs of an issuance, one per line, fast enough for ten million labels: the
/// URI prefix is built once, each line is the prefix plus 20 serial characters, and chunks of
/// lines are signed in parallel but written in order.
public struct LabelWriter: Sendable {
    /// The resolver stem, e.g. `https://id.example.cn`.
    public let stem: String
    /// Lines per chunk handed to the sink.
    public let chunkSize: Int

    /// Creates a writer for a resolver stem.
    public init(stem: String, chunkSize: Int = 65_536) {
        self.stem = stem
        self.chunkSize = chunkSize
    }

    /// The URI of one unit.
    public func uri(gtin: GTIN, lot: String, serial: UnitSerial) -> String {
        DigitalLink.unitURI(stem: stem, gtin14: gtin.gtin14, lot: lot, serial: serial.text)
    }

    /// Produces every line of an issuance and hands each chunk to `sink` in index order;
    /// `progress` is told how many lines are done after each chunk.
    public func write(
        _ issuance: Issuance, signer: SerialSigner,
        sink: (borrowing [UInt8]) throws -> Void,
        progress: (Int64) -> Void = { _ in }
    ) async throws {
        let sample = uri(gtin: issuance.gtin, lot: issuance.lot, serial: signer.serial(index: issuance.firstIndex))
        let prefix = Array(sample.utf8.dropLast(UnitSerial.length))
        let lineLength = prefix.count + UnitSerial.length + 1
        let chunkSize = Int64(self.chunkSize)
        let chunkCount = (issuance.count + chunkSize - 1) / chunkSize
        let parallelism = 4

        func render(chunk: Int64) -> [UInt8] {
            let start = issuance.firstIndex + chunk * chunkSize
            let end = min(start + chunkSize, issuance.firstIndex + issuance.count)
            var buffer = [UInt8](repeating: 0, count: Int(end - start) * lineLength)
            var offset = 0
            for index in start..<end {
                for (position, byte) in prefix.enumerated() { buffer[offset + position] = byte }
                signer.serial(index: index).write(into: &buffer, at: offset + prefix.count)
                buffer[offset + lineLength - 1] = 10
                offset += lineLength
            }
            return buffer
        }

        var done: Int64 = 0
        var next: Int64 = 0
        try await withThrowingTaskGroup(of: (Int64, [UInt8]).self) { group in
            var pending: [Int64: [UInt8]] = [:]
            var written: Int64 = 0
            while next < chunkCount && next < parallelism {
                let chunk = next
                group.addTask { (chunk, render(chunk: chunk)) }
                next += 1
            }
            while let (chunk, bytes) = try await group.next() {
                pending[chunk] = bytes
                while let ready = pending.removeValue(forKey: written) {
                    try sink(ready)
                    done += Int64(ready.count / lineLength)
                    progress(done)
                    written += 1
                }
                if next < chunkCount {
                    let chunk = next
                    group.addTask { (chunk, render(chunk: chunk)) }
                    next += 1
                }
            }
        }
    }
}
