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
