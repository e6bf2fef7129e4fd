/// What kind of thing there is to do. Each comes from a rule of SPEC §2 and an article.
public enum TaskKind: String, CaseIterable, Sendable, Comparable {
    case thankYou = "thank-you"
    case takeStock = "take-stock"
    case checkIn = "check-in"
    case respond
    case briefReferences = "brief-references"
    case prepare
    case submitExpenses = "submit-expenses"
    case chaseReimbursement = "chase-reimbursement"
    case closingThankYou = "closing-thank-you"
    case reverseCoverLetter = "reverse-cover-letter"

    public static func < (a: TaskKind, b: TaskKind) -> Bool { a.rawValue < b.rawValue }

    /// A thank-you note, after an interview or at the close: the dashboard's first list.
    public var isThanks: Bool { self == .thankYou || self == .closingThankYou }

    /// Kinds whose moment passes: a note sent weeks late does no good, so they become `missed`.
    public var canBeMissed: Bool { self == .thankYou || self == .takeStock || self == .closingThankYou }

    /// The event `followup done` logs for a task of this kind.
    public var satisfyingEvent: EventKind? {
        switch self {
        case .thankYou, .closingThankYou: return .thankYou
        case .takeStock: return .note
        case .checkIn: return .checkIn
        case .respond: return .requestDone
        case .briefReferences: return .referencesBriefed
        case .prepare: return nil
        case .submitExpenses: return .expensesSubmitted
        case .chaseReimbursement: return .expensesChased
        case .reverseCoverLetter: return .coverLetter
        }
    }
}

/// Where a task stands at `now`. `missed`: a note whose moment has passed (more than
/// `missedAfterDays` past its deadline): no longer counted as overdue, shown last, dismissable.
public enum TaskStatus: String, Sendable, Comparable {
    case overdue, due, upcoming, missed

    var rank: Int {
        switch self {
        case .overdue: return 0
        case .due: return 1
        case .upcoming: return 2
        case .missed: return 3
        }
    }

    /// Whether it calls for action now (overdue or due): what `agenda --count` counts.
    public var isOpen: Bool { self == .overdue || self == .due }

    public static func < (a: TaskStatus, b: TaskStatus) -> Bool { a.rank < b.rank }
}

/// One thing to do, derived from the data by a rule; never stored.
public struct FollowUpTask: Equatable, Sendable, Identifiable {
    /// `KIND:APP:ANCHOR[:CONTACT][:ATTEMPT]`: stable across runs and unrelated edits.
    public var id: String
    public var kind: TaskKind
    public var app: String
    public var employer: String
    /// The record the rule hangs on: an interview, event or application id.
    public var anchor: String
    public var contact: String?
    public var contactName: String?
    /// The day by which to do it (a check-in's target day).
    public var due: Day
    /// The exact time when one is known: a deadline, or a suggested call's start.
    public var dueAt: Instant?
    /// When the task becomes due.
    public var opensAt: Instant
    /// After this it is overdue.
    public var deadline: Instant
    public var status: TaskStatus
    public var channel: Channel?
    /// Which attempt a check-in is, and how many the policy allows (nil: no cap).
    public var attempt: Int?
    public var maxAttempts: Int?
    /// A suggested call's window, in the user's zone.
    public var callWindow: ClosedRange<Instant>?
    /// The last good day of a check-in's window (the 7–10 day spacing).
    public var windowEnd: Day?
    /// The rule in one sentence a person can read.
    public var reason: String
    /// Why this channel (check-ins).
    public var channelReason: String?
    /// A hint for doing it well: "this evening", the questions to ask.
    public var advice: String?
    /// Hidden until this day (snoozed), or nil.
    public var snoozedUntil: Day?
    public var dismissed: Bool

    public var isHidden: Bool { dismissed || snoozedUntil != nil }

    /// The task in a few words: "thank-you Dana Lee (Acme Corp)".
    public var summary: String {
        [kind.rawValue, contactName, "(\(employer))"].compactMap { $0 }.joined(separator: " ")
    }
}

/// The derived status of an application.
public enum ApplicationStatus: String, Sendable {
    case active
    case struckOut = "struck-out"
    case offer, rejected, withdrawn, closed

    /// Offer, rejected, withdrawn or closed: no more chasing.
    public var isClosed: Bool {
        switch self {
        case .active, .struckOut: return false
        case .offer, .rejected, .withdrawn, .closed: return true
        }
    }
}

/// The unanswered attempts an employer has had.
public struct EmployerStrikes: Equatable, Sendable {
    public var employer: String
    public var apps: [String]
    public var strikes: Int
    /// The cap (nil: no cap).
    public var max: Int?
    public var struckOut: Bool
    public var nextCheckIn: Day?
}

/// Everything the rules derive at one moment.
public struct Agenda: Equatable, Sendable {
    /// Every task, hidden ones included, in the order of SPEC §2.
    public var tasks: [FollowUpTask]
    /// Every employer with an active application, by name.
    public var employers: [EmployerStrikes]
    public var statuses: [String: ApplicationStatus]

    /// The tasks to show: not snoozed or dismissed.
    public var visible: [FollowUpTask] { tasks.filter { !$0.isHidden } }

    public func task(id: String) -> FollowUpTask? { tasks.first { $0.id == id } }
}
