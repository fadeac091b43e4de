import QRCode
import Testing

/// Every round-trip case encoded and then decoded by zxing-cpp in a single script run, shared by
/// the tests that check the results.
enum DecodedCorpus {
    /// A case with what the encoder made and what the decoder read.
    struct Observation: Sendable {
        /// The case.
        let sample: RoundTripCase
        /// The encoded text.
        let text: String
        /// The symbol.
        let code: QRCode
        /// What zxing-cpp read from the PNG.
        let decoded: ZxingDecoder.Symbol
    }

    /// The outcome of the one decoding run.
    enum Outcome: Sendable {
        /// The decoder ran; observations by case.
        case decoded([RoundTripCase: Observation])
        /// The decoder is not installed.
        case unavailable(ZxingDecoder.Unavailable)
    }

    /// Started by the first test that needs it, awaited by the rest.
    static let outcome = Task<Outcome, any Error> {
        let decoder: ZxingDecoder
        switch ZxingDecoder.locate() {
        case .success(let found): decoder = found
        case .failure(let reason): return .unavailable(reason)
        }
        let cases = RoundTripCase.contentCases + RoundTripCase.sweepCases
        // Encoding the large versions in a debug build takes a while; spread it over the cores.
        let encoded = try await withThrowingTaskGroup(of: (Int, String, QRCode, [UInt8]).self) { group in
            for (index, sample) in cases.enumerated() {
                group.addTask {
                    let text = sample.text()
                    let code = try QRCode.encode(text, correction: sample.correction)
                    let image = sample.scale == 8 ? code.png() : code.png(scale: sample.scale)
                    return (index, text, code, image)
                }
            }
            var results: [(Int, String, QRCode, [UInt8])] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }
        }
        let images = encoded.map { $0.3 }
        let symbols: [ZxingDecoder.Symbol]
        do {
            symbols = try decoder.decode(images)
        } catch let reason as ZxingDecoder.Unavailable {
            return .unavailable(reason)
        }
        var observations: [RoundTripCase: Observation] = [:]
        for ((index, text, code, _), symbol) in zip(encoded, symbols) {
            observations[cases[index]] = Observation(sample: cases[index], text: text, code: code, decoded: symbol)
        }
        return .decoded(observations)
    }

    /// The observations, or nil after skipping or failing the current test for a missing decoder.
    static func observations(
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [RoundTripCase: Observation]? {
        switch try await outcome.value {
        case .decoded(let observations): return observations
        case .unavailable(let reason):
            _ = try ZxingDecoder.usable(.failure(reason), sourceLocation: sourceLocation)
            return nil
        }
    }
}
