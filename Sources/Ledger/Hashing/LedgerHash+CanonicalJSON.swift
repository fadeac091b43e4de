import Foundation

extension LedgerHash {
    /// SHA-256 of a record's canonical JSON, the payload digest of entries about stored records:
    /// `JSONEncoder` with sorted keys, no insignificant whitespace, slashes unescaped, the
    /// record's own coding keys, and times as whole microseconds since 1970 (see docs/ledger.md).
    public static func canonicalJSON(of record: some Encodable) throws -> LedgerHash {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
        }
        return sha256(of: try encoder.encode(record))
    }
}
