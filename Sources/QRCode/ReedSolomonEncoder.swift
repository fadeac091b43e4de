/// Computes the error correction codewords of one block: the remainder of the data polynomial,
/// shifted up by the degree, divided by the generator ∏(x − α^i) for i in 0..<degree.
struct ReedSolomonEncoder: Sendable {
    /// Number of error correction codewords produced per block.
    let degree: Int
    /// Generator coefficients below the leading 1, highest power first, stored as logarithms so
    /// the division loop needs one table look-up per term; -1 stands for a zero coefficient.
    private let generatorLogarithms: [Int]

    /// Builds the generator polynomial of a degree (1...255).
    init(degree: Int) {
        precondition((1...255).contains(degree), "Reed–Solomon degree \(degree) is outside 1...255")
        self.degree = degree
        // Multiply out (x + α^0)(x + α^1)…, coefficients highest power first.
        var polynomial: [UInt8] = [1]
        var root: UInt8 = 1
        for _ in 0..<degree {
            var product = polynomial + [0]
            for index in 1..<product.count {
                product[index] ^= GaloisField256.multiply(polynomial[index - 1], root)
            }
            polynomial = product
            root = GaloisField256.multiply(root, 2)
        }
        generatorLogarithms = polynomial.dropFirst().map { $0 == 0 ? -1 : Int(GaloisField256.logarithms[Int($0)]) }
    }

    /// The generator's coefficients, highest power first, including the leading 1.
    var generator: [UInt8] {
        [1] + generatorLogarithms.map { $0 < 0 ? 0 : GaloisField256.exponents[$0] }
    }

    /// The `degree` error correction codewords for a block of data codewords.
    func correctionCodewords(for data: ArraySlice<UInt8>) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: degree)
        let exponents = GaloisField256.exponents
        let logarithms = GaloisField256.logarithms
        for byte in data {
            let factor = byte ^ remainder[0]
            for index in 1..<degree { remainder[index - 1] = remainder[index] }
            remainder[degree - 1] = 0
            guard factor != 0 else { continue }
            let factorLog = Int(logarithms[Int(factor)])
            for index in 0..<degree where generatorLogarithms[index] >= 0 {
                remainder[index] ^= exponents[generatorLogarithms[index] + factorLog]
            }
        }
        return remainder
    }
}
