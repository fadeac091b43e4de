import GRDB
import QualityCore

extension SQLiteStore {
    /// Runs database work, turning constraint violations into the domain errors a caller can act
    /// on: `unique` for a duplicate key, `foreignKey` for a missing parent row.
    func translating<T>(
        unique: QualityError? = nil, foreignKey: QualityError? = nil, _ work: () async throws -> T
    ) async throws -> T {
        do {
            return try await work()
        } catch let error as DatabaseError {
            switch error.extendedResultCode {
            case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
                if let unique { throw unique }
            case .SQLITE_CONSTRAINT_FOREIGNKEY:
                if let foreignKey { throw foreignKey }
            default:
                break
            }
            throw error
        }
    }
}
