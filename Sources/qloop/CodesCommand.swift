import ArgumentParser
import Foundation
import Passport
import QRCode
import QualityCore
import Storage

/// `qloop codes …`: issue unit codes (赋码) and render QR labels.
struct CodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "Issue unit codes and render QR codes.", subcommands: [Issue.self, QR.self])

    /// `qloop codes issue`.
    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue unit codes for a batch and write one unit URI per line.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Acting organisation (default: the product's owner).") var org: String?
        @Option(help: "The product's GTIN.") var gtin: String
        @Option(help: "Lot number.") var lot: String
        @Option(help: "How many codes.") var count: Int64
        @Option(help: "Output file for the unit URIs (CSV, one per line).") var out: String
        @Option(name: .customLong("qr-dir"), help: "Also write a QR image per unit into this folder (at most 100,000).")
        var qrDirectory: String?
        @Option(name: .customLong("qr-format"), help: "png or svg.") var qrFormat = "png"
        @Option(help: "Resolver stem the URIs start with (default QUALITYLOOP_RESOLVER_STEM or http://127.0.0.1:8080).")
        var stem: String?
        @OptionGroup var ledger: LedgerWriteOptions
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if qrDirectory != nil && count > 100_000 {
                throw ValidationError("--qr-dir writes one image per unit; use it for at most 100,000 codes")
            }
            guard ["png", "svg"].contains(qrFormat) else { throw ValidationError("--qr-format is png or svg") }
        }

        func run() async throws {
            let gtin = try GTIN(checking: gtin)
            let output = try LabelFile(path: out)
            try await database.withStores { stores in
                try await ledger.withService(stores, stem: stem) { service in
                    let organisation = try await stores.actingOrganisation(org, gtin: gtin)
                    let issuance = try await service.issueCodes(gtin: gtin, lot: lot, count: count, by: organisation)
                    let signer = try await service.signer(gtin: gtin, lot: lot)
                    let bar = ProgressBar(total: issuance.count, label: "issuing")
                    let started = Date()
                    try await service.labelWriter.write(issuance, signer: signer, sink: { try output.write($0) }, progress: bar.update)
                    try output.close()
                    let seconds = Date().timeIntervalSince(started)
                    if let qrDirectory {
                        try writeImages(issuance: issuance, service: service, signer: signer, directory: qrDirectory)
                    }
                    if json {
                        try Output.json(IssueOutput(issuance: issuance, file: out, seconds: seconds))
                    } else {
                        print("issued \(issuance.count) codes for \(gtin.gtin14) lot \(lot) (units \(issuance.firstIndex)–\(issuance.firstIndex + issuance.count - 1)) → \(out)")
                    }
                }
            }
        }

        private func writeImages(issuance: Passport.Issuance, service: PassportService, signer: SerialSigner, directory: String) throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let bar = ProgressBar(total: issuance.count, label: "rendering QR")
            for offset in 0..<issuance.count {
                let serial = signer.serial(index: issuance.firstIndex + offset)
                let uri = service.labelWriter.uri(gtin: issuance.gtin, lot: issuance.lot, serial: serial)
                let code = try QRCode.encode(uri)
                let path = "\(directory)/\(serial.text).\(qrFormat)"
                let bytes = qrFormat == "svg" ? Array(code.svg().utf8) : code.png()
                guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                    throw QualityError.invalid("write_failed", "cannot write \(path)")
                }
                bar.update(offset + 1)
            }
        }
    }

    /// `qloop codes qr`.
    struct QR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Render a QR code of a URI as PNG or SVG.")
        @Argument(help: "The text to encode, usually a Digital Link URI.") var uri: String
        @Option(help: "Output file; .svg writes SVG, anything else PNG.") var out: String
        @Option(help: "Error-correction level: L, M, Q or H.") var ec = "M"
        @Option(help: "Pixels per module (PNG) or units per module (SVG).") var scale = 8

        func run() async throws {
            guard let correction = QRErrorCorrection(rawValue: ec.uppercased()) else {
                throw ValidationError("--ec is one of L, M, Q, H")
            }
            let code = try QRCode.encode(uri, correction: correction)
            let bytes = out.lowercased().hasSuffix(".svg") ? Array(code.svg(moduleSize: scale).utf8) : code.png(scale: scale)
            guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                throw QualityError.invalid("write_failed", "cannot write \(out)")
            }
            print("QR version \(code.version), EC \(correction.rawValue) → \(out)")
        }
    }
}

/// The JSON summary of an issuance.
struct IssueOutput: Encodable {
    let issuance: Passport.Issuance
    let file: String
    let seconds: Double
}

/// A label file written with plain `write(2)` calls: millions of lines, no per-chunk copies.
final class LabelFile {
    private let descriptor: Int32
    private let path: String

    /// Creates (or truncates) the file.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw QualityError.invalid("cannot_open", "cannot open \(path) for writing: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes all bytes.
    func write(_ bytes: borrowing [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else {
                    throw QualityError.invalid("write_failed", "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Flushes to disk and closes.
    func close() throws {
        fsync(descriptor)
        guard Foundation.close(descriptor) == 0 else {
            throw QualityError.invalid("write_failed", "cannot close \(path)")
        }
    }
}
