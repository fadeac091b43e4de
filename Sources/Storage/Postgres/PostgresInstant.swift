import Foundation
import PostgresNIO

/// An instant as PostgreSQL's binary `timestamptz`: whole microseconds since 2000-01-01.
///
/// PostgresNIO's own `Date` coding truncates and converts through a different epoch, so a
/// millisecond `Date` can come back one ulp off; this type rounds to the microsecond on the way in
/// and converts through 1970 on the way out, so the conformance suite can compare instants exactly.
struct PostgresInstant: Sendable, Hashable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    var microsecondsSince1970: Int64

    /// The offset between PostgreSQL's epoch (2000-01-01) and 1970, in microseconds.
    private static let postgresEpoch: Int64 = 946_684_800 * 1_000_000

    /// The instant of a date, to the microsecond.
    init(_ date: Date) { microsecondsSince1970 = date.microsecondsSince1970 }

    /// The instant as a `Date`.
    var date: Date { Date(microsecondsSince1970: microsecondsSince1970) }
}

extension PostgresInstant: PostgresNonThrowingEncodable, PostgresArrayEncodable {
    /// Binds as `timestamptz`.
    static var psqlType: PostgresDataType { .timestamptz }
    /// Arrays bind as `timestamptz[]`.
    static var psqlArrayType: PostgresDataType { .timestamptzArray }
    /// Always binary.
    static var psqlFormat: PostgresFormat { .binary }

    /// Writes microseconds since 2000-01-01.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(microsecondsSince1970 - Self.postgresEpoch)
    }
}

extension PostgresInstant: PostgresDecodable {
    /// Reads a binary `timestamptz` or `timestamp`.
    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz || type == .timestamp else { throw PostgresDecodingError.Code.typeMismatch }
        guard format == .binary, buffer.readableBytes == 8, let value = buffer.readInteger(as: Int64.self) else {
            throw PostgresDecodingError.Code.failure
        }
        microsecondsSince1970 = value + Self.postgresEpoch
    }
}
