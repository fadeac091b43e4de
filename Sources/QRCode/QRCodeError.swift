/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text needs more data bits than the largest allowed version holds at the requested level.
    case dataTooLong(neededBits: Int, availableBits: Int, correction: QRErrorCorrection, maximumVersion: Int)
    /// The version bounds are outside 1...40 or the minimum exceeds the maximum.
    case invalidVersionRange(minimum: Int, maximum: Int)

    /// A sentence for people, naming the limit that was hit.
    public var description: String {
        switch self {
        case .dataTooLong(let needed, let available, let correction, let maximumVersion):
            let neededBytes = (needed + 7) / 8
            let availableBytes = available / 8
            return "the text needs \(neededBytes) data bytes, but a version \(maximumVersion) QR code at "
                + "error correction \(correction.rawValue) holds at most \(availableBytes); shorten the text, "
                + "lower the error correction level or allow a larger version"
        case .invalidVersionRange(let minimum, let maximum):
            return "QR code versions run from 1 to 40 with the minimum not above the maximum; "
                + "got \(minimum)...\(maximum)"
        }
    }
}
