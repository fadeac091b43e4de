import Foundation
@testable import QualityCore
import Testing

/// The generated Swift AI table against GS1's syntax dictionary file it was generated from.
@Suite struct GS1AIDictionaryTests {
    /// One AI as the dictionary file describes it.
    struct FileEntry: Sendable, CustomTestStringConvertible {
        let ai: String
        let flags: String
        let specification: String
        let attributes: [String]
        let title: String
        var testDescription: String { "(\(ai)) \(title)" }
    }

    /// Every AI of the dictionary file, ranges expanded, or none when the file is absent.
    static let fileEntries: [FileEntry] = {
        guard let url = SharedTestData.digitalLinkFile("gs1-syntax-dictionary.txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var entries: [FileEntry] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let parts = line.split(separator: "#", maxSplits: 1)
            var tokens = parts[0].split(separator: " ").map(String.init)
            let range = tokens.removeFirst().split(separator: "-").map(String.init)
            let flags = tokens.first.map { $0.allSatisfy { "*?!\"$%&'()+,-./:;<=>@[\\]^_`{|}~".contains($0) } } == true ? tokens.removeFirst() : ""
            let specification = tokens.prefix { $0.first.map { "NXYZ[".contains($0) } == true }
            let attributes = Array(tokens.dropFirst(specification.count))
            let title = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            let first = Int(range[0])!
            let last = Int(range.last!)!
            for number in first...last {
                let ai = String(repeating: "0", count: range[0].count - String(number).count) + String(number)
                let format = specification.joined(separator: " ")
                entries.append(FileEntry(ai: ai, flags: flags, specification: format, attributes: attributes, title: title))
            }
        }
        return entries
    }()

    /// Table has exactly the dictionary a is.
    @Test(.enabled(if: SharedTestData.isAvailable, SharedTestData.missingComment))
    func tableHasExactlyTheDictionaryAIs() {
        #expect(Self.fileEntries.count > 500)
        #expect(GS1AIDictionary.standard.entries.map(\.ai) == Self.fileEntries.map(\.ai).sorted())
    }

    /// Entry matches dictionary line.
    @Test(.enabled(if: SharedTestData.isAvailable, SharedTestData.missingComment), arguments: fileEntries)
    func entryMatchesDictionaryLine(_ line: FileEntry) throws {
        let entry = try #require(GS1AIDictionary.standard[line.ai])
        #expect(entry.title == line.title)
        #expect(entry.hasPredefinedLength == line.flags.contains("*"))
        #expect(entry.isDataAttribute == line.flags.contains("?"))
        #expect(entry.formatSpecification == line.specification)
        #expect(entry.requirements == line.attributes.filter { $0.hasPrefix("req=") }.map { String($0.dropFirst(4)) })
        #expect(entry.exclusions == line.attributes.filter { $0.hasPrefix("ex=") }.map { String($0.dropFirst(3)) })
        #expect(entry.primaryKeySpecification == line.attributes.first { $0.hasPrefix("dlpkey") })
    }

    /// Primary keys and their qualifiers.
    @Test func primaryKeysAndTheirQualifiers() throws {
        let table = GS1AIDictionary.standard
        #expect(table["01"]?.primaryKeyQualifiers == [["22", "10", "21"], ["235"]])
        #expect(table["414"]?.primaryKeyQualifiers == [["254"], ["7040"]])
        #expect(table["8006"]?.primaryKeyQualifiers == [["22", "10", "21"]])
        #expect(table["00"]?.primaryKeyQualifiers == [[]])
        #expect(table["10"]?.primaryKeyQualifiers == nil)
        let keys = Set(table.primaryKeys.map(\.ai))
        #expect(keys.isSuperset(of: ["00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8013", "8017", "8018"]))
    }

    /// Lookup and flags.
    @Test func lookupAndFlags() throws {
        let gtin = try #require(GS1AIDictionary.standard["01"])
        #expect(gtin.formatSpecification == "N14,csum,gcppos2")
        #expect(gtin.hasPredefinedLength && gtin.isDataAttribute && !gtin.requiresFNC1)
        #expect(GS1AIDictionary.standard["21"]?.isDataAttribute == false)
        #expect(GS1AIDictionary.standard["3103"]?.title == "NET WEIGHT (kg)")
        #expect(GS1AIDictionary.standard["999"] == nil)
        #expect(GS1AIDictionary.standard["1"] == nil)
        #expect(GS1AIDictionary.standard["0a"] == nil)
    }
}
