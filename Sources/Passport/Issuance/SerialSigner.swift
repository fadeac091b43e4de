import Crypto
public import QualityCore

/// Signs and checks unit serials for one batch with one key. Create one per batch and reuse it:
/// the message prefix (GTIN and lot) is built once.
public struct SerialSigner: Sendable {
    /// The key.
    public let key: SerialKey
    private let symmetricKey: SymmetricKey
    private let prefix: [UInt8]

    /// Creates a signer for the units of one batch.
    public init(key: SerialKey, gtin: GTIN, lot: String) {
        self.key = key
        self.symmetricKey = SymmetricKey(data: key.secret)
        var prefix = Array(gtin.gtin14.utf8)
        prefix.append(0x1D)
        prefix.append(contentsOf: lot.utf8)
        prefix.append(0x1D)
        prefix.append(UInt8(key.id))
        self.prefix = prefix
    }

    /// The 64-bit tag of a unit index.
    public func tag(index: Int64) -> UInt64 {
        var message = prefix
        withUnsafeBytes(of: UInt64(index).bigEndian) { message.append(contentsOf: $0) }
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: symmetricKey)
        return mac.withUnsafeBytes { raw in
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
