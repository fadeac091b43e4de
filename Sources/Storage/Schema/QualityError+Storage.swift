import QualityCore

/// The domain errors both stores raise, worded once so that the backends agree on codes and
/// messages.
extension QualityError {
    /// An organisation name is taken.
    static func organisationExists(_ name: String) -> QualityError {
        .conflict("organisation_exists", "an organisation named '\(name)' already exists")
    }

    /// No organisation has an id.
    static func organisationNotFound(_ id: Int64) -> QualityError {
        .notFound("organisation_not_found", "no organisation has id \(id)")
    }

    /// A company prefix, or one overlapping it, belongs to another organisation.
    static func prefixTaken(_ prefix: String, heldAs held: String) -> QualityError {
        let detail = held == prefix ? "" : " (it overlaps \(held))"
        return .conflict("prefix_taken", "company prefix \(prefix) belongs to another organisation\(detail)")
    }

    /// A token digest is stored already.
    static var tokenExists: QualityError {
        .conflict("token_exists", "this API token is already stored")
    }

    /// A GTIN is registered already.
    static func productExists(_ gtin: String) -> QualityError {
        .conflict("product_exists", "a product with GTIN \(gtin) is already registered")
    }

    /// No product has a GTIN.
    static func productNotFound(_ gtin: String) -> QualityError {
        .notFound("product_not_found", "no product is registered with GTIN \(gtin)")
    }

    /// A lot exists for a GTIN.
    static func batchExists(_ gtin: String, lot: String) -> QualityError {
        .conflict("batch_exists", "product \(gtin) already has a batch with lot '\(lot)'")
    }

    /// No batch has a lot for a GTIN.
    static func batchNotFound(_ gtin: String, lot: String) -> QualityError {
        .notFound("batch_not_found", "product \(gtin) has no batch with lot '\(lot)'")
    }

    /// An issuance of no units or too many.
    static func badCount(_ count: Int64) -> QualityError {
        .invalid("bad_count", "an issuance covers at least one unit; got \(count)")
    }

    /// A serial key id outside 0–61.
    static func badKeyID(_ id: Int) -> QualityError {
        .invalid("bad_key_id", "serial key ids are 0 to 61; got \(id)")
    }
}
