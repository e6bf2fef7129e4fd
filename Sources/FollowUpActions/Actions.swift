import FollowUpCore

/// Why a change could not be made: data, worded by the one place that words errors.
public enum ActionError: Error, Equatable, Sendable {
    case invalid(FieldKey, FieldProblem)
    case lookup(LookupError)
    /// No interview, event or contact has this id.
    case noRecord(RecordKind, String)
    /// The task is not open now (done, or never was).
    case noOpenTask(String)
    /// A check-in is done by a call, voicemail, email or letter: which?
    case channelRequired(String)
    /// The event would not satisfy the task: dated before what it answers.
    case tooEarly(taskID: String, day: Day, opened: Instant)
    case alreadyClosed(employer: String, status: ApplicationStatus, app: String)
    case notClosed(employer: String, status: ApplicationStatus)
    /// The application a task or change is about has gone meanwhile.
    case applicationGone(String)
    case unknownSetting(String)
    case settingOutOfRange(String, Int, ClosedRange<Int>)
}

/// What a change did: the record it made or touched, in words for the undo history.
public struct Applied: Equatable, Sendable {
    /// The id of the record the change added (an application, contact, interview, event), or
    /// of the record it is about.
    public var id: String?
    /// The change in a few words, as `undo --list` shows it: "log note at Acme Corp".
    public var summary: String
    /// Every record the change added, when it added several (an import).
    public var ids: [String] = []
}

/// Every id a file uses or has retired, kept beside data held in memory across many changes
/// (the dashboard's): new ids are minted against it instead of a look at every record (ten
/// thousand applications hold some 150,000), and each change applied with it adds the ids it
/// minted. It must be made from the data it is used with, and made again when that is replaced.
public struct TakenIDs: Equatable, Sendable {
    var ids: Set<String>

    public init(_ data: FollowUpData) { ids = data.allIDs }

    init() { ids = [] }

    public func contains(_ id: String) -> Bool { ids.contains(id) }

    mutating func insert(_ id: String) { ids.insert(id) }
}

public enum Actions {
    /// Applies one change to the data as it is at `now`: checks it, makes it, then stamps
    /// `updatedAt` on what changed and leaves tombstones for what was removed. On an error the
    /// data is as it was.
    public static func apply(_ change: Change, to data: inout FollowUpData, at now: Instant, zone: Zone) throws(ActionError) -> Applied {
        var taken: TakenIDs?
        return try apply(change, to: &data, at: now, zone: zone, taken: &taken)
    }

    /// The same, new ids minted against `taken` (every id of `data`), which gains them.
    public static func apply(_ change: Change, to data: inout FollowUpData, at now: Instant, zone: Zone, taken: inout TakenIDs) throws(ActionError) -> Applied {
        // The set is moved into the change's context and back, never copied: held once, it grows
        // where it lies (a copy of 150,000 ids would cost more than the change).
        var held: TakenIDs? = TakenIDs()
        swap(&taken, &held!)
        defer { taken = held.take() ?? TakenIDs(data) }
        return try apply(change, to: &data, at: now, zone: zone, taken: &held)
    }

    static func apply(_ change: Change, to data: inout FollowUpData, at now: Instant, zone: Zone, taken: inout TakenIDs?) throws(ActionError) -> Applied {
        if let within = employer(of: change, in: data),
           let applied = try apply(change, within: within, to: &data, at: now, zone: zone, taken: &taken) {
            return applied
        }
        var work = data
        var context = Context(now: now, zone: zone, taken: taken.take())
        defer { taken = context.taken }
        let applied = try context.apply(change, to: &work)
        work.stampChanges(since: data, at: now)
        data = work
        return applied
    }

    /// A change as the write path hands the data over (`DataFile.recording(…part:…)`): the
    /// whole file, or (with `mayHold`, which says whether an id may be taken outside it) only
    /// the applications `part(of:among:)` named and everything outside the applications. Nil,
    /// with the data untouched, when a change made on a part added or removed an application:
    /// it must be made on the whole file.
    public static func apply(_ change: Change, to data: inout FollowUpData, at now: Instant, zone: Zone, partOfFile mayHold: ((String) -> Bool)?) throws(ActionError) -> Applied? {
        guard let mayHold else { return try apply(change, to: &data, at: now, zone: zone) }
        var taken: TakenIDs?
        return try apply(change, within: Array(data.applications.indices), to: &data, at: now, zone: zone, taken: &taken, elsewhere: mayHold)
    }

