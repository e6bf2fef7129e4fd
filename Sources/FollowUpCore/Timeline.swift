/// One line of an application's history or future.
public struct TimelineEntry: Equatable, Sendable {
    public var at: Instant
    /// `interview`, an event kind, or a task kind for what is still to do.
    public var kind: String
    public var past: Bool
    public var text: String
    /// `early`, `cancelled`, `no-decision-date`, `no-contact-details`, a task's status, `snoozed`.
    public var flags: [String]
    /// The interview, event or task id.
    public var ref: String
}

public struct Timeline: Equatable, Sendable {
    public var app: Application
    public var status: ApplicationStatus
    public var entries: [TimelineEntry]
}

extension Rules {
    /// An application's past (interviews, events, with flags such as `early`) and its projected
    /// tasks, in time order.
    public static func timeline(_ data: FollowUpData, app: Application, agenda: Agenda, zone: Zone, now: Instant) -> Timeline {
        let engine = Engine(data: data, zone: zone, now: now)
        return engine.timeline(app, agenda: agenda)
    }
}

extension Engine {
    func timeline(_ app: Application, agenda: Agenda) -> Timeline {
        var entries: [TimelineEntry] = []
        let names = Dictionary(app.contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let f = gatherFacts(app)

        for interview in app.interviews {
            var parts: [String] = []
            let kind = interview.kind.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() + " interview" } ?? "Interview"
            parts.append(kind + (interview.round.map { " (round \($0))" } ?? ""))
            let people = f.recipients(of: interview)
            if !interview.with.isEmpty { parts[0] += " with " + interview.with.map { names[$0] ?? $0 }.joined(separator: ", ") }
            parts.append("\(policy.minutes(of: interview)) min")
            if let d = interview.decisionBy { parts.append("they will decide by \(d.short)") }
            if interview.travel { parts.append("travel") }
            var flags: [String] = []
            if interview.cancelled { flags.append("cancelled") }
            if let d = interview.decisionBy, d < zone.day(of: interview.at) {
                flags.append("decision-date-passed")
                parts.append("the date they gave is before the interview: check it")
            }
            let past = interview.at <= now
            if !interview.cancelled {
                let givenBefore = app.decisionBy != nil
                    || app.interviews.contains { !$0.cancelled && $0.at <= interview.at && $0.decisionBy != nil }
                    || app.events.contains { $0.decisionBy != nil && $0.at <= ended(interview).adding(hours: 24) }
                if !givenBefore {
                    flags.append("no-decision-date")
                    parts.append("ask when they will decide")
                }
                if people.isEmpty || people.allSatisfy({ ($0.email ?? "").isEmpty && ($0.phone ?? "").isEmpty }) {
                    flags.append("no-contact-details")
                    parts.append("get the interviewers' contact details")
                }
            }
            entries.append(TimelineEntry(at: interview.at, kind: "interview", past: past, text: parts.joined(separator: " · "), flags: flags, ref: interview.id))
        }

        var previousAttempt: Instant?
        for event in f.events {
            var flags: [String] = []
            var early: String?
            if event.kind == .checkIn, let first = firstCheckInDay(f, asOf: event.at), zone.day(of: event.at) < first.day {
                flags.append("early")
                early = first.stated ? "before the date they gave" : "before \(first.days == 7 ? "a week" : "\(first.days) days") had passed since the interview"
            }
            if event.kind == .checkIn {
                // 001: "do not try for contact every 2-3 days": a week apart, in every preset.
                if let previous = previousAttempt, event.at < previous.adding(hours: 24 * 7) {
                    flags.append("too-soon")
                    early = (early.map { $0 + "; " } ?? "") + "less than a week after the last attempt"
                }
                previousAttempt = event.at
            }
            entries.append(TimelineEntry(
                at: event.at, kind: event.kind.rawValue, past: event.at <= now,
                text: describe(event, names: names, early: early), flags: flags, ref: event.id))
        }

        for task in agenda.tasks where task.app == app.id && !task.dismissed {
            var flags = [task.status.rawValue]
            if let until = task.snoozedUntil { flags.append("snoozed"); _ = until }
            let at = task.dueAt ?? task.opensAt
            var text = task.reason
            if let channel = task.channel, task.kind == .checkIn {
                text = "\(channel.rawValue.capitalized) \(task.contactName ?? "them") (#\(task.attempt ?? 1)\(task.maxAttempts.map { " of \($0)" } ?? "")): " + text
            }
            entries.append(TimelineEntry(at: at, kind: task.kind.rawValue, past: false, text: text, flags: flags, ref: task.id))
        }

        entries.sort { a, b in
            if a.at.seconds != b.at.seconds { return a.at.seconds < b.at.seconds }
            if a.past != b.past { return a.past }
            return a.ref < b.ref
        }
        let status = agenda.statuses[app.id] ?? f.closedAs ?? .active
        return Timeline(app: app, status: status, entries: entries)
    }

