import QualityCore

/// Checks on free-text fields: trimmed, bounded, no control characters.
enum TextField {
    /// A required field, trimmed.
    static func required(_ value: String, field: String, maximum: Int) throws(QualityError) -> String {
        guard let text = try optional(value, field: field, maximum: maximum) else {
            throw .invalid("missing_field", "\(field) is required")
        }
        return text
    }

    /// An optional field, trimmed; empty becomes `nil`.
    static func optional(_ value: String?, field: String, maximum: Int) throws(QualityError) -> String? {
        guard let value else { return nil }
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        guard text.count <= maximum else {
            throw .invalid("field_too_long", "\(field) is longer than \(maximum) characters")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid("control_character", "\(field) contains a control character")
        }
        return text
    }
}

import Foundation
