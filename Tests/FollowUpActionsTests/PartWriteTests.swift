import Foundation
@testable import FollowUpActions
@testable import FollowUpCore
@testable import FollowUpStore
import JSON
import Testing

/// A folder of its own for one data file and its state folder.
private final class Folder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.path + "/followup-part-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var file: DataFile { DataFile(path: path + "/followup.json", stateFolder: path + "/state", indexKey: "test") }

    func bytes(_ name: String) -> [UInt8] {
        (try? DataFile.readBytes(path + "/" + name)).flatMap { $0 } ?? []
    }
}

@Suite("A change to one employer's applications, read and written on them alone")
struct PartWriteTests {
    static let today = Day("2026-11-24")!

    /// The scoped changes' file, with applications whose employer, id and role the headings
    /// must read through escapes, other scripts, a member of the same name deeper down, and a
    /// role left out.
    static func data(_ now: Instant) throws -> FollowUpData {
        var data = ScopedChangeTests.data(today)
        data = try ScopedChangeTests.whole(.close(app: data.applications[1].id, reason: nil), data, now).0
        var odd = data.applications[2]
        odd.id = "odd-\u{e9}-1"
        odd.employer = "Caf\u{e9} \"Zo\u{eb}\" \\ Ltd\tNorth"
        odd.role = ""
        odd.extra["details"] = .object(["employer": .string("Not this one"), "id": .string("nor-this")])
        // Records of its own, so that no id repeats one of the application it was copied from.
        for i in odd.contacts.indices { odd.contacts[i].id += "-odd" }
        let contactIDs = Dictionary(uniqueKeysWithValues: zip(data.applications[2].contacts.map(\.id), odd.contacts.map(\.id)))
        for i in odd.interviews.indices {
            odd.interviews[i].id += "-odd"
            odd.interviews[i].with = odd.interviews[i].with.map { contactIDs[$0] ?? $0 }
        }
        for i in odd.events.indices {
            odd.events[i].id += "-odd"
            odd.events[i].contact = odd.events[i].contact.map { contactIDs[$0] ?? $0 }
        }
        data.applications.append(odd)
        var greek = odd
        greek.id = "\u{3b1}\u{3b8}\u{3ae}\u{3bd}\u{3b1}"
        greek.employer = "\u{391}\u{3b8}\u{3ae}\u{3bd}\u{3b1} \u{391}\u{395}"
        greek.role = "\u{39c}\u{3b7}\u{3c7}\u{3b1}\u{3bd}\u{3b9}\u{3ba}\u{3cc}\u{3c2}"
        greek.contacts = []
        greek.interviews = []
        greek.events = []
        data.applications.insert(greek, at: 1)
        return data
    }

    /// A change as the command line makes it: on part of the file when it can be, else whole.
    static func make(_ change: Change, in file: DataFile, at now: Instant, part: Bool) throws -> Committed<Applied> {
        try file.recording(today: today, at: now, part: part ? { Actions.part(of: change, among: $0) } : nil) { data, mayHold in
            try Actions.apply(change, to: &data, at: now, zone: zone, partOfFile: mayHold).map { ($0, $0.summary) }
        }
    }

