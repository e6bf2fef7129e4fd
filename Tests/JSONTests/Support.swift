import Foundation
import JSON

/// Access to the JSON files under `Corpus/`, copied into the test bundle.
enum Corpus {
    static let root: URL = Bundle.module.url(forResource: "Corpus", withExtension: nil)!

    /// Paths like `valid/array_empty.json` of every `.json` file in `folder`, sorted.
    static func files(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }
}

/// Foundation's reading of `bytes`, allowing scalar top-level values as RFC 8259 does.
func foundationParse(_ bytes: [UInt8]) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
}

/// Where `ours` and Foundation's `theirs` differ, as a readable path and reason; nil if they agree.
///
/// Numbers compare as values (Foundation does not keep the literal): as `Decimal` when Foundation
/// chose `NSDecimalNumber` for precision, otherwise as `Double`. Strings compare scalar by scalar,
/// stricter than `String ==`, which would equate canonically equivalent text.
func mismatch(_ ours: JSONValue, _ theirs: Any, at path: String = "$") -> String? {
    switch ours {
    case .null:
        return theirs is NSNull ? nil : "\(path): expected null, Foundation has \(theirs)"
    case .bool(let b):
        guard let n = theirs as? NSNumber, isBoolean(n), n.boolValue == b else {
            return "\(path): expected \(b), Foundation has \(theirs)"
        }
        return nil
    case .number(let text):
        guard let n = theirs as? NSNumber, !isBoolean(n) else {
            return "\(path): expected number \(text), Foundation has \(theirs)"
        }
        if let decimal = n as? NSDecimalNumber {
            return Decimal(string: text) == decimal.decimalValue ? nil : "\(path): \(text) != decimal \(decimal)"
        }
        return Double(text) == n.doubleValue ? nil : "\(path): \(text) != \(n.doubleValue)"
    case .string(let s):
        guard let t = theirs as? String, Array(t.unicodeScalars) == Array(s.unicodeScalars) else {
            return "\(path): expected string \(s.debugDescription), Foundation has \(theirs)"
        }
        return nil
    case .array(let elements):
        guard let t = theirs as? [Any], t.count == elements.count else {
            return "\(path): expected array of \(elements.count), Foundation has \(theirs)"
        }
        for (i, (a, b)) in zip(elements, t).enumerated() {
            if let m = mismatch(a, b, at: "\(path)[\(i)]") { return m }
        }
        return nil
    case .object(let members):
        guard let t = theirs as? [String: Any], t.count == members.count else {
            return "\(path): expected object of \(members.count), Foundation has \(theirs)"
        }
        for (key, value) in members {
            guard let other = t[key] else { return "\(path): Foundation lacks key \(key.debugDescription)" }
            if let m = mismatch(value, other, at: "\(path).\(key)") { return m }
        }
        return nil
    }
}

/// Foundation returns booleans as NSNumbers whose type encoding is `c` (char).
private func isBoolean(_ n: NSNumber) -> Bool {
    String(cString: n.objCType) == "c"
}

/// The error `parse` throws for `text`, or nil if it parses.
func parseError(_ text: String) -> JSONError? {
    parseError(Array(text.utf8))
}

func parseError(_ bytes: [UInt8]) -> JSONError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

/// SplitMix64: a tiny, fast, seedable generator so random tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<n`.
    mutating func below(_ n: Int) -> Int {
        Int(next() % UInt64(n))
    }
}
