import FollowUpCore

/// The user's zone in every scenario that is not about zones.
let newYork = Zone(identifier: "America/New_York")!

/// A calendar date as the file writes it: `day("2026-11-23")`.
func day(_ text: String) -> Day { Day(text)! }

/// A local wall-clock time, as typed on the command line: `time("2026-11-16T10:00")`.
func time(_ text: String, in zone: Zone = newYork) -> Instant {
    try! zone.instant(LocalDateTime(text)!)
}

/// Builds a data file a few lines at a time, so that each scenario reads like what happened.
/// Records get readable ids and are "added" one second apart, in the order the scenario adds
/// them, so "the contact added first" is the first one written.
struct Log {
    var data: FollowUpData
    var zone: Zone
    private var added = time("2026-01-02T09:00")
    private var counter = 0

    init(
        _ preset: PresetName = .standard, holidays: [String] = [], overrides: [String: Int] = [:],
        zone: Zone = newYork
    ) {
        data = FollowUpData(settings: Settings(preset: preset, holidays: holidays.map(day), overrides: overrides))
        self.zone = zone
    }

    private mutating func nextAdded() -> Instant {
        added = added.adding(seconds: 1)
        return added
    }

    private mutating func nextID(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)-\(counter)"
    }

    private mutating func edit(_ app: String, _ change: (inout Application) -> Void) {
        let index = data.index(ofApplication: app)!
        change(&data.applications[index])
    }

    /// An application; the employer defaults to the id with a capital letter.
    mutating func app(_ id: String, employer: String? = nil, decisionBy: String? = nil, tz: String? = nil) {
        let name = employer ?? (id.prefix(1).uppercased() + id.dropFirst())
        data.applications.append(Application(
            id: id, employer: name, role: "Engineer", decisionBy: decisionBy.map(day), timeZone: tz,
            createdAt: nextAdded()))
    }

    mutating func contact(
        _ id: String, in app: String = "acme", role: ContactRole? = nil, phone: String? = nil, mayCall: Bool = false,
        address: String? = nil, tz: String? = nil
    ) {
        let name = id.prefix(1).uppercased() + id.dropFirst()
        let contact = Contact(
            id: id, name: name, role: role, email: "\(id)@example.com", phone: phone, address: address,
            timeZone: tz, mayCall: mayCall, createdAt: nextAdded())
        edit(app) { $0.contacts.append(contact) }
    }

    mutating func interview(
        _ id: String, in app: String = "acme", at: String, minutes: Int? = nil, kind: InterviewKind? = nil,
        round: Int? = nil, with: [String] = [], decisionBy: String? = nil, travel: Bool = false,
        cancelled: Bool = false, added: String? = nil
    ) {
        let interview = Interview(
            id: id, at: time(at, in: zone), kind: kind, minutes: minutes, round: round, with: with,
            decisionBy: decisionBy.map(day), travel: travel, cancelled: cancelled,
            createdAt: added.map { time($0, in: zone) } ?? nextAdded())
        edit(app) { $0.interviews.append(interview) }
    }

    /// Logs an event and returns its id (`KIND-N` unless given).
    @discardableResult
    mutating func log(
        _ kind: EventKind, in app: String = "acme", at: String, contact: String? = nil, channel: Channel? = nil,
        decisionBy: String? = nil, due: String? = nil, about: RequestTopic? = nil, id: String? = nil, answered: Bool = false
    ) -> String {
        let eventID = id ?? nextID(kind.rawValue)
        let event = Event(
            id: eventID, kind: kind, at: time(at, in: zone), contact: contact, channel: channel,
            decisionBy: decisionBy.map(day), due: due.map(day), about: about, answered: answered)
        edit(app) { $0.events.append(event) }
        return eventID
    }

    mutating func snooze(_ taskID: String, until: String) {
        data.snoozes.append(Snooze(taskID: taskID, until: day(until), updatedAt: nextAdded()))
    }

    /// Dismissed now: after everything logged so far, as a person would.
    mutating func dismiss(_ taskID: String) {
        let latest = data.applications.flatMap { $0.events.map(\.at) + $0.interviews.map(\.at) }.max() ?? nextAdded()
        data.dismissals.append(Dismissal(taskID: taskID, updatedAt: max(latest, nextAdded())))
    }

    func agenda(at now: String) -> Agenda {
        Rules.schedule(data, zone: zone, now: time(now, in: zone))
    }

    /// Every task of a kind at `now`, hidden ones included, in agenda order.
    func tasks(_ kind: TaskKind, at now: String) -> [FollowUpTask] {
        agenda(at: now).tasks.filter { $0.kind == kind }
    }

    /// The one check-in of an application at `now`, if any.
    func checkIn(at now: String, app: String = "acme") -> FollowUpTask? {
        let found = tasks(.checkIn, at: now).filter { $0.app == app }
        precondition(found.count <= 1, "one check-in per application")
        return found.first
    }

    func timeline(at now: String, app: String = "acme") -> Timeline {
        let instant = time(now, in: zone)
        let agenda = Rules.schedule(data, zone: zone, now: instant)
        return Rules.timeline(data, app: data.application(id: app)!, agenda: agenda, zone: zone, now: instant)
    }
}

extension Instant {
    /// The wall clock in a zone, as `2026-11-24T13:00`.
    func local(_ zone: Zone = newYork) -> String {
        let w = zone.localize(self).wallClock
        return "\(w.day)T" + (w.hour < 10 ? "0" : "") + "\(w.hour):" + (w.minute < 10 ? "0" : "") + "\(w.minute)"
    }
}