    /// How a change names the one application whose employer's applications are all it can
    /// touch: a change to a task by the task's application id, one to an application by a
    /// query. Nil for any other change.
    enum Target {
        case id(String)
        case query(String)

        init?(_ change: Change) {
            switch change {
            case .done, .snooze, .dismiss, .bringBack:
                guard let id = change.taskApp else { return nil }
                self = .id(id)
            case let .log(query, _), let .reply(query, _, _), let .close(query, _), let .reopen(query),
                 let .addContact(query, _), let .addInterview(query, _):
                self = .query(query)
            default:
                return nil
            }
        }
    }

    /// The positions, among the headings of every application of a file, of the applications a
    /// change can touch when it can be made with them alone (as `employer(of:in:)` finds them
    /// among the applications); nil for any other change.
    public static func part(of change: Change, among headings: [ApplicationHeading]) -> [Int]? {
        let index: Int? = switch Target(change) {
        case let .id(id): headings.firstIndex { $0.id == id }
        case let .query(query): try? ApplicationHeading.find(query, among: headings)
        case nil: nil
        }
        guard let index else { return nil }
        return ApplicationHeading.positions(ofEmployerKey: headings[index].employerKey, among: headings)
    }

    /// The positions of the applications a change can touch, when they are one employer's: a
    /// change to a task (its id names the application), or to an application named by a query
    /// (found among all of them: within a part, the same one is found). Nil for any other change.
    static func employer(of change: Change, in data: FollowUpData) -> [Int]? {
        let index: Int? = switch Target(change) {
        case let .id(id): data.index(ofApplication: id)
        // One not found, or not found alone, is refused by the whole path, in its order of checks.
        case let .query(query): try? data.findApplicationIndex(query)
        case nil: nil
        }
        guard let index else { return nil }
        return data.indices(ofEmployerKey: data.applications[index].employerKey)
    }

    /// A change applied to the applications at `positions` only (no rule looks past an
    /// employer), then put back where they were: the other applications are neither copied nor
    /// compared, and data held once is changed where it lies. Nil, with the data untouched,
    /// when the change added or removed an application (it is then applied to the whole).
    static func apply(
        _ change: Change, within positions: [Int], to data: inout FollowUpData, at now: Instant, zone: Zone, taken: inout TakenIDs?,
        elsewhere outside: ((String) -> Bool)? = nil
    ) throws(ActionError) -> Applied? {
        var part = data
        part.applications = positions.map { data.applications[$0] }
        var work = part
        var context = Context(now: now, zone: zone, taken: taken.take())
        defer { taken = context.taken }
        let applied: Applied
        do {
            // New ids must be new in the whole file, not only in the part (nor outside the
            // data, when it is itself part of a file).
            let whole = data
            if context.taken == nil { context.elsewhere = { whole.usesID($0) || outside?($0) == true } }
            defer { context.elsewhere = nil }
            applied = try context.apply(change, to: &work)
        }
        guard work.applications.count == positions.count,
              zip(work.applications, part.applications).allSatisfy({ $0.id == $1.id })
        else { return nil }
        work.stampChanges(since: part, at: now)
        // The whole array taken out of `data` so that, held once, it is changed in place.
        var applications = data.applications
        data.applications = []
        for (k, i) in positions.enumerated() { applications[i] = work.applications[k] }
        work.applications = applications
        data = work
        return applied
    }
}

/// One change being applied: the clock and zone, and the ids minted so far.
struct Context {
    let now: Instant
    let zone: Zone
    var rng = SystemRandomNumberGenerator()
    /// Every id taken, when the caller keeps them (else each new id is looked for in the data).
    var taken: TakenIDs?
    /// Whether an id is taken outside the data a change is applied to (when that is a part).
    var elsewhere: ((String) -> Bool)?

    init(now: Instant, zone: Zone, taken: TakenIDs? = nil) {
        self.now = now
        self.zone = zone
        self.taken = taken
    }

    var today: Day { zone.day(of: now) }

