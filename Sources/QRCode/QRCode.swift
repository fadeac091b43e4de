/// A QR Code Model 2 symbol (ISO/IEC 18004): the grid of dark and light modules for a text.
///
/// `encode` picks the smallest version that holds the text at the requested error correction
/// level, packs the text into numeric, alphanumeric and byte (UTF-8) segments as is shortest,
/// adds Reed–Solomon codewords and chooses the mask with the lowest penalty score.
public struct QRCode: Sendable, Equatable {
    /// The symbol version, 1...40.
    public let version: Int
    /// Modules along one side, without quiet zone: `4 * version + 17`.
    public let size: Int
    /// The error correction level the symbol was built with.
    public let correction: QRErrorCorrection
    /// The data mask reference (0...7) that was applied.
    public let mask: Int
    /// 1 for dark, 0 for light, row by row from the top-left corner.
    let modules: [UInt8]

    /// Encodes text as a QR code.
    ///
    /// - Parameters:
    ///   - text: The content; written as UTF-8, with an ECI designator for UTF-8 when it contains
    ///     characters outside ASCII.
    ///   - correction: The error correction level.
    ///   - minimumVersion: The smallest version to use, e.g. to keep a family of labels one size.
    ///   - maximumVersion: The largest version to allow.
    /// - Throws: `QRCodeError.invalidVersionRange` for bounds outside 1...40 and
    ///   `QRCodeError.dataTooLong` when the text does not fit the largest allowed version.
    public static func encode(
        _ text: String,
        correction: QRErrorCorrection = .medium,
        minimumVersion: Int = 1,
        maximumVersion: Int = 40
    ) throws(QRCodeError) -> QRCode {
        guard QRVersion.minimum <= minimumVersion, minimumVersion <= maximumVersion,
            maximumVersion <= QRVersion.maximum
        else {
            throw .invalidVersionRange(minimum: minimumVersion, maximum: maximumVersion)
        }
        let bytes = Array(text.utf8)
        let (version, segments) = try fit(bytes, correction: correction, versions: minimumVersion...maximumVersion)
        let data = QRCodewords.data(segments: segments, version: version, correction: correction)
        let codewords = QRCodewords.interleaved(data: data, version: version, correction: correction)
        var unmasked = QRMatrix(version: version)
        unmasked.placeCodewords(codewords)
        let (matrix, mask) = bestMasked(unmasked, correction: correction)
        return QRCode(
            version: version.number, size: matrix.size, correction: correction, mask: mask.reference,
            modules: matrix.modules)
    }

    /// Whether the module at column `x`, row `y` (from the top-left corner) is dark; positions
    /// outside the symbol are light, as the quiet zone is.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, x < size, y >= 0, y < size else { return false }
        return modules[y * size + x] != 0
    }

    /// The smallest version in a range whose data capacity holds the text, with its segments.
    static func fit(
        _ bytes: [UInt8], correction: QRErrorCorrection, versions: ClosedRange<Int>
    ) throws(QRCodeError) -> (QRVersion, [QRSegment]) {
        let announcement: [QRSegment] = bytes.contains { $0 >= 0x80 } ? [QRSegment.utf8Announcement] : []
        var plannedClass = -1
        var segments: [QRSegment] = []
        var neededBits: Int?
        for number in versions {
            let version = QRVersion(number)
            let sizeClass = QRSegmentMode.sizeClass(ofVersion: number)
            if sizeClass != plannedClass {
                segments = announcement + QRSegmentPlanner.segments(for: bytes, sizeClass: sizeClass)
                plannedClass = sizeClass
            }
            let bitCounts = segments.map { $0.bitCount(sizeClass: sizeClass) }
            guard !bitCounts.contains(nil) else { continue }
            let bits = bitCounts.reduce(0) { $0 + ($1 ?? 0) }
            neededBits = bits
            if bits <= version.dataCodewords(correction) * 8 { return (version, segments) }
        }
        throw .dataTooLong(
            neededBits: neededBits ?? bytes.count * 8,
            availableBits: QRVersion(versions.upperBound).dataCodewords(correction) * 8,
            correction: correction,
            maximumVersion: versions.upperBound)
    }

    /// The matrix under each of the eight masks, with its format information, and the one with
    /// the lowest penalty score; ties go to the lower mask reference.
    private static func bestMasked(_ unmasked: QRMatrix, correction: QRErrorCorrection) -> (QRMatrix, QRMask) {
        var best = (unmasked, QRMask.all[0])
        var bestScore = Int.max
        for mask in QRMask.all {
            var candidate = unmasked
            candidate.applyMask(mask)
            candidate.drawFormatInformation(
                QRFormatInformation.formatBits(correction: correction, mask: mask.reference))
            let score = candidate.penaltyScore
            if score < bestScore {
                best = (candidate, mask)
                bestScore = score
            }
        }
        return best
    }
}
