import Foundation
import Testing
import FollowUpCore
import JSON
@testable import FollowUpStore

/// Two copies of one file, changed apart, brought together.
@Suite("Merging two copies of the data file")
struct MergeTests {
    let t0 = instant("2026-11-20T09:00:00Z")
    let t1 = instant("2026-11-21T09:00:00Z")
    let t2 = instant("2026-11-22T09:00:00Z")
    let t3 = instant("2026-11-23T09:00:00Z")

    /// The file both copies started from: one application with a contact.
    var base: FollowUpData {
        var acme = Application(id: "acme-1", employer: "Acme", role: "Engineer", createdAt: t0)
        acme.contacts = [Contact(id: "dana-1", name: "Dana Lee", email: "dana@acme.example", createdAt: t0)]
        return FollowUpData(settings: Settings(name: "Alex"), applications: [acme])
    }

    func threeWay(_ ours: FollowUpData, _ theirs: FollowUpData) throws -> (FollowUpData, MergeReport) {
        let (data, report) = try Merge.merge(base: base, ours: ours, theirs: theirs)
        return (data, report)
    }

    /// A two-way merge with nothing known of what the copies started from.
    func twoWay(_ ours: FollowUpData, _ theirs: FollowUpData) throws -> (FollowUpData, MergeReport) {
        let (data, report) = try Merge.merge(ours: ours, theirs: theirs, histories: [])
        return (data, report)
    }

    func edited(_ data: FollowUpData, at time: Instant, _ change: (inout Application) -> Void) -> FollowUpData {
        var d = data
        change(&d.applications[0])
        d.applications[0].updatedAt = time
        return d
    }

    @Test("records added on both sides are all kept, ours first")
    func addsOnBothSides() throws {
        var ours = base
        ours.applications.append(Application(id: "globex-2", employer: "Globex", role: "SRE", createdAt: t1))
        var theirs = base
        theirs.applications.append(Application(id: "hooli-3", employer: "Hooli", role: "Dev", createdAt: t2))
        theirs.applications[0].events.append(Event(id: "note-9", kind: .note, at: t2, text: "x", createdAt: t2))
        for (data, report) in [try threeWay(ours, theirs), try twoWay(ours, theirs)] {
            #expect(data.applications.map(\.id) == ["acme-1", "globex-2", "hooli-3"])
            #expect(data.applications[0].events.map(\.id) == ["note-9"])
            #expect(report.added.map(\.id).sorted() == ["hooli-3", "note-9"])
            #expect(report.conflicts.isEmpty)
        }
    }

    @Test("an edit on one side is taken, from either side")
    func editOnOneSide() throws {
        let theirs = edited(base, at: t1) { $0.role = "Senior Engineer" }
        let (data, report) = try threeWay(base, theirs)
        #expect(data.applications[0].role == "Senior Engineer")
        #expect(data.applications[0].updatedAt == t1)
        #expect(report.updated.map(\.fields) == [["role"]])
        let (back, none) = try threeWay(theirs, base)
        #expect(back.applications[0].role == "Senior Engineer")
        #expect(none.updated.isEmpty && none.conflicts.isEmpty)
        // Without a base, the later copy of the record wins.
        #expect(try twoWay(base, theirs).0.applications[0].role == "Senior Engineer")
        #expect(try twoWay(theirs, base).0.applications[0].role == "Senior Engineer")
    }

    @Test("edits of different fields of one record on both sides are both kept")
    func differentFields() throws {
        let ours = edited(base, at: t1) { $0.role = "Senior Engineer" }
        let theirs = edited(base, at: t2) { $0.decisionBy = Day("2026-12-11") }
        let (data, report) = try threeWay(ours, theirs)
        #expect(data.applications[0].role == "Senior Engineer")
        #expect(data.applications[0].decisionBy == Day("2026-12-11"))
        #expect(data.applications[0].updatedAt == t2)
        #expect(report.conflicts.isEmpty)
    }

    @Test("the same field changed on both sides keeps the later change and reports a conflict")
    func sameField() throws {
        let ours = edited(base, at: t2) { $0.role = "Lead" }
        let theirs = edited(base, at: t1) { $0.role = "Principal" }
        let (data, report) = try threeWay(ours, theirs)
        #expect(data.applications[0].role == "Lead")
        #expect(report.conflicts.count == 1)
        #expect(report.conflicts.first?.field == "role" && report.conflicts.first?.kept == "ours" && report.conflicts.first?.bothChanged == true)
        let (swapped, again) = try threeWay(theirs, ours)
        #expect(swapped.applications[0].role == "Lead")
        #expect(again.conflicts.first?.kept == "theirs")
    }