    /// The first check-in day that applied at a moment: the day after the date they gave (as
    /// given by then), else a week after the interview before it, moved to a business day; nil
    /// when neither is known or the preset ignores stated dates.
    func firstCheckInDay(_ f: AppFacts, asOf moment: Instant) -> (day: Day, stated: Bool, days: Int)? {
        let days = policy.firstCheckInDaysAfterInterview
        if policy.firstCheckInIgnoresStatedDate {
            // persistent: the fifth day after the interview, whatever date they gave.
            guard let interview = f.held.last(where: { $0.at <= moment }) else { return nil }
            return (calendar.onOrAfter(zone.day(of: interview.at).adding(days: days)), false, days)
        }
        var stated = f.app.decisionBy
        var latest = f.app.decisionGivenAt
        for i in f.held where i.at <= moment {
            let given = max(i.at, i.decisionGivenAt ?? i.at)
            if let d = i.decisionBy, given <= moment, (latest.map { given >= $0 }) ?? true { stated = d; latest = given }
        }
        for e in f.events where e.at < moment {
            if let d = e.decisionBy, (latest.map { e.at >= $0 }) ?? true { stated = d; latest = e.at }
        }
        if let stated { return (calendar.onOrAfter(stated.adding(days: policy.firstCheckInDaysAfterStated)), true, days) }
        guard let interview = f.held.last(where: { $0.at <= moment }) else { return nil }
        return (calendar.onOrAfter(zone.day(of: interview.at).adding(days: days)), false, days)
    }

    func describe(_ e: Event, names: [String: String], early: String?) -> String {
        let who = e.contact.map { names[$0] ?? $0 }
        var text: String
        switch e.kind {
        case .thankYou: text = "Thank-you sent" + (who.map { " to \($0)" } ?? "")
        case .checkIn:
            let how: String
            switch e.channel {
            case .call?: how = "Called"
            case .voicemail?: how = "Left a voicemail for"
            case .email?: how = "Emailed"
            case .letter?: how = "Wrote to"
            case nil: how = "Checked in with"
            }
            text = "\(how) \(who ?? "them")"
            if e.answered { text += " — you spoke: their reply, no strike" }
            if let early { text += " — " + early }
        case .response: text = "They replied" + (who.map { " (\($0))" } ?? "")
        case .request: text = "They asked for " + (e.about.map { $0 == .callback ? "a call back" : $0.rawValue } ?? "something")
        case .requestDone: text = "You answered their request"
        case .invited: text = "Invited to a next round"
        case .expensesSubmitted: text = "Expenses submitted"
        case .expensesChased: text = "Chased the reimbursement"
        case .reimbursed: text = "Reimbursed"
        case .referencesBriefed: text = "References briefed"
        case .coverLetter: text = "Reverse cover letter sent" + (who.map { " to \($0)" } ?? "")
        case .offer: text = "Offer!"
        case .rejected: text = "Rejected"
        case .withdrawn: text = "You withdrew"
        case .closed: text = "Closed"
        case .note: text = "Note"
        case .reopened: text = "Reopened"
        }
        if let d = e.decisionBy { text += " · they will decide by \(d.short)" }
        if let d = e.due { text += " · due \(d.short)" }
        if let t = e.text { text += ": " + t }
        return text
    }
}
