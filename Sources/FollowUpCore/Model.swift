import JSON

/// Fields of a record this version does not know, kept so that a load and save never drops them.
public typealias ExtraFields = [String: JSONValue]

/// Everything in the data file: settings, applications with their people, interviews and events,
/// and the user's decisions that are not events (snoozes, dismissals).
public struct FollowUpData: Equatable, Sendable {
    /// The format version this build writes.
    public static let currentVersion = 1

    public var version: Int
    public var settings: Settings
    public var applications: [Application]
    public var snoozes: [Snooze]
    public var dismissals: [Dismissal]
    public var tombstones: [Tombstone]
    /// Undo history found inside the data file, where versions before the state folder kept it.
    /// Read so that the first write can move it to the state folder; never written back.
    public var history: [HistoryEntry]
    public var extra: ExtraFields

    /// How many changes undo can go back.
    public static let historyLimit = 100

    public init(
        version: Int = FollowUpData.currentVersion, settings: Settings = Settings(),
        applications: [Application] = [], snoozes: [Snooze] = [], dismissals: [Dismissal] = [],
        tombstones: [Tombstone] = [], history: [HistoryEntry] = [], extra: ExtraFields = [:]
    ) {
        self.version = version
        self.settings = settings
        self.applications = applications
        self.snoozes = snoozes
        self.dismissals = dismissals
        self.tombstones = tombstones
        self.history = history
        self.extra = extra
    }

    public func application(id: String) -> Application? { index(ofApplication: id).map { applications[$0] } }

    /// Looked at in place: `firstIndex(where:)` would copy each application it passes (retaining
    /// every string in it) to read its id.
    public func index(ofApplication id: String) -> Int? {
        applications.withUnsafeBufferPointer { apps in apps.indices.first { apps[$0].id == id } }
    }

    /// Every id in use or retired (tombstones), so a new one never collides.
    public var allIDs: Set<String> {
        // One set, its room made once; each record looked at in place (a loop over the values
        // would copy each, retaining every string in it, to read its id).
        applications.withUnsafeBufferPointer { apps in
            var count = tombstones.count
            for i in apps.indices { count += 1 + apps[i].contacts.count + apps[i].interviews.count + apps[i].events.count }
            var ids = Set<String>(minimumCapacity: count)
            for i in apps.indices {
                ids.insert(apps[i].id)
                apps[i].contacts.withUnsafeBufferPointer { r in for j in r.indices { ids.insert(r[j].id) } }
                apps[i].interviews.withUnsafeBufferPointer { r in for j in r.indices { ids.insert(r[j].id) } }
                apps[i].events.withUnsafeBufferPointer { r in for j in r.indices { ids.insert(r[j].id) } }
            }
            for t in tombstones { ids.insert(t.id) }
            return ids
        }
    }
}

/// The user's settings: the chosen preset, holidays, overrides of any preset number, and who they are.
public struct Settings: Equatable, Sendable {
    /// Numbers in the file outside the range `followup settings` allows, by key.
    public var numbersOutOfRange: [(key: String, value: Int, range: ClosedRange<Int>)] {
        overrides.keys.sorted().compactMap { key in
            guard let value = overrides[key], let range = Policy.settingRanges[key], !range.contains(value) else { return nil }
            return (key, value, range)
        }
    }

    public var preset: PresetName
    /// Days that are not business days, besides weekends.
    public var holidays: [Day]
    /// Numbers that override the preset's (`maxStrikes`, `spacingDays`, …).
    public var overrides: [String: Int]
    public var name: String?
    public var signature: String?
    public var extra: ExtraFields

    public init(
        preset: PresetName = .standard, holidays: [Day] = [], overrides: [String: Int] = [:],
        name: String? = nil, signature: String? = nil, extra: ExtraFields = [:]
    ) {
        self.preset = preset
        self.holidays = holidays
        self.overrides = overrides
        self.name = name
        self.signature = signature
        self.extra = extra
    }
}

public enum PresetName: String, CaseIterable, Sendable {
    case standard, gentle, persistent
}

/// One job application: an employer, a role, and everything that happened since.
public struct Application: Equatable, Sendable, Identifiable {
    public var id: String
    public var employer: String { didSet { employerKey = EmployerKeys.shared.key(employer) } }
    /// The employer as the rules group applications (case and surrounding spaces aside), kept
    /// beside the name: the changes of one employer and their schedule find its applications by
    /// comparing keys, ten thousand at a time. Derived, so not compared by `==`.
    public private(set) var employerKey: String
    public var role: String
    /// The date they said they would decide by, when given at application level.
    public var decisionBy: Day?
    /// The day the application was sent, when known.
    public var applied: Day?
    /// Where the job is, and the posting's address (from a spreadsheet, or typed in).
    public var location: String?
    public var link: String?
    /// When that date was changed after the application was added (it then counts from then).
    public var decisionGivenAt: Instant?
    /// The employer's time zone (IANA id), when it differs from the user's.
    public var timeZone: String?
    public var createdAt: Instant
    public var updatedAt: Instant
    public var contacts: [Contact]
    public var interviews: [Interview]
    public var events: [Event]
    public var extra: ExtraFields

