import Governance
import QualityCore
import Testing

@Suite("Regulator list files")
struct ViolationListCSVTests {
    @Test("rows are read in any column order, with quotes, a BOM and CRLF line ends")
    func parses() throws {
        let text =
            "\u{FEFF}name,credit_code,list,listed_on,removed_on,authority,reason\r\n"
            + "\"Sunny Meadow Shop, Ltd\",91330106MA2B00001Y,serious_violation,2025-03-01,,杭州市市场监督管理局,\"销售\"\"假冒\"\"产品\"\r\n"
            + "Rival Foods,91310000MA1K00002C,abnormal_operation,2024-01-10,2025-02-01,上海市市场监督管理局,通过登记的住所无法联系\r\n"

        let listings = try ViolationListCSV.parse(text)

        #expect(listings.count == 2)
        #expect(listings[0].name == "Sunny Meadow Shop, Ltd")
        #expect(listings[0].reason == "销售\"假冒\"产品")
        #expect(listings[0].list == .seriousViolation)
        #expect(listings[0].removedOn == nil)
        #expect(listings[1].list == .abnormalOperation)
        #expect(listings[1].removedOn == Fixtures.day("2025-02-01"))
        #expect(listings[1].isListed(on: Fixtures.day("2025-01-31")))
        #expect(!listings[1].isListed(on: Fixtures.day("2025-02-01")))
    }

    @Test("a bad row rejects the whole file, naming its line")
    func badRow() {
        let text = """
            credit_code,name,list,listed_on,removed_on,authority,reason
            91330106MA2B00001Y,A,serious_violation,2025-03-01,,X,Y
            91330106MA2B00001Z,B,serious_violation,2025-03-01,,X,Y
            """
        let error = #expect(throws: QualityError.self) { try ViolationListCSV.parse(text) }
        #expect(error?.code == "bad_list_row")
        #expect(error?.message.hasPrefix("line 3:") == true)
    }

    @Test("an unknown list, a missing column and an unclosed quote are refused")
    func refusals() {
        let unknown =
            "credit_code,name,list,listed_on,removed_on,authority,reason\n91330106MA2B00001Y,A,grey_list,2025-03-01,,X,Y\n"
        let missing = "credit_code,name,listed_on,removed_on,authority,reason\n"
        let unclosed =
            "credit_code,name,list,listed_on,removed_on,authority,reason\n91330106MA2B00001Y,\"A,serious_violation,2025-03-01,,X,Y\n"
        #expect(throws: QualityError.self) { try ViolationListCSV.parse(unknown) }
        let missingError = #expect(throws: QualityError.self) { try ViolationListCSV.parse(missing) }
        #expect(missingError?.code == "missing_list_column")
        let unclosedError = #expect(throws: QualityError.self) { try ViolationListCSV.parse(unclosed) }
        #expect(unclosedError?.message.contains("not closed") == true)
        #expect(throws: QualityError.self) { try ViolationListCSV.parse("") }
    }
}
