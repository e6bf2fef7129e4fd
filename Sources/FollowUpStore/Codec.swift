import FollowUpCore
import JSON

/// A field that does not hold what the format says, with where it is.
public struct SchemaError: Error, Equatable, Sendable {
    /// Where, as a path: `applications[2].events[0].at`.
    public var path: String
    public var message: String
}

/// Maps the data file's JSON to the model and back. Fields it does not know are kept in each
/// record's `extra` and written back as they were.
public enum DataCodec {
    // MARK: Decoding

    /// Reads the `version` header alone, so a newer file is recognised before anything else is read.
    public static func version(of root: JSONValue) throws(SchemaError) -> Int {
        guard let object = root.objectValue else { throw SchemaError(path: "", message: "the file must hold a JSON object") }
        guard let value = object["version"] else { return FollowUpData.currentVersion }
        guard let v = value.intValue, v >= 1 else { throw SchemaError(path: "version", message: "must be a positive whole number") }
        return v
    }

    public static func decode(_ root: JSONValue) throws(SchemaError) -> FollowUpData {
        var r = Reader(root, path: "")
        let version = try version(of: root)
        let settings = try r.optionalObject("settings").map { (s: Reader) throws(SchemaError) in try decodeSettings(s) } ?? Settings()
        let applications = try r.array("applications", decodeApplication)
        let snoozes = try r.array("snoozes", decodeSnooze)
        let dismissals = try r.array("dismissals", decodeDismissal)
        let tombstones = try r.array("tombstones", decodeTombstone)
        // Versions before the state folder kept the undo history here: read, to be moved out.
        let history = try r.array("history", decodeHistoryEntry)
        r.consume("version")
        return FollowUpData(
            version: version, settings: settings, applications: applications, snoozes: snoozes,
            dismissals: dismissals, tombstones: tombstones, history: history, extra: r.rest())
    }

    static func decodeSettings(_ s: Reader) throws(SchemaError) -> Settings {
        var s = s
        let preset = try s.optionalEnum("preset", PresetName.self) ?? .standard
        let holidays: [Day] = try s.optionalArray("holidays") { (h: JSONValue, path: String) throws(SchemaError) -> Day in
            guard let text = h.stringValue, let day = Day(text) else {
                throw SchemaError(path: path, message: "must be a date YYYY-MM-DD")
            }
            return day
        } ?? []
        let name = try s.optionalString("name")
        let signature = try s.optionalString("signature")
        var overrides: [String: Int] = [:]
        for key in Policy.settingKeys {
            if let n = try s.optionalInt(key) { overrides[key] = n }
        }
        return Settings(preset: preset, holidays: holidays, overrides: overrides, name: name, signature: signature, extra: s.rest())
    }

    static func decodeApplication(_ a: Reader) throws(SchemaError) -> Application {
        var a = a
        var app = Application(
            id: try a.id("id"),
            employer: try a.string("employer"),
            role: try a.optionalString("role") ?? "",
            decisionBy: try a.optionalDay("decisionBy"),
            timeZone: try a.optionalZone("tz"),
            createdAt: try a.instant("createdAt"),
            updatedAt: try a.instant("updatedAt"),
            contacts: try a.array("contacts", decodeContact),
            interviews: try a.array("interviews", decodeInterview),
            events: try a.array("events", decodeEvent),
            extra: a.rest())
        app.decisionGivenAt = try a.optionalInstant("decisionGivenAt")
        // A date is read as the day applied; anything else someone put there is kept as it is.
        if let text = a.object["applied"]?.stringValue, let day = Day(text) {
            app.applied = day
            a.consume("applied")
        }
        app.location = try a.optionalString("location")
        app.link = try a.optionalString("link")
        app.extra = a.rest()
        return app
    }

    static func decodeContact(_ c: Reader) throws(SchemaError) -> Contact {
        var c = c
        return Contact(
            id: try c.id("id"), name: try c.string("name"), title: try c.optionalString("title"),
            role: try c.optionalEnum("role", ContactRole.self), email: try c.optionalString("email"),
            phone: try c.optionalString("phone"), address: try c.optionalString("address"),
            timeZone: try c.optionalZone("tz"), mayCall: try c.optionalBool("mayCall") ?? false,
            createdAt: try c.instant("createdAt"), updatedAt: try c.instant("updatedAt"), extra: c.rest())
    }

