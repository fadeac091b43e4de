public import QualityCore

/// Signs and checks unit serials for one batch with one key. Create one per batch and reuse it:
/// the HMAC pad states and the message block (GTIN, lot, key id) are prepared once, so each unit
/// costs two SHA-256 compressions (see `SerialMAC`).
public struct SerialSigner: Sendable {
    /// The key.
    public let key: SerialKey
    private let mac: SerialMAC

    /// Creates a signer for the units of one batch.
    public init(key: SerialKey, gtin: GTIN, lot: String) {
        self.key = key
        var prefix = Array(gtin.gtin14.utf8)
        prefix.append(0x1D)
        prefix.append(contentsOf: lot.utf8)
        prefix.append(0x1D)
        prefix.append(UInt8(key.id))
        // GTIN (14) + lot (at most 20, AI 10) + 3 bytes always fit one block.
        guard let mac = SerialMAC(key: key.secret, prefix: prefix) else {
            preconditionFailure("a lot longer than AI 10 allows reached the serial signer")
        }
        self.mac = mac
    }

    /// The 64-bit tag of a unit index.
    public func tag(index: Int64) -> UInt64 {
        mac.tag(index: UInt64(index))
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
