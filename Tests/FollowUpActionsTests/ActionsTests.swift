import Foundation
@testable import FollowUpActions
@testable import FollowUpCore
import FollowUpStore
import Testing

let zone = Zone(identifier: "America/New_York")!

func at(_ text: String) -> Instant { try! zone.instant(LocalDateTime(text)!) }

/// Acme with a hiring manager who may be called and an interview on Monday 16 November 2026,
/// built through the actions layer itself.
func acme() throws -> FollowUpData {
    var data = FollowUpData()
    let t = at("2026-11-16T08:00")
    _ = try Actions.apply(.addApplication(NewApplication(employer: "Acme Corp", role: "Staff Engineer")), to: &data, at: t, zone: zone)
    _ = try Actions.apply(.addContact(app: "acme", NewContact(name: "Dana Lee", role: .hiringManager, email: "dana@acme.example",
                                                               phone: "+1 555 0100", mayCall: true)), to: &data, at: t, zone: zone)
    _ = try Actions.apply(.addContact(app: "acme", NewContact(name: "Raj Patel", role: .interviewer)), to: &data, at: t, zone: zone)
    _ = try Actions.apply(.addInterview(app: "acme", NewInterview(at: at("2026-11-16T10:00"), with: ["Dana", "Raj"])), to: &data, at: t, zone: zone)
    return data
}

@Suite("The actions layer: every change, its inverse, stamps and tombstones")
struct ActionsTests {
    let later = at("2026-11-16T18:00")

    /// Each change, applied later in the day. Names resolve as on the command line.
    func changes(_ data: FollowUpData) -> [(String, Change)] {
        let app = data.applications[0]
        let interview = app.interviews[0].id
        let thankYou = Rules.schedule(data, zone: zone, now: later).tasks.first { $0.kind == .thankYou }!.id
        return [
            ("add an application", .addApplication(NewApplication(employer: "Globex", role: "PM", timeZone: "Europe/Berlin"))),
            ("edit an application", .editApplication(app: "Acme", ApplicationEdit(role: "Principal Engineer", decisionBy: .some(Day("2026-11-27"))))),
            ("add a contact", .addContact(app: "acme", NewContact(name: "Sam Ray", email: "sam@acme.example"))),
            ("edit a contact", .editContact(contact: "Raj", app: "acme", ContactEdit(title: "Engineer", mayCall: true))),
            ("add an interview", .addInterview(app: "acme", NewInterview(at: at("2026-11-23T14:00"), kind: .onsite, round: 2, with: ["Dana"]))),
            ("edit an interview", .editInterview(id: interview, InterviewEdit(minutes: 90, cancelled: true))),
            ("log an event", .log(app: "acme", NewEvent(kind: .note, text: "Went well"))),
            ("done", .done(taskID: thankYou, channel: nil)),
            ("snooze", .snooze(taskID: thankYou, until: Day("2026-11-18")!)),
            ("dismiss", .dismiss(taskID: thankYou)),
            ("a reply", .reply(app: "acme", contact: "Dana", decisionBy: Day("2026-12-01"))),
            ("close", .close(app: "acme", reason: "Took another offer")),
            ("settings", .settings(.number("maxStrikes", 2))),
            ("delete a contact", .delete(.contact("Raj", app: "acme"))),
            ("delete an interview", .delete(.interview(interview))),
            ("delete an application", .delete(.application("acme"))),
            ("an interview with a new person, in one change", .all([
                .addContact(app: "acme", NewContact(name: "Zoë Müller", role: .interviewer)),
                .addInterview(app: "acme", NewInterview(at: at("2026-11-30T10:00"), with: ["Zoë Müller"])),
            ])),
        ]
    }

    @Test("each change is undone exactly by reverting the records it touched")
    func inverses() throws {
        let base = try acme()
        for (name, change) in changes(base) {
            var data = base
            let applied = try Actions.apply(change, to: &data, at: later, zone: zone)
            #expect(data != base, "\(name) changed nothing")
            #expect(!applied.summary.isEmpty)
            let entry = HistoryEntry(id: "change-1", at: later, summary: applied.summary, changes: History.changes(from: base, to: data))
            var undone = data
            try History.revert(entry, in: &undone)
            #expect(undone == base, "undoing \(name) did not give back the data before it")
        }
    }