    static func decodeInterview(_ i: Reader) throws(SchemaError) -> Interview {
        var i = i
        var interview = Interview(
            id: try i.id("id"), at: try i.instant("at"), kind: try i.optionalEnum("kind", InterviewKind.self),
            minutes: try i.optionalInt("minutes", range: 1...1440), round: try i.optionalInt("round", range: 1...99),
            with: try i.optionalArray("with") { (v: JSONValue, path: String) throws(SchemaError) -> String in
                guard let s = v.stringValue, !s.isEmpty else { throw SchemaError(path: path, message: "must be a contact id") }
                return s
            } ?? [],
            decisionBy: try i.optionalDay("decisionBy"), travel: try i.optionalBool("travel") ?? false,
            cancelled: try i.optionalBool("cancelled") ?? false,
            createdAt: try i.instant("createdAt"), updatedAt: try i.instant("updatedAt"))
        interview.decisionGivenAt = try i.optionalInstant("decisionGivenAt")
        interview.extra = i.rest()
        return interview
    }

    static func decodeEvent(_ e: Reader) throws(SchemaError) -> Event {
        var e = e
        return Event(
            id: try e.id("id"), kind: try e.enumValue("kind", EventKind.self), at: try e.instant("at"),
            contact: try e.optionalString("contact"), channel: try e.optionalEnum("channel", Channel.self),
            decisionBy: try e.optionalDay("decisionBy"), due: try e.optionalDay("due"),
            about: try e.optionalEnum("about", RequestTopic.self), text: try e.optionalString("text"),
            answers: try e.optionalString("answers"), answered: try e.optionalBool("answered") ?? false,
            createdAt: try e.instant("createdAt"), updatedAt: try e.instant("updatedAt"), extra: e.rest())
    }

    static func decodeSnooze(_ s: Reader) throws(SchemaError) -> Snooze {
        var s = s
        return Snooze(taskID: try s.string("taskId"), until: try s.day("until"), updatedAt: try s.instant("updatedAt"), extra: s.rest())
    }

    static func decodeDismissal(_ d: Reader) throws(SchemaError) -> Dismissal {
        var d = d
        return Dismissal(taskID: try d.string("taskId"), updatedAt: try d.instant("updatedAt"), extra: d.rest())
    }

    static func decodeTombstone(_ t: Reader) throws(SchemaError) -> Tombstone {
        var t = t
        return Tombstone(id: try t.string("id"), deletedAt: try t.instant("deletedAt"), extra: t.rest())
    }

    /// Reads one record of a kind from its JSON (an undo's "before").
    static func record<T>(_ value: JSONValue, _ decode: (Reader) throws(SchemaError) -> T) throws(SchemaError) -> T {
        try decode(try Reader(checking: value, path: ""))
    }

    static func decodeHistoryEntry(_ h: Reader) throws(SchemaError) -> HistoryEntry {
        var h = h
        return HistoryEntry(
            id: try h.id("id"), at: try h.instant("at"), summary: try h.optionalString("summary") ?? "",
            changes: try h.array("changes") { (c: Reader) throws(SchemaError) in
                var c = c
                // "after": null is a record the change removed; no "after" at all, one not known.
                let after = c.object["after"]
                c.consume("after")
                return RecordChange(
                    record: try c.enumValue("record", RecordKind.self), id: try c.string("id"),
                    app: try c.optionalString("app"), before: c.value("before"), after: after)
            },
            extra: h.rest())
    }

    static func encode(_ h: HistoryEntry) -> JSONValue {
        var o = h.extra
        o["id"] = .string(h.id)
        o["at"] = .string(h.at.description)
        o["summary"] = .string(h.summary)
        o["changes"] = .array(h.changes.map { c in
            var change: [String: JSONValue] = ["record": .string(c.record.rawValue), "id": .string(c.id)]
            change["app"] = c.app.map(JSONValue.string)
            change["before"] = c.before ?? .null
            change["after"] = c.after
            return .object(change)
        })
        return .object(o)
    }

    // MARK: Encoding

    public static func encode(_ data: FollowUpData) -> JSONValue {
        var root = data.extra
        root["version"] = .int(data.version)
        root["settings"] = encode(data.settings)
        root["applications"] = .array(data.applications.map(encode))
        root["snoozes"] = .array(data.snoozes.map(encode))
        root["dismissals"] = .array(data.dismissals.map(encode))
        root["tombstones"] = .array(data.tombstones.map(encode))
        // The undo history lives in the state folder (HistoryFile), never in the data file.
        return .object(root)
    }

    public static func encode(_ s: Snooze) -> JSONValue {
        var o = s.extra
        o["taskId"] = .string(s.taskID)
        o["until"] = .string(s.until.description)
        o["updatedAt"] = .string(s.updatedAt.description)
        return .object(o)
    }

    public static func encode(_ d: Dismissal) -> JSONValue {
        var o = d.extra
        o["taskId"] = .string(d.taskID)
        o["updatedAt"] = .string(d.updatedAt.description)
        return .object(o)
    }

