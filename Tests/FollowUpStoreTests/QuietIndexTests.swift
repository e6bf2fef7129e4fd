import Foundation
import FollowUpCore
@testable import FollowUpStore
import JSON
import Testing

struct QuietIndexTests {
    let zone = Zone(identifier: "America/New_York")!

    /// The real time, well after any file the test writes has settled.
    var later: Int64 { Int64(Date().timeIntervalSince1970) + 60 }

    func moment(_ days: Int) -> Instant {
        Instant(seconds: instant("2026-09-01T09:00:00-04:00").seconds + Int64(days) * 86_400)
    }

    @Test("through the index, the applications read at any moment are those a look at every one reads, and the agenda is the whole file's")
    func sameAsTheLook() throws {
        let folder = TempFolder()
        var used = 0
        for seed in UInt64(1)...150 {
            let data = LeavingOutQuietTests.world(seed: seed)
            let bytes = DataFile.encode(data)
            var file = folder.file("seed\(seed).json")
            file.indexKey = "test"
            try Data(bytes).write(to: URL(fileURLWithPath: file.path))
            // The first read looks at every application and keeps the index (made at one moment,
            // it serves every other).
            _ = try file.loadLeavingOutQuiet(at: moment(-1), clock: later)
            let indexFile = QuietIndexFile(dataPath: file.path, stateFolder: folder.stateFolder)
            let stamp = try #require(DueCountFile.Stamp.of(file.path))
            let index = try #require(indexFile.read(for: stamp, key: "test"), "seed \(seed): no index kept")
            #expect(index.entries.count == data.applications.count)
            for days in [-1, 20, 45, 61, 75, 130, 400] {
                let now = moment(days)
                let through = try #require(file.readNotQuiet(index, stamp: stamp, at: now), "seed \(seed), day \(days)")
                let looked = try #require(ByteDecoder.decode(bytes, leavingOutQuietAt: now))
                #expect(through.applications == looked.applications, "seed \(seed), day \(days)")
                #expect(through.snoozes == data.snoozes && through.settings == data.settings)
                let all = Rules.schedule(data, zone: zone, now: now)
                let some = Rules.schedule(through, zone: zone, now: now)
                #expect(some.tasks == all.tasks && some.employers == all.employers, "seed \(seed), day \(days)")
                used += data.applications.count - through.applications.count
            }
        }
        #expect(used > 1000, "\(used) applications left unread")
    }

    @Test("many applications: the later half read and scheduled on another core, the same applications and tasks in the same order")
    func manyReadInTwoHalves() throws {
        let folder = TempFolder()
        for round in UInt64(0)..<4 {
            // Worlds joined into one of 100 to 200 applications (ids made unique).
            var data = FollowUpData()
            for seed in (round * 12 + 1)...(round * 12 + 12) {
                for var app in LeavingOutQuietTests.world(seed: seed).applications {
                    app.id = "s\(seed)-" + app.id
                    data.applications.append(app)
                }
            }
            let bytes = DataFile.encode(data)
            var file = folder.file("many\(round).json")
            file.indexKey = "test"
            try Data(bytes).write(to: URL(fileURLWithPath: file.path))
            _ = try file.loadLeavingOutQuiet(at: moment(-1), clock: later)
            let stamp = try #require(DueCountFile.Stamp.of(file.path))
            let index = try #require(QuietIndexFile(dataPath: file.path, stateFolder: folder.stateFolder).read(for: stamp, key: "test"))
            for days in [-1, 20, 45] {
                let now = moment(days)
                let looked = try #require(ByteDecoder.decode(bytes, leavingOutQuietAt: now))
                #expect(looked.applications.count >= 64, "round \(round), day \(days): \(looked.applications.count) read, too few to split")
                let through = try #require(file.readNotQuiet(index, stamp: stamp, at: now), "round \(round), day \(days)")
                #expect(through.applications == looked.applications, "round \(round), day \(days)")
                #expect(through.snoozes == data.snoozes && through.settings == data.settings)
                // Scheduled in two halves, as each employer's applications alone are (a few dozen,
                // on one core): the same tasks in the same order, the same strikes and statuses.
                #expect(data.applications.count >= 64)
                let whole = Rules.schedule(data, zone: zone, now: now)
                // In the agenda's order throughout: no task or employer goes before the one ahead of it.
                for (a, b) in zip(whole.tasks, whole.tasks.dropFirst()) {
                    var pair = [a]
                    Rules.place(b, in: &pair)
                    #expect(pair.last == b, "round \(round), day \(days): \(b.id) before \(a.id)")
                }
                for (a, b) in zip(whole.employers, whole.employers.dropFirst()) {
                    var pair = [a]
                    Rules.place(b, in: &pair)
                    #expect(pair.last == b, "round \(round), day \(days): \(b.employer) before \(a.employer)")
                }
                for key in Set(data.applications.map(\.employerKey)) {
                    let apps = data.applications.filter { $0.employerKey == key }
                    let alone = Rules.schedule(data, employerOf: apps[0].id, zone: zone, now: now)
                    let ids = Set(apps.map(\.id))
                    #expect(whole.tasks.filter { ids.contains($0.app) } == alone.tasks, "round \(round), day \(days), \(key)")
                    #expect(whole.employers.filter { $0.apps.contains(where: ids.contains) } == alone.employers)
                    #expect(apps.allSatisfy { whole.statuses[$0.id] == alone.statuses[$0.id] })
                }
            }
        }
    }

