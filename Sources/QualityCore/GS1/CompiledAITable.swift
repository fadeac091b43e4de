/// The AI table flattened into plain values for the parsing hot path.
///
/// `GS1ApplicationIdentifier` is the readable description of an AI, but copying one out of
/// an array retains half a dozen arrays. Profiling Digital Link parsing showed reference
/// counting costing more than the parsing itself, so validation, key qualifier and
/// association checks run on flat buffers of trivial structs that are written once in `init`,
/// never mutated, and freed in `deinit`; that immutability is why the class is `Sendable`.
final class CompiledAITable: @unchecked Sendable {
    /// One AI: lengths, flags and ranges into the flat arrays below.
    struct Entry: Sendable {
        /// The AI.
        var code: AICode
        /// Shortest valid value.
        var minLength: Int
        /// Longest valid value.
        var maxLength: Int
        /// Whether no FNC1 follows the value (`*`).
        var hasPredefinedLength: Bool
        /// Whether the AI may be a Digital Link data attribute (`?`).
        var isDataAttribute: Bool
        /// Whether the AI is a Digital Link primary key (`dlpkey`).
        var isPrimaryKey: Bool
        /// The format's components, as a range of `components`.
        var components: Range<Int>
        /// `ex` patterns, as a range of `patterns`.
        var exclusions: Range<Int>
        /// `req` attributes, as a range of `requirementGroups`.
        var requirements: Range<Int>
        /// Key qualifier sequences, as a range of `qualifierSequences`.
        var qualifierSequences: Range<Int>
    }

    /// One component of an AI format.
    struct Component: Sendable {
        /// Which characters are allowed.
        var characterSet: GS1CharacterSet
        /// The `ByteClass` bit of the character set.
        var characterFlag: UInt8
        /// Shortest length.
        var minLength: Int
        /// Longest length.
        var maxLength: Int
        /// Whether the component may be absent.
        var isOptional: Bool
        /// The component's linters, as a range of `linters`.
        var linters: Range<Int>
    }

    /// One entry per definition, in the order given.
    let entries: UnsafeMutableBufferPointer<Entry>
    /// Components of all entries, entry after entry.
    let components: UnsafeMutableBufferPointer<Component>
    /// Linters of all components, component after component.
    let linters: UnsafeMutableBufferPointer<GS1Linter>
    /// Each `req=` attribute as a range of `requirementAlternatives`; one must be met.
    let requirementGroups: UnsafeMutableBufferPointer<Range<Int>>
    /// Each comma-separated alternative as a range of `patterns`; all must be present.
    let requirementAlternatives: UnsafeMutableBufferPointer<Range<Int>>
    /// AI patterns of `req` and `ex` attributes.
    let patterns: UnsafeMutableBufferPointer<AIPattern>
    /// Ranges into `qualifierItems`, one per qualifier sequence of a primary key.
    let qualifierSequences: UnsafeMutableBufferPointer<Range<Int>>
    /// Entry indices of key qualifiers, sequence after sequence.
    let qualifierItems: UnsafeMutableBufferPointer<Int>
    /// Entry index of every possible AI by slot (see `slot(of:)`), or -1.
    let slots: UnsafeMutableBufferPointer<Int16>
    /// `ByteClass.table`, held here so that validation does not go through its lazy global.
    let byteClasses = ByteClass.table

