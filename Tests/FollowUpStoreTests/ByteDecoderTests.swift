import Foundation
import FollowUpCore
import FollowUpStore
import JSON
import Testing

/// What the tree decoder makes of some bytes: the data, or nil when it refuses them.
private func treeDecode(_ bytes: [UInt8]) -> FollowUpData? {
    guard let root = try? JSONParser.parse(bytes) else { return nil }
    return try? DataCodec.decode(root)
}

private let golden = bytes(CodecTests.goldenPath) ?? []

@Suite("The byte decoder reads what the tree decoder reads")
struct ByteDecoderTests {
    @Test("the golden file, the demo data and a realistic file: read straight from the bytes, the same data")
    func sameData() throws {
        let zone = Zone(identifier: "America/New_York")!
        let files: [(String, [UInt8])] = [
            ("golden", golden),
            ("demo", DataFile.encode(Demo.data(today: Day("2026-11-24")!, zone: zone))),
            ("sample", DataFile.encode(sampleData())),
        ]
        for (name, file) in files {
            try #require(!file.isEmpty)
            let fast = ByteDecoder.decode(file)
            #expect(fast != nil, "\(name): read straight from the bytes")
            #expect(fast == treeDecode(file), "\(name)")
        }
    }

    /// Small documents on the edges of the rules: each is read the same way by both, or the byte
    /// decoder gives up (and the tree decoder refuses it); those marked `fast` must be read
    /// straight from the bytes.
    @Test("edge cases: nulls, unknown fields, repeated keys, escapes, numbers, zones, legacy history, depth")
    func edges() throws {
        let t = "\"createdAt\":\"2026-11-02T09:15:00-05:00\",\"updatedAt\":\"2026-11-02T09:15:00-05:00\""
        func app(_ fields: String) -> String { "{\"version\":1,\"applications\":[{\"id\":\"a\",\"employer\":\"Acme\",\(t)\(fields)}]}" }
        func event(_ fields: String) -> String { app(",\"events\":[{\"id\":\"e\",\"kind\":\"note\",\"at\":\"2026-11-03T10:00:00-05:00\",\(t)\(fields)}]") }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let cases: [(text: String, fast: Bool)] = [
            ("{}", true),
            ("\u{FEFF}{\"version\":1} \n", true),
            ("{\"version\":null}", false),
            ("{\"version\":1.0}", false),
            ("{\"version\":0}", false),
            ("{\"version\":7}", true),
            ("{\"settings\":null,\"applications\":null,\"snoozes\":[],\"history\":[]}", true),
            ("{\"history\":[{\"id\":\"h\"}]}", false),
            ("{\"settings\":{\"preset\":\"gentle\",\"holidays\":[\"2026-12-25\"],\"spacingDays\":10.0,\"x\":{\"y\":[1,2e3]}}}", true),
            ("{\"settings\":{\"spacingDays\":\"10\"}}", false),
            ("{\"settings\":{\"holidays\":[\"2026-02-30\"]}}", false),
            ("{\"settings\":{\"preset\":\"nope\"}}", false),
            (app(""), true),
            (app(",\"role\":null,\"decisionBy\":null,\"tz\":null,\"contacts\":null"), true),
            (app(",\"applied\":\"2026-10-01\",\"location\":\"Zürich\",\"link\":\"https://x.example/a?b=1\""), true),
            (app(",\"applied\":\"last spring\""), true),
            (app(",\"applied\":null"), true),
            (app(",\"applied\":[1,{\"a\":null}]"), true),
            (app(",\"tz\":\"Mars/Olympus\""), false),
            (app(",\"tz\":\"Europe/Berlin\",\"contacts\":[{\"id\":\"c\",\"name\":\"Zoë\",\"tz\":\"Europe/Berlin\",\(t)}]"), true),
            (app(",\"id\":\"b\""), false),
            (app(",\"extra\":1,\"extra\":2"), false),
            (app(",\"caf\u{E9}\":1,\"cafe\u{301}\":2"), false),
            (app(",\"caf\u{E9}\":1,\"cafe\":2"), true),
            (app(",\"note\":\"tab\\t quote\\\" \\u00e9 \\ud83d\\ude00 slash\\/\""), true),
            (app(",\"note\":\"\\ud83d\""), false),
            (app(",\"note\":\"bad \\x escape\""), false),
            (app(",\"employer\":\"Again\""), false),
            (app(",\"createdAt\":\"yesterday\""), false),
            (app(",\"interviews\":[{\"id\":\"i\",\"at\":\"2026-11-03T10:00:00-05:00\",\"minutes\":60.0,\"round\":2,\"with\":[\"c\"],\(t)}]"), true),
            (app(",\"interviews\":[{\"id\":\"i\",\"at\":\"2026-11-03T10:00:00-05:00\",\"minutes\":0,\(t)}]"), false),
            (app(",\"interviews\":[{\"id\":\"i\",\"at\":\"2026-11-03T10:00:00-05:00\",\"with\":[\"\"],\(t)}]"), false),
            (app(",\"interviews\":[{\"id\":\"i\",\"at\":\"2026-11-03T10:00:00-05:00\",\"minutes\":1e2,\"travel\":null,\(t)}]"), true),
            (event(""), true),
            (event(",\"channel\":\"pigeon\""), false),
            (event(",\"answered\":\"yes\""), false),
            (event(",\"answered\":true,\"text\":null,\"custom\":{\"deep\":[[[]]]}"), true),
            (event(",\"custom\":\(deep)"), false),
            (app(",\"events\":[{\"id\":\"e\",\"at\":\"2026-11-03T10:00:00-05:00\",\(t)}]"), false),
            ("{\"snoozes\":[{\"taskId\":\"\",\"until\":\"2026-11-30\",\"updatedAt\":\"2026-11-02T09:15:00Z\"}]}", true),
            ("{\"snoozes\":[{\"taskId\":\"x\",\"until\":null,\"updatedAt\":\"2026-11-02T09:15:00Z\"}]}", false),
            ("{\"dismissals\":[{\"taskId\":\"x\",\"updatedAt\":\"2026-11-02T09:15:00Z\",\"why\":\"done\"}]}", true),
            ("{\"tombstones\":[{\"id\":\"x\",\"deletedAt\":\"2026-11-02T09:15:00+01:00\"}]}", true),
            ("{\"applications\":[],}", false),
            ("{\"applications\":[1,]}", false),
            ("{\"applications\":[]} x", false),
            ("[]", false),
            ("", false),
            ("{\"a\":1}{", false),
        ]
        for (text, fast) in cases {
            let bytes = Array(text.utf8)
            let read = ByteDecoder.decode(bytes)
            let tree = treeDecode(bytes)
            #expect(read == nil || read == tree, "\(text.prefix(200))")
            if fast { #expect(read != nil, "read straight from the bytes: \(text.prefix(200))") }
            if tree == nil { #expect(read == nil, "refused by the tree decoder: \(text.prefix(200))") }
        }
    }

    /// Thousands of damaged copies of the golden file (a byte changed, removed or doubled, a
    /// stretch repeated, which repeats keys): whatever the byte decoder reads, the tree decoder
    /// reads the same; whatever the tree decoder refuses, the byte decoder gives up on.
    @Test("damaged files: never a different answer, never an answer the tree decoder refuses")
    func damaged() throws {
        try #require(!golden.isEmpty)
        var rng = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &rng)
        var state = seed
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let interesting = Array("\"\\{}[],:0-1.eEntf \n".utf8) + [0xC3, 0x80, 0xFF, 0x00, UInt8(ascii: "x")]
        var read = 0
        var refused = 0
        for _ in 0..<2500 {
            var damaged = golden
            let at = next(damaged.count)
            switch next(4) {
            case 0: damaged[at] = interesting[next(interesting.count)]
            case 1: damaged.remove(at: at)
            case 2: damaged.insert(damaged[at], at: at)
            default:
                let length = 1 + next(80)
                let end = min(damaged.count, at + length)
                damaged.insert(contentsOf: damaged[at..<end], at: end)
            }
            let fast = ByteDecoder.decode(damaged)
            let tree = treeDecode(damaged)
            if fast != nil { read += 1 }
            if tree == nil { refused += 1 }
            #expect(fast == nil || fast == tree, "seed \(seed): damage at byte \(at)")
            if tree == nil { #expect(fast == nil, "seed \(seed): damage at byte \(at) refused by the tree decoder") }
        }
        // Both kinds were met: damage that still reads (inside a string) and damage that is refused.
        #expect(read > 100 && refused > 100, "read \(read), refused \(refused)")
    }
}
