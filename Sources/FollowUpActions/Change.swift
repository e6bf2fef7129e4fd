import FollowUpCore

/// Every change a person can make, as a value. The command line, the dashboard (and the coming
/// forms and CSV import) build one and hand it to `Actions.apply`; nothing else changes the data.
public enum Change: Equatable, Sendable {
    case addApplication(NewApplication)
    case editApplication(app: String, ApplicationEdit)
    case addContact(app: String, NewContact)
    /// A contact by id anywhere, or by name within `app`.
    case editContact(contact: String, app: String?, ContactEdit)
    case addInterview(app: String, NewInterview)
    case editInterview(id: String, InterviewEdit)
    case log(app: String, NewEvent)
    case editEvent(id: String, EventEdit)
    case delete(Record)
    /// Logs the event that satisfies a task (a check-in needs its channel; `answered`: a call
    /// where you spoke with them, the attempt and their reply at once).
    case done(taskID: String, channel: Channel?, at: Instant? = nil, text: String? = nil, answered: Bool = false)
    case snooze(taskID: String, until: Day)
    case dismiss(taskID: String)
    /// Takes back a snooze or a dismissal: the task is on the agenda again.
    case bringBack(taskID: String)
    /// A reply came from the employer: strikes back to 0, perhaps with a new decision date.
    case reply(app: String, contact: String?, decisionBy: Day? = nil)
    case close(app: String, reason: String?)
    case reopen(app: String)
    /// Settings: the preset, holidays, name, signature or one of the rules' numbers.
    case settings(SettingsEdit)
    /// Applications from a spreadsheet, those not in the data yet (by employer and role), as one change.
    case importRows([ImportedApplication])
    /// Several changes as one (one save, one undo): an interview with a person added on the way.
    case all([Change])
    /// The whole data, as edited by hand (`followup edit`): what changed is stamped and what
    /// was removed is buried, as for any other change.
    case replace(FollowUpData)

    /// The application a task's change is about (`KIND:APP:…`): done, snooze, dismiss, bring back.
    public var taskApp: String? {
        switch self {
        case let .done(taskID, _, _, _, _), let .snooze(taskID, _), let .dismiss(taskID), let .bringBack(taskID):
            return Change.app(ofTask: taskID)
        default:
            return nil
        }
    }

    /// The application a task id names (`KIND:APP:…`); nil for an id without one.
    static func app(ofTask taskID: String) -> String? {
        let parts = taskID.split(separator: ":")
        return parts.count > 1 ? String(parts[1]) : nil
    }

    /// A record to delete: an application (with everything in it), a contact (by id, or name
    /// within `app`), an interview or an event.
    public enum Record: Equatable, Sendable {
        case application(String)
        case contact(String, app: String?)
        case interview(String)
        case event(String)
    }
}

public struct NewApplication: Equatable, Sendable {
    public var employer: String
    public var role: String
    public var decisionBy: Day?
    public var timeZone: String?
    /// The day the application was sent.
    public var applied: Day?
    public var location: String?
    public var link: String?

    public init(employer: String, role: String, decisionBy: Day? = nil, timeZone: String? = nil, applied: Day? = nil,
                location: String? = nil, link: String? = nil) {
        self.employer = employer
        self.role = role
        self.decisionBy = decisionBy
        self.timeZone = timeZone
        self.applied = applied
        self.location = location
        self.link = link
    }
}

/// Fields to change; nil leaves one as it is, `.some(nil)` clears it.
public struct ApplicationEdit: Equatable, Sendable {
    public var employer: String?
    public var role: String?
    public var decisionBy: Day??
    public var timeZone: String??
    public var applied: Day??
    /// An empty text clears it.
    public var location: String?
    public var link: String?

    public init(employer: String? = nil, role: String? = nil, decisionBy: Day?? = nil, timeZone: String?? = nil, applied: Day?? = nil,
                location: String? = nil, link: String? = nil) {
        self.employer = employer
        self.role = role
        self.decisionBy = decisionBy
        self.timeZone = timeZone
        self.applied = applied
        self.location = location
        self.link = link
    }
}

public struct NewContact: Equatable, Sendable {
    public var name: String
    public var title: String?
    public var role: ContactRole?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var timeZone: String?
    public var mayCall: Bool