    /// Flattens `definitions`, whose AIs must be distinct.
    init(_ definitions: [GS1ApplicationIdentifier]) {
        var slots = [Int16](repeating: -1, count: 11_100)
        for (index, definition) in definitions.enumerated() {
            if let slot = Self.slot(of: definition.ai.utf8) { slots[slot] = Int16(index) }
        }
        /// Entry index of an AI named in a `dlpkey` attribute.
        func index(_ ai: String) -> Int? { Self.slot(of: ai.utf8).map { Int(slots[$0]) } }
        var entries: [Entry] = []
        var components: [Component] = []
        var linters: [GS1Linter] = []
        var groups: [Range<Int>] = []
        var alternatives: [Range<Int>] = []
        var patterns: [AIPattern] = []
        var sequences: [Range<Int>] = []
        var items: [Int] = []
        for definition in definitions {
            let componentStart = components.count
            for component in definition.components {
                let linterStart = linters.count
                linters += component.linters
                components.append(
                    Component(
                        characterSet: component.characterSet, characterFlag: component.characterSet.byteClass,
                        minLength: component.minLength, maxLength: component.maxLength,
                        isOptional: component.isOptional, linters: linterStart..<linters.count))
            }
            let groupStart = groups.count
            for requirement in definition.requirements {
                let alternativeStart = alternatives.count
                for conjunction in requirement.split(separator: ",") {
                    let patternStart = patterns.count
                    patterns += conjunction.split(separator: "+").map { AIPattern($0) }
                    alternatives.append(patternStart..<patterns.count)
                }
                groups.append(alternativeStart..<alternatives.count)
            }
            let exclusionStart = patterns.count
            patterns += definition.exclusions.flatMap { $0.split(separator: ",").map { AIPattern($0) } }
            let sequenceStart = sequences.count
            for sequence in definition.primaryKeyQualifiers ?? [] {
                let itemStart = items.count
                items += sequence.map { index($0) ?? -1 }
                sequences.append(itemStart..<items.count)
            }
            entries.append(
                Entry(
                    code: AICode(definition.ai), minLength: definition.minLength, maxLength: definition.maxLength,
                    hasPredefinedLength: definition.hasPredefinedLength, isDataAttribute: definition.isDataAttribute,
                    isPrimaryKey: definition.isPrimaryKey, components: componentStart..<components.count,
                    exclusions: exclusionStart..<patterns.count, requirements: groupStart..<groups.count,
                    qualifierSequences: sequenceStart..<sequences.count))
        }
        self.entries = Self.buffer(entries)
        self.components = Self.buffer(components)
        self.linters = Self.buffer(linters)
        self.requirementGroups = Self.buffer(groups)
        self.requirementAlternatives = Self.buffer(alternatives)
        self.patterns = Self.buffer(patterns)
        self.qualifierSequences = Self.buffer(sequences)
        self.qualifierItems = Self.buffer(items)
        self.slots = Self.buffer(slots)
    }

    deinit {
        entries.deallocate()
        components.deallocate()
        linters.deallocate()
        requirementGroups.deallocate()
        requirementAlternatives.deallocate()
        patterns.deallocate()
        qualifierSequences.deallocate()
        qualifierItems.deallocate()
        slots.deallocate()
    }

