import Foundation
import JSON
import Testing

/// Builds random `JSONValue`s from a seeded generator.
struct ValueGenerator {
    var rng: SplitMix64
    /// Keep numbers to ones JSONSerialization represents (it rejects out-of-range doubles).
    var foundationSafeNumbers = false

    init(seed: UInt64, foundationSafeNumbers: Bool = false) {
        rng = SplitMix64(seed: seed)
        self.foundationSafeNumbers = foundationSafeNumbers
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        // Containers get rarer with depth so values stay small but sometimes nest a few levels.
        let kinds = depth >= 5 ? 5 : 7
        switch rng.below(kinds) {
        case 0: return .null
        case 1: return .bool(rng.below(2) == 0)
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5:
            return .array((0..<rng.below(5)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<rng.below(5) {
                members[string()] = value(depth: depth + 1)
            }
            return .object(members)
        }
    }

    /// A random literal following the RFC 8259 number grammar.
    mutating func number() -> String {
        var text = rng.below(3) == 0 ? "-" : ""
        if rng.below(4) == 0 {
            text += "0"
        } else {
            text += String(1 + rng.below(9))
            text += digits(max: foundationSafeNumbers ? 8 : 25)
        }
        if rng.below(3) == 0 {
            text += "." + String(rng.below(10)) + digits(max: 6)
        }
        if rng.below(4) == 0 {
            text += ["e", "E"][rng.below(2)] + ["", "+", "-"][rng.below(3)]
            text += foundationSafeNumbers ? String(rng.below(30)) : String(rng.below(1000))
        }
        return text
    }

    mutating func digits(max: Int) -> String {
        String((0..<rng.below(max + 1)).map { _ in Character(String(rng.below(10))) })
    }

    /// A short string mixing the characters most likely to break escaping and UTF-8 handling.
    mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<rng.below(12) {
            let value: UInt32
            switch rng.below(8) {
            case 0: value = UInt32(rng.below(0x20))                     // control characters, incl. NUL
            case 1: value = [0x22, 0x5C, 0x2F, 0x7F, 0x20][rng.below(5)] // quote, backslash, slash, DEL, space
            case 2: value = 0x300 + UInt32(rng.below(0x70))             // combining marks
            case 3: value = 0x80 + UInt32(rng.below(0x780))             // two-byte UTF-8
            case 4:
                // Three-byte UTF-8, skipping the surrogate range that no scalar may occupy.
                let v = 0x800 + UInt32(rng.below(0xF800))
                value = (0xD800...0xDFFF).contains(v) ? v - 0x800 : v
            case 5: value = 0x1F300 + UInt32(rng.below(0x700))          // emoji
            case 6: value = 0x10000 + UInt32(rng.below(0x100000))       // any astral plane
            default: value = 0x21 + UInt32(rng.below(0x5E))             // printable ASCII
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}

@Suite("Round trips")
struct RoundTripTests {
    @Test("parse(canonical(v)) == v and canonical output is a fixed point", arguments: [1, 2, 3] as [UInt64])
    func canonicalRoundTrip(seed: UInt64) throws {
        var generator = ValueGenerator(seed: seed)
        for _ in 0..<1500 {
            let value = generator.value()
            let bytes = JSONWriter.canonical(value)
            let parsed = try JSONParser.parse(bytes)
            #expect(parsed == value)
            #expect(JSONWriter.canonical(parsed) == bytes)
            #expect(bytes.last == UInt8(ascii: "\n"))
        }
    }

    @Test("parse(compact(v)) == v and compact output is one line")
    func compactRoundTrip() throws {
        var generator = ValueGenerator(seed: 42)
        for _ in 0..<1500 {
            let value = generator.value()
            let text = JSONWriter.compact(value)
            #expect(try JSONParser.parse(text) == value)
            #expect(!text.utf8.contains(UInt8(ascii: "\n")))
            #expect(JSONWriter.compact(try JSONParser.parse(text)) == text)
        }
    }

    @Test("JSONSerialization reads our output as the same value")
    func foundationReadsOurOutput() throws {
        var generator = ValueGenerator(seed: 7, foundationSafeNumbers: true)
        for _ in 0..<1000 {
            let value = generator.value()
            let theirs = try foundationParse(JSONWriter.canonical(value))
            #expect(mismatch(value, theirs) == nil)
        }
    }

    @Test("output is identical across runs and independent of insertion order")
    func deterministicOutput() {
        var a: [String: JSONValue] = [:]
        var b: [String: JSONValue] = [:]
        let keys = (0..<200).map { "key\($0 * 7919 % 200)" } + ["é", "e", "Z", "日本", "😀", ""]
        for key in keys { a[key] = .string(key) }
        for key in keys.reversed() { b[key] = .string(key) }
        #expect(JSONWriter.canonical(.object(a)) == JSONWriter.canonical(.object(b)))
        #expect(JSONWriter.canonical(.object(a)) == JSONWriter.canonical(.object(a)))
    }

    @Test("number literals are written back exactly as read")
    func numberTextPreserved() throws {
        let source = "[-0,1E+2,1e-7,0.10,123456789012345678901234567890,1.5e-0,-0.0e00]"
        let value = try JSONParser.parse(source)
        #expect(JSONWriter.compact(value) == source)
        #expect(value.arrayValue?.first == .number("-0"))
    }
}
