import GRDB
import GRDBSQLite
import Ledger

/// A cached statement bound, stepped and read through SQLite's C API: the hot paths of the
/// ledger and of recording scans.
///
/// Appending inserts two rows per leaf and an audit reads one per leaf. Profiled at 300,000
/// leaves, GRDB's `execute(arguments:)` spent three quarters of its time boxing values into
/// `StatementArguments` and a quarter in SQLite; its row decoding likewise boxes each column.
/// Binding and reading columns directly removes that overhead. The statement still comes from
/// (and goes back to) GRDB's statement cache, reset and unbound after each use.
struct SQLiteRawStatement {
    /// GRDB's statement, kept alive while its handle is used.
    private let statement: Statement
    /// The prepared statement.
    private let handle: OpaquePointer
    /// The connection, for error messages.
    private let connection: OpaquePointer?

    /// The cached statement for some SQL on a connection.
    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Binds an integer to a parameter (numbered from 1).
    func bind(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(handle, index, value)
    }

    /// Binds text to a parameter; SQLite copies it.
    func bind(_ text: String, at index: Int32) {
        var text = text
        _ = text.withUTF8 { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), copyNow) }
    }

    /// Binds a hash as a 32-byte blob; SQLite copies it.
    func bind(_ hash: LedgerHash, at index: Int32) {
        _ = hash.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), copyNow) }
    }

    /// Binds an integer, or NULL for `nil`.
    func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds text, or NULL for `nil`; SQLite copies it.
    func bind(_ text: String?, at index: Int32) {
        if let text { bind(text, at: index) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds a real number, or NULL for `nil`.
    func bind(_ value: Double?, at index: Int32) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Runs a statement that returns no rows with the values bound, then resets and unbinds it.
    func execute() throws {
        defer { reset() }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Steps through the rows of a query with the values bound, handing each to `row` (which
    /// reads it with the column accessors), then resets and unbinds the statement.
    func forEachRow(_ row: () throws -> Void) throws {
        defer { reset() }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            try row()
        }
    }

    /// The integer in a column (from 0) of the current row.
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The integer in a column of the current row, or `nil` for NULL.
    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    /// The real number in a column of the current row, or `nil` for NULL.
    func optionalDouble(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    /// The text in a column of the current row (empty for NULL).
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The text in a column of the current row, or `nil` for NULL.
    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : text(column)
    }

    /// The bytes in a column of the current row (empty for NULL).
    func bytes(_ column: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Leaves the statement ready for its next use.
    private func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The error for a failed step, with SQLite's message.
    private func error(_ code: Int32) -> DatabaseError {
        let message = connection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// SQLite's "copy the value now" destructor.
    private let copyNow = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
