/// The members of a JSON event object that the reader knows, found from a member name's bytes
/// without making a `String` of it.
enum EventField: Int, CaseIterable {
    case type, context, eventTime, recordTime, eventTimeZoneOffset, eventID, certificationInfo, errorDeclaration
    case epcList, childEPCs, inputEPCList, outputEPCList, parentID
    case quantityList, childQuantityList, inputQuantityList, outputQuantityList
    case action, transformationID, bizStep, disposition, persistentDisposition, readPoint, bizLocation
    case bizTransactionList, sourceList, destinationList, sensorElementList, ilmd
    /// Any other name: an extension, or a field the standard does not have.
    case unknown

    /// The member name.
    var key: String { Self.names[rawValue] }

    /// The member names, by raw value (written out once: interpolating a case goes through reflection).
    private static let names: [String] = allCases.map { field in
        switch field {
        case .context: "@context"
        case .unknown: ""
        default: "\(field)"
        }
    }

    /// This field's bit, for finding members given twice.
    var bit: UInt64 { 1 << UInt64(rawValue) }

    /// The field a name stands for.
    init(_ name: String) {
        self = Self.byName[name] ?? .unknown
    }

    /// The field the escape-free name at `range` stands for.
    init(_ scanner: JSONScanner, _ range: Range<Int>) {
        let slot = Self.slot(scanner.bytes, range)
        var probe = slot
        while let candidate = Self.table[probe] {
            if candidate.name.count == range.count,
                candidate.name.withUnsafeBufferPointer({ name in
                    var equal = true
                    for offset in 0..<name.count where name[offset] != scanner.bytes[range.lowerBound + offset] {
                        equal = false
                        break
                    }
                    return equal
                })
            {
                self = candidate.field
                return
            }
            probe = (probe + 1) & (Self.tableSize - 1)
        }
        self = .unknown
    }

    private static let byName: [String: EventField] = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .unknown }.map { (names[$0.rawValue], $0) })

    /// Open-addressing table of the names' bytes, indexed by a hash of the first and last bytes
    /// and the length.
    private static let tableSize = 128
    private static let table: [(name: [UInt8], field: EventField)?] = {
        var table = [(name: [UInt8], field: EventField)?](repeating: nil, count: tableSize)
        for field in allCases where field != .unknown {
            let name = Array(names[field.rawValue].utf8)
            let slot = name.withUnsafeBufferPointer { Self.slot($0, 0..<name.count) }
            var probe = slot
            while table[probe] != nil { probe = (probe + 1) & (tableSize - 1) }
            table[probe] = (name, field)
        }
        return table
    }()

    @inline(__always)
    private static func slot(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        let first = Int(bytes[range.lowerBound])
        let last = Int(bytes[range.upperBound - 1])
        let middle = Int(bytes[range.lowerBound + range.count / 2])
        return (first &* 31 &+ last &* 7 &+ middle &* 13 &+ range.count &* 17) & (tableSize - 1)
    }
}
