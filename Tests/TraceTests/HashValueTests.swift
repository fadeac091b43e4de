import Testing

@testable import Trace

/// How single values are written into the pre-hash string.
@Suite struct HashValueTests {
    /// Numbers are written without trailing zeros, as the reference writes doubles.
    @Test(arguments: [
        ("26.0", "26"), ("0.180000000000", "0.18"), ("12.10000", "12.1"), ("1e3", "1000"), ("-0", "0"), ("+5", "5"),
        ("0.00001", "1e-05"), ("1.5e-7", "1.5e-07"), ("0.0001", "0.0001"), ("123.5", "123.5"), ("1_000", "1000"),
        ("12345678901234567890", "12345678901234567168"), ("1e22", "10000000000000000000000"),
        ("0614141000005", "614141000005"),
        ("0.1000000000000000055", "0.1"), ("2.5e15", "2500000000000000"), ("-13.8", "-13.8"),
    ])
    func numbersLoseTrailingZeros(_ text: String, _ expected: String) {
        #expect(HashNumber.canonical(text) == expected)
    }

    /// Text that is not a number is not rewritten.
    @Test(arguments: ["2019-10-21", "P3Y", "1.2.3", "nan", "inf", "0x10", "1e", "_1", "1__0", "", "e5"])
    func nonNumbersAreLeftAlone(_ text: String) {
        #expect(HashNumber.canonical(text) == nil)
    }

    /// Date-times become UTC with milliseconds, rounding half up.
    @Test(arguments: [
        ("2023-02-02T11:04:03.1415Z", "2023-02-02T11:04:03.142Z"),
        ("2023-02-02T11:04:03.1414Z", "2023-02-02T11:04:03.141Z"),
        ("2019-10-21T14:58:56+02:00", "2019-10-21T12:58:56.000Z"),
        ("2019-10-21T01:58:56.000+03:00", "2019-10-20T22:58:56.000Z"),
        ("2022-02-16T08:40:21.3142715Z", "2022-02-16T08:40:21.314Z"),
        ("1999-12-31T23:59:59.9996Z", "2000-01-01T00:00:00.000Z"),
        ("1965-03-01T00:00:00.000-14:00", "1965-03-01T14:00:00.000Z"),
    ])
    func timesAreUTCMilliseconds(_ text: String, _ expected: String) {
        #expect(HashValue.time(text) == expected)
    }

    /// Legacy CBV URNs, EPC URNs and other values are written canonically.
    @Test(arguments: [
        ("urn:epcglobal:cbv:bizstep:receiving", "https://ref.gs1.org/cbv/BizStep-receiving"),
        ("urn:epcglobal:cbv:btt:po", "https://ref.gs1.org/cbv/BTT-po"),
        ("urn:epcglobal:cbv:bt:0614141073467:1152", "urn:epcglobal:cbv:bt:0614141073467:1152"),
        ("urn:epc:id:sgtin:4012345.011111.9876", "https://id.gs1.org/01/04012345111118/21/9876"),
        ("geo:47.506694,11.104301", "geo:47.506694,11.104301"),
        ("(414)4023333000017 (254)12", "(414)4023333000017 (254)12"),
    ])
    func valuesAreCanonical(_ text: String, _ expected: String) {
        #expect(HashValue.canonical(text) == expected)
    }

    /// Date-times keep their text and know their offset; invalid ones are recognised.
    @Test func timestampsKeepTheirText() {
        let stamp = EPCISTimestamp("2026-07-22T06:45:00+02:00")
        #expect(stamp.isValid)
        #expect(stamp.offsetMinutes == 120)
        #expect(!EPCISTimestamp("2026-07-22T06:45:00").isValid)
        #expect(EPCISTimestamp("2026-07-22T06:45:00").isDateTime)
        #expect(!EPCISTimestamp("2026-02-30T06:45:00Z").isDateTime)
        #expect(!EPCISTimestamp("22-07-2026").isDateTime)
        #expect(!EPCISTimestamp("2026-07-22T06:45:00+15:00").isDateTime)
    }

    /// An event hash reads back from its ni URI.
    @Test func eventHashURIRoundTrips() {
        let hash = EventHash(preHash: "eventType=ObjectEvent")
        #expect(EventHash(uri: hash.uri) == hash)
        #expect(EventHash(uri: "ni:///sha-256;zz?ver=CBV2.0") == nil)
        #expect(hash.uri.hasPrefix("ni:///sha-256;") && hash.uri.hasSuffix("?ver=CBV2.0") && hash.hex.count == 64)
    }
}