    @Test("the index is used only for the file as it is, by the build that made it; a damaged one is ignored")
    func onlyForTheFileAsItIs() throws {
        let folder = TempFolder()
        var file = folder.file()
        file.indexKey = "test"
        var data = LeavingOutQuietTests.world(seed: 7)
        // One open application that owes something at `now`.
        var open = Application(id: "open-one", employer: "Hooli", role: "Engineer", createdAt: moment(0))
        open.contacts = [Contact(id: "c-open", name: "Ana Cruz", role: .hiringManager, createdAt: moment(0))]
        open.interviews = [Interview(id: "i-open", at: moment(10), with: ["c-open"], createdAt: moment(0))]
        data.applications.append(open)
        try Data(DataFile.encode(data)).write(to: URL(fileURLWithPath: file.path))
        let now = moment(10).adding(hours: 3)
        let indexFile = QuietIndexFile(dataPath: file.path, stateFolder: folder.stateFolder)
        func ids(key: String = "test", clock: Int64? = nil) throws -> Set<String> {
            var reading = file
            reading.indexKey = key
            return Set(try #require(try reading.loadLeavingOutQuiet(at: now, clock: clock ?? later)).applications.map(\.id))
        }
        func bytesNow() throws -> [UInt8] {
            let read = FollowUpStoreTests.bytes(file.path)
            return try #require(read)
        }

        // A file that changed a moment ago: its index is kept for its bytes only, not its stamp.
        let fresh = try ids(clock: Int64(Date().timeIntervalSince1970))
        #expect(fresh.contains("open-one"))
        let stamp = try #require(DueCountFile.Stamp.of(file.path))
        #expect(indexFile.read(for: stamp, key: "test") == nil)
        let bytes = try bytesNow()
        let index = try #require(indexFile.read(length: bytes.count, hash: ContentHash.hash(bytes, stateFolder: folder.stateFolder), key: "test"))
        #expect(try ids() == fresh)
        #expect(indexFile.read(for: stamp, key: "test") == index, "kept for the stamp once the file has settled")

        // What the index says is what is read: marked quiet there, the open application is left out.
        var planted = index
        planted.entries[planted.entries.count - 1].quietFrom = 0
        indexFile.write(planted, length: bytes.count, hash: ContentHash.hash(bytes, stateFolder: folder.stateFolder), stamp: stamp, key: "test")
        #expect(try ids() == fresh.subtracting(["open-one"]))
        // Known by the bytes' hash only (the stamp not trusted yet): the same.
        indexFile.write(planted, length: bytes.count, hash: ContentHash.hash(bytes, stateFolder: folder.stateFolder), stamp: nil, key: "test")
        #expect(try ids(clock: Int64(Date().timeIntervalSince1970) - 60) == fresh.subtracting(["open-one"]))
        // Another build's index is not this one's.
        #expect(try ids(key: "other build") == fresh)

        // A damaged index is ignored: cut short, or a byte of an application's place changed.
        indexFile.write(planted, length: bytes.count, hash: ContentHash.hash(bytes, stateFolder: folder.stateFolder), stamp: stamp, key: "test")
        let kept = try Data(contentsOf: URL(fileURLWithPath: indexFile.path))
        try kept.prefix(kept.count - 9).write(to: URL(fileURLWithPath: indexFile.path))
        #expect(try ids() == fresh)
        var flipped = [UInt8](kept)
        let body = try #require(flipped.indices.first { flipped[$0...].starts(with: Array("entries ".utf8)) })
        let entries = try #require(flipped[body...].firstIndex(of: UInt8(ascii: "\n"))) + 1
        flipped[entries + 8] ^= 0x01
        try Data(flipped).write(to: URL(fileURLWithPath: indexFile.path))
        #expect(indexFile.read(for: stamp, key: "test") == nil)
        #expect(try ids() == fresh)
        // One that does not fit the file is neither written nor read.
        var shifted = index
        shifted.entries[0].start = bytes.count + 5
        #expect(!shifted.fits(size: bytes.count))
        indexFile.write(shifted, length: bytes.count, hash: ContentHash.hash(bytes, stateFolder: folder.stateFolder), stamp: stamp, key: "test")
        #expect(indexFile.read(for: stamp, key: "test") != shifted)
        indexFile.write(planted, length: bytes.count, hash: ContentHash.hash(bytes, stateFolder: folder.stateFolder), stamp: stamp, key: "test")
        #expect(try ids() == fresh.subtracting(["open-one"]))

        // The data file changed in place, by another program, to the same size: read afresh.
        var changed = bytes
        let role = Array("\"Engineer\"".utf8)
        let at = try #require((0...(changed.count - role.count)).first { changed[$0..<$0 + role.count].elementsEqual(role) })
        changed[at + 1] = UInt8(ascii: "F")
        let handle = try #require(FileHandle(forUpdatingAtPath: file.path))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(changed))
        try handle.close()
        #expect(DueCountFile.Stamp.of(file.path)?.size == stamp.size)
        let read = try #require(try file.loadLeavingOutQuiet(at: now, clock: Int64(Date().timeIntervalSince1970)))
        #expect(read.application(id: "open-one")?.role == "Fngineer")
    }

    @Test("a save keeps the index of what it wrote: the first read after it takes the applications from the bytes by their hash")
    func aSaveKeepsTheIndex() throws {
        let folder = TempFolder()
        var file = folder.file()
        file.indexKey = "test"
        let today = Day("2026-09-20")!
        var open = Application(id: "open-one", employer: "Hooli", role: "Engineer", createdAt: moment(0))
        open.contacts = [Contact(id: "c-open", name: "Ana Cruz", role: .hiringManager, createdAt: moment(0))]
        open.interviews = [Interview(id: "i-open", at: moment(10), with: ["c-open"], createdAt: moment(0))]
        try file.transaction(today: today, summary: "start", at: moment(0)) { data in
            data = LeavingOutQuietTests.world(seed: 11)
            data.applications.append(open)
        }
        try file.transaction(today: today, summary: "role", at: moment(1)) { data in
            data.applications[0].role = "Changed"
        }
        let read = FollowUpStoreTests.bytes(file.path)
        let saved = try #require(read)
        let indexFile = QuietIndexFile(dataPath: file.path, stateFolder: folder.stateFolder)
        let index = try #require(indexFile.read(length: saved.count, hash: ContentHash.hash(saved, stateFolder: folder.stateFolder), key: "test"), "the save kept its index")
        let expected = try #require(ByteDecoder.decodeIndexing(saved, leavingOutQuietAt: moment(0))?.1)
        #expect(index == expected, "the index of what was saved is the index a read makes")
        #expect(indexFile.read(for: try #require(DueCountFile.Stamp.of(file.path)), key: "test") == nil, "not for the stamp of a file just saved")

        // The first read, before the file has settled, uses it: planted, it is what is read.
        let now = moment(10).adding(hours: 3)
        let clock = Int64(Date().timeIntervalSince1970)
        let all = try #require(try file.loadLeavingOutQuiet(at: now, clock: clock))
        #expect(all.application(id: "open-one") != nil)
        #expect(all.applications == ByteDecoder.decode(saved, leavingOutQuietAt: now)?.applications)
        var planted = index
        let last = try #require(planted.entries.indices.last)
        planted.entries[last].quietFrom = 0
        indexFile.write(planted, length: saved.count, hash: ContentHash.hash(saved, stateFolder: folder.stateFolder), stamp: nil, key: "test")
        #expect(try file.loadLeavingOutQuiet(at: now, clock: clock)?.application(id: "open-one") == nil)
    }
}

@Suite("One table of the fields each record knows")
struct FieldTableTests {
    @Test("the field table names exactly what the codec writes for records with every field set")
    func tableMatchesTheCodec() throws {
        let t = instant("2026-11-24T09:00:00-05:00")
        var app = Application(id: "a", employer: "Acme", role: "Dev", decisionBy: Day("2026-12-01"), timeZone: "America/Chicago", createdAt: t)
        app.applied = Day("2026-11-01")
        app.location = "Chicago"
        app.link = "https://example.com/job"
        app.decisionGivenAt = t
        var contact = Contact(id: "c", name: "Dana", createdAt: t)
        contact.title = "Manager"
        contact.role = .hiringManager
        contact.email = "d@example.com"
        contact.phone = "+1 555 0100"
        contact.address = "1 Way"
        contact.timeZone = "America/Chicago"
        contact.mayCall = true
        app.contacts = [contact]
        var interview = Interview(id: "i", at: t, with: ["c"], createdAt: t)
        interview.kind = .onsite
        interview.minutes = 60
        interview.round = 2
        interview.decisionBy = Day("2026-12-02")
        interview.decisionGivenAt = t
        interview.travel = true
        interview.cancelled = true
        app.interviews = [interview]
        var event = Event(id: "e", kind: .request, at: t, createdAt: t)
        event.contact = "c"
        event.channel = .email
        event.decisionBy = Day("2026-12-03")
        event.due = Day("2026-12-04")
        event.about = .references
        event.text = "text"
        event.answers = "x"
        event.answered = true
        app.events = [event]
        var data = FollowUpData()
        data.applications = [app]
        data.snoozes = [Snooze(taskID: "s", until: Day("2026-12-05")!, updatedAt: t)]
        data.dismissals = [Dismissal(taskID: "d", updatedAt: t)]
        data.tombstones = [Tombstone(id: "gone", deletedAt: t)]
        let root = DataCodec.encode(data)
        func keys(_ value: JSONValue?) -> Set<String> { Set(value?.objectValue?.keys.map { $0 } ?? []) }
        func first(_ name: String, in value: JSONValue?) -> JSONValue? { value?[name]?.arrayValue?.first }
        let written = first("applications", in: root)
        #expect(keys(root) == Set(Fields.root))
        #expect(keys(written) == Set(Fields.application + Fields.applicationLists))
        #expect(keys(first("contacts", in: written)) == Set(Fields.contact))
        #expect(keys(first("interviews", in: written)) == Set(Fields.interview))
        #expect(keys(first("events", in: written)) == Set(Fields.event))
        #expect(keys(first("snoozes", in: root)) == Set(Fields.snooze))
        #expect(keys(first("dismissals", in: root)) == Set(Fields.dismissal))
        #expect(keys(first("tombstones", in: root)) == Set(Fields.tombstone))
        // And the byte writer writes the same.
        #expect(ByteEncoder.encode(data) == JSONWriter.canonical(root))
    }
}

@Suite("The keyed hash that names a file's bytes")
struct ContentHashTests {
    @Test("SipHash-1-3 gives the reference values (key 00…0f, messages 00…0n)")
    func referenceValues() {
        let expected: [Int: UInt64] = [
            0: 0xABAC_0158_050F_C4DC, 1: 0xC9F4_9BF3_7D57_CA93, 2: 0x82CB_9B02_4DC7_D44D, 7: 0xD392_7D98_9BB1_1140,
            8: 0x3690_9511_8D29_9A8E, 9: 0x25A4_8EB3_6C06_3DE4, 15: 0xD320_D86D_2A51_9956, 16: 0xCC4F_DD1A_7D90_8B66,
        ]
        for (n, value) in expected {
            let message = (0..<n).map { UInt8($0) }
            let hash = message.withUnsafeBytes { ContentHash.sipHash13($0, 0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908) }
            #expect(hash == value, "\(n) bytes")
        }
    }

