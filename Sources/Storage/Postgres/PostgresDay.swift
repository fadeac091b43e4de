import PostgresNIO
import QualityCore

/// A calendar day as PostgreSQL's binary `date`: days since 2000-01-01. Binary coding keeps the
/// value independent of the server's `DateStyle`.
struct PostgresDay: Sendable, Hashable {
    /// The day.
    var day: CalendarDay

    /// Days between 1970-01-01 and PostgreSQL's epoch, 2000-01-01.
    private static let postgresEpoch = 10_957

    /// Wraps a day.
    init(_ day: CalendarDay) { self.day = day }
}

extension PostgresDay: PostgresNonThrowingEncodable {
    /// Binds as `date`.
    static var psqlType: PostgresDataType { .date }
    /// Always binary.
    static var psqlFormat: PostgresFormat { .binary }

    /// Writes days since 2000-01-01.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(Int32(day.daysSinceEpoch - Self.postgresEpoch))
    }
}

extension PostgresDay: PostgresDecodable {
    /// Reads a binary `date`.
    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .date else { throw PostgresDecodingError.Code.typeMismatch }
        guard format == .binary, buffer.readableBytes == 4, let value = buffer.readInteger(as: Int32.self) else {
            throw PostgresDecodingError.Code.failure
        }
        day = CalendarDay(daysSinceEpoch: Int(value) + Self.postgresEpoch)
    }
}
