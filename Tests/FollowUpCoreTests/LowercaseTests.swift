import FollowUpCore
import Testing

@Suite("Lowercase")
struct LowercaseTests {
    @Test("every scalar the table or the caseless blocks cover lowers to the bytes lowercased() gives")
    func everyScalarCovered() {
        var wrong: [String] = []
        let blocks: [ClosedRange<UInt32>] = [0...0x52F, 0x0590...0x08FF, 0x0900...0x0DFF, 0x0E00...0x0E7F, 0x2000...0x206F,
                                             0x3000...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3]
        for block in blocks {
            for v in block {
                guard let scalar = Unicode.Scalar(v) else { continue }
                // Alone, and after a capital (the fast path is taken only for text not in ASCII).
                for text in [String(Character(scalar)), "Ü" + String(Character(scalar)) + "X"] {
                    if Array(Lowercase.of(text).utf8) != Array(text.lowercased().utf8) { wrong.append(String(v, radix: 16)) }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test("names in any script lower as lowercased() lowers them")
    func names() {
        let names = [
            "ACME", "Acme Corp", "Ünïcödé GmbH", "ΣΟΦΙΑ Παπαδοπούλου", "ОАО «Газпром»", "İstanbul Şirketi", "ȺȾ Ltd",
            "شركة الاتصالات", "טבע", "टाटा समूह", "東京電力", "カタカナ", "삼성전자", "Ꭰ Cherokee", "Ⴀ Georgian", "𝐀 Math",
            "emoji 😀 Inc", "e\u{301}cole", "ǅungla", "ΐ", "", " ", "\u{10400} Deseret",
        ]
        for name in names {
            #expect(Array(Lowercase.of(name).utf8) == Array(name.lowercased().utf8), "\(name)")
        }
    }
}
