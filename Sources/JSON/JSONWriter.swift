/// Serialization of `JSONValue` to UTF-8 JSON text.
///
/// Output is deterministic: object keys are sorted by their UTF-8 bytes, numbers are written
/// as their stored literal text, and only `"`, `\` and U+0000–U+001F are escaped. Everything
/// else, including `/` and non-ASCII text, is written raw, so files stay readable and diffs
/// stay small.
public enum JSONWriter {
    /// The canonical form: UTF-8, two-space indent, object keys sorted by their UTF-8 bytes, "key": value with one space after the colon,
    /// empty array "[]" and empty object "{}" on one line, no escaped slashes, one trailing newline at the end of the document.
    public static func canonical(_ value: JSONValue) -> [UInt8] {
        var emitter = Emitter(pretty: true)
        emitter.write(value, depth: 0)
        emitter.out.append(UInt8(ascii: "\n"))
        return emitter.out
    }

    /// The canonical form as a string.
    public static func canonicalString(_ value: JSONValue) -> String {
        String(decoding: canonical(value), as: UTF8.self)
    }

    /// Compact, single-line, sorted keys, no trailing newline (for CLI --json output).
    public static func compact(_ value: JSONValue) -> String {
        var emitter = Emitter(pretty: false)
        emitter.write(value, depth: 0)
        return String(decoding: emitter.out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal (quotes included), escaped as every form here escapes.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { escape($0, into: &out) }
        if done == nil { escape(Array(s.utf8), into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `value` in the canonical form as it stands `depth` levels deep (its inner lines
    /// indented for that depth), for a writer that lays out the levels above it itself.
    public static func appendCanonical(_ value: JSONValue, depth: Int, to out: inout [UInt8]) {
        var emitter = Emitter(pretty: true, reserving: 0)
        swap(&emitter.out, &out)
        emitter.write(value, depth: depth)
        swap(&emitter.out, &out)
    }

    /// Appends string content, escaping `"`, `\` and U+0000–U+001F and copying the runs between
    /// in one go.
    static func escape<C: RandomAccessCollection<UInt8>>(_ bytes: C, into out: inout [UInt8]) where C.Index == Int {
        var runStart = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            out.append(contentsOf: bytes[runStart..<i])
            out.append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0x0F))
            }
            i += 1
            runStart = i
        }
        out.append(contentsOf: bytes[runStart..<i])
    }

    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// `s` as a JSON string literal, quotes included; used to name keys in error messages.
    static func quoted(_ s: String) -> String {
        var emitter = Emitter(pretty: false)
        emitter.writeString(s)
        return String(decoding: emitter.out, as: UTF8.self)
    }
}

/// Appends JSON text for values to a byte buffer.
private struct Emitter {
    let pretty: Bool
    var out: [UInt8] = []

    init(pretty: Bool, reserving capacity: Int = 1024) {
        self.pretty = pretty
        out.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text):
            out.append(contentsOf: text.utf8)
        case .string(let s):
            writeString(s)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth: depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            // Byte order, not String's `<` (which orders by canonical equivalence), so the
            // order matches what any other tool sorting the file's bytes would produce.
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            out.append(UInt8(ascii: "{"))
            for (i, member) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth: depth + 1)
                writeString(member.key)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, depth: depth + 1)
            }
            newline(depth: depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// In pretty mode, starts a new line indented two spaces per level; in compact mode, nothing.
    mutating func newline(depth: Int) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { out.append(UInt8(ascii: " ")) }
    }

    mutating func writeString(_ s: String) {
        JSONWriter.appendString(s, to: &out)
    }
}