    /// Bytes with one string put for another of the same length (a minted id for the other
    /// way's).
    static func replacing(_ bytes: [UInt8], _ from: String?, with to: String?) -> [UInt8] {
        guard let from, let to, from != to else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.replacingOccurrences(of: from, with: to).utf8)
    }

    @Test("each change to one employer's applications writes the bytes, undo history and index the whole way writes, or is refused the same way")
    func sameAsWhole() throws {
        let now = try zone.instant(PartWriteTests.today, hour: 9, minute: 0)
        let data = try PartWriteTests.data(now)
        let agenda = Rules.schedule(data, zone: zone, now: now)
        var changes = ScopedChangeTests.changes(data, agenda, PartWriteTests.today, now)
        // Found by a name among all the applications: a prefix two employers share is refused
        // as the whole file has it, a later word of one found alone.
        changes += [.log(app: "a", NewEvent(kind: .note)), .log(app: "Ltd", NewEvent(kind: .note)),
                    .log(app: "caf\u{e9} \"zo\u{eb}\"", NewEvent(kind: .note)), .reply(app: "\u{3b1}\u{3b8}\u{3ae}\u{3bd}\u{3b1} \u{3b1}\u{3b5}", contact: nil, decisionBy: nil)]
        var inPart = 0
        for (n, change) in changes.enumerated() {
            let part = Folder(), whole = Folder()
            for folder in [part, whole] {
                try folder.file.transaction(today: PartWriteTests.today) { $0 = data }
            }
            // Every other change without the kept headings: read from the bytes.
            if n % 2 == 1 { unlink(part.path + "/state/" + HistoryFile.stem(of: part.file.path) + ".headings") }
            let made: Result<Committed<Applied>, Error>
            do { made = .success(try PartWriteTests.make(change, in: part.file, at: now, part: true)) } catch { made = .failure(error) }
            let expected: Result<Committed<Applied>, Error>
            do { expected = .success(try PartWriteTests.make(change, in: whole.file, at: now, part: false)) } catch { expected = .failure(error) }
            switch (made, expected) {
            case let (.success(a), .success(b)):
                if a.inPart { inPart += 1 }
                #expect(a.wrote == b.wrote, "\(change)")
                #expect(a.value.summary == b.value.summary, "\(change)")
                #expect(a.summary == b.summary && a.changes.count == b.changes.count, "\(change)")
                let file = PartWriteTests.replacing(part.bytes("followup.json"), a.value.id, with: b.value.id)
                #expect(file == whole.bytes("followup.json"), "\(change)")
                // The undo history: the same entries, but for the minted ids and where the file is.
                let stem = HistoryFile.stem(of: part.file.path), wholeStem = HistoryFile.stem(of: whole.file.path)
                var history = PartWriteTests.replacing(part.bytes("state/" + stem + ".history.json"), a.value.id, with: b.value.id)
                history = PartWriteTests.replacing(history, a.recorded, with: b.recorded)
                history = PartWriteTests.replacing(history, part.path, with: whole.path)
                #expect(history == whole.bytes("state/" + wholeStem + ".history.json"), "\(change)")
                // The index kept is the index of the bytes written.
                let saved = part.bytes("followup.json")
                let kept = QuietIndexFile(dataPath: part.file.path, stateFolder: part.path + "/state")
                    .read(length: saved.count, hash: ContentHash.hash(saved, stateFolder: part.path + "/state"), key: "test")
                let fresh = try #require(ByteDecoder.decodeIndexing(saved, leavingOutQuietAt: now)?.1)
                #expect(kept == fresh, "\(change)")
                // And the headings kept are those of the applications saved.
                let headings = HeadingsFile(dataPath: part.file.path, stateFolder: part.path + "/state")
                    .read(length: saved.count, hash: ContentHash.hash(saved, stateFolder: part.path + "/state"), key: "test")
                let savedData = try #require(ByteDecoder.decode(saved))
                #expect(headings == savedData.applications.map(ApplicationHeading.init(of:)), "\(change)")
            case let (.failure(a), .failure(b)):
                #expect("\(a)" == "\(b)", "\(change)")
                #expect(part.bytes("followup.json") == whole.bytes("followup.json"), "a refused change left the file as it was: \(change)")
            default:
                Issue.record("\(change): \(made) but the whole way \(expected)")
            }
        }
        #expect(inPart > 100, "most changes were made on part of the file (\(inPart) of \(changes.count))")
    }

    @Test("the headings read from the bytes are each application's id, employer and role")
    func headings() throws {
        let now = try zone.instant(PartWriteTests.today, hour: 9, minute: 0)
        let data = try PartWriteTests.data(now)
        let bytes = ByteEncoder.encode(data)
        let index = try #require(ByteDecoder.decodeIndexing(bytes, leavingOutQuietAt: now)?.1)
        let headings = try #require(bytes.withUnsafeBufferPointer { FilePart.headings($0, index: index) })
        #expect(headings == data.applications.map { ApplicationHeading(id: $0.id, employer: $0.employer, role: $0.role) })
    }

    @Test("an id is held outside the part when the file has it anywhere as a string, and only then")
    func mayHold() throws {
        let now = try zone.instant(PartWriteTests.today, hour: 9, minute: 0)
        let data = try PartWriteTests.data(now)
        var buried = data
        buried.tombstones.append(Tombstone(id: "gone-1234", deletedAt: now))
        let bytes = ByteEncoder.encode(buried)
        let index = try #require(ByteDecoder.decodeIndexing(bytes, leavingOutQuietAt: now)?.1)
        let part = try #require(FilePart(MappedFile(copying: bytes), index: index, positions: [0]))
        for id in buried.allIDs {
            #expect(part.mayHold(id), "\(id)")
        }
        #expect(part.mayHold("gone-1234"))
        #expect(!part.mayHold("gone-123"))
        #expect(!part.mayHold("note-zzzz"))
    }

    @Test("no characters but themselves are canonically equivalent to those of a minted id (a-z, 0-9, -)")
    func mintedIDsHaveOneSpelling() {
        let minted = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)
        for name in ["Acme Corp", "Zoë Ålund", "Ærø Straße", "数据", "", "\u{2126}mega \u{212A}elvin"] {
            #expect(Identifiers.slug(name, fallback: "app").unicodeScalars.allSatisfy(minted.contains), "\(name)")
        }
        var others: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if decomposed.allSatisfy(minted.contains) { others.append(value) }
        }
        #expect(others.isEmpty, "\(others.map { String($0, radix: 16) })")
    }

    @Test("a file edited since followup saved it, or without its index, is changed the whole way")
    func wholeWhenUnsure() throws {
        let now = try zone.instant(PartWriteTests.today, hour: 9, minute: 0)
        let data = try PartWriteTests.data(now)
        let change = Change.log(app: data.applications[0].id, NewEvent(kind: .note, text: "A note"))
        let folder = Folder()
        try folder.file.transaction(today: PartWriteTests.today) { $0 = data }
        #expect(try PartWriteTests.make(change, in: folder.file, at: now, part: true).inPart)
        // By hand: the same data, laid out otherwise.
        var edited = folder.bytes("followup.json")
        edited.insert(UInt8(ascii: " "), at: 1)
        try DataFile.writeDurably(edited, to: folder.file.path, folder: folder.path)
        let byHand = try PartWriteTests.make(change, in: folder.file, at: now, part: true)
        #expect(!byHand.inPart && byHand.wrote)
        // Edits that keep the length (the caches' names for the bytes), to another employer's
        // application: only the hash tells. One lays a line out otherwise (the file is then not
        // canonical), one changes a name.
        for (from, to) in [("\"role\": \"\u{39c}", "\"role\" :\"\u{39c}"), ("\u{391}\u{395}\"", "\u{391}\u{396}\"")] {
            #expect(try PartWriteTests.make(change, in: folder.file, at: now, part: true).inPart)
            let text = String(decoding: folder.bytes("followup.json"), as: UTF8.self)
            #expect(text.contains(from))
            try DataFile.writeDurably(Array(text.replacingOccurrences(of: from, with: to).utf8), to: folder.file.path, folder: folder.path)
            let inPlace = try PartWriteTests.make(change, in: folder.file, at: now, part: true)
            #expect(!inPlace.inPart && inPlace.wrote)
            let saved = try #require(try folder.file.load())
            #expect(ByteEncoder.encode(saved) == folder.bytes("followup.json"), "written out in full, canonical again")
        }
        #expect(try folder.file.load()?.applications.contains { $0.employer == "\u{391}\u{3b8}\u{3ae}\u{3bd}\u{3b1} \u{391}\u{396}" } == true)
        #expect(try PartWriteTests.make(change, in: folder.file, at: now, part: true).inPart)
        unlink(folder.path + "/state/" + HistoryFile.stem(of: folder.file.path) + ".index")
        #expect(try !PartWriteTests.make(change, in: folder.file, at: now, part: true).inPart)
        let saved = try #require(try folder.file.load())
        #expect(saved.applications[0].events.filter { $0.text == "A note" }.count == 8)
        #expect(ByteEncoder.encode(saved) == folder.bytes("followup.json"))
    }

    @Test("kept headings are used only when whole and for the bytes they were made from")
    func keptHeadings() throws {
        let now = try zone.instant(PartWriteTests.today, hour: 9, minute: 0)
        let data = try PartWriteTests.data(now)
        let folder = Folder()
        let file = HeadingsFile(dataPath: folder.file.path, stateFolder: folder.path + "/state")
        let headings = data.applications.map(ApplicationHeading.init(of:))
        file.write(headings, length: 1000, hash: 42, key: "test")
        #expect(file.read(length: 1000, hash: 42, key: "test") == headings)
        #expect(file.read(length: 1001, hash: 42, key: "test") == nil)
        #expect(file.read(length: 1000, hash: 43, key: "test") == nil)
        #expect(file.read(length: 1000, hash: 42, key: "other") == nil)
        let kept = folder.bytes("state/" + HistoryFile.stem(of: folder.file.path) + ".headings")
        var damaged = kept
        damaged[damaged.count - 3] ^= 0x20
        try DataFile.writeDurably(damaged, to: file.path, folder: file.folder)
        #expect(file.read(length: 1000, hash: 42, key: "test") == nil)
        try DataFile.writeDurably(Array(kept.dropLast()), to: file.path, folder: file.folder)
        #expect(file.read(length: 1000, hash: 42, key: "test") == nil)
    }
}
