import Foundation

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

/// A string by its bits: its bytes when they are held inline, else its storage. The same bits
/// are the same text for as long as the string is alive, so a cache keyed by them keeps the
/// string (no other can take its storage meanwhile) and finds it again without hashing its
/// bytes — which, for text not in ASCII, means normalising it first.
public struct StringBits: Hashable, Sendable {
    let low: UInt64
    let high: UInt64

    public init(_ s: String) { (low, high) = unsafeBitCast(s, to: (UInt64, UInt64).self) }
}

/// Something worked out from a string, remembered by the string itself (`StringBits`; each
/// entry keeps its string): for names met again on every schedule or every list. Safe across
/// threads; emptied when full, since data read again brings new strings.
public final class StringMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [StringBits: (text: String, value: Value)] = [:]
    private let limit: Int

    public init(limit: Int) { self.limit = limit }

    public func value(for text: String, _ make: (String) -> Value) -> Value {
        let bits = StringBits(text)
        if let met = lock.withLock({ entries[bits] }) { return met.value }
        let value = make(text)
        lock.withLock {
            if entries.count >= limit { entries.removeAll() }
            entries[bits] = (text, value)
        }
        return value
    }
}

/// `String.lowercased()` for the names in most files, with the case mappings looked up once:
/// the standard library asks Unicode's tables for every scalar of a name not in ASCII (about
/// 7,000 instructions for a short Greek or Cyrillic one), and the rules fold names by the
/// thousand. Latin, Greek and Cyrillic come from a table made on first use; scripts without
/// case (Arabic, Hebrew, Devanagari, Thai, kana, CJK, Hangul) are copied as they are; any other
/// name is left to `lowercased()`. The same bytes as `lowercased()` for every string.
public enum Lowercase {
    public static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { b -> String? in
            var i = 0
            while i < b.count, b[i] < 0x80 { i += 1 }
            // ASCII: the standard library's own path is quick.
            if i == b.count { return nil }
            let table = Lowercase.table
            // A scalar of two bytes may lower to one of three (Ⱥ, U+023A, to ⱥ, U+2C65).
            return try? String(unsafeUninitializedCapacity: b.count + b.count / 2 + 1) { out -> Int in
                var n = 0
                var j = 0
                while j < b.count {
                    let lead = b[j]
                    if lead < 0x80 {
                        out[n] = lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead
                        n += 1
                        j += 1
                        continue
                    }
                    let width = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
                    var v = UInt32(lead) & (width == 2 ? 0x1F : (width == 3 ? 0x0F : 0x07))
                    for k in 1..<width { v = v << 6 | UInt32(b[j + k] & 0x3F) }
                    if v < UInt32(table.count) {
                        let m = table[Int(v)]
                        guard m != Lowercase.unlisted else { throw Unlisted() }
                        n += Lowercase.encode(m, into: out, at: n)
                    } else if Lowercase.caseless(v) {
                        for k in 0..<width { out[n + k] = b[j + k] }
                        n += width
                    } else {
                        throw Unlisted()
                    }
                    j += width
                }
                return n
            }
        } ?? text.lowercased()
    }

    private struct Unlisted: Error {}
    private static let unlisted = UInt32.max

    /// Each scalar below U+0530's lowercase mapping, when it is one scalar (`unlisted` else:
    /// İ lowers to two).
    static let table: [UInt32] = (0..<UInt32(0x530)).map { v in
        guard let scalar = Unicode.Scalar(v) else { return unlisted }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : unlisted
    }

    /// Blocks of scripts without case, whose lowercase mapping is each scalar itself (a test
    /// checks every one).
    static func caseless(_ v: UInt32) -> Bool {
        switch v {
        case 0x0590...0x08FF, 0x0900...0x0DFF, 0x0E00...0x0E7F, 0x2000...0x206F, 0x3000...0x30FF, 0x4E00...0x9FFF,
             0xAC00...0xD7A3: true
        default: false
        }
    }

    private static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        switch v {
        case 0..<0x80:
            out[n] = UInt8(v)
            return 1
        case 0x80..<0x800:
            out[n] = UInt8(0xC0 | v >> 6)
            out[n + 1] = UInt8(0x80 | v & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[n] = UInt8(0xE0 | v >> 12)
            out[n + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
            out[n + 2] = UInt8(0x80 | v & 0x3F)
            return 3
        default:
            out[n] = UInt8(0xF0 | v >> 18)
            out[n + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
            out[n + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
            out[n + 3] = UInt8(0x80 | v & 0x3F)
            return 4
        }
    }
}