    public static func encode(_ t: Tombstone) -> JSONValue {
        var o = t.extra
        o["id"] = .string(t.id)
        o["deletedAt"] = .string(t.deletedAt.description)
        return .object(o)
    }

    public static func encode(_ s: Settings) -> JSONValue {
        var o = s.extra
        o["preset"] = .string(s.preset.rawValue)
        o["holidays"] = .array(s.holidays.map { .string($0.description) })
        for (key, value) in s.overrides { o[key] = .int(value) }
        o["name"] = s.name.map(JSONValue.string)
        o["signature"] = s.signature.map(JSONValue.string)
        return .object(o)
    }

    public static func encode(_ a: Application) -> JSONValue {
        var o = a.extra
        o["id"] = .string(a.id)
        o["employer"] = .string(a.employer)
        o["role"] = .string(a.role)
        o["decisionBy"] = a.decisionBy.map { .string($0.description) }
        o["decisionGivenAt"] = a.decisionGivenAt.map { .string($0.description) }
        // Written only when known: files without it keep their form.
        if let applied = a.applied { o["applied"] = .string(applied.description) }
        o["location"] = a.location.map(JSONValue.string)
        o["link"] = a.link.map(JSONValue.string)
        o["tz"] = a.timeZone.map(JSONValue.string)
        o["createdAt"] = .string(a.createdAt.description)
        o["updatedAt"] = .string(a.updatedAt.description)
        o["contacts"] = .array(a.contacts.map(encode))
        o["interviews"] = .array(a.interviews.map(encode))
        o["events"] = .array(a.events.map(encode))
        return .object(o)
    }

    public static func encode(_ c: Contact) -> JSONValue {
        var o = c.extra
        o["id"] = .string(c.id)
        o["name"] = .string(c.name)
        o["title"] = c.title.map(JSONValue.string)
        o["role"] = c.role.map { .string($0.rawValue) }
        o["email"] = c.email.map(JSONValue.string)
        o["phone"] = c.phone.map(JSONValue.string)
        o["address"] = c.address.map(JSONValue.string)
        o["tz"] = c.timeZone.map(JSONValue.string)
        o["mayCall"] = c.mayCall ? .bool(true) : nil
        o["createdAt"] = .string(c.createdAt.description)
        o["updatedAt"] = .string(c.updatedAt.description)
        return .object(o)
    }

    public static func encode(_ i: Interview) -> JSONValue {
        var o = i.extra
        o["id"] = .string(i.id)
        o["at"] = .string(i.at.description)
        o["kind"] = i.kind.map { .string($0.rawValue) }
        o["minutes"] = i.minutes.map(JSONValue.int)
        o["round"] = i.round.map(JSONValue.int)
        o["with"] = i.with.isEmpty ? nil : .array(i.with.map(JSONValue.string))
        o["decisionBy"] = i.decisionBy.map { .string($0.description) }
        o["decisionGivenAt"] = i.decisionGivenAt.map { .string($0.description) }
        o["travel"] = i.travel ? .bool(true) : nil
        o["cancelled"] = i.cancelled ? .bool(true) : nil
        o["createdAt"] = .string(i.createdAt.description)
        o["updatedAt"] = .string(i.updatedAt.description)
        return .object(o)
    }

    public static func encode(_ e: Event) -> JSONValue {
        var o = e.extra
        o["id"] = .string(e.id)
        o["kind"] = .string(e.kind.rawValue)
        o["at"] = .string(e.at.description)
        o["contact"] = e.contact.map(JSONValue.string)
        o["channel"] = e.channel.map { .string($0.rawValue) }
        o["decisionBy"] = e.decisionBy.map { .string($0.description) }
        o["due"] = e.due.map { .string($0.description) }
        o["about"] = e.about.map { .string($0.rawValue) }
        o["text"] = e.text.map(JSONValue.string)
        o["answers"] = e.answers.map(JSONValue.string)
        // Written only when true: files without answered calls keep their form.
        o["answered"] = e.answered ? .bool(true) : nil
        o["createdAt"] = .string(e.createdAt.description)
        o["updatedAt"] = .string(e.updatedAt.description)
        return .object(o)
    }
}

/// Reads the known fields of one JSON object, remembering which it used so the rest can be kept.
struct Reader {
    let object: [String: JSONValue]
    let path: String
    /// Keys read that the object has; when all of them were read there is nothing else to keep.
    private var used: [String] = []

    init(_ value: JSONValue, path: String) {
        self.object = value.objectValue ?? [:]
        self.path = path
    }

    init(checking value: JSONValue, path: String) throws(SchemaError) {
        guard let object = value.objectValue else { throw SchemaError(path: path, message: "must be an object") }
        self.object = object
        self.path = path
    }

