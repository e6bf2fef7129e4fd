import Foundation
import FollowUpCore
@testable import FollowUpStore
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
            let file = folder.file("seed\(seed).json")
            try Data(bytes).write(to: URL(fileURLWithPath: file.path))
            // The first read looks at every application and keeps the index (made at one moment,
            // it serves every other).
            _ = try file.loadLeavingOutQuiet(at: moment(-1), index: "test", clock: later)
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

    @Test("the index is used only for the file as it is, by the build that made it, when the file had settled; a damaged one is ignored")
    func onlyForTheFileAsItIs() throws {
        let folder = TempFolder()
        let file = folder.file()
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
            Set(try #require(try file.loadLeavingOutQuiet(at: now, index: key, clock: clock ?? later)).applications.map(\.id))
        }

        // A file that changed a moment ago: no index is kept.
        let fresh = try ids(clock: Int64(Date().timeIntervalSince1970))
        #expect(fresh.contains("open-one"))
        #expect(!FileManager.default.fileExists(atPath: indexFile.path))
        #expect(try ids() == fresh)
        #expect(FileManager.default.fileExists(atPath: indexFile.path))

        // What the index says is what is read: marked quiet there, the open application is left out.
        let stamp = try #require(DueCountFile.Stamp.of(file.path))
        var index = try #require(indexFile.read(for: stamp, key: "test"))
        let last = index.entries.count - 1
        index.entries[last].quietFrom = 0
        indexFile.write(index, for: stamp, key: "test")
        #expect(try ids() == fresh.subtracting(["open-one"]))
        // Another build's index is not this one's.
        #expect(try ids(key: "other build") == fresh)

        // A damaged index is ignored.
        let kept = try Data(contentsOf: URL(fileURLWithPath: indexFile.path))
        try kept.prefix(kept.count - 9).write(to: URL(fileURLWithPath: indexFile.path))
        #expect(try ids() == fresh)
        // One that does not fit the file is neither written nor read.
        var shifted = index
        shifted.entries[0].start = Int(stamp.size) + 5
        #expect(!shifted.fits(size: Int(stamp.size)))
        indexFile.write(shifted, for: stamp, key: "test")
        #expect(indexFile.read(for: stamp, key: "test") != shifted)
        indexFile.write(index, for: stamp, key: "test")
        #expect(try ids() == fresh.subtracting(["open-one"]))

        // The data file changed in place, by another program, to the same size: read afresh.
        let read = FollowUpStoreTests.bytes(file.path)
        var bytes = try #require(read)
        let role = Array("\"Engineer\"".utf8)
        let at = try #require((0...(bytes.count - role.count)).first { bytes[$0..<$0 + role.count].elementsEqual(role) })
        bytes[at + 1] = UInt8(ascii: "E") == bytes[at + 1] ? UInt8(ascii: "F") : UInt8(ascii: "E")
        let handle = try #require(FileHandle(forUpdatingAtPath: file.path))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        #expect(DueCountFile.Stamp.of(file.path)?.size == stamp.size)
        let changed = try #require(try file.loadLeavingOutQuiet(at: now, index: "test", clock: later))
        #expect(changed.application(id: "open-one")?.role == "Fngineer")
    }
}
