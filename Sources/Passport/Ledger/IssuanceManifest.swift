import Foundation
public import Ledger
public import QualityCore

/// The canonical record of one issuance (赋码), which the ledger's `code_issuance` entry carries
/// the SHA-256 of. It is a short text of `name value` lines, so a buyer's phone or an auditor can
/// read it, recompute its digest and see which units of which batch it covers:
///
///     qualityloop code issuance v1
///     id 17
///     gtin 06901234000012
///     lot LOT1
///     first 0
///     count 5
///     issued_by 1
///     issued_at 1767225600123000
///
/// `issued_at` is microseconds since 1970, the entry's time. Every line ends in a newline;
/// there is exactly one text per issuance (see docs/ledger.md).
public struct IssuanceManifest: Sendable, Hashable {
    /// The first line, naming the format and its version.
    public static let header = "qualityloop code issuance v1"
    /// The table the entries' record references name.
    public static let table = "issuances"

    /// The issuance id.
    public var issuanceID: Int64
    /// The product's GTIN-14.
    public var gtin: String
    /// The batch's lot.
    public var lot: String
    /// The first unit index covered.
    public var firstIndex: Int64
    /// How many units are covered.
    public var count: Int64
    /// The issuing organisation's id.
    public var issuedBy: Int64
    /// When the codes were issued, in microseconds since 1970.
    public var issuedAtMicroseconds: Int64

    /// The manifest of an issuance.
    public init(_ issuance: Issuance) {
        issuanceID = issuance.id
        gtin = issuance.gtin.gtin14
        lot = issuance.lot
        firstIndex = issuance.firstIndex
        count = issuance.count
        issuedBy = issuance.issuedBy
        issuedAtMicroseconds = Int64((issuance.issuedAt.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The canonical text.
    public var text: String {
        """
        \(Self.header)
        id \(issuanceID)
        gtin \(gtin)
        lot \(lot)
        first \(firstIndex)
        count \(count)
        issued_by \(issuedBy)
        issued_at \(issuedAtMicroseconds)

        """
    }

    /// SHA-256 of the text: the entry's payload digest.
    public var digest: LedgerHash { LedgerHash.sha256(of: Array(text.utf8)) }

    /// The ledger entry recording the issuance.
    public var entry: LedgerEntry {
        LedgerEntry(
            kind: .codeIssuance, record: LedgerRecordReference(table: Self.table, key: String(issuanceID)),
            microsecondsSince1970: issuedAtMicroseconds, actor: "organisation:\(issuedBy)", payloadDigest: digest)
    }

    /// Whether the manifest covers a unit index of its batch.
    public func covers(index: Int64) -> Bool { index >= firstIndex && index - firstIndex < count }

    /// Reads a manifest text; `invalid` (`bad_manifest`) unless it is exactly the canonical
    /// text of some manifest.
    public init(parsing text: String) throws(QualityError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard text.hasSuffix("\n"), lines.removeLast().isEmpty, lines.count == 8, lines[0] == Self.header else {
            throw .invalid("bad_manifest", "an issuance manifest has the header line and seven 'name value' lines")
        }
        func value(_ line: Int, _ name: String) throws(QualityError) -> String {
            guard lines[line].hasPrefix(name + " ") else {
                throw .invalid("bad_manifest", "line \(line + 1) of the manifest must be '\(name) …'")
            }
            return String(lines[line].dropFirst(name.count + 1))
        }
        func number(_ line: Int, _ name: String) throws(QualityError) -> Int64 {
            guard let number = Int64(try value(line, name)) else {
                throw .invalid("bad_manifest", "'\(name)' in the manifest must be a whole number")
            }
            return number
        }
        issuanceID = try number(1, "id")
        gtin = try value(2, "gtin")
        lot = try value(3, "lot")
        firstIndex = try number(4, "first")
        count = try number(5, "count")
        issuedBy = try number(6, "issued_by")
        issuedAtMicroseconds = try number(7, "issued_at")
        guard self.text == text else { throw .invalid("bad_manifest", "the manifest is not in canonical form") }
    }
}
