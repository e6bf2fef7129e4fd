extension String {
    /// Without surrounding white space (line breaks too).
    public var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Nil for an empty or all-space string, else the string without surrounding space.
    public var nonBlank: String? {
        let t = trimmed
        return t.isEmpty ? nil : t
    }
}
