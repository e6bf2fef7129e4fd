/// Strict RFC 8259 parsing of UTF-8 JSON text.
///
/// Beyond the RFC's minimum, the parser:
/// - skips one leading UTF-8 byte order mark (RFC 8259 §8.1 lets parsers ignore it, and some
///   editors add one when saving);
/// - rejects an object that names the same key twice, because the second member would
///   otherwise silently replace the first and be lost on the next save. Keys that are equal
///   as Swift strings (canonically equivalent, e.g. "é" and "e\u{301}") count as the same key;
/// - rejects nesting deeper than ``maxDepth`` arrays/objects. Parsing is iterative, so deep
///   input cannot overflow the stack; the limit only bounds memory and keeps the resulting
///   value safe to use with recursive code.
public enum JSONParser {
    /// The deepest nesting of arrays and objects that parses; one more level is an error.
    public static let maxDepth = 512

    /// Parses a complete JSON text from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses a complete JSON text from a string.
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses a complete JSON text from raw UTF-8 bytes, e.g. a memory-mapped file.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONError) -> JSONValue {
        let result = bytes.withMemoryRebound(to: UInt8.self) { buffer in
            Result { () throws(JSONError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses a complete JSON text from UTF-8 bytes.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
        var parser = Parser(bytes: bytes)
        return try parser.parseDocument()
    }
}

/// Byte values the grammar cares about.
private enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}

/// An array or object whose elements are still being parsed.
private struct Frame {
    let isObject: Bool
    /// Where this container's elements start in `Parser.values`.
    let valueStart: Int
    /// Where this container's keys start in `Parser.keys` (objects only).
    let keyStart: Int
}

/// The parsing state for one document.
///
/// Finished values wait on one flat stack until their container closes, and are then moved
/// into an exactly-sized array or dictionary. This keeps the parse iterative (no recursion,
/// so no stack overflow on hostile nesting) and reuses the same few buffers for the whole
/// document instead of growing a fresh array per container.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var values: [JSONValue] = []
    var keys: [String] = []
    var keyOffsets: [Int] = []
    var frames: [Frame] = []
    /// Reused buffer for decoding strings that contain escapes.
    var scratch: [UInt8] = []
    /// Containers already open around the value being parsed (a `JSONCursor`'s), for the depth limit.
    var baseDepth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        values.reserveCapacity(64)
        keys.reserveCapacity(32)
        keyOffsets.reserveCapacity(32)
        frames.reserveCapacity(16)
    }

    /// The byte at `index`, or 0 at the end of input; 0 is invalid wherever this is used.
    @inline(__always)
    var current: UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    @inline(__always)
    var atEnd: Bool { index >= bytes.count }

    func error(_ message: String, at offset: Int) -> JSONError {
        JSONError(message, at: offset, in: bytes)
    }

    func error(_ message: String) -> JSONError {
        JSONError(message, at: index, in: bytes)
    }

    /// An error for an unexpected byte at `index`, naming what the grammar wanted instead.
    func unexpected(expected: String) -> JSONError {
        if atEnd { return error("unexpected end of input, \(expected)") }
        if bytes[index] >= 0x80, firstInvalidUTF8(from: index, to: min(index + 4, bytes.count)) == index {
            return error("invalid UTF-8")
        }
        return error(expected)
    }

    // MARK: Document structure

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        if hasByteOrderMark(bytes) { index = 3 }
        skipWhitespace()
        if atEnd { throw error("empty document") }
        let value = try parseValue()
        skipWhitespace()
        guard atEnd else { throw error("unexpected data after the top-level value") }
        return value
    }

    /// Parses the value that starts at `index` (whitespace before it skipped), containers whole.
    mutating func parseValue() throws(JSONError) -> JSONValue {
        var value: JSONValue
        parsing: while true {
            // A value starts at `index`; whitespace before it is already skipped.
            switch current {
            case Byte.openBrace:
                try checkDepth()
                index += 1
                skipWhitespace()
                if current == Byte.closeBrace {
                    index += 1
                    value = .object([:])
                } else {
                    frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
                    try parseMemberKey(afterComma: false)
                    continue parsing
                }
            case Byte.openBracket:
                try checkDepth()
                index += 1
                skipWhitespace()
                if current == Byte.closeBracket {
                    index += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
                    continue parsing
                }
            case Byte.quote:
                value = .string(try parseString())
            case Byte.minus, Byte.zero...Byte.nine:
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw unexpected(expected: "expected a value")
            }

            // Hand the finished value to its container, closing every container that ends here.
            while let frame = frames.last {
                values.append(value)
                skipWhitespace()
                let c = current
                if c == Byte.comma {
                    index += 1
                    skipWhitespace()
                    if frame.isObject {
                        try parseMemberKey(afterComma: true)
                    } else if current == Byte.closeBracket {
                        throw error("trailing comma in array")
                    }
                    continue parsing
                }
                if frame.isObject {
                    guard c == Byte.closeBrace else {
                        throw unexpected(expected: "expected ',' or '}' after an object member")
                    }
                    index += 1
                    value = try closeObject(frame)
                } else {
                    guard c == Byte.closeBracket else {
                        throw unexpected(expected: "expected ',' or ']' after an array element")
                    }
                    index += 1
                    value = closeArray(frame)
                }
            }

            return value
        }
    }

    /// Fails if opening one more container would exceed the depth limit.
    @inline(__always)
    func checkDepth() throws(JSONError) {
        if frames.count + baseDepth >= JSONParser.maxDepth {
            throw error("nesting deeper than \(JSONParser.maxDepth) levels")
        }
    }

    /// Parses `"key" :` and leaves `index` at the member's value.
    mutating func parseMemberKey(afterComma: Bool) throws(JSONError) {
        guard current == Byte.quote else {
            if afterComma && current == Byte.closeBrace { throw error("trailing comma in object") }
            throw unexpected(expected: "expected a string key")
        }
        let keyOffset = index
        let key = try parseString()
        skipWhitespace()
        guard current == Byte.colon else {
            throw unexpected(expected: "expected ':' after an object key")
        }
        index += 1
        skipWhitespace()
        keys.append(key)
        keyOffsets.append(keyOffset)
    }

    mutating func closeArray(_ frame: Frame) -> JSONValue {
        frames.removeLast()
        let elements = Array(values[frame.valueStart...])
        values.removeSubrange(frame.valueStart...)
        return .array(elements)
    }

    /// Builds the dictionary for a finished object, rejecting repeated keys.
    ///
    /// Duplicates are found here, when the keys are hashed into the dictionary anyway, rather
    /// than per key; so a syntax error later in the same object is reported before a duplicate.
    mutating func closeObject(_ frame: Frame) throws(JSONError) -> JSONValue {
        frames.removeLast()
        let count = values.count - frame.valueStart
        var members = [String: JSONValue](minimumCapacity: count)
        for i in 0..<count {
            let key = keys[frame.keyStart + i]
            if members.updateValue(values[frame.valueStart + i], forKey: key) != nil {
                throw error("duplicate key \(JSONWriter.quoted(key))", at: keyOffsets[frame.keyStart + i])
            }
        }
        values.removeSubrange(frame.valueStart...)
        keys.removeSubrange(frame.keyStart...)
        keyOffsets.removeSubrange(frame.keyStart...)
        return .object(members)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case Byte.space:
                // Indentation eight spaces at a time.
                if index + 8 <= bytes.count, let base = bytes.baseAddress,
                   UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                    index += 8
                } else {
                    index += 1
                }
            case Byte.lineFeed, Byte.carriageReturn, Byte.tab:
                index += 1
            default:
                return
            }
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        let matches = index + count <= bytes.count && literal.withUTF8Buffer { expected in
            var i = 0
            while i < count {
                if bytes[index + i] != expected[i] { return false }
                i += 1
            }
            return true
        }
        guard matches else { throw error("invalid literal, expected '\(literal)'") }
        index += count
    }

    // MARK: Numbers

    /// Validates a number against the RFC 8259 grammar and returns its literal text.
    mutating func parseNumber() throws(JSONError) -> String {
        let start = index
        if current == Byte.minus { index += 1 }
        if current == Byte.zero {
            index += 1
            if isDigit(current) { throw error("leading zeros are not allowed", at: index - 1) }
        } else if isDigit(current) {
            skipDigits()
        } else {
            throw unexpected(expected: "expected a digit after '-'")
        }
        if current == Byte.dot {
            index += 1
            guard isDigit(current) else { throw unexpected(expected: "expected a digit after the decimal point") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == Byte.plus || current == Byte.minus { index += 1 }
            guard isDigit(current) else { throw unexpected(expected: "expected a digit in the exponent") }
            skipDigits()
        }
        // Number text is ASCII, so decoding cannot fail or repair anything.
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    @inline(__always)
    func isDigit(_ b: UInt8) -> Bool {
        b >= Byte.zero && b <= Byte.nine
    }

    @inline(__always)
    mutating func skipDigits() {
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
    }

    // MARK: Strings

    /// Parses a string starting at the opening quote at `index`.
    ///
    /// The common case, a string without escapes, becomes a `String` straight from the input
    /// bytes; only strings with escapes are copied through `scratch`.
    mutating func parseString() throws(JSONError) -> String {
        let openingQuote = index
        let start = index + 1
        var i = start
        // OR of every raw byte: bit 7 set means UTF-8 validation is needed.
        var seen: UInt8 = 0
        // Whole words of plain ASCII first (`plainWords`); the bytes after, one by one.
        i = Parser.plainWords(bytes, from: i)
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.quote {
                index = i + 1
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if seen < 0x80 { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else {
                    throw invalidUTF8(from: start, to: i)
                }
                return s
            }
            if b == Byte.backslash {
                return try parseEscapedString(openingQuote: openingQuote, firstEscape: i, seen: seen)
            }
            if b < 0x20 { throw controlCharacter(at: i) }
            seen |= b
            i += 1
        }
        throw error("unterminated string", at: openingQuote)
    }

    /// Past every whole eight-byte word from `i` in which no byte is a quote, a backslash, a
    /// control character or beyond ASCII: where a string's bytes may need a closer look.
    @inline(__always)
    static func plainWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var i = start
        while i + 8 <= bytes.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quote = w ^ (ones &* 0x22)
            let backslash = w ^ (ones &* 0x5C)
            let zeroQuote = (quote &- ones) & ~quote & highs
            let zeroBackslash = (backslash &- ones) & ~backslash & highs
            let control = (w &- ones &* 0x20) & ~w & highs
            if (zeroQuote | zeroBackslash | control | (w & highs)) != 0 { break }
            i += 8
        }
        return i
    }

    /// Checks the string starting at the opening quote at `index` as `parseString` does and steps
    /// past it, making no `String` unless it has escapes.
    mutating func skipString() throws(JSONError) {
        let openingQuote = index
        var i = index + 1
        var seen: UInt8 = 0
        // Whole words of plain ASCII first (`plainWords`); the bytes after, one by one.
        i = Parser.plainWords(bytes, from: i)
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.quote {
                if seen >= 0x80, firstInvalidUTF8(from: openingQuote + 1, to: i) != nil {
                    throw invalidUTF8(from: openingQuote + 1, to: i)
                }
                index = i + 1
                return
            }
            if b == Byte.backslash {
                _ = try parseString()
                return
            }
            if b < 0x20 { throw controlCharacter(at: i) }
            seen |= b
            i += 1
        }
        throw error("unterminated string", at: openingQuote)
    }

    /// Continues `parseString` from the first backslash, decoding into `scratch`.
    mutating func parseEscapedString(openingQuote: Int, firstEscape: Int, seen: UInt8) throws(JSONError) -> String {
        let start = openingQuote + 1
        var seen = seen
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var segmentStart = firstEscape
        var i = firstEscape
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]))
                index = i + 1
                // Escapes always decode to valid UTF-8 and never start with a continuation byte,
                // so the result is valid exactly when the raw segments are.
                if seen < 0x80 { return String(decoding: scratch, as: UTF8.self) }
                guard let s = String(validating: scratch, as: UTF8.self) else {
                    throw invalidUTF8(from: start, to: i)
                }
                return s
            }
            if b == Byte.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]))
                i = try decodeEscape(at: i, openingQuote: openingQuote)
                segmentStart = i
                continue
            }
            if b < 0x20 { throw controlCharacter(at: i) }
            seen |= b
            i += 1
        }
        throw error("unterminated string", at: openingQuote)
    }

    /// Appends the UTF-8 for the escape sequence at `escape` to `scratch`; returns the index after it.
    mutating func decodeEscape(at escape: Int, openingQuote: Int) throws(JSONError) -> Int {
        guard escape + 1 < bytes.count else { throw error("unterminated string", at: openingQuote) }
        let decoded: UInt8
        switch bytes[escape + 1] {
        case Byte.quote: decoded = Byte.quote
        case Byte.backslash: decoded = Byte.backslash
        case Byte.slash: decoded = Byte.slash
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = Byte.lineFeed
        case UInt8(ascii: "r"): decoded = Byte.carriageReturn
        case UInt8(ascii: "t"): decoded = Byte.tab
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: escape)
        default:
            throw error("invalid escape sequence", at: escape)
        }
        scratch.append(decoded)
        return escape + 2
    }

    /// Decodes `\uXXXX`, joining a high surrogate with the `\uXXXX` low surrogate that must follow it.
    mutating func decodeUnicodeEscape(at escape: Int) throws(JSONError) -> Int {
        guard let unit = hex4(at: escape + 2) else {
            throw error("invalid \\u escape, expected four hex digits", at: escape)
        }
        var scalarValue = unit
        var next = escape + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < bytes.count,
                  bytes[next] == Byte.backslash,
                  bytes[next + 1] == UInt8(ascii: "u"),
                  let low = hex4(at: next + 2),
                  (0xDC00...0xDFFF).contains(low)
            else {
                throw error("unpaired surrogate escape \\u\(hexString(unit))", at: escape)
            }
            scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw error("unpaired surrogate escape \\u\(hexString(unit))", at: escape)
        default:
            break
        }
        appendUTF8(scalarValue)
        return next
    }

    /// The value of four hex digits at `offset`, or nil if they are not all there.
    func hex4(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for i in offset..<(offset + 4) {
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case Byte.zero...Byte.nine: digit = b - Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    func hexString(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Appends a scalar value (never a surrogate) to `scratch` as UTF-8.
    mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18))
            scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    func controlCharacter(at offset: Int) -> JSONError {
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        return error("unescaped control character \(code) in string", at: offset)
    }

    /// The error for a string whose raw bytes in `start..<end` are not valid UTF-8.
    func invalidUTF8(from start: Int, to end: Int) -> JSONError {
        error("invalid UTF-8", at: firstInvalidUTF8(from: start, to: end) ?? start)
    }

    /// The offset of the first byte that starts an ill-formed UTF-8 sequence, or nil if all are well formed.
    ///
    /// Follows the Unicode table of well-formed byte sequences, so overlong forms, surrogates
    /// and values above U+10FFFF are all rejected.
    func firstInvalidUTF8(from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: length = 2; secondRange = 0x80...0xBF
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; secondRange = 0x80...0xBF
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4; secondRange = 0x80...0xBF
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return i
            }
            guard i + length <= end, secondRange.contains(bytes[i + 1]) else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 {
                return i
            }
            i += length
        }
        return nil
    }
}

