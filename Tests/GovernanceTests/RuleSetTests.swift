import Foundation
import Governance
import QualityCore
import Testing

@Suite("Rule sets")
struct RuleSetTests {
    @Test("the bundled rule set describes every check, in Chinese and English, with a basis")
    func bundled() throws {
        let rules = try RuleSet.bundled()

        #expect(rules.version == "2026.2")
        #expect(Set(rules.rules.map(\.id)) == Set(RuleID.all))
        for rule in rules.rules {
            #expect(!rule.explanation.zh.isEmpty && !rule.explanation.en.isEmpty, "\(rule.id)")
            #expect(!rule.basis.isEmpty, "\(rule.id)")
        }
        #expect(rules.rule(RuleID.documentExpiringSoon).thresholds["days"] == 30)
    }

    @Test("a file that leaves out a check is refused, so a typo cannot switch it off")
    func missingRule() throws {
        let data = try bundledJSON { json in
            json["rules"] = (json["rules"] as? [[String: Any]])?.filter { $0["id"] as? String != RuleID.blacklisted }
        }
        let error = #expect(throws: QualityError.self) { try RuleSet.load(from: data) }
        #expect(error?.code == "bad_rule_set")
        #expect(error?.message.contains(RuleID.blacklisted) == true)
    }

    @Test("an unknown rule id, a duplicate and a missing threshold are refused")
    func malformed() throws {
        let unknown = try bundledJSON { json in
            var rules = json["rules"] as? [[String: Any]] ?? []
            var extra = rules[0]
            extra["id"] = "onboarding.document.mising"
            rules.append(extra)
            json["rules"] = rules
        }
        let duplicate = try bundledJSON { json in
            let rules = json["rules"] as? [[String: Any]] ?? []
            json["rules"] = rules + [rules[0]]
        }
        let noThreshold = try bundledJSON { json in
            json["rules"] = (json["rules"] as? [[String: Any]])?.map { rule in
                var rule = rule
                rule.removeValue(forKey: "thresholds")
                return rule
            }
        }
        for data in [unknown, duplicate, noThreshold] {
            let error = #expect(throws: QualityError.self) { try RuleSet.load(from: data) }
            #expect(error?.code == "bad_rule_set")
        }
        let notJSON = #expect(throws: QualityError.self) { try RuleSet.load(from: Data("{".utf8)) }
        #expect(notJSON?.code == "bad_rule_set")
    }

    @Test("severity and thresholds come from the file, not the code")
    func dataDriven() throws {
        let data = try bundledJSON { json in
            json["version"] = "test.2"
            json["rules"] = (json["rules"] as? [[String: Any]])?.map { rule in
                var rule = rule
                if rule["id"] as? String == RuleID.documentMissing { rule["severity"] = "warn" }
                if rule["id"] as? String == RuleID.documentExpiringSoon { rule["thresholds"] = ["days": 400] }
                return rule
            }
        }
        let rules = try RuleSet.load(from: data)
        let party = Fixtures.merchant(categories: ["food"])
        let facts = Fixtures.facts(
            party, documents: [Fixtures.document(.businessLicence, of: party, until: "2027-06-01")])

        let evaluation = OnboardingEvaluator(rules: rules).evaluate(facts)

        #expect(evaluation.ruleSetVersion == "test.2")
        #expect(evaluation.ruleIDs == [RuleID.documentMissing, RuleID.documentExpiringSoon])
        #expect(evaluation.severity == .warn)
    }

    /// The bundled file's JSON, edited.
    func bundledJSON(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        let url = try #require(RuleSet.bundledURL)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        edit(&json)
        return try JSONSerialization.data(withJSONObject: json)
    }
}
