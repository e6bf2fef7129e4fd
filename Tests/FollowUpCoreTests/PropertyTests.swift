import FollowUpCore
import PropertyBased
import Testing

/// A small, fast generator, so that one seed always builds the same world.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random job search: a few applications (some at the same employer), contacts who may or may
/// not be called, interviews at any time (some cancelled, some still to come), events of every kind,
/// decision dates, snoozes and dismissals, and a `now` somewhere in the middle of it all.
struct World: Sendable, CustomStringConvertible {
    let seed: UInt64
    let preset: PresetName
    var data: FollowUpData
    /// The same data with applications, contacts, interviews and events in another order.
    var shuffled: FollowUpData
    var now: Instant

    static func generator(_ preset: PresetName) -> Generator<World, Shrink.None<World>> {
        Generator(run: { rng in World(seed: rng.next(), preset: preset) })
    }

    init(seed: UInt64, preset: PresetName) {
        self.seed = seed
        self.preset = preset
        var rng = SplitMix(state: seed)
        let start = day("2026-10-05")
        // Times fall on a half-hour grid so that ties between records happen.
        func moment(_ rng: inout SplitMix) -> Instant {
            let d = start.adding(days: Int.random(in: 0..<90, using: &rng))
            return newYork.instantLenient(d, hour: Int.random(in: 7...20, using: &rng), minute: Bool.random(using: &rng) ? 0 : 30)
        }
        func someDay(_ rng: inout SplitMix) -> Day { start.adding(days: Int.random(in: 0..<100, using: &rng)) }
        func chance(_ p: Double, _ rng: inout SplitMix) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

        var data = FollowUpData(settings: Settings(preset: preset, holidays: [day("2026-11-26"), day("2026-12-25")]))
        let employers = ["Acme", "Globex", "Initech"]
        let zones: [String?] = [nil, nil, "America/Los_Angeles", "Europe/London"]
        let roles: [ContactRole?] = [nil, .recruiter, .hiringManager, .interviewer, .assistant, .reference]
        var added = time("2026-01-05T09:00")
        func nextAdded(_ rng: inout SplitMix) -> Instant {
            added = added.adding(minutes: Int.random(in: 0...2, using: &rng))
            return added
        }

        for a in 0..<Int.random(in: 1...4, using: &rng) {
            let appID = "app\(a)"
            var app = Application(
                id: appID, employer: employers.randomElement(using: &rng)!, role: "Role \(a)",
                decisionBy: chance(0.3, &rng) ? someDay(&rng) : nil, timeZone: zones.randomElement(using: &rng)!,
                createdAt: nextAdded(&rng))
            for c in 0..<Int.random(in: 0...3, using: &rng) {
                app.contacts.append(Contact(
                    id: "\(appID)-c\(c)", name: "Person \(a)\(c)", role: roles.randomElement(using: &rng)!,
                    email: chance(0.8, &rng) ? "p\(a)\(c)@example.com" : nil,
                    phone: chance(0.6, &rng) ? "555-01\(a)\(c)" : nil,
                    address: chance(0.5, &rng) ? "\(c) Main St" : nil, timeZone: zones.randomElement(using: &rng)!,
                    mayCall: chance(0.5, &rng), createdAt: nextAdded(&rng)))
            }
            let people = app.contacts.map(\.id)
            for i in 0..<Int.random(in: 0...4, using: &rng) {
                let at = moment(&rng)
                app.interviews.append(Interview(
                    id: "\(appID)-iv\(i)", at: at, kind: [nil, .phone, .video, .onsite].randomElement(using: &rng)!,
                    minutes: chance(0.5, &rng) ? [30, 45, 90, 240].randomElement(using: &rng)! : nil,
                    round: chance(0.5, &rng) ? Int.random(in: 1...3, using: &rng) : nil,
                    with: people.filter { _ in chance(0.4, &rng) }, decisionBy: chance(0.4, &rng) ? someDay(&rng) : nil,
                    travel: chance(0.2, &rng), cancelled: chance(0.15, &rng),
                    createdAt: chance(0.5, &rng) ? at.adding(hours: -24 * Int.random(in: 1...10, using: &rng)) : nextAdded(&rng)))
            }
            let closing: [EventKind] = [.offer, .rejected, .withdrawn, .closed, .reopened]
            let common: [EventKind] = EventKind.allCases.filter { !closing.contains($0) }
                + Array(repeating: .checkIn, count: 8) + Array(repeating: .response, count: 2)
            for e in 0..<Int.random(in: 0...14, using: &rng) {
                let kind = chance(0.04, &rng) ? closing.randomElement(using: &rng)! : common.randomElement(using: &rng)!
                let channel = kind == .checkIn ? Channel.allCases.randomElement(using: &rng) : nil
                app.events.append(Event(
                    id: "\(appID)-ev\(e)", kind: kind, at: moment(&rng),
                    contact: chance(0.6, &rng) ? people.randomElement(using: &rng) : nil,
                    channel: channel,
                    decisionBy: chance(kind == .response ? 0.5 : 0.05, &rng) ? someDay(&rng) : nil,
                    due: kind == .request && chance(0.3, &rng) ? someDay(&rng) : nil,
                    about: kind == .request ? RequestTopic.allCases.randomElement(using: &rng) : nil,
                    // Some calls were answered: the attempt and a reply at once.
                    answered: channel == .call && chance(0.3, &rng)))
            }
            data.applications.append(app)
        }

        let now = newYork.localize(moment(&rng).adding(minutes: Int.random(in: 0..<30, using: &rng)))
        for task in Rules.schedule(data, zone: newYork, now: now).tasks {
            if chance(0.1, &rng) { data.dismissals.append(Dismissal(taskID: task.id, updatedAt: now)) }
            if chance(0.1, &rng) {
                data.snoozes.append(Snooze(taskID: task.id, until: newYork.day(of: now).adding(days: Int.random(in: 0...5, using: &rng)), updatedAt: now))
            }
        }

        var shuffled = data
        shuffled.applications.shuffle(using: &rng)
        for i in shuffled.applications.indices {
            shuffled.applications[i].contacts.shuffle(using: &rng)
            shuffled.applications[i].interviews.shuffle(using: &rng)
            shuffled.applications[i].events.shuffle(using: &rng)
        }
        shuffled.snoozes.shuffle(using: &rng)
        shuffled.dismissals.shuffle(using: &rng)

        self.data = data
        self.shuffled = shuffled
        self.now = now
    }

