import Foundation
public import Governance

extension AppConfiguration {
    /// The governance rule set: the file at `governanceRulesPath`, or the one shipped in the build.
    public func governanceRules() throws -> RuleSet {
        guard let governanceRulesPath else { return try RuleSet.bundled() }
        return try RuleSet.load(contentsOf: URL(fileURLWithPath: governanceRulesPath))
    }
}
