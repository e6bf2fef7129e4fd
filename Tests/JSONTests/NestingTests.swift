import JSON
import Testing

@Suite("Nesting depth")
struct NestingTests {
    static func nestedArrays(_ depth: Int, closed: Bool = true) -> [UInt8] {
        Array(repeating: UInt8(ascii: "["), count: depth) + (closed ? Array(repeating: UInt8(ascii: "]"), count: depth) : [])
    }

    /// The depth of the deepest container in `value`; scalars have depth 0.
    static func depth(of value: JSONValue) -> Int {
        var deepest = 0
        var pending: [(JSONValue, Int)] = [(value, 0)]
        while let (v, d) = pending.popLast() {
            switch v {
            case .array(let a):
                deepest = max(deepest, d + 1)
                pending += a.map { ($0, d + 1) }
            case .object(let o):
                deepest = max(deepest, d + 1)
                pending += o.values.map { ($0, d + 1) }
            default:
                break
            }
        }
        return deepest
    }

    @Test("100000 unclosed '[' is an error, not a crash")
    func hostileArrayNesting() throws {
        let error = try #require(parseError(Self.nestedArrays(100_000, closed: false)))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.offset == 512)
        #expect(error.column == 513)
    }

    @Test("100000 balanced levels of arrays and of objects are errors")
    func hostileBalancedNesting() throws {
        #expect(parseError(Self.nestedArrays(100_000))?.message == "nesting deeper than 512 levels")

        let objects = String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(parseError(objects)?.message == "nesting deeper than 512 levels")
    }

    @Test("500 levels parse")
    func deepButLegal() throws {
        let value = try JSONParser.parse(Self.nestedArrays(500))
        #expect(Self.depth(of: value) == 500)

        let mixed = String(repeating: #"{"k":["#, count: 250) + "null" + String(repeating: "]}", count: 250)
        #expect(Self.depth(of: try JSONParser.parse(mixed)) == 500)
    }

    @Test("the limit is exactly 512 levels, empty innermost containers included")
    func exactLimit() throws {
        #expect(Self.depth(of: try JSONParser.parse(Self.nestedArrays(512))) == 512)
        #expect(parseError(Self.nestedArrays(513)) != nil)
        let emptyObjectAt513 = String(repeating: "[", count: 512) + "{}" + String(repeating: "]", count: 512)
        #expect(parseError(emptyObjectAt513)?.message == "nesting deeper than 512 levels")
    }

    @Test("deep values round-trip through the writer")
    func deepRoundTrip() throws {
        let value = try JSONParser.parse(Self.nestedArrays(512))
        #expect(try JSONParser.parse(JSONWriter.canonical(value)) == value)
    }
}
