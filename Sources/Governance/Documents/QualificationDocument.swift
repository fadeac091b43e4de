public import Foundation
public import QualityCore

/// A qualification document a party filed: what it is, who issued it, its number and when it
/// is valid.
public struct QualificationDocument: Sendable, Hashable, Codable, Identifiable {
    /// The store-assigned identifier.
    public var id: Int64
    /// The party that filed it.
    public var partyID: Int64
    /// What the document is.
    public var kind: DocumentKind
    /// Who issued it, e.g. a market regulation bureau.
    public var issuer: String
    /// The document's number.
    public var number: String
    /// The first day it is valid.
    public var validFrom: CalendarDay
    /// The last day it is valid; nil for documents without an end (长期).
    public var validUntil: CalendarDay?
    /// When it was filed.
    public var filedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, issuer, number
        case partyID = "party_id"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
        case filedAt = "filed_at"
    }

    /// Creates a document value.
    public init(
        id: Int64, partyID: Int64, kind: DocumentKind, issuer: String, number: String, validFrom: CalendarDay,
        validUntil: CalendarDay?, filedAt: Date
    ) {
        self.id = id
        self.partyID = partyID
        self.kind = kind
        self.issuer = issuer
        self.number = number
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.filedAt = filedAt
    }

    /// Whether the document is valid on a day.
    public func isValid(on day: CalendarDay) -> Bool {
        validFrom <= day && (validUntil.map { day <= $0 } ?? true)
    }
}

/// A document as filed, checked before it is stored.
public struct DocumentDraft: Sendable, Hashable, Codable {
    /// What the document is.
    public var kind: DocumentKind
    /// Who issued it.
    public var issuer: String
    /// Its number.
    public var number: String
    /// The first valid day.
    public var validFrom: CalendarDay
    /// The last valid day, if any.
    public var validUntil: CalendarDay?

    enum CodingKeys: String, CodingKey {
        case kind, issuer, number
        case validFrom = "valid_from"
        case validUntil = "valid_until"
    }

    /// Creates a draft.
    public init(kind: DocumentKind, issuer: String, number: String, validFrom: CalendarDay, validUntil: CalendarDay?) {
        self.kind = kind
        self.issuer = issuer
        self.number = number
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Checks the fields; an end before the start is invalid input, not an expired document.
    public func validated() throws(QualityError) -> DocumentDraft {
        var draft = self
        draft.issuer = issuer.trimmingSpaces
        draft.number = number.trimmingSpaces
        guard !draft.issuer.isEmpty, draft.issuer.count <= 200 else {
            throw .invalid("bad_document_issuer", "a document names its issuer (1 to 200 characters)")
        }
        guard !draft.number.isEmpty, draft.number.count <= 100 else {
            throw .invalid("bad_document_number", "a document has a number (1 to 100 characters)")
        }
        if let validUntil, validUntil < validFrom {
            throw .invalid("bad_validity", "valid_until \(validUntil) is before valid_from \(validFrom)")
        }
        return draft
    }
}