    @Test("an edit and a delete: the later wins, in either order")
    func editVersusDelete() throws {
        var deleted = base
        deleted.applications[0].contacts = []
        deleted.tombstones = [Tombstone(id: "dana-1", deletedAt: t2)]
        var editedEarlier = base
        editedEarlier.applications[0].contacts[0].email = "new@acme.example"
        editedEarlier.applications[0].contacts[0].updatedAt = t1
        // The deletion is later: it wins, from either side.
        let (a, ra) = try threeWay(editedEarlier, deleted)
        #expect(a.applications[0].contacts.isEmpty && a.tombstones.map(\.id) == ["dana-1"])
        #expect(ra.deleted.map(\.id) == ["dana-1"])
        let (b, _) = try threeWay(deleted, editedEarlier)
        #expect(b.applications[0].contacts.isEmpty && b.tombstones.map(\.id) == ["dana-1"])
        // An edit after the deletion brings the record back, from either side.
        var editedLater = editedEarlier
        editedLater.applications[0].contacts[0].updatedAt = t3
        let (c, rc) = try threeWay(deleted, editedLater)
        #expect(c.applications[0].contacts.map(\.email) == ["new@acme.example"] && c.tombstones.isEmpty)
        #expect(rc.revived.map(\.id) == ["dana-1"])
        let (d, _) = try threeWay(editedLater, deleted)
        #expect(d.applications[0].contacts.map(\.id) == ["dana-1"] && d.tombstones.isEmpty)
    }

    @Test("a whole application deleted on one side goes with its records, unless changed after")
    func deletedApplication() throws {
        var deleted = base
        deleted.applications = []
        deleted.tombstones = [Tombstone(id: "acme-1", deletedAt: t2), Tombstone(id: "dana-1", deletedAt: t2)]
        let (gone, report) = try twoWay(base, deleted)
        #expect(gone.applications.isEmpty && Set(gone.tombstones.map(\.id)) == ["acme-1", "dana-1"])
        #expect(report.deleted.map(\.id) == ["acme-1"])
        var later = base
        later.applications[0].events.append(Event(id: "note-5", kind: .note, at: t3, text: "still talking", createdAt: t3))
        let (kept, _) = try twoWay(later, deleted)
        #expect(kept.applications.map(\.id) == ["acme-1"])
        #expect(!kept.tombstones.contains { $0.id == "acme-1" })
    }

    @Test("fields added by hand (no updatedAt moved) are kept when the other copy's record is later")
    func handAddedFields() throws {
        var ours = base
        ours.applications[0].extra["yApp"] = .string("mine")
        ours.applications[0].contacts[0].extra["nick"] = .string("D")
        var theirs = edited(base, at: t2) { $0.role = "R2" }
        theirs.applications[0].contacts[0].phone = "+1 555 0100"
        theirs.applications[0].contacts[0].updatedAt = t2
        for (data, _) in [try twoWay(ours, theirs), try twoWay(theirs, ours)] {
            #expect(data.applications[0].role == "R2")
            #expect(data.applications[0].extra["yApp"] == .string("mine"))
            #expect(data.applications[0].contacts[0].extra["nick"] == .string("D"))
            #expect(data.applications[0].contacts[0].phone == "+1 555 0100")
        }
    }

    @Test("an application deleted on one side and changed later on the other comes back whole, either way, with no tombstone left for a live record")
    func deletedThenChangedElsewhere() throws {
        var deleted = base
        deleted.applications = []
        deleted.tombstones = [Tombstone(id: "acme-1", deletedAt: t1), Tombstone(id: "dana-1", deletedAt: t1)]
        var changed = edited(base, at: t2) { $0.role = "R2" }
        changed.applications[0].events.append(Event(id: "note-1", kind: .note, at: t0, text: "x", createdAt: t0))
        let (a, _) = try twoWay(deleted, changed)
        let (b, _) = try twoWay(changed, deleted)
        for data in [a, b] {
            #expect(data.applications.map(\.id) == ["acme-1"])
            #expect(data.applications[0].contacts.map(\.id) == ["dana-1"])
            #expect(data.applications[0].role == "R2")
            #expect(data.tombstones.isEmpty)
            #expect(data.problems().isEmpty)
        }
    }

