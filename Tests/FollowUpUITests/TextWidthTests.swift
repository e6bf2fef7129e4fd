import Testing
@testable import FollowUpUI

@Suite("Display width, per grapheme")
struct TextWidthTests {
    @Test("ASCII, accents and combining marks take one cell each character", arguments: [
        ("Dana Lee", 8), ("Zoë Müller", 10), ("Zoe\u{0308}", 3), ("Straße", 6), ("Ελένη", 5), ("Дмитрий", 7),
    ])
    func narrow(_ text: String, _ width: Int) {
        #expect(TextWidth.of(text) == width)
    }

    @Test("CJK and emoji take two cells", arguments: [
        ("日本", 4), ("日本商事", 8), ("🚀", 2), ("한국", 4), ("ｱ", 1), ("Ａ", 2), ("🇫🇷", 2),
    ])
    func wide(_ text: String, _ width: Int) {
        #expect(TextWidth.of(text) == width)
    }

    @Test("an emoji sequence is drawn as its first part, which terminals agree on", arguments: [
        ("👩‍💻", 2, "👩"), ("👍🏽", 2, "👍"), ("❤️", 1, "❤"), ("☎️", 1, "☎"), ("é", 1, "é"), ("🇫🇷", 2, "🇫🇷"),
    ])
    func sequences(_ text: String, _ width: Int, _ drawn: String) {
        #expect(TextWidth.of(text) == width)
        #expect(TextWidth.displayable(Character(text)) == drawn)
    }

    @Test("control characters take no cell")
    func controls() {
        #expect(TextWidth.of("a\u{7}b") == 2)
    }

    @Test("truncating never splits a wide character and marks the cut")
    func truncate() {
        #expect(TextWidth.truncate("日本商事", to: 5) == "日本…")
        #expect(TextWidth.of(TextWidth.truncate("日本商事", to: 5)) == 5)
        #expect(TextWidth.truncate("Acme", to: 4) == "Acme")
        #expect(TextWidth.truncate("Acme Corp", to: 5) == "Acme…")
    }

    @Test("padding fills to exactly the width in cells")
    func pad() {
        for text in ["Zoë", "日本", "🚀 Launch", "Initech International"] {
            #expect(TextWidth.of(TextWidth.pad(text, to: 10)) == 10)
        }
    }

    @Test("widths are the C library's, as ncursesw draws them, where a hand-written table disagreed",
          arguments: [(0x1F321, 1), (0x2329, 2), (0x1160, 0), (0x061C, 0), (0x4E00, 2), (0x1F680, 2), (0xFEFF, 0)])
    func libraryWidths(_ value: UInt32, _ cells: Int) {
        let scalar = Unicode.Scalar(value)!
        #expect(TextWidth.of(scalar) == cells, "U+\(String(value, radix: 16, uppercase: true))")
    }
}

@Suite("Escaping what a terminal would act on")
struct EscapingTests {
    @Test("the look at bytes agrees with the look at scalars for every scalar of the BMP and a sample beyond")
    func bytesAgreeWithScalars() {
        var scalars = Array(0...0xFFFF)
        scalars += stride(from: 0x10000, through: 0x10FFFF, by: 97).map { $0 }
        for v in scalars {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            let text = "a" + String(Character(scalar)) + "é"
            // What the scalars say, escaped one by one as `escaping` does.
            var expected = ""
            for s in text.unicodeScalars {
                if TerminalText.needsEscape(s) { expected += "<\(s.value)>" } else { expected.unicodeScalars.append(s) }
            }
            #expect(TerminalText.escaping(text) { "<\($0)>" } == expected, "U+\(String(v, radix: 16))")
        }
    }

    @Test("a long text is looked at eight bytes at a time and still escapes every scalar it should, wherever it lies")
    func wordAtATime() {
        var wrong: [String] = []
        var scalars = Array(0...0x2FF) + Array(0x600...0x6FF) + Array(0x2000...0x20FF) + [0xFEFF, 0xFEFE, 0x1F600]
        scalars.removeAll { Unicode.Scalar(UInt32($0)) == nil }
        for v in scalars {
            let scalar = Unicode.Scalar(UInt32(v))!
            // At each place within a word, in a text long enough to be read by words.
            for lead in 0..<9 {
                let text = String(repeating: "x", count: lead) + String(Character(scalar)) + String(repeating: "y", count: 17)
                var expected = ""
                for s in text.unicodeScalars {
                    if TerminalText.needsEscape(s) {
                        let hex = String(s.value, radix: 16, uppercase: true)
                        expected += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        expected.unicodeScalars.append(s)
                    }
                }
                if TerminalText.jsonSafe(bytes: Array(text.utf8)) != Array(expected.utf8) { wrong.append("U+\(String(v, radix: 16)) at \(lead)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(8))")
    }
}