    @Test("updatedAt is stamped on what changed and only there; a removed record leaves a tombstone")
    func stamps() throws {
        let base = try acme()
        var data = base
        _ = try Actions.apply(.editContact(contact: "Raj", app: "acme", ContactEdit(title: "Engineer")), to: &data, at: later, zone: zone)
        let raj = data.applications[0].contacts.first { $0.name == "Raj Patel" }!
        let dana = data.applications[0].contacts.first { $0.name == "Dana Lee" }!
        #expect(raj.updatedAt == later)
        #expect(dana.updatedAt == at("2026-11-16T08:00"))
        #expect(data.applications[0].updatedAt == at("2026-11-16T08:00"), "the application's own fields did not change")

        _ = try Actions.apply(.delete(.contact("Raj", app: "acme")), to: &data, at: later, zone: zone)
        #expect(data.tombstones.map(\.id) == [raj.id])
        // The interview that named Raj no longer does, and says when that changed.
        #expect(data.applications[0].interviews[0].with == [dana.id])
        #expect(data.applications[0].interviews[0].updatedAt == later)

        var whole = base
        _ = try Actions.apply(.delete(.application("acme")), to: &whole, at: later, zone: zone)
        #expect(Set(whole.tombstones.map(\.id)) == base.recordIDs, "the application and everything in it are buried")
    }

    @Test("bad values are refused as data, and the data is left as it was", arguments: [
        (Change.addApplication(NewApplication(employer: "  ", role: "Dev")), ActionError.invalid(.employer, .empty)),
        (.addContact(app: "acme", NewContact(name: "Zoë", email: "not-an-address")), .invalid(.email, .notEmail("not-an-address"))),
        (.addContact(app: "acme", NewContact(name: "Zoë", timeZone: "Mars/Olympus")), .invalid(.tz, .unknownZone("Mars/Olympus"))),
        (.addInterview(app: "acme", NewInterview(at: at("2026-11-20T10:00"), minutes: 0)), .invalid(.minutes, .outOfRange(0, 1...1440))),
        (.addInterview(app: "acme", NewInterview(at: at("2026-11-20T10:00"), round: 100)), .invalid(.round, .outOfRange(100, 1...99))),
        (.snooze(taskID: "thank-you:x", until: Day("2026-11-16")!), .invalid(.until, .notAfter(Day("2026-11-16")!))),
        (.dismiss(taskID: "thank-you:nothing"), .noOpenTask("thank-you:nothing")),
        (.editInterview(id: "iv-0000", InterviewEdit(round: 2)), .noRecord(.interview, "iv-0000")),
        (.reopen(app: "acme"), .notClosed(employer: "Acme Corp", status: .active)),
        (.settings(.number("maxStrikes", 100_000)), .settingOutOfRange("maxStrikes", 100_000, 0...20)),
    ])
    func refusals(_ change: Change, _ expected: ActionError) throws {
        let base = try acme()
        var data = base
        #expect(throws: expected) { try Actions.apply(change, to: &data, at: later, zone: zone) }
        #expect(data == base)
    }

    @Test("a check-in is done only with its channel, and the event is dated as asked")
    func checkInNeedsChannel() throws {
        var data = try acme()
        let now = at("2026-11-24T09:00")
        let checkIn = try #require(Rules.schedule(data, zone: zone, now: now).tasks.first { $0.kind == .checkIn })
        #expect(throws: ActionError.channelRequired(checkIn.id)) {
            try Actions.apply(.done(taskID: checkIn.id, channel: nil), to: &data, at: now, zone: zone)
        }
        let applied = try Actions.apply(.done(taskID: checkIn.id, channel: .email), to: &data, at: now, zone: zone)
        let event = try #require(data.applications[0].events.first { $0.id == applied.id })
        #expect(event.kind == .checkIn && event.channel == .email && event.at == now && event.contact == checkIn.contact)
    }

    @Test("an unknown name lists the candidates, as data")
    func lookups() throws {
        var data = try acme()
        #expect(throws: ActionError.lookup(.notFound(what: "applications", query: "Hooli", candidates: [data.applications[0].id + " (Acme Corp — Staff Engineer)"]))) {
            try Actions.apply(.log(app: "Hooli", NewEvent(kind: .note)), to: &data, at: later, zone: zone)
        }
    }

    @Test("an interview lasts as long in the engine, the timeline and every export: the policy's length")
    func interviewLength() throws {
        var data = try acme()
        _ = try Actions.apply(.settings(.number("interviewMinutes", 90)), to: &data, at: later, zone: zone)
        let interview = data.applications[0].interviews[0]
        let policy = Policy(settings: data.settings)
        #expect(policy.end(of: interview) == at("2026-11-16T11:30"))
        let agenda = Rules.schedule(data, zone: zone, now: at("2026-11-16T11:15"))
        #expect(!agenda.tasks.contains { $0.kind == .thankYou && $0.status != .upcoming }, "the interview is still going on at 11:15")
        let thanks = try #require(Rules.schedule(data, zone: zone, now: later).tasks.first { $0.kind == .thankYou })
        #expect(thanks.opensAt == at("2026-11-16T11:30"))
        let timeline = Rules.timeline(data, app: data.applications[0], agenda: agenda, zone: zone, now: later)
        #expect(timeline.entries.contains { $0.kind == "interview" && $0.text.contains("90 min") })
    }
}

