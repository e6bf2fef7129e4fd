import Foundation
import FollowUpCore
@testable import FollowUpStore
import JSON
import Testing

/// What the tree decoder makes of some bytes: the data, or nil when it refuses them.
private func treeDecode(_ bytes: [UInt8]) -> FollowUpData? {
    guard let root = try? JSONParser.parse(bytes) else { return nil }
    return try? DataCodec.decode(root)
}

private let golden = bytes(CodecTests.goldenPath) ?? []

/// Where two byte strings first differ, with a little of each from there (nil: equal).
private func difference(_ a: [UInt8], _ b: [UInt8]) -> String? {
    guard a != b else { return nil }
    let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    func around(_ x: [UInt8]) -> String { String(decoding: x[i..<min(x.count, i + 60)], as: UTF8.self) }
    return "at byte \(i): \(around(a)) | \(around(b))"
}

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
            // Keys written with escapes or beyond ASCII: read as the strings they decode to.
            (app(",\"r\\u006fle\":\"Boss\""), true),
            (app(",\"\\u0069d\":\"b\""), false),
            (app(",\"ключ\":1,\"\u{212A}ind\":2"), true),
            (event(",\"k\\u0069nd\":\"call\""), false),
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
        var random = Seeded(state: seed)
        let interesting = Array("\"\\{}[],:0-1.eEntf \n".utf8) + [0xC3, 0x80, 0xFF, 0x00, UInt8(ascii: "x")]
        var read = 0
        var refused = 0
        for _ in 0..<2500 {
            var damaged = golden
            let at = random.damage(&damaged, with: interesting, run: 80)
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

@Suite("The byte encoder writes what the tree writer writes")
struct ByteEncoderTests {
    private func tree(_ data: FollowUpData) -> [UInt8] { JSONWriter.canonical(DataCodec.encode(data)) }

    @Test("the golden file, the demo data and a realistic file: the same bytes")
    func sameBytes() throws {
        let zone = Zone(identifier: "America/New_York")!
        let golden = try #require(treeDecode(golden))
        for data in [golden, Demo.data(today: Day("2026-11-24")!, zone: zone), sampleData(), FollowUpData()] {
            #expect(difference(ByteEncoder.encode(data), tree(data)) == nil)
        }
        #expect(difference(ByteEncoder.encode(golden), bytes(CodecTests.goldenPath) ?? []) == nil, "the golden file as it is")
    }

    @Test("fields followup does not know, at every level and in every place their names sort, and odd values")
    func extrasAndOddValues() throws {
        var data = sampleData()
        let extras: ExtraFields = [
            "": .null, "Zeta": .number("1e400"), "aaa": .array([.object([:]), .array([]), .string("x\u{1}\"\\")]),
            "createdAtX": .bool(false), "id2": .object(["b": .int(1), "a": .object(["c": .null])]), "zz": .string("ünï"),
            "\u{1F600}": .number("-0.5"), "m": .string("line\nbreak\ttab"),
        ]
        data.extra = extras.merging(["version": .int(9), "settings": .null]) { a, _ in a }
        for a in data.applications.indices {
            data.applications[a].extra = extras.merging(["role": .string("hidden"), "applied": .string("last week")]) { a, _ in a }
            if a == 0 { data.applications[a].applied = Day("2026-10-01") }
            data.applications[a].employer += " \u{7}\"quoted\"\\"
            data.applications[a].createdAt = Instant(seconds: data.applications[a].createdAt.seconds, offset: 19_800)
            for c in data.applications[a].contacts.indices {
                data.applications[a].contacts[c].extra = extras.merging(["mayCall": .bool(false)]) { a, _ in a }
            }
            for i in data.applications[a].interviews.indices {
                data.applications[a].interviews[i].extra = extras.merging(["with": .string("nobody"), "travel": .null]) { a, _ in a }
                data.applications[a].interviews[i].minutes = 45
                data.applications[a].interviews[i].round = 2
            }
            for e in data.applications[a].events.indices {
                data.applications[a].events[e].extra = extras.merging(["answered": .bool(true)]) { a, _ in a }
                data.applications[a].events[e].at = Instant(seconds: -62_135_596_800 - 86_400 * 400, offset: -3_600 * 11 - 1_800)
            }
        }
        data.snoozes = [Snooze(taskID: "t\u{0}", until: Day("2026-12-01")!, updatedAt: Instant(seconds: 0), extra: extras)]
        data.dismissals = [Dismissal(taskID: "d", updatedAt: Instant(seconds: 253_402_300_800), extra: extras)]
        data.tombstones = [Tombstone(id: "x", deletedAt: Instant(seconds: 1), extra: extras)]
        data.settings.extra = extras
        #expect(difference(ByteEncoder.encode(data), tree(data)) == nil)
    }
}

@Suite("Reading only what agenda and strikes need")
struct LeavingOutQuietTests {
    /// Random applications at a few employers, most of them closed, with what can keep a closed
    /// application owing something: rejections with and without a thank-you after, interviews
    /// travelled to, expenses submitted, chased and reimbursed (some at the same second),
    /// reopenings, and events and interviews on either side of the moments tried.
    static func world(seed: UInt64) -> FollowUpData {
        var random = Seeded(state: seed)
        func next(_ bound: Int) -> Int { random.next(bound) }
        let start = instant("2026-09-01T09:00:00-04:00")
        func moment() -> Instant { Instant(seconds: start.seconds + Int64(next(120)) * 86_400 / 2 + Int64(next(3)) * 1800, offset: -14_400) }
        let kinds: [EventKind] = [
            .rejected, .rejected, .thankYou, .thankYou, .offer, .withdrawn, .closed, .reopened, .checkIn, .response,
            .expensesSubmitted, .expensesSubmitted, .reimbursed, .reimbursed, .expensesChased, .note, .request, .invited,
        ]
        var data = FollowUpData()
        for a in 0..<(8 + next(10)) {
            let created = start
            var app = Application(id: "app\(a)", employer: ["Acme", "Globex", "Initech", "Umbrella"][next(4)], role: "Role \(a)", createdAt: created)
            app.contacts = [Contact(id: "c\(a)", name: "Person \(a)", role: next(2) == 0 ? .hiringManager : .recruiter, createdAt: created)]
            for i in 0..<next(3) {
                app.interviews.append(Interview(id: "i\(a)-\(i)", at: moment(), with: ["c\(a)"], travel: next(3) == 0, cancelled: next(8) == 0, createdAt: created))
            }
            // Most end closed: a closing event first, then whatever else.
            if next(5) > 0 { app.events.append(Event(id: "e\(a)-close", kind: [.rejected, .offer, .withdrawn, .closed][next(4)], at: moment(), createdAt: created)) }
            for e in 0..<next(6) {
                app.events.append(Event(id: "e\(a)-\(e)", kind: kinds[next(kinds.count)], at: moment(), contact: "c\(a)", createdAt: created))
            }
            data.applications.append(app)
        }
        return data
    }

    @Test("agenda and strikes are the same without the quiet applications, at moments before, among and after the events")
    func sameAnswer() throws {
        let zone = Zone(identifier: "America/New_York")!
        var leftOut = 0
        var kept = 0
        for seed in UInt64(1)...300 {
            let data = LeavingOutQuietTests.world(seed: seed)
            let bytes = DataFile.encode(data)
            for days in [-1, 20, 45, 61, 75, 130] {
                let now = Instant(seconds: instant("2026-09-01T09:00:00-04:00").seconds + Int64(days) * 86_400)
                let fewer = try #require(ByteDecoder.decode(bytes, leavingOutQuietAt: now), "seed \(seed)")
                let all = Rules.schedule(data, zone: zone, now: now)
                let some = Rules.schedule(fewer, zone: zone, now: now)
                // Compared whole; said by ids when they differ.
                let sameTasks = some.tasks == all.tasks
                let sameEmployers = some.employers == all.employers
                #expect(sameTasks, "seed \(seed), day \(days): \(Set(all.tasks.map(\.id)).symmetricDifference(some.tasks.map(\.id)).sorted())")
                #expect(sameEmployers, "seed \(seed), day \(days)")
                // Only closed applications are left out, and those read are read whole.
                let ids = Set(fewer.applications.map(\.id))
                for app in data.applications where !ids.contains(app.id) {
                    #expect(all.statuses[app.id]?.isClosed == true, "seed \(seed): \(app.id) left out while open")
                }
                #expect(fewer.applications == data.applications.filter { ids.contains($0.id) })
                leftOut += data.applications.count - fewer.applications.count
                kept += fewer.applications.count
            }
        }
        // The worlds hold both: applications left out and applications read.
        #expect(leftOut > 1000 && kept > 1000, "left out \(leftOut), read \(kept)")
    }

    @Test("damaged files: leaving out the quiet applications still finds every syntax error and repeated key")
    func damagedQuiet() throws {
        let later = instant("2030-01-01T09:00:00Z")
        var base = FollowUpData()
        for seed in UInt64(1)...6 { base.applications += LeavingOutQuietTests.world(seed: seed).applications.map { app in
            var app = app
            app.id += "-\(seed)"
            // Strings the look steps over: escapes, accents, emoji.
            app.role += " caf\u{E9} \"quoted\" \u{1F600}\t"
            for e in app.events.indices { app.events[e].text = "n\u{F8}te \\ \u{1}" }
            return app
        } }
        let file = DataFile.encode(base)
        let all = try #require(ByteDecoder.decode(file)).applications.count
        let kept = try #require(ByteDecoder.decode(file, leavingOutQuietAt: later)).applications.count
        try #require(kept < all, "applications are left out: \(kept) of \(all) read")
        var random = Seeded(state: 0x5EED)
        let interesting = Array("\"\\{}[],:0-1.entf \n".utf8) + [0xC3, 0x80, 0xFF, 0x00, 0x1F]
        var refused = 0
        for _ in 0..<1500 {
            var damaged = file
            let at = random.damage(&damaged, with: interesting, run: 60)
            guard (try? JSONParser.parse(damaged)) == nil else { continue }
            refused += 1
            let found = ByteDecoder.decode(damaged, leavingOutQuietAt: later) == nil
            #expect(found, "damage at byte \(at)")
        }
        #expect(refused > 300, "\(refused) damaged files refused")
    }

    @Test("a syntax error or a repeated key inside an application that would be left out is still found")
    func errorsInsideQuietApplications() throws {
        let now = instant("2026-12-01T09:00:00-05:00")
        var app = Application(id: "gone", employer: "Acme", role: "Engineer", createdAt: instant("2026-10-01T09:00:00-04:00"))
        app.events = [Event(id: "e1", kind: .withdrawn, at: instant("2026-10-05T09:00:00-04:00"), createdAt: instant("2026-10-05T09:00:00-04:00"))]
        let text = String(decoding: DataFile.encode(FollowUpData(applications: [app])), as: UTF8.self)
        #expect(ByteDecoder.decode(Array(text.utf8), leavingOutQuietAt: now)?.applications.isEmpty == true, "left out when whole")
        let broken = [
            text.replacingOccurrences(of: "\"withdrawn\"", with: "\"withdrawn"),
            text.replacingOccurrences(of: "\"role\": \"Engineer\"", with: "\"role\": \"Engineer\", \"role\": \"Again\""),
            text.replacingOccurrences(of: "\"contacts\": []", with: "\"contacts\": [{\"x\": 1, \"x\": 2}]"),
            text.replacingOccurrences(of: "\"contacts\": []", with: "\"contacts\": [{\"x\": [1,]}]"),
            text.replacingOccurrences(of: "\"employer\": \"Acme\"", with: "\"employer\": \"Ac\u{1}me\""),
        ]
        for b in broken {
            #expect(b != text)
            #expect(ByteDecoder.decode(Array(b.utf8), leavingOutQuietAt: now) == nil, "\(b)")
            #expect((try? JSONParser.parse(Array(b.utf8))) == nil)
        }
    }
}

@Suite("A save copies the applications a change left alone")
struct SpliceTests {
    @Test("saves that splice write what a save in full writes; a file edited by hand is written in full")
    func spliceIsCanonical() throws {
        let folder = TempFolder()
        let file = folder.file()
        let today = Day("2026-11-24")!
        let at = instant("2026-11-24T09:00:00-05:00")
        var latest = FollowUpData()
        func save(_ change: (inout FollowUpData) -> Void) throws {
            latest = try file.transaction(today: today, summary: "change", at: at) { data in change(&data) }.data
        }
        /// The file holds what the change left, in the canonical form: as a save in full writes it.
        func expectCanonical(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let saved = try #require(bytes(file.path))
            #expect(difference(saved, JSONWriter.canonical(DataCodec.encode(latest))) == nil, "\(what)", sourceLocation: sourceLocation)
        }
        try save { $0 = sampleData() }
        try expectCanonical("the first save")
        let mark = WrittenMark(dataPath: file.path, stateFolder: folder.stateFolder)
        #expect(mark.matches(try #require(bytes(file.path))), "the save is marked")

        try save { $0.applications[0].role = "Principal Engineer" }
        try expectCanonical("one application changed")
        try save { $0.applications.append(Application(id: "new-1", employer: "Zeta", role: "Dev", createdAt: at)) }
        try expectCanonical("one added")
        try save { $0.applications.reverse() }
        try expectCanonical("reordered")
        try save { $0.applications.remove(at: 1) }
        try expectCanonical("one removed")
        try save { $0.applications[0].extra["note"] = .string("kept \u{1}") ; $0.snoozes = [] }
        try expectCanonical("a field followup does not know")
        #expect(mark.matches(try #require(bytes(file.path))))

        // A name changed only in its Unicode normalisation (equal as Swift compares strings):
        // the new bytes are written.
        try save { $0.applications[0].employer = "Caf\u{E9}" }
        try save { $0.applications[0].employer = "Cafe\u{301}" }
        try expectCanonical("a name in another normalisation")
        #expect(bytes(file.path).map { String(decoding: $0, as: UTF8.self).utf8.contains(0xCC) } == true, "the combining accent is saved")

        // Edited by hand into one line: what the next save copies must not be those bytes.
        let compact = JSONWriter.compact(try JSONParser.parse(try #require(bytes(file.path))))
        try Data(compact.utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(!mark.matches(Array(compact.utf8)))
        try save { $0.applications[0].role = "Staff" }
        try expectCanonical("after a hand edit")
        #expect(bytes(file.path)?.count ?? 0 > compact.utf8.count, "written out in full again")
    }

    @Test("a change to one application copies every other from the bytes read, though they moved to a new array")
    func spliceCopiesTheRest() throws {
        var data = FollowUpData()
        for seed in UInt64(1)...4 { data.applications += LeavingOutQuietTests.world(seed: seed).applications.map { app in
            var app = app
            app.id += "-\(seed)"
            app.decisionBy = Day("2026-12-0\(seed)")
            return app
        } }
        let bytes = DataFile.encode(data)
        let folder = TempFolder()
        let mark = WrittenMark(dataPath: folder.path + "/followup.json", stateFolder: folder.stateFolder)
        try DataFile.makeFolder(folder.stateFolder)
        mark.mark(bytes)
        let splice = try #require(Splice(bytes, mark: mark))
        var changed = splice.read
        changed.applications[3].role = "Changed"
        let (saved, _, copied) = splice.encodeCounting(changed)
        #expect(copied == data.applications.count - 1, "\(copied) of \(data.applications.count - 1) copied")
        #expect(saved == DataFile.encode(changed))
    }

    @Test("the splice compares every field of an application")
    func spliceComparesEveryField() throws {
        // A field added to Application must be compared in Application.identical, else a change
        // to it alone would be saved as the old bytes.
        let app = Application(id: "a", employer: "Acme", role: "Dev", createdAt: instant("2026-11-24T09:00:00-05:00"))
        #expect(Mirror(reflecting: app).children.count == 16, "15 stored fields and the employer's key, derived from the name")
        var other = app
        other.decisionBy = Day("2026-12-01")
        #expect(!Application.identical(app, other))
        other = app
        other.createdAt = instant("2026-11-24T09:00:00-04:00")
        #expect(!Application.identical(app, other), "the same moment written with another offset")
        other = app
        other.extra["x"] = .int(1)
        #expect(!Application.identical(app, other))
        other = app
        other.link = "https://example.com"
        #expect(!Application.identical(app, other))
        #expect(Application.identical(app, app))
    }
}