    func at(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    mutating func consume(_ key: String) { if object[key] != nil, !used.contains(key) { used.append(key) } }

    /// The fields not read: kept verbatim.
    func rest() -> ExtraFields {
        guard used.count < object.count else { return [:] }
        return object.filter { !used.contains($0.key) }
    }

    mutating func value(_ key: String) -> JSONValue? {
        guard let v = object[key] else { return nil }
        if !used.contains(key) { used.append(key) }
        if case .null = v { return nil }
        return v
    }

    mutating func string(_ key: String) throws(SchemaError) -> String {
        guard let v = value(key) else { throw SchemaError(path: at(key), message: "is missing") }
        guard let s = v.stringValue else { throw SchemaError(path: at(key), message: "must be a string") }
        return s
    }

    mutating func id(_ key: String) throws(SchemaError) -> String {
        let s = try string(key)
        guard !s.isEmpty else { throw SchemaError(path: at(key), message: "must not be empty") }
        return s
    }

    mutating func optionalString(_ key: String) throws(SchemaError) -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.stringValue else { throw SchemaError(path: at(key), message: "must be a string") }
        return s
    }

    mutating func optionalBool(_ key: String) throws(SchemaError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.boolValue else { throw SchemaError(path: at(key), message: "must be true or false") }
        return b
    }

    mutating func optionalInt(_ key: String, range: ClosedRange<Int>? = nil) throws(SchemaError) -> Int? {
        guard let v = value(key) else { return nil }
        // A whole number written with an exponent (1e8) is still a whole number.
        guard let n = v.intValue ?? v.doubleValue.flatMap({ d in d.rounded() == d && abs(d) < 9.0e18 ? Int(d) : nil }) else {
            throw SchemaError(path: at(key), message: "must be a whole number")
        }
        if let range, !range.contains(n) {
            throw SchemaError(path: at(key), message: "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    mutating func instant(_ key: String) throws(SchemaError) -> Instant {
        let s = try string(key)
        guard let t = Instant(rfc3339: s) else {
            throw SchemaError(path: at(key), message: "\"\(s)\" is not an RFC 3339 time with an offset")
        }
        return t
    }

    mutating func optionalInstant(_ key: String) throws(SchemaError) -> Instant? {
        guard let s = try optionalString(key) else { return nil }
        guard let t = Instant(rfc3339: s) else {
            throw SchemaError(path: at(key), message: "\"\(s)\" is not an RFC 3339 time with an offset")
        }
        return t
    }

    mutating func day(_ key: String) throws(SchemaError) -> Day {
        let s = try string(key)
        guard let d = Day(s) else { throw SchemaError(path: at(key), message: "\"\(s)\" is not a date YYYY-MM-DD") }
        return d
    }

    mutating func optionalDay(_ key: String) throws(SchemaError) -> Day? {
        guard let s = try optionalString(key) else { return nil }
        guard let d = Day(s) else { throw SchemaError(path: at(key), message: "\"\(s)\" is not a date YYYY-MM-DD") }
        return d
    }

    mutating func optionalZone(_ key: String) throws(SchemaError) -> String? {
        guard let s = try optionalString(key) else { return nil }
        guard Zone(identifier: s) != nil else { throw SchemaError(path: at(key), message: "\"\(s)\" is not a known time zone") }
        return s
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(SchemaError) -> E
    where E.RawValue == String {
        guard let e = try optionalEnum(key, type) else { throw SchemaError(path: at(key), message: "is missing") }
        return e
    }

    mutating func optionalEnum<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(SchemaError) -> E?
    where E.RawValue == String {
        guard let s = try optionalString(key) else { return nil }
        guard let e = E(rawValue: s) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw SchemaError(path: at(key), message: "\"\(s)\" is not one of \(allowed)")
        }
        return e
    }

    mutating func optionalObject(_ key: String) throws(SchemaError) -> Reader? {
        guard let v = value(key) else { return nil }
        return try Reader(checking: v, path: at(key))
    }

    mutating func array<T>(_ key: String, _ element: (Reader) throws(SchemaError) -> T) throws(SchemaError) -> [T] {
        try optionalArray(key) { (v: JSONValue, p: String) throws(SchemaError) in try element(try Reader(checking: v, path: p)) } ?? []
    }

    mutating func optionalArray<T>(_ key: String, _ element: (JSONValue, String) throws(SchemaError) -> T) throws(SchemaError) -> [T]? {
        guard let v = value(key) else { return nil }
        guard let items = v.arrayValue else { throw SchemaError(path: at(key), message: "must be a list") }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (n, item) in items.enumerated() {
            result.append(try element(item, at(key) + "[\(n)]"))
        }
        return result
    }
}