@Suite("Dates as people type them")
struct RelativeDateTests {
    let tuesday = Day("2026-11-24")!

    @Test("resolved against today", arguments: [
        ("2026-12-04", "2026-12-04"), ("today", "2026-11-24"), ("tomorrow", "2026-11-25"), ("fri", "2026-11-27"),
        ("Friday", "2026-11-27"), ("tue", "2026-12-01"), ("next mon", "2026-11-30"), ("last fri", "2026-11-20"),
        ("+3d", "2026-11-27"), ("+2w", "2026-12-08"), ("-1d", "2026-11-23"), ("in 3 days", "2026-11-27"),
    ])
    func days(_ text: String, _ expected: String) {
        #expect(RelativeDate.parse(text, today: tuesday)?.day == Day(expected))
    }

    @Test("with a time; nonsense is no date")
    func times() {
        let parsed = RelativeDate.parse("next mon 14:00", today: tuesday)
        #expect(parsed?.day == Day("2026-11-30") && parsed?.time?.hour == 14 && parsed?.time?.minute == 0)
        #expect(RelativeDate.parse("2026-12-04T09:30", today: tuesday)?.time?.minute == 30)
        for bad in ["someday", "2026-02-30", "fri 25:00", "+d", ""] { #expect(RelativeDate.parse(bad, today: tuesday) == nil, "\(bad)") }
    }
}

@Suite("Rescheduling one employer after a change")
struct RescheduleTests {
    @Test("after done, snooze or dismiss on any task, rescheduling its employer gives the whole schedule")
    func sameAsWhole() throws {
        let today = Day("2026-11-24")!
        let now = try zone.instant(today, hour: 9, minute: 0)
        let data = Demo.data(today: today, zone: zone)
        let agenda = Rules.schedule(data, zone: zone, now: now)
        for task in agenda.visible {
            let changes: [Change] = [.dismiss(taskID: task.id), .snooze(taskID: task.id, until: today.adding(days: 3)),
                                     .done(taskID: task.id, channel: task.kind == .checkIn ? .email : nil)]
            for change in changes {
                var changed = data
                guard (try? Actions.apply(change, to: &changed, at: now, zone: zone)) != nil else { continue }
                let whole = Rules.schedule(changed, zone: zone, now: now)
                let part = Rules.rescheduled(agenda, changed, employerOf: task.app, zone: zone, now: now)
                #expect(part.tasks == whole.tasks, "\(change)")
                #expect(part.employers == whole.employers, "\(change)")
                #expect(part.statuses == whole.statuses, "\(change)")
            }
        }
    }
}

@Suite("A change to one employer's applications, made on them alone")
struct ScopedChangeTests {
    /// The demo's file with a second application at one employer, so that an employer's part
    /// holds more than one.
    static func data(_ today: Day) -> FollowUpData {
        var data = Demo.data(today: today, zone: zone)
        var twin = data.applications[0]
        twin.id = "twin-app"
        twin.role = "Another role"
        twin.contacts = []
        twin.interviews = []
        twin.events = []
        data.applications.insert(twin, at: data.applications.count / 2)
        return data
    }

    /// The change made as it was before any part was taken: to the whole file, then stamped.
    static func whole(_ change: Change, _ data: FollowUpData, _ now: Instant) throws(ActionError) -> (FollowUpData, Applied) {
        var work = data
        var context = Context(now: now, zone: zone)
        let applied = try context.apply(change, to: &work)
        work.stampChanges(since: data, at: now)
        return (work, applied)
    }