    @Test("bytes hashed in pieces hash as the bytes they make together")
    func pieces() {
        let folder = TempFolder()
        var seeded = Seeded(state: 7)
        for run in 0..<200 {
            let n = seeded.next(3000)
            let bytes = (0..<n).map { _ in UInt8(seeded.next(256)) }
            var cuts = (0..<seeded.next(6)).map { _ in seeded.next(n + 1) }.sorted()
            cuts = [0] + cuts + [n]
            let pieces = zip(cuts, cuts.dropFirst()).map { bytes[$0..<$1] }
            let hashed = ContentHash.hash(stateFolder: folder.stateFolder) { body in for piece in pieces { piece.withUnsafeBytes(body) } }
            #expect(hashed == ContentHash.hash(bytes, stateFolder: folder.stateFolder), "run \(run)")
        }
    }

    @Test("each state folder makes its key once, readable only by its owner; another folder's key hashes differently")
    func keyPerFolder() throws {
        let one = TempFolder()
        let two = TempFolder()
        let bytes = Array("{\"applications\": []}\n".utf8)
        let first = ContentHash.hash(bytes, stateFolder: one.stateFolder)
        #expect(ContentHash.hash(bytes, stateFolder: one.stateFolder) == first)
        #expect(FileManager.default.fileExists(atPath: one.stateFolder + "/content-hash.key"))
        #expect(mode(one.stateFolder + "/content-hash.key") == 0o600)
        #expect(ContentHash.hash(bytes, stateFolder: two.stateFolder) != first)
        #expect(ContentHash.hash(bytes + [0x20], stateFolder: one.stateFolder) != first)
    }

    @Test("a damaged key is made again, not replaced by the fixed one anyone could use")
    func damagedKey() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: folder.stateFolder, withIntermediateDirectories: true)
        let path = folder.stateFolder + "/content-hash.key"
        try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: path))
        let bytes = Array("{\"applications\": []}\n".utf8)
        let hash = ContentHash.hash(bytes, stateFolder: folder.stateFolder)
        let fixed = bytes.withUnsafeBytes { ContentHash.sipHash13($0, 0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908) }
        #expect(hash != fixed)
        let kept = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(kept != "not a key\n" && kept.split(separator: " ").count == 2)
        #expect(mode(path) == 0o600)
    }
}
