import Foundation
import Governance
import QualityCore

/// The governance values both stores keep as text: JSON for string lists and evaluations, the
/// domain errors they raise, and the checks that turn stored text back into domain values.
enum GovernanceColumns {
    /// JSON text of an encodable value, keys sorted.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A value read back from JSON text.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String, table: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw CorruptRow(table: table, problem: "unreadable JSON column: \(error)")
        }
    }

    /// A raw value read back as an enum case.
    static func value<T: RawRepresentable>(_ type: T.Type, _ raw: String, table: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw CorruptRow(table: table, problem: "unknown value '\(raw)'") }
        return value
    }

    /// A stored credit code.
    static func creditCode(_ text: String?, table: String) throws -> CreditCode? {
        guard let text else { return nil }
        do { return try CreditCode(text) } catch {
            throw CorruptRow(table: table, problem: "malformed credit code '\(text)'")
        }
    }

    /// A stored `YYYY-MM-DD` day.
    static func day(_ text: String, table: String) throws -> CalendarDay {
        do { return try CalendarDay(text) } catch {
            throw CorruptRow(table: table, problem: "malformed date '\(text)'")
        }
    }
}

extension QualityError {
    /// No party has an id.
    static func partyNotFound(_ id: Int64) -> QualityError {
        .notFound("party_not_found", "no party \(id)")
    }

    /// No review has an id.
    static func reviewNotFound(_ id: Int64) -> QualityError {
        .notFound("review_not_found", "no onboarding review \(id)")
    }

    /// The party already has an open review.
    static func reviewOpen(partyID: Int64) -> QualityError {
        .conflict("review_open", "party \(partyID) already has an open onboarding review; decide it first")
    }

    /// The review moved on since it was read.
    static func reviewChanged(_ id: Int64) -> QualityError {
        .conflict("review_changed", "onboarding review \(id) was decided meanwhile; read it again")
    }

    /// No API token has a digest.
    static let tokenNotFound = QualityError.notFound("token_not_found", "no API token matches")

    /// No blacklist entry has an id.
    static func blacklistEntryNotFound(_ id: Int64) -> QualityError {
        .notFound("blacklist_entry_not_found", "no blacklist entry \(id)")
    }

    /// The entry was already lifted.
    static func blacklistEntryLifted(_ id: Int64) -> QualityError {
        .conflict("blacklist_entry_lifted", "blacklist entry \(id) is already lifted")
    }
}
