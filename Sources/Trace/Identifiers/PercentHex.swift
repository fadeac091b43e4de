/// Upper-case hexadecimal digits for percent-encoding.
enum PercentHex {
    /// `0`–`9`, `A`–`F`.
    static let digits = Array("0123456789ABCDEF")
}
