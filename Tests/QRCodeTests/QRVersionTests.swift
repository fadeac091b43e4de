import Testing

@testable import QRCode

/// Symbol geometry and capacity tables.
@Suite("Versions")
struct QRVersionTests {
    @Test("the data module count equals the modules left free by the function patterns", arguments: 1...40)
    func dataModulesMatchTheDrawnMatrix(version: Int) {
        let matrix = QRMatrix(version: QRVersion(version))
        let free = matrix.isReserved.filter { !$0 }.count

        #expect(free == QRVersion(version).dataModuleCount)
        #expect(free - QRVersion(version).totalCodewords * 8 < 8, "at most 7 remainder bits")
    }

    @Test(
        "alignment pattern centres match ISO/IEC 18004 Table E.1",
        arguments: [
            (1, []), (2, [6, 18]), (7, [6, 22, 38]), (10, [6, 28, 50]), (32, [6, 34, 60, 86, 112, 138]),
            (36, [6, 24, 50, 76, 102, 128, 154]), (40, [6, 30, 58, 86, 114, 142, 170]),
        ])
    func alignmentCentres(version: Int, centres: [Int]) {
        #expect(QRVersion(version).alignmentCentres == centres)
    }

    @Test("data codeword capacities match ISO/IEC 18004 Table 7")
    func capacities() {
        let smallest = QRErrorCorrection.allCases.map { QRVersion(1).dataCodewords($0) }
        let tenth = QRErrorCorrection.allCases.map { QRVersion(10).dataCodewords($0) }
        let largest = QRErrorCorrection.allCases.map { QRVersion(40).dataCodewords($0) }

        #expect(smallest == [19, 16, 13, 9])
        #expect(tenth == [274, 216, 154, 122])
        #expect(largest == [2956, 2334, 1666, 1276])
    }

    @Test("capacity grows with the version and shrinks with the correction level")
    func capacityOrdering() {
        for version in 1...40 {
            let capacities = QRErrorCorrection.allCases.map { QRVersion(version).dataCodewords($0) }
            #expect(capacities == capacities.sorted(by: >), "version \(version): \(capacities)")
            for (correction, capacity) in zip(QRErrorCorrection.allCases, capacities) where version > 1 {
                #expect(
                    capacity > QRVersion(version - 1).dataCodewords(correction), "\(version)-\(correction.rawValue)")
                let layout = QRVersion(version).blocks(correction)
                #expect(layout.longBlockCount < layout.blockCount && layout.shortBlockDataCodewords > 0)
            }
        }
    }
}
