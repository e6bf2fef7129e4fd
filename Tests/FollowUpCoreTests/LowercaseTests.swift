import FollowUpCore
import Testing

@Suite("Lowercase")
struct LowercaseTests {
    @Test("every scalar of the BMP (and a sample beyond) lowers to the bytes lowercased() gives")
    func everyScalarCovered() {
        var wrong: [String] = []
        // Whatever the table and the caseless blocks cover, and all the rest (left to lowercased()).
        let blocks: [StrideThrough<UInt32>] = [stride(from: 0, through: 0xFFFF, by: 1), stride(from: 0x10000, through: 0x10FFFF, by: 61)]
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