    public init(
        id: String, employer: String, role: String, decisionBy: Day? = nil, timeZone: String? = nil,
        createdAt: Instant, updatedAt: Instant? = nil, contacts: [Contact] = [], interviews: [Interview] = [],
        events: [Event] = [], extra: ExtraFields = [:]
    ) {
        self.id = id
        self.employer = employer
        self.employerKey = EmployerKeys.shared.key(employer)
        self.role = role
        self.decisionBy = decisionBy
        self.decisionGivenAt = nil
        self.applied = nil
        self.location = nil
        self.link = nil
        self.timeZone = timeZone
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.contacts = contacts
        self.interviews = interviews
        self.events = events
        self.extra = extra
    }

    public func contact(id: String) -> Contact? { contacts.first { $0.id == id } }

    /// Field by field, the cheap ones first (the derived one copied the whole application for
    /// each comparison, and a change compares every application with its old self). Every stored
    /// field is compared: a test counts them.
    public static func == (a: Application, b: Application) -> Bool { same(a, b) }

    /// `==` on borrowed applications: no copy of either.
    public static func same(_ a: borrowing Application, _ b: borrowing Application) -> Bool {
        a.updatedAt == b.updatedAt && a.createdAt == b.createdAt && a.id == b.id && a.employer == b.employer
            && a.role == b.role && a.decisionBy == b.decisionBy && a.applied == b.applied && a.location == b.location
            && a.link == b.link && a.decisionGivenAt == b.decisionGivenAt && a.timeZone == b.timeZone
            && a.contacts == b.contacts && a.interviews == b.interviews && a.events == b.events && a.extra == b.extra
    }

    /// How many stored fields `==` compares (all but the employer's key, which is derived).
    static let comparedFields = 15
}

public enum ContactRole: String, CaseIterable, Sendable {
    case recruiter
    case hiringManager = "hiring-manager"
    case interviewer, assistant, reference
}

/// A person at the employer (or a reference).
public struct Contact: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var title: String?
    public var role: ContactRole?
    public var email: String?
    public var phone: String?
    /// A postal business address, for letters.
    public var address: String?
    public var timeZone: String?
    /// They said "call me if you have any questions".
    public var mayCall: Bool
    public var createdAt: Instant
    public var updatedAt: Instant
    public var extra: ExtraFields

    public init(
        id: String, name: String, title: String? = nil, role: ContactRole? = nil, email: String? = nil,
        phone: String? = nil, address: String? = nil, timeZone: String? = nil, mayCall: Bool = false,
        createdAt: Instant, updatedAt: Instant? = nil, extra: ExtraFields = [:]
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.role = role
        self.email = email
        self.phone = phone
        self.address = address
        self.timeZone = timeZone
        self.mayCall = mayCall
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.extra = extra
    }
}

public enum InterviewKind: String, CaseIterable, Sendable {
    case phone, video, onsite
}

/// An interview, past or scheduled.
public struct Interview: Equatable, Sendable, Identifiable {
    public var id: String
    public var at: Instant
    public var kind: InterviewKind?
    public var minutes: Int?
    public var round: Int?
    /// The contacts met (ids); empty means the application's main contact.
    public var with: [String]
    public var decisionBy: Day?
    /// When the decision date was changed after the interview (it then counts from then).
    public var decisionGivenAt: Instant?
    /// Travel the employer should pay for.
    public var travel: Bool
    public var cancelled: Bool
    public var createdAt: Instant
    public var updatedAt: Instant
    public var extra: ExtraFields

    public init(
        id: String, at: Instant, kind: InterviewKind? = nil, minutes: Int? = nil, round: Int? = nil,
        with: [String] = [], decisionBy: Day? = nil, travel: Bool = false, cancelled: Bool = false,
        createdAt: Instant, updatedAt: Instant? = nil, extra: ExtraFields = [:]
    ) {
        self.id = id
        self.at = at
        self.kind = kind
        self.minutes = minutes
        self.round = round
        self.with = with
        self.decisionBy = decisionBy
        self.decisionGivenAt = nil
        self.travel = travel
        self.cancelled = cancelled
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.extra = extra
    }

    /// When it ends: start plus its length, `defaultMinutes` when none was given. The rules'
    /// default is the policy's (`Policy.end(of:)`), so use that.
    public func end(defaultMinutes: Int) -> Instant { at.adding(minutes: minutes ?? defaultMinutes) }
}

/// What happened, as the user logs it.
public enum EventKind: String, CaseIterable, Sendable {
    case thankYou = "thank-you"
    case checkIn = "check-in"
    case response
    case request
    case requestDone = "request-done"
    case invited
    case expensesSubmitted = "expenses-submitted"
    case expensesChased = "expenses-chased"
    case reimbursed
    case referencesBriefed = "references-briefed"
    case coverLetter = "cover-letter"
    case offer, rejected, withdrawn, closed, note
    /// Takes back an offer, rejection, withdrawal or closing: the application is open again.
    case reopened
}