    @Test("a person deleted on one side whom the other side's new interview names stays, so the file holds everyone it names")
    func referencedContactKept() throws {
        var deleted = base
        deleted.applications[0].contacts = []
        deleted.tombstones = [Tombstone(id: "dana-1", deletedAt: t2)]
        var met = base
        met.applications[0].interviews = [Interview(id: "iv-1", at: t3, with: ["dana-1"], createdAt: t3)]
        for (data, report) in [try twoWay(deleted, met), try twoWay(met, deleted)] {
            #expect(data.applications[0].contacts.map(\.id) == ["dana-1"])
            #expect(data.applications[0].interviews.map(\.id) == ["iv-1"])
            #expect(data.tombstones.isEmpty)
            #expect(data.problems().isEmpty)
            #expect(report.deleted.isEmpty)
        }
    }

    @Test("re-creation after a delete: the later record comes back and its tombstone goes")
    func recreation() throws {
        var deleted = base
        deleted.applications[0].contacts = []
        deleted.tombstones = [Tombstone(id: "dana-1", deletedAt: t1)]
        var recreated = deleted
        recreated.applications[0].contacts = [Contact(id: "dana-1", name: "Dana Lee", createdAt: t2)]
        recreated.tombstones = []
        let (data, _) = try twoWay(deleted, recreated)
        #expect(data.applications[0].contacts.map(\.id) == ["dana-1"])
        #expect(data.tombstones.isEmpty)
    }

    @Test("unknown fields are kept from both sides, also on one record")
    func unknownFields() throws {
        var ours = base
        ours.extra["theme"] = .string("dark")
        ours.applications[0].extra["source"] = .string("referral")
        var theirs = base
        theirs.extra["sync"] = .object(["device": .string("laptop")])
        theirs.applications[0].extra["salary"] = .int(100)
        let (data, report) = try threeWay(ours, theirs)
        #expect(data.extra["theme"] == .string("dark") && data.extra["sync"] != nil)
        #expect(data.applications[0].extra["source"] == .string("referral") && data.applications[0].extra["salary"] == .int(100))
        #expect(report.conflicts.isEmpty)
        // Round trip through the file's form keeps them.
        let back = try DataFile(path: "/x").decode(DataFile.encode(data))
        #expect(back == data)
    }

    @Test("settings merge field by field; a clash keeps ours and says so")
    func settings() throws {
        var ours = base
        ours.settings.holidays = [Day("2026-12-24")!]
        var theirs = base
        theirs.settings.signature = "A."
        theirs.settings.overrides["maxStrikes"] = 4
        let (data, report) = try threeWay(ours, theirs)
        #expect(data.settings.holidays == [Day("2026-12-24")!])
        #expect(data.settings.signature == "A." && data.settings.overrides["maxStrikes"] == 4)
        #expect(report.conflicts.isEmpty)
        theirs.settings.name = "Alexandra"
        ours.settings.name = "Alex D."
        let (clash, clashReport) = try threeWay(ours, theirs)
        #expect(clash.settings.name == "Alex D.")
        #expect(clashReport.conflicts.map(\.field) == ["name"])
    }

    @Test("a legacy history inside the other copy is dropped, never kept as an unknown field")
    func legacyHistory() throws {
        var theirs = base
        theirs.history = [HistoryEntry(id: "change-1", at: t1, summary: "old", changes: [])]
        let (data, _) = try twoWay(base, theirs)
        #expect(data.history.isEmpty && data.extra["history"] == nil)
        #expect(!String(decoding: DataFile.encode(data), as: UTF8.self).contains("\"history\""))
    }

    @Test("snoozes and dismissals from either side are kept; the later snooze of a task wins")
    func snoozes() throws {
        var ours = base
        ours.snoozes = [Snooze(taskID: "t-1", until: Day("2026-11-25")!, updatedAt: t1)]
        var theirs = base
        theirs.snoozes = [Snooze(taskID: "t-1", until: Day("2026-11-28")!, updatedAt: t2)]
        theirs.dismissals = [Dismissal(taskID: "t-2", updatedAt: t2)]
        let (data, _) = try twoWay(ours, theirs)
        #expect(data.snoozes.map(\.until) == [Day("2026-11-28")!])
        #expect(data.dismissals.map(\.taskID) == ["t-2"])
    }

