import FollowUpCore

/// A field a person fills in (on the command line, in a form, in a spreadsheet column), by the
/// key that names it everywhere: `--employer`, the form's "Employer", a CSV's "Company".
public enum FieldKey: String, CaseIterable, Sendable {
    case employer, role, name, title, email, phone, address, tz, minutes, round, at, until
    case decisionBy = "decision-by"
    case due, text, reason, channel, now, answered, kind, with, contact, about, travel
    case mayCall = "may-call"
    case applied, location, link

    /// How a form labels it.
    public var label: String {
        switch self {
        case .decisionBy: return "Decision by"
        case .tz: return "Time zone"
        case .at: return "When"
        case .mayCall: return "May call"
        default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

/// What is wrong with a value: data, worded by the one place that words errors.
public enum FieldProblem: Error, Equatable, Sendable {
    case empty
    case notEmail(String)
    case outOfRange(Int, ClosedRange<Int>)
    case notWholeNumber(String)
    case notDate(String)
    case notDateTime(String)
    /// A date where a date and time is needed (`2026-11-24` for `--at`).
    case needsTime(String)
    /// A local time the clocks skip (the spring-forward gap).
    case skippedTime(String, zone: String)
    case unknownZone(String)
    case notAfter(Day)
    case required
    /// `answered` is for a check-in call where you spoke with them.
    case onlyForCalls
}

/// A field's rule, once: parse typed text into a value or a problem. The command line's options,
/// the dashboard's forms and CSV import all go through these, and `Actions.apply` checks the
/// values it is given with the same rules.
public struct FieldSpec<Value: Sendable>: Sendable {
    public let key: FieldKey
    public let parse: @Sendable (String) -> Result<Value, FieldProblem>

    public init(_ key: FieldKey, parse: @escaping @Sendable (String) -> Result<Value, FieldProblem>) {
        self.key = key
        self.parse = parse
    }

    /// The value, or the problem as an `ActionError`.
    public func value(_ text: String) throws(ActionError) -> Value {
        switch parse(text) {
        case let .success(v): return v
        case let .failure(p): throw .invalid(key, p)
        }
    }
}

public enum Fields {
    /// Text that must not be blank; surrounding spaces dropped.
    public static func required(_ key: FieldKey) -> FieldSpec<String> {
        FieldSpec(key) { text in text.nonBlank.map { .success($0) } ?? .failure(.empty) }
    }

    /// Text that may be blank (then nil).
    public static func optional(_ key: FieldKey) -> FieldSpec<String?> {
        FieldSpec(key) { .success($0.nonBlank) }
    }

    public static let employer = required(.employer)
    public static let role = required(.role)
    public static let name = required(.name)

    public static let email = FieldSpec<String?>(.email) { text in
        guard let t = text.nonBlank else { return .success(nil) }
        return t.contains("@") ? .success(t) : .failure(.notEmail(t))
    }

    public static let minutes = number(.minutes, 1...1440)
    public static let round = number(.round, 1...99)

    public static func number(_ key: FieldKey, _ range: ClosedRange<Int>) -> FieldSpec<Int> {
        FieldSpec(key) { text in
            guard let n = Int(text.trimmed) else { return .failure(.notWholeNumber(text)) }
            return range.contains(n) ? .success(n) : .failure(.outOfRange(n, range))
        }
    }

    public static func date(_ key: FieldKey) -> FieldSpec<Day> {
        FieldSpec(key) { text in Day(text.trimmed).map { .success($0) } ?? .failure(.notDate(text)) }
    }

    /// An IANA zone name (`Europe/Berlin`), kept as the canonical identifier.
    public static let zone = FieldSpec<String>(.tz) { text in
        Zone(identifier: text.trimmed).map { .success($0.identifier) } ?? .failure(.unknownZone(text))
    }

    /// A local date and time (`YYYY-MM-DDTHH:MM`, seconds allowed, or RFC 3339 with an offset),
    /// placed in `zone`; a time the clocks skip is a problem, a repeated one the first occurrence.
    public static func dateTime(_ key: FieldKey, zone: Zone) -> FieldSpec<Instant> {
        FieldSpec(key) { raw in
            let text = raw.trimmed
            var local = text
            if local.count == 19, local.hasSuffix(":00"), LocalDateTime(String(local.dropLast(3))) != nil { local = String(local.dropLast(3)) }
            if let parsed = LocalDateTime(local) {
                guard let instant = try? zone.instant(parsed) else { return .failure(.skippedTime(text, zone: zone.identifier)) }
                return .success(instant)
            }
            if text.count > 16, let exact = Instant(rfc3339: text) { return .success(zone.localize(exact)) }
            if Day(text) != nil { return .failure(.needsTime(text)) }
            return .failure(.notDateTime(text))
        }
    }

    /// An answered attempt is a call where you spoke with them: a check-in by call.
    static func checkAnswered(_ answered: Bool, kind: EventKind, channel: Channel?) throws(ActionError) {
        if answered, kind != .checkIn || channel != .call { throw .invalid(.answered, .onlyForCalls) }
    }

    /// Checks a value the caller already has against a field's rule (a number from an option).
    static func check(_ key: FieldKey, _ n: Int?, _ range: ClosedRange<Int>) throws(ActionError) {
        if let n, !range.contains(n) { throw .invalid(key, .outOfRange(n, range)) }
    }
}


extension FieldProblem {
    /// The problem in words, after the field's name as the reader knows it (`--employer` on the
    /// command line, `Employer` in a form): the one wording both use.
    public func words(field: String) -> String {
        switch self {
        case .empty: return "\(field) must not be empty"
        case .required: return "\(field) is required"
        case let .notEmail(text): return "\(field): \"\(text)\" is not an e-mail address"
        case let .outOfRange(_, range): return "\(field) must be from \(range.lowerBound) to \(range.upperBound)"
        case let .notWholeNumber(text): return "\(field): \"\(text)\" is not a whole number"
        case let .notDate(text): return "\(field): \"\(text)\" is not a date; use YYYY-MM-DD"
        case let .notDateTime(text): return "\(field): \"\(text)\" is not a date and time; use YYYY-MM-DDTHH:MM, e.g. 2026-11-24T14:30"
        case let .needsTime(text): return "\(field): give a time too, YYYY-MM-DDTHH:MM (e.g. \(text)T09:00)"
        case let .skippedTime(text, zone):
            return "\(field): \(text) does not exist in \(zone): the clocks skip it (daylight saving time). Give a time outside the gap."
        case let .unknownZone(text): return "\(field): \"\(text)\" is not a time zone; use a name such as Europe/Berlin"
        case let .notAfter(day): return "\(field) must be after today (\(day))"
        case .onlyForCalls: return "\(field) is for a check-in call where you spoke with them (--channel call)"
        }
    }
}
