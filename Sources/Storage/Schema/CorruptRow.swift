/// A stored value this code cannot read back (an unknown enum case, a malformed GTIN or date):
/// the database was written by something else or edited by hand.
struct CorruptRow: Error, CustomStringConvertible {
    /// The table the row came from.
    var table: String
    /// What was wrong with it.
    var problem: String

    /// A message for the log.
    var description: String { "unreadable row in \(table): \(problem)" }
}
