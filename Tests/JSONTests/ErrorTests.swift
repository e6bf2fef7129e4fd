import JSON
import Testing

@Suite("Error messages and locations")
struct ErrorTests {
    @Test("missing comma between object members")
    func missingCommaInObject() throws {
        let text = """
        [
          {
            "id": 1
            "title": "x"
          }
        ]
        """
        let error = try #require(parseError(text))
        #expect(error.message == "expected ',' or '}' after an object member")
        #expect(error.line == 4)
        #expect(error.column == 5)
        #expect(error.offset == Array(text.utf8).firstIndex(of: UInt8(ascii: "t")).map { $0 - 1 })
        #expect(error.description == "line 4, column 5: expected ',' or '}' after an object member")
    }

    @Test("missing comma between array elements")
    func missingCommaInArray() throws {
        let error = try #require(parseError("{\n  \"tags\": [\n    \"a\"\n    \"b\"\n  ]\n}\n"))
        #expect(error.message == "expected ',' or ']' after an array element")
        #expect((error.line, error.column) == (4, 5))
    }

    @Test("columns count Unicode scalars, not bytes")
    func columnsCountScalars() throws {
        // `{"日本": ` is 8 scalars but 12 bytes before the invalid byte.
        let bytes: [UInt8] = Array("{\"日本\": \"".utf8) + [0xFF, UInt8(ascii: "\""), UInt8(ascii: "}")]
        let error = try #require(parseError(bytes))
        #expect(error.message == "invalid UTF-8")
        #expect((error.line, error.column, error.offset) == (1, 9, 12))
    }

    @Test("an unterminated string points at its opening quote")
    func unterminatedString() throws {
        let error = try #require(parseError("{\n  \"a\": \"never closed\n}"))
        // The raw line feed inside the string is reported before the missing quote is noticed.
        #expect(error.message == "unescaped control character U+000A in string")
        #expect((error.line, error.column) == (2, 21))

        let atEnd = try #require(parseError("[\n  \"abc"))
        #expect(atEnd.message == "unterminated string")
        #expect((atEnd.line, atEnd.column) == (2, 3))
    }

    @Test("a duplicate key points at its second occurrence")
    func duplicateKey() throws {
        let error = try #require(parseError("{\n  \"id\": 1,\n  \"name\": \"a\",\n  \"id\": 2\n}"))
        #expect(error.message == #"duplicate key "id""#)
        #expect((error.line, error.column) == (4, 3))
    }

    @Test("a key with control characters is escaped in the message")
    func duplicateKeyEscaped() throws {
        let error = try #require(parseError(#"{"a\nb":1,"a\u000ab":2}"#))
        #expect(error.message == #"duplicate key "a\nb""#)
    }

    @Test("surrogate escapes must pair up")
    func surrogates() throws {
        let lone = try #require(parseError(#"["ok", "\uD83D x"]"#))
        #expect(lone.message == #"unpaired surrogate escape \uD83D"#)
        #expect(lone.column == 9)
        let low = try #require(parseError(#""\udc00""#))
        #expect(low.message == #"unpaired surrogate escape \uDC00"#)
    }

    @Test("numbers follow the RFC grammar", arguments: [
        ("012", "leading zeros are not allowed", 1),
        ("-", "unexpected end of input, expected a digit after '-'", 2),
        ("1.", "unexpected end of input, expected a digit after the decimal point", 3),
        ("[1.e5]", "expected a digit after the decimal point", 4),
        ("1e+", "unexpected end of input, expected a digit in the exponent", 4),
        ("+1", "expected a value", 1),
        ("1 2", "unexpected data after the top-level value", 3),
    ])
    func numbers(text: String, message: String, column: Int) throws {
        let error = try #require(parseError(text))
        #expect(error.message == message)
        #expect(error.column == column)
    }

    @Test("other structural errors", arguments: [
        ("", "empty document", 1, 1),
        (" \n ", "empty document", 2, 2),
        ("[1,]", "trailing comma in array", 1, 4),
        ("{\"a\":1,}", "trailing comma in object", 1, 8),
        ("{\"a\" 1}", "expected ':' after an object key", 1, 6),
        ("{1:2}", "expected a string key", 1, 2),
        ("[tru]", "invalid literal, expected 'true'", 1, 2),
        ("[1] // comment", "unexpected data after the top-level value", 1, 5),
        ("[1,\n\"a\\x\"]", "invalid escape sequence", 2, 3),
        ("\"\\u12\"", "invalid \\u escape, expected four hex digits", 1, 2),
        ("[\r\n1,\r\n", "unexpected end of input, expected a value", 3, 1),
        ("\u{FEFF}[\u{FEFF}]", "expected a value", 1, 2),
        ("[1,\u{FF}]", "expected a value", 1, 4),
    ])
    func structural(text: String, message: String, line: Int, column: Int) throws {
        let error = try #require(parseError(text))
        #expect(error.message == message)
        #expect((error.line, error.column) == (line, column))
    }
}