/// Reads a JSON text token by token, for a caller that knows the shape it expects and builds its
/// own values straight from the bytes (no tree). The grammar, strings, numbers and the depth limit
/// are the parser's own, so what a cursor reads is what `JSONParser.parse` would have read; the
/// caller must still reject repeated keys. Errors carry no promise of matching the parser's
/// messages: a caller that must report one parses the text again with `JSONParser`.
public struct JSONCursor {
    private var parser: Parser
    /// Arrays and objects open.
    public private(set) var depth = 0

    /// What the next value is, by its first byte.
    public enum Kind: Sendable { case object, array, string, number, literal, invalid }

    /// Over a whole text: a byte order mark and whitespace are skipped.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        parser = Parser(bytes: bytes)
        if hasByteOrderMark(bytes) { parser.index = 3 }
        parser.skipWhitespace()
    }

    /// The byte offset reached.
    public var offset: Int { parser.index }

    /// Where the value just passed ends: `offset` less the whitespace after it.
    public var valueEnd: Int {
        var end = parser.index
        while end > 0, [Byte.space, 0x0A, 0x0D, 0x09].contains(parser.bytes[end - 1]) { end -= 1 }
        return end
    }

    public var next: Kind {
        switch parser.current {
        case Byte.openBrace: return .object
        case Byte.openBracket: return .array
        case Byte.quote: return .string
        case Byte.minus, Byte.zero...Byte.nine: return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): return .literal
        default: return .invalid
        }
    }

    /// Whether the next value is `null` (not read).
    public var nextIsNull: Bool { parser.current == UInt8(ascii: "n") }

    /// Opens an object: true when it has a member (read its key next), false when it is `{}`.
    public mutating func beginObject() throws(JSONError) -> Bool {
        try open(Byte.openBrace, closing: Byte.closeBrace)
    }

    /// Opens an array: true when it has an element (read it next), false when it is `[]`.
    public mutating func beginArray() throws(JSONError) -> Bool {
        try open(Byte.openBracket, closing: Byte.closeBracket)
    }

    private mutating func open(_ byte: UInt8, closing: UInt8) throws(JSONError) -> Bool {
        guard parser.current == byte else { throw parser.unexpected(expected: "expected '\(UnicodeScalar(byte))'") }
        parser.baseDepth = 0
        if depth >= JSONParser.maxDepth { throw parser.error("nesting deeper than \(JSONParser.maxDepth) levels") }
        parser.index += 1
        parser.skipWhitespace()
        if parser.current == closing {
            parser.index += 1
            parser.skipWhitespace()
            return false
        }
        depth += 1
        return true
    }

    /// A member's key and its colon; the member's value is next.
    public mutating func key() throws(JSONError) -> String {
        guard parser.current == Byte.quote else { throw parser.unexpected(expected: "expected a string key") }
        let key = try parser.parseString()
        parser.skipWhitespace()
        guard parser.current == Byte.colon else { throw parser.unexpected(expected: "expected ':' after an object key") }
        parser.index += 1
        parser.skipWhitespace()
        return key
    }

    /// After a member's value: true when another member follows (read its key), false when the
    /// object has closed.
    public mutating func nextMember() throws(JSONError) -> Bool {
        if try following(Byte.closeBrace) {
            guard parser.current == Byte.quote else { throw parser.unexpected(expected: "expected a string key") }
            return true
        }
        return false
    }

    /// After an element: true when another element follows, false when the array has closed.
    public mutating func nextElement() throws(JSONError) -> Bool {
        if try following(Byte.closeBracket) {
            if parser.current == Byte.closeBracket { throw parser.error("trailing comma in array") }
            return true
        }
        return false
    }

    /// Past a comma (true) or the closing bracket (false), and the whitespace after it.
    @inline(__always)
    private mutating func following(_ closing: UInt8) throws(JSONError) -> Bool {
        parser.skipWhitespace()
        if parser.current == Byte.comma {
            parser.index += 1
            parser.skipWhitespace()
            return true
        }
        guard parser.current == closing else { throw parser.unexpected(expected: "expected ',' or a closing bracket") }
        parser.index += 1
        parser.skipWhitespace()
        depth -= 1
        return false
    }

    public mutating func string() throws(JSONError) -> String {
        guard parser.current == Byte.quote else { throw parser.unexpected(expected: "expected a string") }
        let s = try parser.parseString()
        parser.skipWhitespace()
        return s
    }

    /// The bytes of the string at the cursor when they are plain ASCII (no escape, no byte
    /// above 0x7F, no control character), and steps past it; nil, without moving, for any
    /// other string or value. `colon`: the string is a key, and its colon is stepped past too.
    public mutating func plainASCII(colon: Bool = false) -> UnsafeBufferPointer<UInt8>? {
        let bytes = parser.bytes
        var i = parser.index
        guard i < bytes.count, bytes[i] == Byte.quote else { return nil }
        let start = i + 1
        i = start
        // Whole words of plain ASCII first (`plainWords`); the bytes after, one by one.
        i = Parser.plainWords(bytes, from: i)
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.quote { break }
            if b == Byte.backslash || b < 0x20 || b >= 0x80 { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<i])
        let saved = parser.index
        parser.index = i + 1
        parser.skipWhitespace()
        if colon {
            guard parser.current == Byte.colon else {
                parser.index = saved
                return nil
            }
            parser.index += 1
            parser.skipWhitespace()
        }
        return text
    }

    /// Steps past a string, checked as `string()` checks it.
    public mutating func skipString() throws(JSONError) {
        guard parser.current == Byte.quote else { throw parser.unexpected(expected: "expected a string") }
        try parser.skipString()
        parser.skipWhitespace()
    }

    /// Steps past any value, checked as `value()` checks it (strings without being made).
    public mutating func skip() throws(JSONError) {
        if parser.current == Byte.quote { return try skipString() }
        _ = try value()
    }

    /// A number's text, as the parser keeps it.
    public mutating func number() throws(JSONError) -> String {
        let s = try parser.parseNumber()
        parser.skipWhitespace()
        return s
    }

    /// Any value, containers whole, as the parser builds it.
    public mutating func value() throws(JSONError) -> JSONValue {
        parser.baseDepth = depth
        let v = try parser.parseValue()
        parser.baseDepth = 0
        parser.skipWhitespace()
        return v
    }

    /// Checks that nothing but whitespace follows the top-level value.
    public mutating func finish() throws(JSONError) {
        parser.skipWhitespace()
        guard parser.atEnd, depth == 0 else { throw parser.error("unexpected data after the top-level value") }
    }
}