/// How a check-in (or a note) reached them.
public enum Channel: String, CaseIterable, Sendable {
    case call, voicemail, email, letter
}

/// What a request asked for.
public enum RequestTopic: String, CaseIterable, Sendable {
    case references, documents, availability, callback, other
}

/// One entry of an application's log.
public struct Event: Equatable, Sendable, Identifiable {
    /// A sign of life from the employer: a reply, a request, an invitation, an offer or a no,
    /// or a call where you spoke with them. It answers every attempt before it (no strike).
    public var isSignOfLife: Bool {
        switch kind {
        case .response, .request, .invited, .offer, .rejected: return true
        case .checkIn: return answered
        default: return false
        }
    }

    public var id: String
    public var kind: EventKind
    public var at: Instant
    public var contact: String?
    public var channel: Channel?
    public var decisionBy: Day?
    public var due: Day?
    public var about: RequestTopic?
    public var text: String?
    /// For a `request-done`: the request or invitation it answers (else the oldest open one).
    public var answers: String?
    /// For a `check-in` call: you spoke with them. The attempt and a response at once.
    public var answered: Bool
    public var createdAt: Instant
    public var updatedAt: Instant
    public var extra: ExtraFields

    public init(
        id: String, kind: EventKind, at: Instant, contact: String? = nil, channel: Channel? = nil,
        decisionBy: Day? = nil, due: Day? = nil, about: RequestTopic? = nil, text: String? = nil,
        answers: String? = nil, answered: Bool = false, createdAt: Instant? = nil, updatedAt: Instant? = nil, extra: ExtraFields = [:]
    ) {
        self.answered = answered
        self.id = id
        self.kind = kind
        self.at = at
        self.contact = contact
        self.channel = channel
        self.decisionBy = decisionBy
        self.due = due
        self.about = about
        self.text = text
        self.answers = answers
        self.createdAt = createdAt ?? at
        self.updatedAt = updatedAt ?? self.createdAt
        self.extra = extra
    }
}

/// A task hidden until a date.
public struct Snooze: Equatable, Sendable {
    public var taskID: String
    public var until: Day
    public var updatedAt: Instant
    public var extra: ExtraFields

    public init(taskID: String, until: Day, updatedAt: Instant, extra: ExtraFields = [:]) {
        self.taskID = taskID
        self.until = until
        self.updatedAt = updatedAt
        self.extra = extra
    }
}

/// A task the user chose not to do.
public struct Dismissal: Equatable, Sendable {
    public var taskID: String
    public var updatedAt: Instant
    public var extra: ExtraFields

    public init(taskID: String, updatedAt: Instant, extra: ExtraFields = [:]) {
        self.taskID = taskID
        self.updatedAt = updatedAt
        self.extra = extra
    }
}

/// What is left of a deleted record, so that merging two copies never brings it back.
public struct Tombstone: Equatable, Sendable {
    public var id: String
    public var deletedAt: Instant
    public var extra: ExtraFields

    public init(id: String, deletedAt: Instant, extra: ExtraFields = [:]) {
        self.id = id
        self.deletedAt = deletedAt
        self.extra = extra
    }
}

/// Which kind of record a change touched.
public enum RecordKind: String, CaseIterable, Sendable {
    case application, contact, interview, event, settings, snooze, dismissal, tombstone
    /// The file's own fields that followup does not know.
    case extra
}

/// One record as it was before a change and as the change left it: enough to put it back, and
/// to see whether anything changed it since.
public struct RecordChange: Equatable, Sendable {
    public var record: RecordKind
    /// The record's id (a snooze's or dismissal's task id; `settings` for the settings).
    public var id: String
    /// The application a contact, interview or event belongs to.
    public var app: String?
    /// The record before the change, in the file's form; nil when the change added it.
    public var before: JSONValue?
    /// The record as the change left it, in the file's form: `.null` when the change removed it,
    /// nil when not known (history written before undo compared records).
    public var after: JSONValue?

    public init(record: RecordKind, id: String, app: String? = nil, before: JSONValue?, after: JSONValue? = nil) {
        self.record = record
        self.id = id
        self.app = app
        self.before = before
        self.after = after
    }
}

/// A change made through the write path, kept so that it can be undone.
public struct HistoryEntry: Equatable, Sendable {
    public var id: String
    public var at: Instant
    /// What the change was, in words: "log check-in at Acme Corp".
    public var summary: String
    public var changes: [RecordChange]
    public var extra: ExtraFields

    public init(id: String, at: Instant, summary: String, changes: [RecordChange], extra: ExtraFields = [:]) {
        self.id = id
        self.at = at
        self.summary = summary
        self.changes = changes
        self.extra = extra
    }
}