    mutating func mint(_ name: String, fallback: String, in data: FollowUpData) -> String {
        guard var ids = taken.take() else {
            return Identifiers.mint(name, fallback: fallback, isTaken: { data.usesID($0) || elsewhere?($0) == true }, using: &rng)
        }
        let id = Identifiers.mint(name, fallback: fallback, isTaken: { ids.contains($0) }, using: &rng)
        ids.insert(id)
        taken = ids
        return id
    }

    func app(_ query: String, in data: FollowUpData) throws(ActionError) -> Int {
        do { return try data.findApplicationIndex(query) } catch { throw .lookup(error) }
    }

    func contact(_ query: String, of app: Application) throws(ActionError) -> Contact {
        do { return try app.findContact(query) } catch { throw .lookup(error) }
    }

    /// The contacts named, each once, in the order given.
    func people(_ queries: [String], of app: Application) throws(ActionError) -> [String] {
        var ids: [String] = []
        for query in queries {
            let id = try contact(query, of: app).id
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    func required(_ key: FieldKey, _ text: String) throws(ActionError) -> String {
        try Fields.required(key).value(text)
    }

    func zoneName(_ name: String?) throws(ActionError) -> String? {
        guard let name else { return nil }
        return try Fields.zone.value(name)
    }

    func email(_ text: String?) throws(ActionError) -> String? {
        guard let text else { return nil }
        return try Fields.email.value(text)
    }

    mutating func apply(_ change: Change, to data: inout FollowUpData) throws(ActionError) -> Applied {
        switch change {
        case let .addApplication(new):
            let employer = try required(.employer, new.employer)
            let role = try required(.role, new.role)
            let zone = try zoneName(new.timeZone)
            let id = mint(employer, fallback: "app", in: data)
            var added = Application(id: id, employer: employer, role: role, decisionBy: new.decisionBy, timeZone: zone, createdAt: now)
            added.applied = new.applied
            added.location = new.location?.nonBlank
            added.link = new.link?.nonBlank
            data.applications.append(added)
            return Applied(id: id, summary: "app add \(employer)")

        case let .editApplication(query, edit):
            let i = try app(query, in: data)
            var a = data.applications[i]
            if let employer = edit.employer { a.employer = try required(.employer, employer) }
            if let role = edit.role { a.role = try required(.role, role) }
            if let decisionBy = edit.decisionBy, decisionBy != a.decisionBy {
                a.decisionBy = decisionBy
                a.decisionGivenAt = now
            }
            if let tz = edit.timeZone { a.timeZone = try zoneName(tz) }
            if let applied = edit.applied { a.applied = applied }
            if let location = edit.location { a.location = location.nonBlank }
            if let link = edit.link { a.link = link.nonBlank }
            data.applications[i] = a
            return Applied(id: a.id, summary: "app edit \(a.employer)")

        case let .addContact(query, new):
            let i = try app(query, in: data)
            let name = try required(.name, new.name)
            let email = try email(new.email)
            let zone = try zoneName(new.timeZone)
            let id = mint(name, fallback: "contact", in: data)
            data.applications[i].contacts.append(Contact(
                id: id, name: name, title: new.title?.nonBlank, role: new.role, email: email, phone: new.phone?.nonBlank,
                address: new.address?.nonBlank, timeZone: zone, mayCall: new.mayCall, createdAt: now))
            return Applied(id: id, summary: "contact add \(name) at \(data.applications[i].employer)")

        case let .editContact(query, appQuery, edit):
            let (i, j) = try locateContact(query, app: appQuery, in: data)
            var c = data.applications[i].contacts[j]
            if let name = edit.name { c.name = try required(.name, name) }
            if let title = edit.title { c.title = title.nonBlank }
            if let role = edit.role { c.role = role }
            if let email = edit.email { c.email = try self.email(email) }
            if let phone = edit.phone { c.phone = phone.nonBlank }
            if let address = edit.address { c.address = address.nonBlank }
            if let tz = edit.timeZone { c.timeZone = try zoneName(tz) }
            if let mayCall = edit.mayCall { c.mayCall = mayCall }
            data.applications[i].contacts[j] = c
            return Applied(id: c.id, summary: "contact edit \(c.name)")

        case let .addInterview(query, new):
            try Fields.check(.minutes, new.minutes, 1...1440)
            try Fields.check(.round, new.round, 1...99)
            let i = try app(query, in: data)
            let people = try people(new.with, of: data.applications[i])
            let id = mint("iv", fallback: "iv", in: data)
            data.applications[i].interviews.append(Interview(
                id: id, at: new.at, kind: new.kind, minutes: new.minutes, round: new.round, with: people,
                decisionBy: new.decisionBy, travel: new.travel, createdAt: now))
            return Applied(id: id, summary: "interview add at \(data.applications[i].employer) on \(zone.day(of: new.at).short) \(zone.clock(new.at))")

        case let .editInterview(id, edit):
            try Fields.check(.minutes, edit.minutes, 1...1440)
            try Fields.check(.round, edit.round, 1...99)
            let (i, j) = try locate(.interview, id, in: data)
            var v = data.applications[i].interviews[j]
            if let at = edit.at { v.at = at }
            if let kind = edit.kind { v.kind = kind }
            if let minutes = edit.minutes { v.minutes = minutes }
            if let round = edit.round { v.round = round }
            if let with = edit.with, !with.isEmpty { v.with = try people(with, of: data.applications[i]) }
            if let decisionBy = edit.decisionBy, decisionBy != v.decisionBy {
                v.decisionBy = decisionBy
                v.decisionGivenAt = now
            }
            if let travel = edit.travel { v.travel = travel }
            if let cancelled = edit.cancelled { v.cancelled = cancelled }
            data.applications[i].interviews[j] = v
            return Applied(id: id, summary: "interview edit \(id)")

        case let .log(query, new):
            try Fields.checkAnswered(new.answered, kind: new.kind, channel: new.channel)
            let i = try app(query, in: data)
            let person = try new.contact.map { (c: String) throws(ActionError) in try contact(c, of: data.applications[i]).id }
            let id = mint(new.kind.rawValue, fallback: "event", in: data)
            data.applications[i].events.append(Event(
                id: id, kind: new.kind, at: new.at ?? now, contact: person, channel: new.channel, decisionBy: new.decisionBy,
                due: new.due, about: new.about, text: new.text?.nonBlank, answered: new.answered, createdAt: now))
            return Applied(id: id, summary: "log \(new.kind.rawValue) at \(data.applications[i].employer)")

        case let .editEvent(id, edit):
            let (i, j) = try locate(.event, id, in: data)
            var e = data.applications[i].events[j]
            if let kind = edit.kind { e.kind = kind }
            if let at = edit.at { e.at = at }
            if let contact = edit.contact {
                e.contact = try contact.map { (c: String) throws(ActionError) in try self.contact(c, of: data.applications[i]).id }
            }
            if let channel = edit.channel { e.channel = channel }
            if let decisionBy = edit.decisionBy { e.decisionBy = decisionBy }
            if let due = edit.due { e.due = due }
            if let about = edit.about { e.about = about }
            if let text = edit.text { e.text = text.nonBlank }
            data.applications[i].events[j] = e
            return Applied(id: id, summary: "event edit \(id)")

        case let .delete(record):
            return try delete(record, in: &data)

        case let .done(taskID, channel, at, text, answered):
            return try markDone(taskID, channel: channel, at: at, text: text, answered: answered, in: &data)

        case let .snooze(taskID, until):
            guard until > today else { throw .invalid(.until, .notAfter(today)) }
            let task = try openTask(taskID, in: data)
            data.snoozes.removeAll { $0.taskID == taskID }
            data.snoozes.append(Snooze(taskID: taskID, until: until, updatedAt: now))
            return Applied(id: nil, summary: "snooze \(task.summary) until \(until)")

        case let .dismiss(taskID):
            let task = try openTask(taskID, in: data)
            if !data.dismissals.contains(where: { $0.taskID == taskID }) {
                data.dismissals.append(Dismissal(taskID: taskID, updatedAt: now))
            }
            return Applied(id: nil, summary: "dismiss \(task.summary)")

        case let .bringBack(taskID):
            let snoozed = data.snoozes.contains { $0.taskID == taskID }
            let dismissed = data.dismissals.contains { $0.taskID == taskID }
            guard snoozed || dismissed else { throw .noRecord(.dismissal, taskID) }
            data.snoozes.removeAll { $0.taskID == taskID }
            data.dismissals.removeAll { $0.taskID == taskID }
            // Named as the agenda names it, when its application is still there.
            let app = Change.bringBack(taskID: taskID).taskApp.flatMap { data.application(id: $0)?.id }
            let what = app.flatMap { Rules.schedule(data, employerOf: $0, zone: zone, now: now).task(id: taskID)?.summary } ?? taskID
            return Applied(id: nil, summary: "bring back \(what)")

        case let .reply(query, contact, decisionBy):
            let i = try app(query, in: data)
            let person = try contact.map { (c: String) throws(ActionError) in try self.contact(c, of: data.applications[i]).id }
            let id = mint("response", fallback: "event", in: data)
            data.applications[i].events.append(Event(id: id, kind: .response, at: now, contact: person, decisionBy: decisionBy, createdAt: now))
            return Applied(id: id, summary: "reply from \(data.applications[i].employer)")

        case let .close(query, reason):
            let i = try app(query, in: data)
            let a = data.applications[i]
            let status = Rules.schedule(data, employerOf: a.id, zone: zone, now: now).statuses[a.id] ?? .active
            if status.isClosed { throw .alreadyClosed(employer: a.employer, status: status, app: a.id) }
            let id = mint("closed", fallback: "event", in: data)
            data.applications[i].events.append(Event(id: id, kind: .closed, at: now, text: reason?.nonBlank, createdAt: now))
            return Applied(id: id, summary: "close \(a.employer)")

        case let .reopen(query):
            let i = try app(query, in: data)
            let a = data.applications[i]
            let status = Rules.schedule(data, employerOf: a.id, zone: zone, now: now).statuses[a.id] ?? .active
            if !status.isClosed { throw .notClosed(employer: a.employer, status: status) }
            let id = mint("reopened", fallback: "event", in: data)
            data.applications[i].events.append(Event(id: id, kind: .reopened, at: now, createdAt: now))
            return Applied(id: id, summary: "reopen \(a.employer)")

        case let .settings(edit):
            return try settings(edit, in: &data)

        case let .importRows(rows):
            return try importRows(rows, into: &data)

        case let .all(changes):
            var last = Applied(id: nil, summary: "")
            var summaries: [String] = []
            for change in changes {
                last = try apply(change, to: &data)
                summaries.append(last.summary)
            }
            return Applied(id: last.id, summary: summaries.joined(separator: "; "))

        case let .replace(edited):
            data = edited
            // The ids of what the edit removed stay taken too (they become tombstones).
            taken?.ids.formUnion(edited.allIDs)
            return Applied(id: nil, summary: "edit")
        }
    }

    func delete(_ record: Change.Record, in data: inout FollowUpData) throws(ActionError) -> Applied {
        switch record {
        case let .application(query):
            let i = try app(query, in: data)
            let gone = data.applications.remove(at: i)
            return Applied(id: gone.id, summary: "app rm \(gone.employer)")
        case let .contact(query, appQuery):
            let (i, j) = try locateContact(query, app: appQuery, in: data)
            let id = data.applications[i].contacts.remove(at: j).id
            // Interviews and events that named them keep their other details.
            for k in data.applications[i].interviews.indices { data.applications[i].interviews[k].with.removeAll { $0 == id } }
            for k in data.applications[i].events.indices where data.applications[i].events[k].contact == id {
                data.applications[i].events[k].contact = nil
            }
            return Applied(id: id, summary: "contact rm \(id)")
        case let .interview(id):
            let (i, j) = try locate(.interview, id, in: data)
            data.applications[i].interviews.remove(at: j)
            return Applied(id: id, summary: "interview rm \(id)")
        case let .event(id):
            let (i, j) = try locate(.event, id, in: data)
            data.applications[i].events.remove(at: j)
            return Applied(id: id, summary: "event rm \(id)")
        }
    }

    /// Logs the event that satisfies a task; a task no event satisfies (preparing) is
    /// remembered as done instead.
    mutating func markDone(_ taskID: String, channel: Channel?, at when: Instant?, text: String?, answered: Bool, in data: inout FollowUpData) throws(ActionError) -> Applied {
        let task = try openTask(taskID, in: data)
        if task.kind == .checkIn, channel == nil { throw .channelRequired(taskID) }
        try Fields.checkAnswered(answered, kind: task.kind == .checkIn ? .checkIn : .note, channel: channel)
        guard let kind = task.kind.satisfyingEvent else {
            if !data.dismissals.contains(where: { $0.taskID == task.id }) {
                data.dismissals.append(Dismissal(taskID: task.id, updatedAt: now))
            }
            return Applied(id: nil, summary: "done \(task.summary)")
        }
        guard let index = data.index(ofApplication: task.app) else { throw .applicationGone(task.app) }
        let id = mint(kind.rawValue, fallback: "event", in: data)
        data.applications[index].events.append(Event(
            id: id, kind: kind, at: when ?? now, contact: task.contact, channel: channel ?? (task.kind == .checkIn ? nil : task.channel),
            text: text?.nonBlank ?? (task.kind == .takeStock ? "Took stock of the interview" : nil),
            answers: task.kind == .respond ? task.anchor : nil, answered: answered, createdAt: now))
        // The event must do what was asked: one dated before the task's reason would not.
        if let still = Rules.schedule(data, employerOf: task.app, zone: zone, now: now).task(id: taskID), !still.isHidden {
            throw .tooEarly(taskID: taskID, day: zone.localize(when ?? now).wallClock.day, opened: zone.localize(task.opensAt))
        }
        return Applied(id: id, summary: "done \(task.summary)")
    }

    func settings(_ edit: SettingsEdit, in data: inout FollowUpData) throws(ActionError) -> Applied {
        switch edit {
        case let .preset(preset):
            data.settings.preset = preset
            return Applied(id: nil, summary: "settings preset \(preset.rawValue)")
        case let .holidays(days):
            var unique: [Day] = []
            for day in days where !unique.contains(day) { unique.append(day) }
            data.settings.holidays = unique.sorted()
            return Applied(id: nil, summary: "settings holidays")
        case let .name(name):
            data.settings.name = name?.nonBlank
            return Applied(id: nil, summary: "settings name")
        case let .signature(text):
            data.settings.signature = text?.nonBlank
            return Applied(id: nil, summary: "settings signature")
        case let .number(key, value):
            guard let range = Policy.settingRanges[key] else { throw .unknownSetting(key) }
            if let value, !range.contains(value) { throw .settingOutOfRange(key, value, range) }
            data.settings.overrides[key] = value
            return Applied(id: nil, summary: "settings \(key) \(value.map(String.init) ?? "default")")
        }
    }

    /// The task, if open now; only its employer's applications are scheduled to find it (the
    /// task id names its application: `KIND:APP:…`).
    func openTask(_ taskID: String, in data: FollowUpData) throws(ActionError) -> FollowUpTask {
        let agenda = Change.app(ofTask: taskID).map { Rules.schedule(data, employerOf: $0, zone: zone, now: now) }
            ?? Rules.schedule(data, zone: zone, now: now)
        guard let task = agenda.task(id: taskID) else { throw .noOpenTask(taskID) }
        return task
    }

    /// Where a contact lives: by id anywhere, or by name within `app`.
    func locateContact(_ query: String, app appQuery: String?, in data: FollowUpData) throws(ActionError) -> (Int, Int) {
        if let appQuery {
            let i = try app(appQuery, in: data)
            let id = try contact(query, of: data.applications[i]).id
            guard let j = data.applications[i].contacts.firstIndex(where: { $0.id == id }) else { throw .noRecord(.contact, query) }
            return (i, j)
        }
        return try locate(.contact, query, in: data)
    }

    /// A contact, interview or event by id, in whichever application holds it.
    func locate(_ kind: RecordKind, _ id: String, in data: FollowUpData) throws(ActionError) -> (Int, Int) {
        for (i, a) in data.applications.enumerated() {
            let j: Int? = switch kind {
            case .contact: a.contacts.firstIndex { $0.id == id }
            case .interview: a.interviews.firstIndex { $0.id == id }
            case .event: a.events.firstIndex { $0.id == id }
            default: nil
            }
            if let j { return (i, j) }
        }
        throw .noRecord(kind, id)
    }
}