    public init(name: String, title: String? = nil, role: ContactRole? = nil, email: String? = nil, phone: String? = nil,
                address: String? = nil, timeZone: String? = nil, mayCall: Bool = false) {
        self.name = name
        self.title = title
        self.role = role
        self.email = email
        self.phone = phone
        self.address = address
        self.timeZone = timeZone
        self.mayCall = mayCall
    }
}

/// Fields to change; nil leaves one as it is, an empty text or `.some(nil)` clears it.
public struct ContactEdit: Equatable, Sendable {
    public var name: String?
    public var title: String?
    public var role: ContactRole?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var timeZone: String??
    public var mayCall: Bool?

    public init(name: String? = nil, title: String? = nil, role: ContactRole? = nil, email: String? = nil, phone: String? = nil,
                address: String? = nil, timeZone: String?? = nil, mayCall: Bool? = nil) {
        self.name = name
        self.title = title
        self.role = role
        self.email = email
        self.phone = phone
        self.address = address
        self.timeZone = timeZone
        self.mayCall = mayCall
    }
}

public struct NewInterview: Equatable, Sendable {
    public var at: Instant
    public var kind: InterviewKind?
    public var minutes: Int?
    public var round: Int?
    /// Who interviewed: contact ids or names within the application.
    public var with: [String]
    public var decisionBy: Day?
    public var travel: Bool

    public init(at: Instant, kind: InterviewKind? = nil, minutes: Int? = nil, round: Int? = nil, with: [String] = [],
                decisionBy: Day? = nil, travel: Bool = false) {
        self.at = at
        self.kind = kind
        self.minutes = minutes
        self.round = round
        self.with = with
        self.decisionBy = decisionBy
        self.travel = travel
    }
}

public struct InterviewEdit: Equatable, Sendable {
    public var at: Instant?
    public var kind: InterviewKind?
    public var minutes: Int?
    public var round: Int?
    /// Replaces the list when given.
    public var with: [String]?
    public var decisionBy: Day??
    public var travel: Bool?
    public var cancelled: Bool?

    public init(at: Instant? = nil, kind: InterviewKind? = nil, minutes: Int? = nil, round: Int? = nil, with: [String]? = nil,
                decisionBy: Day?? = nil, travel: Bool? = nil, cancelled: Bool? = nil) {
        self.at = at
        self.kind = kind
        self.minutes = minutes
        self.round = round
        self.with = with
        self.decisionBy = decisionBy
        self.travel = travel
        self.cancelled = cancelled
    }
}

public struct NewEvent: Equatable, Sendable {
    public var kind: EventKind
    /// When it happened; nil: now.
    public var at: Instant?
    /// Who it was with: a contact id or a name within the application.
    public var contact: String?
    public var channel: Channel?
    public var decisionBy: Day?
    public var due: Day?
    public var about: RequestTopic?
    public var text: String?
    /// A check-in call where you spoke with them: the attempt and their reply at once.
    public var answered: Bool

    public init(kind: EventKind, at: Instant? = nil, contact: String? = nil, channel: Channel? = nil, decisionBy: Day? = nil,
                due: Day? = nil, about: RequestTopic? = nil, text: String? = nil, answered: Bool = false) {
        self.answered = answered
        self.kind = kind
        self.at = at
        self.contact = contact
        self.channel = channel
        self.decisionBy = decisionBy
        self.due = due
        self.about = about
        self.text = text
    }
}

public struct EventEdit: Equatable, Sendable {
    public var kind: EventKind?
    public var at: Instant?
    /// A contact id or name; `.some(nil)` clears it.
    public var contact: String??
    public var channel: Channel?
    public var decisionBy: Day??
    public var due: Day??
    public var about: RequestTopic?
    /// An empty text clears it.
    public var text: String?

    public init(kind: EventKind? = nil, at: Instant? = nil, contact: String?? = nil, channel: Channel? = nil,
                decisionBy: Day?? = nil, due: Day?? = nil, about: RequestTopic? = nil, text: String? = nil) {
        self.kind = kind
        self.at = at
        self.contact = contact
        self.channel = channel
        self.decisionBy = decisionBy
        self.due = due
        self.about = about
        self.text = text
    }
}

public enum SettingsEdit: Equatable, Sendable {
    case preset(PresetName)
    case holidays([Day])
    case name(String?)
    case signature(String?)
    /// One of the rules' numbers; nil goes back to the preset's.
    case number(String, Int?)
}