    private static func buffer<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
    }

    /// Entry index of the AI spelled by `digits` exactly, or `nil`.
    @inline(__always)
    func index(ofDigits digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let slot = Self.slot(ofDigits: digits) else { return nil }
        let index = slots[slot]
        return index < 0 ? nil : Int(index)
    }

    /// Slot for a two-, three- or four-digit AI in a buffer.
    @inline(__always)
    static func slot(ofDigits digits: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = digits.count
        guard count >= 2, count <= 4 else { return nil }
        var value = 0
        var nonDigit = false
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            nonDigit = nonDigit || digit > 9
            value = value &* 10 &+ Int(digit)
        }
        if nonDigit { return nil }
        return value &+ (count == 2 ? 0 : count == 3 ? 100 : 1_100)
    }

    /// Slot for a two-, three- or four-digit AI: 0-99, 100-1099, 1100-11099.
    static func slot(of digits: some Collection<UInt8>) -> Int? {
        let count = digits.count
        guard count >= 2, count <= 4 else { return nil }
        var value = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        switch count {
        case 2: return value
        case 3: return 100 + value
        default: return 1_100 + value
        }
    }

    /// Checks a decoded value against entry `index`'s length, character sets and linters.
    ///
    /// `definition` is only called to word an error.
    func failure(validating value: UnsafeBufferPointer<UInt8>, entry index: Int, definition: () -> GS1ApplicationIdentifier) -> GS1Error? {
        let entry = entries[index]
        if value.isEmpty {
            let ai = definition().ai
            return GS1Error(.emptyValue, "AI (\(ai)) has an empty value", ai: ai)
        }
        if value.count < entry.minLength || value.count > entry.maxLength {
            let expected = entry.minLength == entry.maxLength ? "\(entry.minLength)" : "\(entry.minLength) to \(entry.maxLength)"
            let described = definition()
            return Self.error(.badLength, described, value, "has \(value.count) characters, expected \(expected) (\(described.formatSpecification))")
        }
        var position = 0
        for componentIndex in entry.components {
            let component = components[componentIndex]
            let length = min(value.count - position, component.maxLength)
            if component.isOptional && length == 0 { continue }
            if length < component.minLength {
                let described = definition()
                let specification = described.components[componentIndex - entry.components.lowerBound].specification
                return Self.error(.badLength, described, value, "is too short for component \(specification)")
            }
            let part = UnsafeBufferPointer(rebasing: value[position..<(position + length)])
            let allValid = component.characterSet != .cset64 && ByteClass.all(part, have: component.characterFlag, in: byteClasses)
            if !allValid, let offset = component.characterSet.firstInvalidOffset(in: part) {
                let character = offset < part.count ? GS1ApplicationIdentifier.describe(part[offset]) : "padding"
                let described = definition()
                let specification = described.components[componentIndex - entry.components.lowerBound].specification
                let reason = "has \(character) at position \(position + offset + 1), not allowed in \(specification)"
                return Self.error(.invalidCharacter, described, value, reason)
            }
            for linterIndex in component.linters {
                if let failure = linters[linterIndex].failure(in: part) {
                    return Self.error(failure.code, definition(), value, failure.reason)
                }
            }
            position += length
        }
        return nil
    }

    private static func error(
        _ code: GS1Error.Code, _ definition: GS1ApplicationIdentifier, _ value: UnsafeBufferPointer<UInt8>, _ reason: String
    ) -> GS1Error {
        let ai = definition.ai
        return GS1Error(code, "AI (\(ai)) \(definition.title) value '\(String(decoding: value, as: UTF8.self))' \(reason)", ai: ai)
    }
}

/// An AI packed into one integer: up to seven bytes of text in the low bytes and the
/// length in the top byte, so AIs compare with one instruction and copy for free. Real AIs
/// have two to four digits; longer text (which is never a valid AI) keeps its first seven
/// characters for error messages.
struct AICode: Sendable, Hashable {
    /// Text bytes in the low seven bytes, length in the top byte.
    let bits: UInt64

    /// Packs an AI given as text.
    init(_ ai: some StringProtocol) {
        var bits: UInt64 = 0
        var count: UInt64 = 0
        for byte in ai.utf8.prefix(7) {
            bits |= UInt64(byte) << (8 * count)
            count += 1
        }
        self.bits = bits | count << 56
    }

    /// AI (01), the GTIN.
    static let gtin = AICode("01")

    /// The AI as text.
    var text: String {
        let count = Int(bits >> 56)
        return withUnsafeBytes(of: bits.littleEndian) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }
}

/// An AI pattern from a `req` or `ex` attribute, where `n` stands for any digit (`310n`).
struct AIPattern: Sendable {
    /// The pattern's bytes and length, with zero where it has `n`.
    let value: UInt64
    /// Bits that must match: all but the bytes where the pattern has `n`.
    let mask: UInt64

    /// Packs a pattern such as `31nn`.
    init(_ pattern: some StringProtocol) {
        var value: UInt64 = 0
        var mask: UInt64 = ~0
        var count: UInt64 = 0
        for byte in pattern.utf8.prefix(7) {
            if byte == UInt8(ascii: "n") {
                mask &= ~(0xFF << (8 * count))
            } else {
                value |= UInt64(byte) << (8 * count)
            }
            count += 1
        }
        self.value = value | count << 56
        self.mask = mask
    }

    /// Whether `code` is an AI this pattern names.
    @inline(__always)
    func matches(_ code: AICode) -> Bool { code.bits & mask == value }
}