    /// The data with a minted id named as another (both ways mint their own at random).
    static func renaming(_ data: FollowUpData, _ from: String?, to: String?) -> FollowUpData {
        guard let from, let to, from != to else { return data }
        var data = data
        for i in data.applications.indices {
            for j in data.applications[i].events.indices where data.applications[i].events[j].id == from { data.applications[i].events[j].id = to }
            for j in data.applications[i].contacts.indices where data.applications[i].contacts[j].id == from { data.applications[i].contacts[j].id = to }
            for j in data.applications[i].interviews.indices where data.applications[i].interviews[j].id == from { data.applications[i].interviews[j].id = to }
        }
        return data
    }

    static func changes(_ data: FollowUpData, _ agenda: Agenda, _ today: Day, _ now: Instant) -> [Change] {
        var changes: [Change] = []
        for task in agenda.tasks {
            changes += [.dismiss(taskID: task.id), .snooze(taskID: task.id, until: today.adding(days: 3)),
                        .done(taskID: task.id, channel: task.kind == .checkIn ? .call : nil, answered: task.kind == .checkIn),
                        // Dated before the task opened: refused after the event is added.
                        .done(taskID: task.id, channel: task.kind == .checkIn ? .email : nil, at: task.opensAt.adding(hours: -24 * 30)),
                        .bringBack(taskID: task.id)]
        }
        for app in data.applications {
            changes += [.log(app: app.id, NewEvent(kind: .note, text: "A note")), .reply(app: app.id, contact: nil, decisionBy: today.adding(days: 9)),
                        .close(app: app.id, reason: "Took another offer"), .reopen(app: app.id),
                        .addContact(app: app.id, NewContact(name: "Zoë Ålund", mayCall: true)),
                        .addInterview(app: app.id, NewInterview(at: now.adding(hours: 48), with: app.contacts.prefix(1).map(\.id))),
                        .log(app: app.employer, NewEvent(kind: .response))]
        }
        // Refused before anything is made: unknown, and bad input.
        changes += [.log(app: "nobody-here", NewEvent(kind: .note)), .addInterview(app: "nobody-here", NewInterview(at: now, minutes: 0)),
                    .done(taskID: "thank-you:nobody-here:x", channel: nil)]
        return changes
    }

    @Test("each task change and each change to an application leaves the file as the whole change does, or is refused the same way")
    func sameAsWhole() throws {
        let today = Day("2026-11-24")!
        let now = try zone.instant(today, hour: 9, minute: 0)
        var data = ScopedChangeTests.data(today)
        let closed = data.applications[1].id
        data = try ScopedChangeTests.whole(.close(app: closed, reason: nil), data, now).0
        let agenda = Rules.schedule(data, zone: zone, now: now)
        var compared = 0
        for change in ScopedChangeTests.changes(data, agenda, today, now) {
            var part = data
            let expected: Result<(FollowUpData, Applied), ActionError>
            do { expected = .success(try ScopedChangeTests.whole(change, data, now)) } catch { expected = .failure(error) }
            do {
                let applied = try Actions.apply(change, to: &part, at: now, zone: zone)
                guard case let .success((whole, wholeApplied)) = expected else {
                    Issue.record("\(change) was made; the whole change was refused: \(expected)")
                    continue
                }
                #expect(ScopedChangeTests.renaming(part, applied.id, to: wholeApplied.id) == whole, "\(change)")
                #expect(applied.summary == wholeApplied.summary, "\(change)")
                compared += 1
            } catch {
                #expect(expected.failureValue == error, "\(change)")
                #expect(part == data, "a refused change left the data as it was: \(change)")
            }
        }
        #expect(compared > 50)
    }

    @Test("a change to one employer neither copies nor compares the other applications: their storage is untouched")
    func othersUntouched() throws {
        let today = Day("2026-11-24")!
        let now = try zone.instant(today, hour: 9, minute: 0)
        var data = ScopedChangeTests.data(today)
        let task = try #require(Rules.schedule(data, zone: zone, now: now).visible.first { $0.kind == .thankYou })
        let before = data.applications
        _ = try Actions.apply(.done(taskID: task.id, channel: nil), to: &data, at: now, zone: zone)
        let changed = try #require(data.index(ofApplication: task.app))
        for i in data.applications.indices where i != changed {
            #expect(Application.identical(data.applications[i], before[i]), "\(data.applications[i].id)")
        }
        #expect(!Application.identical(data.applications[changed], before[changed]))
    }

