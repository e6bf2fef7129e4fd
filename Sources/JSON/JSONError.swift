/// A parse failure, located at the byte that made the input invalid.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. `expected ',' or '}' after an object member`.
    public var message: String
    /// 1-based line number; lines are separated by LF.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int
    /// 0-based byte offset into the input.
    public var offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line 3, column 14: <message>`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}

extension JSONError {
    /// An error at `offset` in `bytes`, with line and column computed from the bytes before it.
    ///
    /// Only runs on the failure path, so the linear scan costs nothing for valid input.
    init(_ message: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // A skipped byte order mark is invisible in editors, so it does not occupy a column.
        if lineStart == 0, hasByteOrderMark(bytes), end >= 3 {
            lineStart = 3
        }
        var column = 1
        var i = lineStart
        while i < end {
            // Count scalar starts: every byte except UTF-8 continuation bytes (10xxxxxx).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        self.init(message: message, line: line, column: column, offset: offset)
    }
}

/// Whether the input starts with the UTF-8 encoding of U+FEFF.
func hasByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
}
