/// How many tasks call for action — overdue or due, not snoozed or dismissed — at every moment of
/// a span in which nothing in the data has a time of its own: no event, no interview's start or
/// end, no snooze's end falls inside it. The rules look at the clock only through those times and
/// through each task's own (when it opens, when its deadline passes, when a note is missed), so
/// within the span they make the same tasks, and the count at any of its moments is read from the
/// tasks' times without scheduling again: what `agenda --count` in a shell prompt needs.
public struct DueCount: Equatable, Sendable {
    /// The span: every moment from `from` through `through` (seconds since 1970).
    public var from: Int64
    public var through: Int64
    /// The tasks shown that call for action through the whole span.
    public var always: Int
    /// For each other task shown that calls for action at some moment of the span, the moments
    /// it does: from its opening through, for a note whose moment can pass, the last second
    /// before it is missed (else with no end).
    public var windows: [ClosedRange<Int64>]

    public init(from: Int64, through: Int64, always: Int, windows: [ClosedRange<Int64>]) {
        self.from = from
        self.through = through
        self.always = always
        self.windows = windows
    }

    /// The count at `now`; nil outside the span (the rules must then be asked again).
    public func count(at now: Instant) -> Int? {
        let t = now.seconds
        guard from <= t, t <= through else { return nil }
        var n = always
        for w in windows where w.contains(t) { n += 1 }
        return n
    }
}

extension Rules {
    /// The due count of `agenda` (the schedule of `data` at `now`) for the span around `now`.
    public static func dueCount(_ data: FollowUpData, _ agenda: Agenda, zone: Zone, now: Instant) -> DueCount {
        let policy = Policy(settings: data.settings)
        // Every rule compares the clock with these as `time <= now`, `time > now` or
        // `now < time`: each flips between the second before a time and the time itself.
        var before = Int64.min
        var after = Int64.max
        func mark(_ time: Instant) {
            let t = time.seconds
            if t <= now.seconds { before = max(before, t) } else { after = min(after, t) }
        }
        for app in data.applications {
            for e in app.events { mark(e.at) }
            for i in app.interviews {
                mark(i.at)
                mark(policy.end(of: i))
            }
        }
        for s in data.snoozes { mark(zone.startOfDay(s.until)) }

        let from = before
        let through = after == Int64.max ? after : after - 1
        let missed = Int64(24 * policy.missedAfterDays) * 3600
        var always = 0
        var windows: [ClosedRange<Int64>] = []
        for task in agenda.tasks where !task.isHidden {
            // As `Engine.make` judges it: upcoming before it opens, missed (a note) once more
            // than the grace has passed since its deadline.
            let opens = task.opensAt.seconds
            let last = task.kind.canBeMissed ? task.deadline.seconds + missed : Int64.max
            if opens <= from, last >= through {
                always += 1
            } else if opens <= last, opens <= through, last >= from {
                windows.append(opens...last)
            }
        }
        return DueCount(from: from, through: through, always: always, windows: windows)
    }
}
