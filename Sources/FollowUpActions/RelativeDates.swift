import FollowUpCore

/// The dates people type into a form: `2026-12-04`, `today`, `tomorrow`, `fri`, `next mon`,
/// `last fri`, `+3d`, `+2w`, `-1d`, each optionally with a time (`14:00`, `T14:00`). Resolved
/// against `today`; a weekday alone means the next one after today.
public enum RelativeDate {
    static let weekdays: [(names: [String], iso: Int)] = [
        (["mon", "monday"], 1), (["tue", "tues", "tuesday"], 2), (["wed", "wednesday"], 3), (["thu", "thur", "thurs", "thursday"], 4),
        (["fri", "friday"], 5), (["sat", "saturday"], 6), (["sun", "sunday"], 7),
    ]

    /// The day and, when given, the time of day (hour, minute); nil when the text is neither.
    public static func parse(_ raw: String, today: Day) -> (day: Day, time: (hour: Int, minute: Int)?)? {
        var words = raw.lowercased().spacingDateAndTime().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        var time: (Int, Int)?
        if let last = words.last, let t = clock(last) {
            time = t
            words.removeLast()
        }
        guard !words.isEmpty, let day = day(words, today: today) else { return nil }
        return (day, time)
    }

    static func day(_ words: [String], today: Day) -> Day? {
        if words.count == 1 {
            let w = words[0]
            if let d = Day(w) { return d }
            switch w {
            case "today", "tod": return today
            case "tomorrow", "tom", "tmr": return today.adding(days: 1)
            case "yesterday": return today.adding(days: -1)
            default: break
            }
            if let offset = offset(w) { return today.adding(days: offset) }
            if let iso = weekday(w) { return next(iso, after: today) }
            return nil
        }
        if words.count == 2, let iso = weekday(words[1]) {
            switch words[0] {
            case "next", "this": return next(iso, after: today)
            case "last": return previous(iso, before: today)
            default: return nil
            }
        }
        if words.count == 3, words[0] == "in", let n = Int(words[1]), n >= 0, n <= 3660 {
            if words[2].hasPrefix("day") { return today.adding(days: n) }
            if words[2].hasPrefix("week") { return today.adding(days: 7 * n) }
        }
        return nil
    }

    /// `+3d`, `-1d`, `+2w`: days from today.
    static func offset(_ w: String) -> Int? {
        guard let sign = w.first, sign == "+" || sign == "-", let unit = w.last, unit == "d" || unit == "w" else { return nil }
        guard let n = Int(w.dropFirst().dropLast()), n >= 0, n <= 3660 else { return nil }
        return (sign == "-" ? -1 : 1) * n * (unit == "w" ? 7 : 1)
    }

    static func weekday(_ w: String) -> Int? { weekdays.first { $0.names.contains(w) }?.iso }

    static func next(_ iso: Int, after day: Day) -> Day {
        let ahead = (iso - day.isoWeekday + 7) % 7
        return day.adding(days: ahead == 0 ? 7 : ahead)
    }

    static func previous(_ iso: Int, before day: Day) -> Day {
        let back = (day.isoWeekday - iso + 7) % 7
        return day.adding(days: back == 0 ? -7 : -back)
    }

    /// `14:00`, `9:30`.
    static func clock(_ w: String) -> (Int, Int)? {
        let parts = w.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, (0...23).contains(h), (0...59).contains(m) else { return nil }
        return (h, m)
    }
}

extension String {
    /// `2026-12-04T14:00` as `2026-12-04 14:00`: a `t` between two digits becomes a space.
    func spacingDateAndTime() -> String {
        let chars = Array(self)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == "t", i > 0, i + 1 < chars.count, chars[i - 1].isNumber, chars[i + 1].isNumber {
                out += " "
            } else {
                out.append(c)
            }
        }
        return out
    }
}

extension Fields {
    /// A date as people type it, resolved against today.
    public static func relativeDay(_ key: FieldKey, today: Day) -> FieldSpec<Day> {
        FieldSpec(key) { text in
            guard let parsed = RelativeDate.parse(text.trimmed, today: today), parsed.time == nil else { return .failure(.notDate(text.trimmed)) }
            return .success(parsed.day)
        }
    }

    /// A date and time as people type it (`next mon 14:00`, `2026-12-04T14:00`), in `zone`.
    public static func relativeDateTime(_ key: FieldKey, zone: Zone, today: Day) -> FieldSpec<Instant> {
        FieldSpec(key) { text in
            let t = text.trimmed
            guard let parsed = RelativeDate.parse(t, today: today) else {
                return dateTime(key, zone: zone).parse(t)
            }
            guard let time = parsed.time else { return .failure(.needsTime(t)) }
            guard let instant = try? zone.instant(parsed.day, hour: time.hour, minute: time.minute) else {
                return .failure(.skippedTime(t, zone: zone.identifier))
            }
            return .success(instant)
        }
    }
}