    @Test("merging the result again changes nothing")
    func idempotent() throws {
        let ours = edited(base, at: t1) { $0.role = "Senior Engineer" }
        var theirs = edited(base, at: t2) { $0.decisionBy = Day("2026-12-11") }
        theirs.applications.append(Application(id: "hooli-3", employer: "Hooli", role: "Dev", createdAt: t2))
        let (once, _) = try threeWay(ours, theirs)
        let (twice, report) = try Merge.merge(ours: once, theirs: theirs, histories: [])
        #expect(twice == once)
        #expect(report.isEmpty)
    }

    @Test("without a base, a record's common version is found in the undo history")
    func baseFromHistory() throws {
        let temp = TempFolder()
        let file = temp.file()
        let today = Day("2026-11-20")!
        try file.transaction(today: today, summary: "add", at: t0) { $0 = base }
        let theirs = edited(base, at: t2) { $0.decisionBy = Day("2026-12-11") }
        try file.transaction(today: today, summary: "edit", at: t1) { data in
            data.applications[0].role = "Senior Engineer"
            data.applications[0].updatedAt = t1
        }
        let result = try file.merge(theirs, otherHistory: [], summary: "merge", today: today, at: t3)
        let app = try #require(result.data.applications.first)
        #expect(app.role == "Senior Engineer" && app.decisionBy == Day("2026-12-11"))
        #expect(result.value.conflicts.isEmpty)
        // Again: nothing changes, nothing is recorded.
        let again = try file.merge(theirs, otherHistory: [], summary: "merge", today: today, at: t3)
        #expect(!again.wrote && again.recorded == nil)
        // Undo takes the merge back.
        _ = try file.undo(today: today)
        #expect(try file.load()?.applications.first?.decisionBy == nil)
    }

    @Test("conflict copies of sync tools are recognised by name, and nothing else")
    func conflictNames() {
        let yes = ["followup.sync-conflict-20261127-101112-ABCDEFG.json", "followup (conflicted copy 2026-11-27).json",
                   "followup (Ana's conflicted copy 2026-11-27).json", "followup (conflicted copy 2026-11-27 101112).json",
                   "followup_conflict-20261127-101112.json"]
        let no = ["followup.json", "followup.json.2026-11-27", "followup.json.merged-2026-11-27", "other.sync-conflict-1.json",
                  "followup.json.lock", "followup (copy).json"]
        for name in yes { #expect(DataFile.isConflictCopy(name, of: "followup.json"), "\(name)") }
        for name in no { #expect(!DataFile.isConflictCopy(name, of: "followup.json"), "\(name)") }
    }
}

@Suite("The merge's list of known fields")
struct MergeKnownFieldsTests {
    @Test("every field the codec writes is one the merge knows (a field added to a record must be added there)")
    func knownFieldsCoverTheCodec() {
        let t = instant("2026-11-20T09:00:00Z")
        var app = Application(id: "a", employer: "e", role: "r", decisionBy: Day("2026-12-01"), timeZone: "Europe/Berlin", createdAt: t)
        app.applied = Day("2026-11-01"); app.location = "Lyon"; app.link = "https://x"; app.decisionGivenAt = t
        let contact = Contact(id: "c", name: "n", title: "t", role: .recruiter, email: "e@x", phone: "1", address: "a", timeZone: "UTC", mayCall: true, createdAt: t)
        var interview = Interview(id: "i", at: t, kind: .video, minutes: 30, round: 2, with: ["c"], decisionBy: Day("2026-12-01"), travel: true, cancelled: true, createdAt: t)
        interview.decisionGivenAt = t
        let event = Event(id: "v", kind: .checkIn, at: t, contact: "c", channel: .call, decisionBy: Day("2026-12-01"), due: Day("2026-12-02"),
                          about: .references, text: "x", answers: "q", answered: true, createdAt: t)
        let cases: [(RecordKind, JSONValue)] = [
            (.application, History.appFields(app)), (.contact, DataCodec.encode(contact)), (.interview, DataCodec.encode(interview)),
            (.event, DataCodec.encode(event)), (.snooze, DataCodec.encode(Snooze(taskID: "t", until: Day("2026-12-01")!, updatedAt: t))),
            (.dismissal, DataCodec.encode(Dismissal(taskID: "t", updatedAt: t))), (.tombstone, DataCodec.encode(Tombstone(id: "x", deletedAt: t))),
        ]
        for (kind, record) in cases {
            let written = Set(record.objectValue?.keys.map { $0 } ?? [])
            #expect(written.subtracting(Merger.known(kind)).isEmpty, "\(kind): \(written.subtracting(Merger.known(kind)))")
        }
    }
}