    @Test("ids minted against the kept set are new in the whole file, and the set keeps them; a file replaced makes it again")
    func keptIDs() throws {
        let today = Day("2026-11-24")!
        let now = try zone.instant(today, hour: 9, minute: 0)
        var data = ScopedChangeTests.data(today)
        var taken = TakenIDs(data)
        let agenda = Rules.schedule(data, zone: zone, now: now)
        var minted: [String] = []
        for task in agenda.visible where task.kind == .thankYou || task.kind == .checkIn {
            let before = data.allIDs
            // One done may change the employer's other tasks: those are left.
            guard let applied = try? Actions.apply(.done(taskID: task.id, channel: task.kind == .checkIn ? .email : nil), to: &data, at: now, zone: zone, taken: &taken) else { continue }
            let id = try #require(applied.id)
            #expect(!before.contains(id))
            #expect(taken.contains(id))
            minted.append(id)
        }
        let added = try Actions.apply(.addApplication(NewApplication(employer: "Initech", role: "Dev")), to: &data, at: now, zone: zone, taken: &taken)
        #expect(taken.contains(try #require(added.id)))
        #expect(minted.count > 2 && Set(minted).count == minted.count)
        #expect(data.allIDs.isSubset(of: taken.ids))
        var edited = data
        edited.applications[0].events.append(Event(id: "typed-by-hand", kind: .note, at: now))
        let removed = try #require(edited.applications[1].events.popLast()?.id)
        _ = try Actions.apply(.replace(edited), to: &data, at: now, zone: zone, taken: &taken)
        #expect(taken.contains("typed-by-hand"))
        // What the edit removed is buried: its id stays taken.
        #expect(data.tombstones.contains { $0.id == removed })
        #expect(taken.contains(removed))
        #expect(data.allIDs.isSubset(of: taken.ids))
    }

    @Test("a snooze whose id spells its application's in another Unicode form counts in the employer's schedule as in the whole")
    func canonicallyEqualIDs() throws {
        let today = Day("2026-11-24")!
        let now = try zone.instant(today, hour: 9, minute: 0)
        var data = ScopedChangeTests.data(today)
        let app = try #require(Rules.schedule(data, zone: zone, now: now).visible.first { $0.kind == .thankYou }?.app)
        let i = try #require(data.index(ofApplication: app))
        data.applications[i].id = "caf\u{E9}-x1"
        let task = try #require(Rules.schedule(data, zone: zone, now: now).visible.first { $0.app == data.applications[i].id })
        let spelled = task.id.replacingOccurrences(of: "caf\u{E9}-x1", with: "cafe\u{301}-x1")
        #expect(Array(spelled.utf8) != Array(task.id.utf8) && spelled == task.id)
        data.snoozes.append(Snooze(taskID: spelled, until: today.adding(days: 3), updatedAt: now))
        let whole = Rules.schedule(data, zone: zone, now: now)
        let alone = Rules.schedule(data, employerOf: data.applications[i].id, zone: zone, now: now)
        #expect(whole.task(id: task.id)?.isHidden == true)
        #expect(alone.task(id: task.id)?.isHidden == true)
    }
}

extension Result {
    var failureValue: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}

@Suite("An employer's key, kept beside the name")
struct EmployerKeyTests {
    static let names = [
        "Acme Corp", "acme corp", "  ACME CORP\t", "Acme Corp ", "Acme Corp\u{3000}", "\u{00A0}Acme Corp", "Acme  Corp",
        "Acme", "Acm", "Acme Corp2", "Crème Brûlée SARL", "CRÈME BRÛLÉE SARL", "crème brûlée sarl", "Ça Roule",
        "ça roule", "日本商事 ホールディングス", "日本商事", "İstanbul Ltd", "i̇stanbul ltd", "Istanbul Ltd",
        "\u{212A}elvin", "kelvin", "ΣΊΣΥΦΟΣ", "σίσυφοσ", "Straße", "STRASSE", "", " ", "Zoë 🚀", "zoë 🚀", "e\u{301}cole", "École",
        "Acme\tCorp", "\tacme corp \t", "Acme Corp\u{0B}", "ACME CORP\r\n", "a", "A", " a ", "Acme Corp\u{301}", "\t", "x\u{0C}",
    ]

