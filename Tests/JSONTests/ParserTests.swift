import JSON
import Testing

@Suite("Parser")
struct ParserTests {
    @Test("all input overloads agree")
    func overloads() throws {
        let text = #"{"a": [1, "é\n", true, null], "b": {"c": -0.5e3}}"#
        let fromString = try JSONParser.parse(text)
        let fromBytes = try JSONParser.parse(Array(text.utf8))
        let fromRaw = try Array(text.utf8).withUnsafeBytes { raw throws(JSONError) in try JSONParser.parse(raw) }
        #expect(fromString == fromBytes)
        #expect(fromString == fromRaw)
        #expect(fromString["b"]?["c"] == .number("-0.5e3"))
    }

    @Test("escapes decode to the right scalars")
    func escapes() throws {
        let value = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t", "\u0000\u001F\u00e9\u65E5", "\uD83D\uDE00\uDBFF\uDFFF", "a\u0022b"]"#)
        let elements = try #require(value.arrayValue)
        let strings = elements.compactMap { $0.stringValue }
        #expect(strings.map { Array($0.unicodeScalars) } == [
            Array("\"\\/\u{8}\u{C}\n\r\t".unicodeScalars),
            Array("\u{0}\u{1F}\u{E9}\u{65E5}".unicodeScalars),
            Array("\u{1F600}\u{10FFFF}".unicodeScalars),
            Array("a\"b".unicodeScalars),
        ])
    }

    @Test("escaped and plain strings in one document do not bleed into each other")
    func scratchReuse() throws {
        let value = try JSONParser.parse(#"["long\tescaped string number one", "x", "\n", "plain é", "é\u00e9"]"#)
        #expect(value == .array([
            .string("long\tescaped string number one"), .string("x"), .string("\n"), .string("plain é"), .string("éé"),
        ]))
    }

    @Test("invalid UTF-8 is rejected wherever it appears, never replaced")
    func invalidUTF8() throws {
        let cases: [[UInt8]] = [
            [0x22, 0xFF, 0x22],
            [0x22, 0x5C, 0x6E, 0xC3, 0x22],            // after an escape
            [0x22, 0xE2, 0x82, 0x5C, 0x6E, 0x22],      // truncated before an escape
            [0x22, 0xED, 0xB0, 0x80, 0x22],            // an encoded surrogate
            [0x5B, 0x31, 0x2C, 0xFF, 0x5D],            // outside a string
            [0x7B, 0x22, 0xC0, 0x80, 0x22, 0x3A, 0x31, 0x7D], // overlong NUL in a key
        ]
        for bytes in cases {
            #expect(parseError(bytes)?.message == "invalid UTF-8", "\(bytes)")
        }
    }

    @Test("a byte order mark is skipped only at the very start")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.int(1)]))
        #expect(parseError([0xEF, 0xBB, 0xBF])?.message == "empty document")
        #expect(parseError(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array("1".utf8)) != nil)
    }

    @Test("DEL and non-ASCII whitespace are ordinary string content")
    func ordinaryContent() throws {
        #expect(try JSONParser.parse("\"\u{7F}\u{A0}\u{2028}\"") == .string("\u{7F}\u{A0}\u{2028}"))
    }
}

@Suite("Value accessors")
struct ValueAccessorTests {
    @Test("int builds and reads exact integers")
    func integers() {
        #expect(JSONValue.int(42) == .number("42"))
        #expect(JSONValue.int(-7).intValue == -7)
        #expect(JSONValue.int(Int.max).intValue == Int.max)
        #expect(JSONValue.int(Int.min).intValue == Int.min)
        #expect(JSONValue.number("3").intValue == 3)
        #expect(JSONValue.number("-0").intValue == 0)
        #expect(JSONValue.number("3.0").intValue == nil)
        #expect(JSONValue.number("1e2").intValue == nil)
        #expect(JSONValue.number("99999999999999999999").intValue == nil)
        #expect(JSONValue.string("3").intValue == nil)
    }

    @Test("doubleValue reads finite numbers only")
    func doubles() {
        #expect(JSONValue.number("1e-7").doubleValue == 1e-7)
        #expect(JSONValue.number("-0.5E+2").doubleValue == -50)
        #expect(JSONValue.number("12").doubleValue == 12)
        #expect(JSONValue.number("1e400").doubleValue == nil)
        #expect(JSONValue.bool(true).doubleValue == nil)
    }

    @Test("typed accessors return nil for other kinds")
    func typedAccessors() throws {
        let value = try JSONParser.parse(#"{"s": "x", "b": false, "a": [null], "o": {"k": 1}, "n": null}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["b"]?.boolValue == false)
        #expect(value["a"]?.arrayValue == [.null])
        #expect(value["o"]?.objectValue == ["k": .int(1)])
        #expect(value["o"]?["k"]?.intValue == 1)
        #expect(value["n"] == .null)
        #expect(value["missing"] == nil)
        #expect(value["s"]?["k"] == nil)
        #expect(value["s"]?.boolValue == nil)
        #expect(value["b"]?.stringValue == nil)
        #expect(value["n"]?.arrayValue == nil)
        #expect(value["a"]?.objectValue == nil)
        #expect(value.arrayValue == nil)
    }
}