    var agenda: Agenda { Rules.schedule(data, zone: newYork, now: now) }

    var description: String {
        var lines = ["World(seed: \(seed), preset: .\(preset)) at \(now)"]
        for app in data.applications {
            lines.append("  \(app.id) \(app.employer) decisionBy=\(app.decisionBy.map(String.init(describing:)) ?? "-")")
            for c in app.contacts {
                lines.append("    contact \(c.id) \(c.role?.rawValue ?? "-") phone=\(c.phone ?? "-") mayCall=\(c.mayCall)")
            }
            for i in app.interviews {
                lines.append("    interview \(i.id) \(i.at) with=\(i.with) decisionBy=\(i.decisionBy.map(String.init(describing:)) ?? "-")\(i.cancelled ? " cancelled" : "")")
            }
            for e in app.events.sorted(by: { $0.at < $1.at }) {
                lines.append("    \(e.at) \(e.kind.rawValue) \(e.id)\(e.decisionBy.map { " decisionBy=\($0)" } ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The test's own reading of SPEC §2 for one application at `now`, kept apart from the engine's.
struct Reading {
    let app: Application
    let now: Instant

    var heldInterviews: [Interview] { app.interviews.filter { !$0.cancelled && $0.at <= now } }
    var pastEvents: [Event] { app.events.filter { $0.at <= now } }

    /// Closed when the latest offer, rejection, withdrawal, closing or reopening was not a reopening
    /// (at the same moment: by when logged, a reopening after a closing, then by id).
    var isClosed: Bool {
        let turns = pastEvents.filter { [.offer, .rejected, .withdrawn, .closed, .reopened].contains($0.kind) }
            .sorted {
                ($0.at.seconds, $0.createdAt.seconds, $0.kind == .reopened ? 1 : 0, $0.id)
                    < ($1.at.seconds, $1.createdAt.seconds, $1.kind == .reopened ? 1 : 0, $1.id)
            }
        guard let last = turns.last else { return false }
        return last.kind != .reopened
    }

    /// The latest sign of life: an interview held, a response, request, invitation, offer or
    /// rejection, or a call where you spoke with them.
    var resetAt: Instant? {
        // A reopening starts afresh as well.
        let life: Set<EventKind> = [.response, .request, .invited, .offer, .rejected, .reopened]
        return (heldInterviews.map(\.at) + pastEvents.filter { life.contains($0.kind) || ($0.kind == .checkIn && $0.answered) }.map(\.at)).max()
    }

    /// An interview still to come (not cancelled): they are talking to you.
    var booked: Bool { app.interviews.contains { !$0.cancelled && $0.at > now } }

    func checkIns(after moment: Instant?) -> [Event] {
        pastEvents.filter { e in e.kind == .checkIn && (moment.map { e.at > $0 } ?? true) }.sorted { $0.at < $1.at }
    }

    /// The stated decision date given last; among dates given at the same moment, the earliest.
    var stated: Day? {
        var given: [(at: Instant?, day: Day)] = []
        if let d = app.decisionBy { given.append((nil, d)) }
        for i in heldInterviews { if let d = i.decisionBy { given.append((i.at, d)) } }
        for e in pastEvents { if let d = e.decisionBy { given.append((e.at, d)) } }
        let timed = given.compactMap { g in g.at.map { ($0, g.day) } }
        if let last = timed.map(\.0).max() {
            return timed.filter { $0.0 == last }.map(\.1).min()
        }
        return given.first?.day
    }

    /// 001's depth: phone screens only 1, in person 2, several rounds or interviewers 3.
    var depth: Int {
        let held = heldInterviews
        if held.count >= 2 || held.contains(where: { ($0.round ?? 1) >= 2 || Set($0.with).count >= 2 }) { return 3 }
        if !held.isEmpty, held.allSatisfy({ $0.kind == .phone }) { return 1 }
        return 2
    }
}

@Suite("Properties over random event logs")
struct PropertyTests {
    static let spacing: [PresetName: Int] = [.standard: 7, .gentle: 10, .persistent: 7]

    @Test("never more unanswered check-ins counted per employer than the cap", arguments: PresetName.allCases)
    func strikeCap(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            let agenda = world.agenda
            let readings = world.data.applications.map { Reading(app: $0, now: world.now) }
            let open = readings.filter { !$0.isClosed }
            let byEmployer = Dictionary(grouping: open) { $0.app.employer }
            #expect(Set(agenda.employers.map(\.employer)) == Set(byEmployer.keys))
            for strikes in agenda.employers {
                let group = byEmployer[strikes.employer] ?? []
                #expect(Set(strikes.apps) == Set(group.map(\.app.id)))
                let reset = group.compactMap(\.resetAt).max()
                let booked = group.contains(where: \.booked)
                // One person, one day: attempts to the same person on the same day count once.
                var attempts = Set<String>()
                for reading in group where !booked {
                    for e in reading.checkIns(after: reset) {
                        let person = reading.app.contact(id: e.contact ?? "").map { c in
                            (c.email?.isEmpty == false) ? "email:" + c.email!.lowercased() : "name:" + c.name.lowercased()
                        } ?? "event:" + e.id
                        attempts.insert(person + "|" + newYork.day(of: e.at).description)
                    }
                }
                let unanswered = attempts.count
                let cap: Int? = switch preset {
                case .standard: 3
                case .gentle: group.map(\.depth).max()
                case .persistent: nil
                }
                #expect(strikes.max == cap)
                #expect(strikes.strikes == cap.map { min(unanswered, $0) } ?? unanswered)
                #expect(strikes.struckOut == cap.map { unanswered >= $0 } ?? false)
                if let cap { #expect((1...3).contains(cap)) }
                let checkIns = agenda.tasks.filter { $0.kind == .checkIn && strikes.apps.contains($0.app) }
                if strikes.struckOut {
                    #expect(checkIns.isEmpty)
                    #expect(group.allSatisfy { agenda.statuses[$0.app.id] == .struckOut })
                }
                for task in checkIns {
                    #expect(task.attempt == strikes.strikes + 1)
                    #expect(task.maxAttempts == cap)
                    if let cap, let attempt = task.attempt { #expect(attempt <= cap) }
                }
            }
        }
    }

    @Test("an answered call leaves no strike: the count is the same with it as without any attempt there", arguments: PresetName.allCases)
    func answeredCallsReset(_ preset: PresetName) async {
        await propertyCheck(count: 200, input: World.generator(preset)) { world in
            for app in world.data.applications {
                guard let call = app.events.filter({ $0.answered && $0.at <= world.now }).max(by: { $0.at < $1.at }) else { continue }
                let agenda = world.agenda
                guard let strikes = agenda.employers.first(where: { $0.apps.contains(app.id) }) else { continue }
                // Nothing at or before the answered call counts: every strike is an attempt after it.
                let employerApps = world.data.applications.filter { strikes.apps.contains($0.id) }
                let after = employerApps.flatMap(\.events).filter { $0.kind == .checkIn && $0.at > call.at && $0.at <= world.now }.count
                #expect(strikes.strikes <= after)
            }
        }
    }

    @Test("an employer's tasks are the same scheduled alone as in the whole file: no rule looks past an employer", arguments: PresetName.allCases)
    func employerScope(_ preset: PresetName) async {
        await propertyCheck(count: 200, input: World.generator(preset)) { world in
            for app in world.data.applications {
                let alone = Rules.schedule(world.data, employerOf: app.id, zone: newYork, now: world.now)
                #expect(alone.tasks.filter { $0.app == app.id } == world.agenda.tasks.filter { $0.app == app.id })
                #expect(alone.statuses[app.id] == world.agenda.statuses[app.id])
            }
        }
    }

    @Test("a call is only suggested to a contact who gave permission and a number", arguments: PresetName.allCases)
    func callsNeedPermission(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            for task in world.agenda.tasks where task.kind == .checkIn && task.channel == .call {
                let app = world.data.application(id: task.app)
                let contact = app?.contact(id: task.contact ?? "")
                #expect(contact?.mayCall == true)
                let phone = contact?.phone ?? ""
                #expect(!phone.isEmpty)
                #expect(task.dueAt != nil && task.callWindow != nil)
            }
        }
    }

    @Test("never two check-ins less than the spacing apart", arguments: PresetName.allCases)
    func spacing(_ preset: PresetName) async {
        let days = Self.spacing[preset]!
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            let calendar = BusinessCalendar(holidays: world.data.settings.holidays)
            for task in world.agenda.tasks where task.kind == .checkIn {
                #expect(calendar.isBusinessDay(task.due))
                let reading = Reading(app: world.data.application(id: task.app)!, now: world.now)
                guard let last = reading.checkIns(after: reading.resetAt).last else {
                    // The first: due through its target day + 2 business days.
                    #expect(task.windowEnd == calendar.adding(businessDays: 2, to: task.due))
                    continue
                }
                #expect(task.due >= newYork.day(of: last.at).adding(days: days))
                #expect(task.windowEnd.map { $0 >= task.due } == true)
            }
        }
    }

    @Test("a check-in is never before the business day after the stated date", arguments: [PresetName.standard, .gentle])
    func neverBeforeStatedDate(_ preset: PresetName) async {
        let after = preset == .gentle ? 3 : 1
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            let calendar = BusinessCalendar(holidays: world.data.settings.holidays)
            for task in world.agenda.tasks where task.kind == .checkIn {
                let reading = Reading(app: world.data.application(id: task.app)!, now: world.now)
                guard let stated = reading.stated else { continue }
                #expect(task.due >= calendar.onOrAfter(stated.adding(days: after)))
                #expect(calendar.isBusinessDay(task.due))
            }
        }
    }

    @Test("the same data always gives the same tasks and ids, in any order", arguments: PresetName.allCases)
    func deterministic(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            let first = world.agenda
            let again = world.agenda
            let reordered = Rules.schedule(world.shuffled, zone: newYork, now: world.now)
            #expect(first.tasks == again.tasks)
            #expect(first.tasks.map(\.id) == reordered.tasks.map(\.id))
            #expect(first.tasks == reordered.tasks)
            #expect(first.statuses == reordered.statuses)
            #expect(first.employers.map(\.strikes) == reordered.employers.map(\.strikes))
            #expect(Set(first.tasks.map(\.id)).count == first.tasks.count)
        }
    }

    @Test("task ids survive edits of unrelated data", arguments: PresetName.allCases)
    func stableIDs(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            var edited = world.data
            var other = Application(id: "other", employer: "Umbrella", role: "Analyst", createdAt: time("2026-01-01T09:00"))
            other.contacts.append(Contact(id: "other-c", name: "Olga", role: .hiringManager, createdAt: time("2026-01-01T09:00")))
            other.interviews.append(Interview(id: "other-iv", at: world.now.adding(hours: -30), with: ["other-c"], createdAt: time("2026-01-01T09:00")))
            other.events.append(Event(id: "other-ev", kind: .checkIn, at: world.now.adding(hours: -2), contact: "other-c"))
            edited.applications.insert(other, at: 0)
            if !edited.applications[1].contacts.isEmpty {
                edited.applications[1].contacts[0].title = "Renamed title"
            }
            let before = world.agenda
            let after = Rules.schedule(edited, zone: newYork, now: world.now)
            #expect(after.tasks.filter { $0.app != "other" } == before.tasks)
        }
    }

    @Test("as time passes with nothing new, a task only moves on: upcoming, due, overdue, missed", arguments: PresetName.allCases)
    func monotonicStatus(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset), Gen.int(in: 1...240)) { world, hours in
            let records = world.data.applications.flatMap { $0.interviews.map(\.at) + $0.events.map(\.at) }
            let nextRecord = records.filter { $0 > world.now }.min()
            var moment = world.now.adding(hours: hours)
            if let nextRecord, nextRecord <= moment { moment = nextRecord.adding(seconds: -1) }
            let later = Rules.schedule(world.data, zone: newYork, now: moment)
            for task in world.agenda.tasks {
                guard let same = later.task(id: task.id) else { continue }
                #expect(same.due == task.due)
                #expect(same.deadline == task.deadline)
                // A task only moves on: upcoming, due, overdue, then (a note) missed.
                let stage: [TaskStatus: Int] = [.upcoming: 0, .due: 1, .overdue: 2, .missed: 3]
                #expect(stage[same.status]! >= stage[task.status]!)
                // Missed only a note, and only well past its deadline: never counted as overdue.
                if same.status == .missed {
                    #expect(same.kind.canBeMissed)
                    #expect(moment > same.deadline.adding(hours: 24 * 7))
                }
            }
        }
    }

    @Test("no task for a closed application except closing-thank-you, chase-reimbursement, submit-expenses", arguments: PresetName.allCases)
    func closedApplications(_ preset: PresetName) async {
        let allowed: Set<TaskKind> = [.closingThankYou, .chaseReimbursement, .submitExpenses]
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            let agenda = world.agenda
            for app in world.data.applications {
                let reading = Reading(app: app, now: world.now)
                #expect(agenda.statuses[app.id]?.isClosed == reading.isClosed)
                guard reading.isClosed else { continue }
                let kinds = Set(agenda.tasks.filter { $0.app == app.id }.map(\.kind))
                #expect(kinds.isSubset(of: allowed))
            }
        }
    }

    @Test("cancelled interviews and interviews still to come get no thank-you", arguments: PresetName.allCases)
    func noThanksForCancelled(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            for task in world.agenda.tasks where [.thankYou, .takeStock, .prepare, .submitExpenses].contains(task.kind) {
                let interview = world.data.application(id: task.app)?.interviews.first { $0.id == task.anchor }
                #expect(interview?.cancelled == false)
                if task.kind == .prepare {
                    #expect(interview.map { $0.at > world.now } == true)
                } else {
                    #expect(interview.map { $0.at <= world.now } == true)
                }
            }
        }
    }

    @Test("the due count read from its span agrees with the rules at every moment tried in it", arguments: PresetName.allCases)
    func dueCountSpan(_ preset: PresetName) async {
        await propertyCheck(count: 150, input: World.generator(preset), Gen.int(in: 0...1_000_000)) { world, salt in
            let agenda = world.agenda
            let summary = Rules.dueCount(world.data, agenda, zone: newYork, now: world.now)
            #expect(summary.count(at: world.now) == agenda.visible.filter { $0.status.isOpen }.count)
            // The span's ends, each window's ends and the seconds beside them, and a few moments between.
            let low = max(summary.from, world.now.seconds - 86_400 * 200)
            let high = min(summary.through, world.now.seconds + 86_400 * 200)
            var moments: [Int64] = [low, high]
            for w in summary.windows {
                moments += [w.lowerBound - 1, w.lowerBound, w.upperBound, w.upperBound &+ 1]
            }
            for k in 0..<6 where high > low { moments.append(low + Int64((salt * (k + 1)) % Int(min(high - low, 1 << 40)))) }
            for t in Set(moments.filter { $0 >= low && $0 <= high }).sorted().prefix(40) {
                let moment = Instant(seconds: t)
                let rules = Rules.schedule(world.data, zone: newYork, now: moment).visible.filter { $0.status.isOpen }.count
                #expect(summary.count(at: moment) == rules, "at \(moment)")
            }
            // Just outside the span the summary says nothing.
            if summary.through < Int64.max { #expect(summary.count(at: Instant(seconds: summary.through + 1)) == nil) }
            if summary.from > Int64.min { #expect(summary.count(at: Instant(seconds: summary.from - 1)) == nil) }
        }
    }

    @Test("an application that owes nothing is closed and has no task, now or later while nothing is added", arguments: PresetName.allCases)
    func owesNothing(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            let later = Rules.schedule(world.data, zone: newYork, now: world.now.adding(hours: 24 * 40))
            let agenda = world.agenda
            for app in world.data.applications {
                guard Rules.owesNothing(Glimpse(of: app), at: world.now) else { continue }
                #expect(agenda.statuses[app.id]?.isClosed == true, "\(app.id)")
                #expect(!agenda.tasks.contains { $0.app == app.id }, "\(app.id)")
                #expect(!later.tasks.contains { $0.app == app.id }, "\(app.id) later")
                #expect(!agenda.employers.contains { $0.apps.contains(app.id) }, "\(app.id) counted for its employer")
            }
        }
    }

    @Test("an application owes nothing from the moment quietFrom gives, and never before", arguments: PresetName.allCases)
    func quietFrom(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            for app in world.data.applications {
                let glimpse = Glimpse(of: app)
                let from = Rules.quietFrom(glimpse)
                // Every time in the application, a second either side, and the world's now.
                var moments = [world.now.seconds]
                for t in app.events.map(\.at.seconds) + app.interviews.map(\.at.seconds) { moments += [t - 1, t, t + 1] }
                for t in moments {
                    let quiet = Rules.owesNothing(glimpse, at: Instant(seconds: t))
                    #expect(quiet == (from.map { t >= $0.seconds } ?? false), "\(app.id) at \(t)")
                }
                if let from { #expect(Rules.owesNothing(glimpse, at: from.adding(hours: 24 * 400)), "\(app.id) much later") }
            }
        }
    }

    @Test("the strikes worked out alone are the whole schedule's: each employer's count, cap, state and next try", arguments: PresetName.allCases)
    func strikesAlone(_ preset: PresetName) async {
        await propertyCheck(count: 300, input: World.generator(preset)) { world in
            for now in [world.now, world.now.adding(hours: 24 * 9), world.now.adding(hours: -24 * 5)] {
                let whole = Rules.schedule(world.data, zone: newYork, now: now)
                let alone = Rules.strikes(world.data, zone: newYork, now: now)
                #expect(alone.employers == whole.employers, "at \(now)")
                #expect(alone.statuses == whole.statuses, "at \(now)")
            }
        }
    }
}
