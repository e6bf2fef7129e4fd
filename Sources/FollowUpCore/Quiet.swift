/// What the rules look at to tell that an application owes nothing: its events' kinds and times
/// and its interviews' times and travel — all a reader needs to pick out of a record to decide
/// whether the rest of it must be read.
public struct Glimpse: Sendable {
    public var events: [(kind: EventKind, at: Instant)] = []
    public var interviews: [(at: Instant, travel: Bool)] = []

    public init() {}

    /// The glimpse of an application read in full.
    public init(of app: Application) {
        events = app.events.map { ($0.kind, $0.at) }
        interviews = app.interviews.map { ($0.at, $0.travel) }
    }
}

extension Rules {
    /// Whether an application is closed at `now` and owes nothing, so that no rule gives it a
    /// task or counts it for its employer, at `now` or later while nothing is added to it: a
    /// closing event and no reopening, nothing dated after `now`, a thank-you after every
    /// rejection (`closingThankYous`), expenses submitted after every interview travelled to
    /// (`submitExpenses`) and every claim reimbursed (`chaseReimbursements`) — the only tasks a
    /// closed application can have (SPEC §2). Errs towards false: a cancelled interview
    /// travelled to still asks for its expenses here.
    public static func owesNothing(_ g: Glimpse, at now: Instant) -> Bool {
        var closed = false
        var rejections: [Instant] = [], thanks: [Instant] = [], submitted: [Instant] = [], reimbursed: [Instant] = []
        for e in g.events {
            guard e.at <= now else { return false }
            switch e.kind {
            case .offer, .withdrawn, .closed: closed = true
            case .rejected: closed = true; rejections.append(e.at)
            case .reopened: return false
            case .thankYou: thanks.append(e.at)
            case .expensesSubmitted: submitted.append(e.at)
            case .reimbursed: reimbursed.append(e.at)
            default: break
            }
        }
        guard closed, g.interviews.allSatisfy({ $0.at <= now }),
              rejections.allSatisfy({ r in thanks.contains { $0 >= r } }),
              g.interviews.allSatisfy({ i in !i.travel || submitted.contains { $0 >= i.at } }) else { return false }
        // Every claim reimbursed, in the order the rules take them (a reimbursement settles the
        // oldest claim open); at the same second a reimbursement is taken first, which can only
        // leave more open, so "none open" holds in whatever order they sort.
        var claims = 0
        let settled = reimbursed.map { ($0.seconds, 0) } + submitted.map { ($0.seconds, 1) }
        for (_, kind) in settled.sorted(by: <) { claims = kind == 1 ? claims + 1 : max(0, claims - 1) }
        return claims == 0
    }

    /// From when an application owes nothing (`owesNothing` at every moment from then on, at
    /// none before), while nothing is added to it; nil: never. Whether it owes something is a
    /// matter of what it holds once everything in it has happened, so the moment is the last
    /// time in it — a reader that knows it can leave the application out without a look.
    public static func quietFrom(_ g: Glimpse) -> Instant? {
        let last = (g.events.map(\.at) + g.interviews.map(\.at)).max()
        guard let last, owesNothing(g, at: last) else { return nil }
        return last
    }
}
