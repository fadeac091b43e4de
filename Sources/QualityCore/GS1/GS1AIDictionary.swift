/// The GS1 Application Identifier table, with constant-time lookup by AI.
///
/// Generated from GS1's machine-readable syntax dictionary (see `scripts/gen-ai-table.py`);
/// `GS1AIDictionaryTests` checks the table against that file.
public struct GS1AIDictionary: Sendable {
    /// The table shipped with QualityCore.
    public static let standard = GS1AIDictionary(rows: rows0to2 + rows3 + rows4to9)

    /// Every AI, in ascending order.
    public let entries: [GS1ApplicationIdentifier]
    /// For each two-digit prefix, the length of the AIs that begin with it (0 when none do).
    private let aiLengthByPrefix: [UInt8]
    /// The same table flattened for the parsing hot path.
    let compiled: CompiledAITable

    /// Expands the dictionary rows (some cover ranges of AIs) into sorted entries.
    init(rows: [Row]) {
        var entries: [GS1ApplicationIdentifier] = []
        for row in rows {
            let width = row.first.utf8.count
            for number in Int(row.first)!...Int(row.last)! {
                let digits = String(number)
                let ai = String(repeating: "0", count: width - digits.utf8.count) + digits
                entries.append(
                    GS1ApplicationIdentifier(
                        ai: ai, title: row.title, hasPredefinedLength: row.flags.contains(.predefinedLength),
                        isDataAttribute: row.flags.contains(.dataAttribute), components: row.components,
                        requirements: row.requirements, exclusions: row.exclusions, primaryKeyQualifiers: row.primaryKeyQualifiers))
            }
        }
        entries.sort { $0.ai.utf8.lexicographicallyPrecedes($1.ai.utf8) }
        var lengths = [UInt8](repeating: 0, count: 100)
        for entry in entries { lengths[Int(entry.ai.prefix(2))!] = UInt8(entry.ai.utf8.count) }
        self.entries = entries
        self.aiLengthByPrefix = lengths
        compiled = CompiledAITable(entries)
    }

    /// The definition of `ai`, or `nil` when the dictionary does not define it.
    public subscript(ai: String) -> GS1ApplicationIdentifier? {
        index(of: ai).map { entries[$0] }
    }

    /// Every AI that can be the primary key of a GS1 Digital Link URI.
    public var primaryKeys: [GS1ApplicationIdentifier] { entries.filter(\.isPrimaryKey) }

    /// Position of `ai` in `entries`.
    func index(of ai: String) -> Int? {
        var ai = ai
        return ai.withUTF8 { index(ofDigits: $0) }
    }

    /// Position in `entries` of the AI spelled by `digits` exactly, or `nil`.
    @inline(__always)
    func index(ofDigits digits: UnsafeBufferPointer<UInt8>) -> Int? {
        compiled.index(ofDigits: digits)
    }

    /// Whether `digits` may stand for an AI this dictionary lacks, as GS1's engine allows when
    /// unknown AIs are permitted: two to four digits, and the same length as the known AIs
    /// that share its first two digits.
    func canStandForUnknownAI(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        guard CompiledAITable.slot(of: digits) != nil, index(ofDigits: digits) == nil else { return false }
        let prefixLength = aiLengthByPrefix[Int(digits[0] &- 48) * 10 + Int(digits[1] &- 48)]
        return prefixLength == 0 || Int(prefixLength) == digits.count
    }

    /// The fixed value length GS1 predefines for AIs beginning with these two digits.
    static func predefinedValueLength(ofPrefix ai: String) -> Int? {
        switch ai.prefix(2) {
        case "00": 18
        case "01", "02", "03": 14
        case "04": 16
        case "11", "12", "13", "14", "15", "16", "17", "18", "19": 6
        case "20": 2
        case "31", "32", "33", "34", "35", "36": 6
        case "41": 13
        default: nil
        }
    }
}

extension GS1AIDictionary {
    /// One line of the GS1 syntax dictionary: an AI or a range of AIs sharing a definition.
    struct Row: Sendable {
        /// Flags of a dictionary line.
        struct Flags: OptionSet, Sendable {
            /// The flags as bits.
            let rawValue: UInt8
            /// `*`: predefined length, no FNC1 separator.
            static let predefinedLength = Flags(rawValue: 1)
            /// `?`: permitted as a GS1 Digital Link data attribute.
            static let dataAttribute = Flags(rawValue: 2)
        }

        /// The first AI of the row.
        let first: String
        /// The last AI of the row (the same as `first` for a single AI).
        let last: String
        /// GS1's data title.
        let title: String
        /// The row's flags.
        let flags: Flags
        /// The format.
        let components: [GS1Component]
        /// `req=` attributes.
        let requirements: [String]
        /// `ex=` attributes.
        let exclusions: [String]
        /// `dlpkey` qualifier sequences, `nil` for non-keys.
        let primaryKeyQualifiers: [[String]]?

        /// One row, named like the dictionary's own columns.
        init(
            _ first: String, through last: String? = nil, _ title: String, _ flags: Flags, _ components: [GS1Component],
            req: [String] = [], ex: [String] = [], dlpkey: [[String]]? = nil
        ) {
            self.first = first
            self.last = last ?? first
            self.title = title
            self.flags = flags
            self.components = components
            self.requirements = req
            self.exclusions = ex
            self.primaryKeyQualifiers = dlpkey
        }
    }
}
