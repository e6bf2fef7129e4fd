#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CWidth
import FollowUpCore

/// How many terminal cells text takes: wide East Asian characters and emoji two, combining
/// marks none. Measured here rather than by the C library's `wcwidth`, which depends on the locale.
public enum TextWidth {
    /// `of`, remembered for the string itself (`StringBits`; the entry keeps it), for names
    /// measured again each time a list changes (a name not in ASCII is broken into graphemes).
    public static func remembered(_ text: String) -> Int {
        widths.value(for: text) { of($0) }
    }

    private static let widths = StringMemo<Int>(limit: 50_000)

    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII, most names and labels: a cell a byte, without breaking the text into
        // graphemes.
        var printable = true
        for b in text.utf8 where b < 0x20 || b >= 0x7F {
            printable = false
            break
        }
        if printable { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// A grapheme's cells as the terminal will draw it. ncurses places each scalar with its own
    /// width, so a grapheme is the sum of its scalars: an emoji joined with ZWJ or a skin tone
    /// takes the room of its parts, and a text symbol with an emoji selector (❤️) one cell.
    /// Measuring otherwise would push the rest of the row out of line.
    public static func of(_ character: Character) -> Int {
        if isSequence(character), let first = character.unicodeScalars.first { return of(first) }
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    /// An emoji built of several (joined with ZWJ, a skin tone, a presentation selector):
    /// terminals disagree on its width, so the screen shows its first part alone.
    static func isSequence(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return false }
        return scalars.contains { s in
            s.value == 0x200D || (0xFE00...0xFE0F).contains(s.value) || (0x1F3FB...0x1F3FF).contains(s.value)
        }
    }

    /// What the screen draws for a grapheme: itself, or the first part of an emoji sequence.
    public static func displayable(_ character: Character) -> String {
        guard isSequence(character), let first = character.unicodeScalars.first else { return String(character) }
        return String(first)
    }

    /// A scalar's cells as the C library's `wcwidth` gives them in a UTF-8 locale: ncursesw
    /// places characters by it, so measuring the same way keeps every row aligned. Control and
    /// format characters (bidi controls, the BOM) take no cell and are never drawn.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if scalar.properties.generalCategory == .format { return 0 }
        guard utf8Locale else { return fallback(scalar) }
        let w = fu_wcwidth(v)
        return w < 0 ? 0 : Int(w)
    }

    /// Whether the C library measures in a UTF-8 locale (set here to C.UTF-8 when the
    /// environment names none, as the dashboard does before it starts).
    static let utf8Locale: Bool = {
        if isUTF8() { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8()
    }()

    static func isUTF8() -> Bool {
        guard let current = setlocale(LC_CTYPE, nil) else { return false }
        if String(cString: current).uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8") { return true }
        // The environment's own locale may be UTF-8 without saying so in its name.
        guard let fromEnvironment = setlocale(LC_CTYPE, "") else { return false }
        return String(cString: fromEnvironment).uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8")
    }

    /// Widths without a UTF-8 C library: wide East Asian and emoji two, marks none.
    static func fallback(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        // Regional indicators are one cell each: a flag is two.
        if (0x1F1E6...0x1F1FF).contains(v) { return 1 }
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return 0 }
        if isWide(scalar) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cuts text to at most `width` cells, ending with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > width - 1 { break }
            result.append(c)
            used += w
        }
        return result + "…"
    }

    /// Text padded with spaces to exactly `width` cells (cut first if longer).
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}

extension TextWidth {
    /// Text broken into lines of at most `width` cells, at spaces where it can be (a word
    /// longer than a line is broken where it must). Line breaks in the text are kept.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var piece = String(word)
                let w = of(piece)
                let gap = line.isEmpty ? 0 : 1
                if used + gap + w <= width {
                    if gap == 1 { line += " " }
                    line += piece
                    used += gap + w
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                // A word wider than the line: as much as fits, then the rest on the next.
                while of(piece) > width {
                    var head = ""
                    var headWidth = 0
                    var rest = Substring(piece)
                    while let c = rest.first, headWidth + of(c) <= width {
                        head.append(c)
                        headWidth += of(c)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty, let c = rest.first { head.append(c); rest = rest.dropFirst() }
                    lines.append(head)
                    piece = String(rest)
                }
                line = piece
                used = of(piece)
            }
            lines.append(line)
        }
        return lines
    }
}

/// Text from the data made safe for a terminal: control characters (C0 but line breaks and tabs,
/// DEL, C1) and invisible format characters that reorder or hide text (bidi controls, the BOM)
/// shown as visible escapes, so nothing stored in a name or a note can drive the terminal.
public enum TerminalText {
    public static func safe(_ text: String) -> String {
        escaping(text) { v in
            let hex = String(v, radix: 16, uppercase: true)
            return v < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
        }
    }

    /// JSON for a terminal: the same data, with DEL, C1 and the invisible format characters
    /// written as `\u` escapes (JSON escapes C0 itself). Only inside strings can they occur.
    public static func jsonSafe(_ json: String) -> String {
        escaping(json) { v in
            let hex = String(v, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// JSON's bytes for a terminal, as `jsonSafe`: the bytes themselves when nothing needs an
    /// escape (a command's whole output is checked, eight bytes at a time).
    public static func jsonSafe(bytes: [UInt8]) -> [UInt8] {
        if bytes.withUnsafeBufferPointer(isPlain) { return bytes }
        return Array(jsonSafe(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// The text with every scalar that `needsEscape` written as `escape` gives it.
    static func escaping(_ text: String, _ escape: (UInt32) -> String) -> String {
        var text = text
        if text.withUTF8(isPlain) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { result += escape(scalar.value) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Whether valid UTF-8 holds no scalar that `needsEscape` names, told from the bytes before
    /// any scalar is decoded (each such scalar has one byte pattern); false may mean "look closer".
    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        var i = 0
        while i < b.count {
            // Eight bytes at once when each is printable ASCII (0x20–0x7E), a line break or a tab.
            // Each test is exact per byte: the low seven bits plus a constant never carry over.
            if i + 8 <= b.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs = ones &* 0x80
                let lows = ones &* 0x7F
                func zero(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x) & highs }
                let below = ~(((w & lows) &+ ones &* 0x60) | w) & highs
                let above = (((w & lows) &+ ones) | w) & highs
                let allowed = zero(w ^ (ones &* 0x0A)) | zero(w ^ (ones &* 0x09))
                if (below & ~allowed) | above == 0 {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x20 { if c != 0x0A && c != 0x09 { return false } } else if c == 0x7F { return false }
            else if c >= 0xC2 {
                let d = i + 1 < b.count ? b[i + 1] : 0
                let e = i + 2 < b.count ? b[i + 2] : 0
                switch c {
                case 0xC2 where d >= 0x80 && d <= 0x9F: return false                  // U+0080–U+009F
                case 0xD8 where d == 0x9C: return false                               // U+061C
                case 0xE2 where d == 0x80 && e >= 0xAA && e <= 0xAE: return false     // U+202A–U+202E
                case 0xE2 where d == 0x81 && e >= 0xA6 && e <= 0xA9: return false     // U+2066–U+2069
                case 0xEF where d == 0xBB && e == 0xBF: return false                  // U+FEFF
                default: break
                }
            }
            i += 1
        }
        return true
    }

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x0A || v == 0x09 { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        // Bidi embeddings, overrides and isolates, the Arabic letter mark, the BOM.
        return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x061C || v == 0xFEFF
    }
}
