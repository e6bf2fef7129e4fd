import Foundation

/// Mints readable ids that do not collide across devices: a slug of the name and a short random
/// suffix (`acme-7f3k`, `dana-lee-x81c`). An id is minted once and never changed.
public enum Identifiers {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    static let maxSlugLength = 24
    static let letters: [(String, String)] = [
        ("ß", "ss"), ("ø", "o"), ("ł", "l"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"), ("ð", "d"), ("đ", "d"), ("ı", "i"),
    ]

    /// `name` folded to lower-case ASCII words joined by `-`; `fallback` when nothing is left
    /// (a name in a script without Latin letters).
    public static func slug(_ name: String, fallback: String) -> String {
        var folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        // Letters that are not a base letter and a mark, so folding leaves them alone.
        for (letter, latin) in Identifiers.letters { folded = folded.replacingOccurrences(of: letter, with: latin) }
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isWordChar = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordChar {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
                if slug.count >= maxSlugLength { break }
            } else {
                pendingDash = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }

    /// A new id `slug-xxxx` not in `taken`.
    public static func mint(
        _ name: String, fallback: String, taken: Set<String>, using rng: inout some RandomNumberGenerator
    ) -> String {
        mint(name, fallback: fallback, isTaken: { taken.contains($0) }, using: &rng)
    }

    /// A new id `slug-xxxx` for which `isTaken` is false.
    public static func mint(
        _ name: String, fallback: String, isTaken: (String) -> Bool, using rng: inout some RandomNumberGenerator
    ) -> String {
        let base = slug(name, fallback: fallback)
        while true {
            var suffix = ""
            for _ in 0..<4 { suffix.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let id = base + "-" + suffix
            if !isTaken(id) { return id }
        }
    }
}
