import Crypto
import Foundation
public import QualityCore

/// Signs and checks unit serials for one batch with one key. Create one per batch and reuse it:
/// the HMAC state after the key pads and the message prefix (GTIN, lot, key id) is computed once,
/// so each unit costs only its own 8 bytes and the final two SHA-256 compressions — what lets a
/// producer print ten million labels in seconds.
public struct SerialSigner: Sendable {
    /// The key.
    public let key: SerialKey
    private let template: HMAC<SHA256>

    /// Creates a signer for the units of one batch.
    public init(key: SerialKey, gtin: GTIN, lot: String) {
        self.key = key
        var prefix = Array(gtin.gtin14.utf8)
        prefix.append(0x1D)
        prefix.append(contentsOf: lot.utf8)
        prefix.append(0x1D)
        prefix.append(UInt8(key.id))
        var template = HMAC<SHA256>(key: SymmetricKey(data: key.secret))
        template.update(data: prefix)
        self.template = template
    }

    /// The 64-bit tag of a unit index.
    public func tag(index: Int64) -> UInt64 {
        var mac = template
        withUnsafeBytes(of: UInt64(index).bigEndian) { mac.update(data: $0) }
        return mac.finalize().withUnsafeBytes { raw in
            var value: UInt64 = 0
            for byte in raw.prefix(8) { value = value << 8 | UInt64(byte) }
            return value
        }
    }

    /// The serial of a unit index.
    public func serial(index: Int64) -> UnitSerial {
        UnitSerial(keyID: key.id, index: index, tag: tag(index: index))
    }

    /// Whether a serial was signed by this key for this batch (constant-time tag comparison).
    public func authenticates(_ serial: UnitSerial) -> Bool {
        guard serial.keyID == key.id, serial.index < UnitSerial.indexLimit else { return false }
        let difference = tag(index: serial.index) ^ serial.tag
        return difference == 0
    }
}