    @Test("an ASCII name's key, made from its bytes, is the key folding makes")
    func asciiAsFolded() {
        for name in EmployerKeyTests.names {
            let fromBytes = EmployerKeys.asciiKey(name)
            #expect((fromBytes == nil) == !name.utf8.allSatisfy { $0 < 0x80 }, "\(name.debugDescription)")
            if let fromBytes {
                #expect(Array(fromBytes.utf8) == Array(EmployerKeys.fold(name).utf8), "\(name.debugDescription)")
            }
        }
    }

    @Test("characters taken as composed already are their own NFC, alone and in any sequence of them")
    func composedAsNormalised() {
        let ranges: [ClosedRange<UInt32>] = [0...0x2FF, 0x386...0x386, 0x388...0x38A, 0x38C...0x38C, 0x38E...0x3A1, 0x3A3...0x3CE,
                                             0x400...0x482, 0x48A...0x4FF, 0x3000...0x3000, 0x3041...0x3096, 0x30A1...0x30FA,
                                             0x4E00...0x9FFF, 0xAC00...0xD7A3]
        var scalars: [Unicode.Scalar] = []
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                #expect(EmployerKeys.isComposed(s), "U+\(String(v, radix: 16))")
                scalars.append(s)
                let text = String(s)
                #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == [s], "U+\(String(v, radix: 16))")
            }
        }
        for outside: Unicode.Scalar in ["\u{301}", "\u{1161}", "\u{3099}", "\u{387}", "\u{37E}", "\u{483}", "\u{1F71}"] {
            #expect(!EmployerKeys.isComposed(outside), "U+\(String(outside.value, radix: 16))")
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...6, using: &rng) { text.append(scalars.randomElement(using: &rng)!) }
            let name = String(text)
            #expect(Array(name.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(name.unicodeScalars), "\(name.debugDescription)")
        }
    }

    @Test("two names share a key exactly when their folded forms are equal, and an edit of the name makes the key again")
    func keptWithTheName() {
        for name in EmployerKeyTests.names {
            var app = Application(id: "a", employer: "Placeholder", role: "r", createdAt: Instant(seconds: 0))
            app.employer = name
            #expect(Array(app.employerKey.utf8) == Array(EmployerKeys.fold(name).utf8), "\(name.debugDescription)")
            for other in EmployerKeyTests.names {
                let key = Application(id: "b", employer: other, role: "r", createdAt: Instant(seconds: 0)).employerKey
                #expect(app.hasEmployerKey(key) == (EmployerKeys.fold(name) == EmployerKeys.fold(other)), "\(name) vs \(other)")
            }
        }
    }
}

@Suite("Reading a spreadsheet's cells")
struct SpreadsheetCellTests {
    @Test("statuses as people word them, phrases before the words in them", arguments: [
        ("Rejected", ImportedStatus.rejected), ("No offer", .rejected), ("Waiting for offer", .active), ("Offer declined", .withdrawn),
        ("Company not interested", .rejected), ("Not interested", .withdrawn), ("Offer", .offer), ("Offer accepted", .offer),
        ("Interviewing", .active), ("Phone screen", .active), ("Withdrawn", .withdrawn), ("Closed", .closed), ("No response", .closed),
        ("Applied", .active), ("Not selected", .rejected),
    ])
    func statuses(_ text: String, _ status: ImportedStatus) {
        #expect(Spreadsheet.status(text) == status, "\(text)")
    }

    @Test("a status followup cannot place is reported, not guessed")
    func unknownStatus() {
        #expect(Spreadsheet.status("Purple") == nil)
    }

    @Test("cells: quotes after a space, the export's formula apostrophe, line breaks in one-line fields")
    func cells() {
        #expect(Spreadsheet.cleaned(" \"QA\"", multiline: false) == "QA")
        #expect(Spreadsheet.cleaned("'-1+1 Dev", multiline: false) == "-1+1 Dev")
        #expect(Spreadsheet.cleaned("'Neill", multiline: false) == "'Neill")
        #expect(Spreadsheet.cleaned("Multi\r\nLine\tCo", multiline: false) == "Multi Line Co")
        #expect(Spreadsheet.cleaned("line1\r\nline2", multiline: true) == "line1\nline2")
        #expect(Spreadsheet.cleaned("   ", multiline: false) == nil)
    }
}
