/// A JSON document or fragment, as defined by RFC 8259.
///
/// Numbers keep their literal source text so that values this program does not interpret
/// (unknown fields, huge integers, exotic exponents) are written back byte for byte.
/// A `.number` built by hand must hold text that follows the RFC 8259 number grammar;
/// the writer emits it verbatim.
///
/// Equality is Swift's: strings (and object keys) compare by canonical equivalence,
/// numbers compare by their literal text (`"1.0"` differs from `"1"`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// An integer number value, written in its shortest decimal form.
    public static func int(_ v: Int) -> JSONValue {
        .number(String(v))
    }

    /// The value as an `Int` if it is a number written as an integer that fits; otherwise nil.
    ///
    /// Literals with a fraction or exponent (`"3.0"`, `"1e2"`) give nil even when integral,
    /// so callers never silently accept a rounded value.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    /// The value as the nearest `Double` if it is a number within `Double`'s range; otherwise nil.
    ///
    /// Literals beyond the range (e.g. `1e400`) give nil rather than infinity, which JSON
    /// cannot represent and which would otherwise leak into arithmetic unnoticed.
    public var doubleValue: Double? {
        guard case .number(let text) = self, let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// The string if the value is a string; otherwise nil.
    public var stringValue: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    /// The boolean if the value is `true` or `false`; otherwise nil.
    public var boolValue: Bool? {
        guard case .bool(let b) = self else { return nil }
        return b
    }

    /// The elements if the value is an array; otherwise nil.
    public var arrayValue: [JSONValue]? {
        guard case .array(let a) = self else { return nil }
        return a
    }

    /// The members if the value is an object; otherwise nil.
    public var objectValue: [String: JSONValue]? {
        guard case .object(let o) = self else { return nil }
        return o
    }

    /// The member named `key` if the value is an object that has it; otherwise nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let o) = self else { return nil }
        return o[key]
    }
}
