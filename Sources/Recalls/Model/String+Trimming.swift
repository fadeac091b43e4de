extension String {
    /// The text without leading and trailing white space.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether the text has no control characters (line breaks included).
    var isSingleLine: Bool {
        !unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
