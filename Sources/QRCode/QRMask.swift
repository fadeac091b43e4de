/// One of the eight data masks (ISO/IEC 18004 Table 10); a mask flips the data modules where its
/// condition holds, to break up patterns that confuse readers.
struct QRMask: Sendable, Equatable {
    /// The mask reference, 0...7, as written in the format information.
    let reference: Int

    /// All eight masks in reference order.
    static let all = (0..<8).map(QRMask.init(reference:))

    /// Whether the mask flips the module at column `x`, row `y`.
    @inline(__always)
    func flips(x: Int, y: Int) -> Bool {
        switch reference {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (x * y) % 2 + (x * y) % 3 == 0
        case 6: ((x * y) % 2 + (x * y) % 3) % 2 == 0
        default: ((x + y) % 2 + (x * y) % 3) % 2 == 0
        }
    }
}
