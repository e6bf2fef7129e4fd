import Foundation
import FollowUpCore
import FollowUpStore
import JSON

/// A fresh folder under the system's temp folder, removed when the test ends.
final class TempFolder {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/followup-store-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A data file whose undo history is kept in `state/` here.
    func file(_ name: String = "followup.json") -> DataFile { DataFile(path: path + "/" + name, stateFolder: stateFolder) }

    var stateFolder: String { path + "/state" }
}

func instant(_ text: String) -> Instant { Instant(rfc3339: text)! }

func bytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

func mode(_ path: String) -> Int {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.posixPermissions] as? Int) ?? -1
}

func inode(_ path: String) -> UInt64 {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.systemFileNumber] as? UInt64) ?? 0
}

/// A realistic file's worth of data: several scripts, every kind of record, unknown fields.
func sampleData() -> FollowUpData {
    let t0 = instant("2026-11-02T09:15:00-05:00")
    var acme = Application(
        id: "acme-7f3k", employer: "Acme Corp", role: "Staff Engineer / Platform", decisionBy: Day("2026-11-20"),
        timeZone: "America/Chicago", createdAt: t0, extra: ["source": .string("referral")])
    acme.contacts = [
        Contact(id: "dana-lee-x81c", name: "Dana Lee", title: "Engineering Manager", role: .hiringManager,
                email: "dana@acme.example", phone: "+1 312 555 0100", address: "1 Acme Way, Chicago IL", mayCall: true,
                createdAt: t0),
        Contact(id: "raj-patel-p2q9", name: "Raj Patel", role: .interviewer, email: "raj@acme.example", createdAt: t0),
    ]
    acme.interviews = [
        Interview(id: "iv-q2m1", at: instant("2026-11-16T10:00:00-05:00"), kind: .onsite, minutes: 90, round: 2,
                  with: ["dana-lee-x81c", "raj-patel-p2q9"], decisionBy: Day("2026-11-23"), travel: true, createdAt: t0,
                  extra: ["room": .string("4B")]),
    ]
    acme.events = [
        Event(id: "thank-you-k3m2", kind: .thankYou, at: instant("2026-11-16T19:30:00-05:00"), contact: "dana-lee-x81c",
              channel: .email, createdAt: instant("2026-11-16T19:31:00-05:00")),
        Event(id: "note-77aa", kind: .note, at: instant("2026-11-16T20:00:00-05:00"),
              text: "Went well: system design. Reservations: \"no Kubernetes\" — path/to/thing\ttab", createdAt: t0),
    ]
    var globex = Application(id: "globex-9x2a", employer: "Globex Société Générale", role: "SRE", createdAt: t0)
    globex.contacts = [Contact(id: "zoe-muller-1a2b", name: "Zoë Müller-Straße", role: .recruiter, email: "zoe@globex.example", timeZone: "Europe/Berlin", createdAt: t0)]
    globex.events = [
        Event(id: "check-in-4d5e", kind: .checkIn, at: instant("2026-11-18T10:05:00+01:00"), contact: "zoe-muller-1a2b", channel: .voicemail, createdAt: t0),
        Event(id: "request-6f7g", kind: .request, at: instant("2026-11-19T15:00:00Z"), due: Day("2026-11-21"), about: .references, createdAt: t0),
        Event(id: "request-done-8h9i", kind: .requestDone, at: instant("2026-11-20T09:00:00+01:00"), answers: "request-6f7g", createdAt: t0),
    ]
    globex.decisionBy = Day("2026-12-01")
    globex.decisionGivenAt = instant("2026-11-20T09:30:00+01:00")
    acme.interviews[0].decisionGivenAt = instant("2026-11-17T08:00:00-05:00")
    let nihon = Application(id: "app-3k9z", employer: "日本商事 🚀", role: "エンジニア", createdAt: t0)
    return FollowUpData(
        settings: Settings(preset: .standard, holidays: [Day("2026-11-26")!, Day("2026-12-25")!], overrides: ["maxStrikes": 4],
                           name: "Alex Doe", signature: "Alex", extra: ["theme": .string("dark")]),
        applications: [acme, globex, nihon],
        snoozes: [Snooze(taskID: "check-in:globex-9x2a:check-in-4d5e:zoe-muller-1a2b:2", until: Day("2026-11-27")!, updatedAt: t0)],
        dismissals: [Dismissal(taskID: "take-stock:acme-7f3k:iv-q2m1", updatedAt: t0)],
        tombstones: [Tombstone(id: "initech-0000", deletedAt: t0)],
        extra: ["x-sync": .object(["device": .string("laptop"), "seq": .number("42")])])
}

/// A small seeded generator (SplitMix64): one seed, the same numbers, so a failure can be replayed.
struct Seeded {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

extension Seeded {
    /// `bytes` with one random damage at a random place: a byte replaced by one of `interesting`,
    /// a byte taken out or doubled, or a run of up to `run` bytes repeated after itself. Returns
    /// the place.
    mutating func damage(_ bytes: inout [UInt8], with interesting: [UInt8], run: Int) -> Int {
        let at = next(bytes.count)
        switch next(4) {
        case 0: bytes[at] = interesting[next(interesting.count)]
        case 1: bytes.remove(at: at)
        case 2: bytes.insert(bytes[at], at: at)
        default:
            let end = min(bytes.count, at + 1 + next(run))
            bytes.insert(contentsOf: bytes[at..<end], at: end)
        }
        return at
    }
}
