public import QualityCore

/// Reads a regulator's list export: UTF-8 CSV (RFC 4180 quoting) with the header
/// `credit_code,name,list,listed_on,removed_on,authority,reason`, in any column order.
/// `list` is `serious_violation` or `abnormal_operation`; `removed_on` may be empty.
/// The whole file is rejected, naming the line, when any row is bad, so an import never half-applies.
public enum ViolationListCSV {
    /// The columns a file must have.
    public static let columns = ["credit_code", "name", "list", "listed_on", "removed_on", "authority", "reason"]

    /// Parses a file's text.
    public static func parse(_ text: String) throws(QualityError) -> [ViolationListing] {
        let records = try Self.records(text)
        guard let header = records.first else {
            throw .invalid(
                "empty_list_file", "the list file is empty; expected a header: \(columns.joined(separator: ","))")
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        var position: [String: Int] = [:]
        for column in columns {
            guard let index = names.firstIndex(of: column) else {
                throw .invalid("missing_list_column", "the list file has no '\(column)' column")
            }
            position[column] = index
        }
        var listings: [ViolationListing] = []
        for record in records.dropFirst() where !(record.fields.count == 1 && record.fields[0].isEmpty) {
            guard record.fields.count == names.count else {
                throw .invalid(
                    "bad_list_row", "line \(record.line): \(record.fields.count) fields, the header has \(names.count)")
            }
            func field(_ name: String) -> String { record.fields[position[name]!].trimmingSpaces }
            do throws(QualityError) {
                guard let list = ViolationListing.List(rawValue: field("list")) else {
                    throw .invalid("bad_list_row", "unknown list '\(field("list"))'")
                }
                let removed = field("removed_on")
                let name = field("name")
                guard !name.isEmpty else { throw .invalid("bad_list_row", "the name is empty") }
                listings.append(
                    ViolationListing(
                        creditCode: try CreditCode(field("credit_code")), name: name, list: list,
                        listedOn: try CalendarDay(field("listed_on")),
                        removedOn: removed.isEmpty ? nil : try CalendarDay(removed),
                        authority: field("authority"), reason: field("reason")))
            } catch {
                throw .invalid("bad_list_row", "line \(record.line): \(error.message)")
            }
        }
        return listings
    }

    /// One CSV record and the line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// Splits text into records of fields, honouring quotes (a quoted field may hold commas,
    /// doubled quotes and line breaks).
    static func records(_ text: String) throws(QualityError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        guard !quoted else { throw .invalid("bad_list_row", "line \(recordLine): a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        if let first = records.first?.fields.first, first.hasPrefix("\u{FEFF}") {
            records[0].fields[0] = String(first.dropFirst())
        }
        return records
    }
}
