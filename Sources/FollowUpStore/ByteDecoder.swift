#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore
import JSON

/// Reads the data file's bytes straight into the model, without the JSON tree in between (which
/// cost more than half of reading a file). It reads exactly what `DataCodec.decode` reads from
/// `JSONParser.parse` — the same grammar through `JSONCursor`, the same rules per field, the same
/// fields kept in `extra` — but it does not explain failures: on anything it does not accept (a
/// syntax error, a repeated key, a field that breaks a rule, a legacy history) it gives up, and
/// the caller reads the file the tree way, which reports the problem with its line and column or
/// its field. So its answer, when it has one, is the tree decoder's (tested on every file the
/// tests know and on thousands of damaged ones).
public enum ByteDecoder {
    struct GiveUp: Error {}
    /// An application that cannot be told quiet from a look: it is read in full.
    struct NotQuiet: Error {}

    /// The data, or nil when the tree decoder must read it.
    public static func decode(_ bytes: [UInt8]) -> FollowUpData? {
        decode(bytes, leavingOutQuietAt: nil)
    }

    /// The data, and where each application's JSON lies in `bytes` (for `ByteEncoder`'s
    /// splice); nil when the tree decoder must read it.
    public static func decodeWithSpans(_ bytes: [UInt8]) -> (FollowUpData, [Range<Int>])? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reading(JSONCursor(buffer))
            reader.spans = []
            guard let data = try? reader.document(), let spans = reader.spans else { return nil }
            return (data, spans)
        }
    }

    /// The applications lying at `ranges` of a file's bytes (each from its `{` to its `}`, as
    /// `QuietIndex` has them), each read as `decode` reads it; nil when one cannot be read so.
    public static func applications(in all: UnsafeBufferPointer<UInt8>, at ranges: [Range<Int>]) -> [Application]? {
        var zones: [String: Bool] = [:]
        var apps: [Application] = []
        apps.reserveCapacity(ranges.count)
        for range in ranges {
            guard range.lowerBound >= 0, range.upperBound <= all.count else { return nil }
            var reader = Reading(JSONCursor(UnsafeBufferPointer(rebasing: all[range])))
            reader.zones = zones
            guard let app = try? reader.application(), (try? reader.cursor.finish()) != nil else { return nil }
            zones = reader.zones
            apps.append(app)
        }
        return apps
    }

    /// The data without the applications that are quiet at `quiet` (see `Reading.glimpse` and `Rules.owesNothing`),
    /// which are only checked, not read: for the commands that show what is to be done
    /// (agenda, strikes), whose answer they cannot change. Never for a change: the file would
    /// lose them. Nil when the tree decoder must read the file.
    public static func decode(_ bytes: [UInt8], leavingOutQuietAt quiet: Instant?) -> FollowUpData? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reading(JSONCursor(buffer))
            reader.quietAt = quiet
            return try? reader.document()
        }
    }

    /// The data without the applications quiet at `now`, as `decode(_:leavingOutQuietAt:)`, and
    /// the file's `QuietIndex` (nil when the applications are not a list).
    public static func decodeIndexing(_ bytes: [UInt8], leavingOutQuietAt now: Instant) -> (FollowUpData, QuietIndex?)? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reading(JSONCursor(buffer))
            reader.quietAt = now
            reader.index = QuietIndex(list: 0..<0, entries: [])
            guard let data = try? reader.document() else { return nil }
            return (data, reader.index)
        }
    }

    /// One record's members as they are met: each key once; known ones read by the caller,
    /// the others kept for `extra`.
    struct Members {
        /// Known keys met so far, by the caller's bit for each.
        var seen: UInt64 = 0
        var extra: ExtraFields = [:]

        /// Marks a known key as met; a key met twice gives up.
        mutating func meet(_ bit: Int) throws {
            let mask: UInt64 = 1 << UInt64(bit)
            guard seen & mask == 0 else { throw GiveUp() }
            seen |= mask
        }

        /// Keeps an unknown member; a key met twice (as Swift compares strings) gives up.
        mutating func keep(_ key: String, _ value: JSONValue) throws {
            guard extra.updateValue(value, forKey: key) == nil else { throw GiveUp() }
        }
    }

    /// A member's key as `object` meets it: its bytes when they are plain ASCII (as every key
    /// followup writes is), looked at where they lie; else the string it decodes to. A `case`
    /// with a literal matches it as the literal would match the string.
    struct Key {
        let bytes: UnsafeBufferPointer<UInt8>?
        let text: String?

        /// The key as a string (made only for a key kept as it is, or looked up by name).
        var string: String { text ?? String(decoding: bytes!, as: UTF8.self) }

        static func ~= (literal: StaticString, key: Key) -> Bool {
            guard let bytes = key.bytes else { return key.text! == literal.description }
            // Plain ASCII equals a string exactly when its bytes do (no key written here has a
            // letter some other character is canonically equivalent to).
            return bytes.count == literal.utf8CodeUnitCount
                && (bytes.isEmpty || memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0)
        }
    }

    struct Reading {
        var cursor: JSONCursor
        /// Zone names already checked: checking one costs a look-up in the zone database.
        var zones: [String: Bool] = [:]
        /// When set, applications quiet at this moment are left out.
        var quietAt: Instant?
        /// When set, where each application's JSON lies in the bytes.
        var spans: [Range<Int>]?
        /// When set, with `quietAt`: where each application lies and from when it owes nothing.
        var index: QuietIndex?

        var valueEnd: Int { cursor.valueEnd }

        init(_ cursor: JSONCursor) { self.cursor = cursor }

        // MARK: Values, as `Reader` reads them

        /// Reads an object member by member; `known` reads a key it knows (returning true) or
        /// leaves it (false), which keeps the member in `extra`.
        mutating func object(_ known: (inout Reading, Key, inout Members) throws -> Bool) throws -> Members {
            var members = Members()
            guard cursor.next == .object else { throw GiveUp() }
            guard try cursor.beginObject() else { return members }
            repeat {
                let key: Key
                if let bytes = cursor.plainASCII(colon: true) { key = Key(bytes: bytes, text: nil) } else { key = Key(bytes: nil, text: try cursor.key()) }
                if try !known(&self, key, &members) { try members.keep(key.string, try cursor.value()) }
            } while try cursor.nextMember()
            return members
        }

        /// Null stands for a missing value, as in `Reader.value`.
        mutating func isNull() throws -> Bool {
            guard cursor.nextIsNull else { return false }
            guard case .null = try cursor.value() else { throw GiveUp() }
            return true
        }

        mutating func optionalString() throws -> String? {
            if try isNull() { return nil }
            guard cursor.next == .string else { throw GiveUp() }
            return try cursor.string()
        }

        mutating func string() throws -> String {
            guard let s = try optionalString() else { throw GiveUp() }
            return s
        }

        mutating func id() throws -> String {
            let s = try string()
            guard !s.isEmpty else { throw GiveUp() }
            return s
        }

        mutating func optionalBool() throws -> Bool? {
            if try isNull() { return nil }
            guard cursor.next == .literal, case .bool(let b) = try cursor.value() else { throw GiveUp() }
            return b
        }

        mutating func optionalInt(range: ClosedRange<Int>? = nil) throws -> Int? {
            if try isNull() { return nil }
            guard cursor.next == .number else { throw GiveUp() }
            let value = JSONValue.number(try cursor.number())
            guard let n = value.intValue ?? value.doubleValue.flatMap({ d in d.rounded() == d && abs(d) < 9.0e18 ? Int(d) : nil }) else {
                throw GiveUp()
            }
            if let range, !range.contains(n) { throw GiveUp() }
            return n
        }

        mutating func optionalInstant() throws -> Instant? {
            // Most times are plain ASCII: read from the bytes, without making a string of them.
            if let text = cursor.plainASCII() {
                guard let t = Instant(rfc3339Bytes: text) else { throw GiveUp() }
                return t
            }
            guard let s = try optionalString() else { return nil }
            guard let t = Instant(rfc3339: s) else { throw GiveUp() }
            return t
        }

        mutating func instant() throws -> Instant {
            guard let t = try optionalInstant() else { throw GiveUp() }
            return t
        }

        mutating func optionalDay() throws -> Day? {
            guard let s = try optionalString() else { return nil }
            guard let d = Day(s) else { throw GiveUp() }
            return d
        }

        mutating func optionalZone() throws -> String? {
            guard let s = try optionalString() else { return nil }
            if let known = zones[s] {
                guard known else { throw GiveUp() }
                return s
            }
            let known = Zone(identifier: s) != nil
            zones[s] = known
            guard known else { throw GiveUp() }
            return s
        }

        mutating func optionalEnum<E: RawRepresentable>(_ type: E.Type) throws -> E? where E.RawValue == String {
            guard let s = try optionalString() else { return nil }
            guard let e = E(rawValue: s) else { throw GiveUp() }
            return e
        }

        /// A list of records (null: none), as `Reader.array`.
        mutating func array<T>(_ element: (inout Reading) throws -> T) throws -> [T] {
            if try isNull() { return [] }
            guard cursor.next == .array else { throw GiveUp() }
            var result: [T] = []
            guard try cursor.beginArray() else { return result }
            repeat {
                result.append(try element(&self))
            } while try cursor.nextElement()
            return result
        }

        // MARK: Records, as `DataCodec` reads them

        mutating func document() throws -> FollowUpData {
            var version = FollowUpData.currentVersion
            var settings = Settings()
            var applications: [Application] = []
            var snoozes: [Snooze] = []
            var dismissals: [Dismissal] = []
            var tombstones: [Tombstone] = []
            let members = try object { r, key, m in
                switch key {
                case "version":
                    try m.meet(0)
                    // Present, it must be a positive whole number (null too is refused).
                    guard r.cursor.next == .number, let v = JSONValue.number(try r.cursor.number()).intValue, v >= 1 else { throw GiveUp() }
                    version = v
                case "settings":
                    try m.meet(1)
                    if try !r.isNull() { settings = try r.settings() }
                case "applications":
                    try m.meet(2)
                    if let now = r.quietAt {
                        let open = r.cursor.offset
                        let listed = r.cursor.next == .array
                        applications = try r.array { r -> Application? in
                            let mark = r.cursor
                            // Anything it cannot tell, or cannot read, is read in full (and a
                            // real error found again there).
                            // It owes nothing now exactly when it is quiet from then or earlier
                            // (a property test holds `quietFrom` to `owesNothing`).
                            if let glimpse = try? r.glimpse(), let from = Rules.quietFrom(glimpse), from <= now {
                                let end = r.valueEnd
                                r.index?.entries.append(QuietIndex.Entry(mark.offset, end, quietFrom: from))
                                return nil
                            }
                            r.cursor = mark
                            let app = try r.application()
                            if r.index != nil {
                                let end = r.valueEnd
                                r.index?.entries.append(QuietIndex.Entry(mark.offset, end, quietFrom: Rules.quietFrom(Glimpse(of: app))))
                            }
                            return app
                        }.compactMap { $0 }
                        if listed {
                            let close = r.valueEnd - 1
                            r.index?.list = open..<close
                        } else {
                            r.index = nil
                        }
                    } else {
                        applications = try r.array { r in
                            let start = r.cursor.offset
                            let app = try r.application()
                            // Up to its closing brace, without the whitespace after it.
                            let end = r.valueEnd
                            r.spans?.append(start..<end)
                            return app
                        }
                    }
                case "snoozes": try m.meet(3); snoozes = try r.array { try $0.snooze() }
                case "dismissals": try m.meet(4); dismissals = try r.array { try $0.dismissal() }
                case "tombstones": try m.meet(5); tombstones = try r.array { try $0.tombstone() }
                case "history":
                    // Versions before the state folder kept the undo history here: the tree reads it.
                    try m.meet(6)
                    guard try r.array({ _ in throw GiveUp() }).isEmpty else { throw GiveUp() }
                default: return false
                }
                return true
            }
            try cursor.finish()
            return FollowUpData(
                version: version, settings: settings, applications: applications, snoozes: snoozes,
                dismissals: dismissals, tombstones: tombstones, history: [], extra: members.extra)
        }

        // MARK: Quiet applications

        /// A glimpse of the application at the cursor: its events' kinds and times and its
        /// interviews' times and travel, all `Rules.owesNothing` needs. The cursor has passed the
        /// application: its JSON is checked as `value()` checks it (a syntax error or a repeated
        /// key is still found), its other fields are not read. When it cannot be told from what
        /// is seen (a field the look does not know), `NotQuiet`, the cursor anywhere inside it:
        /// the caller goes back and reads it in full.
        mutating func glimpse() throws -> Glimpse {
            var glimpse = Glimpse()
            var appKeys: UInt64 = 0
            guard cursor.next == .object, try cursor.beginObject() else { throw NotQuiet() }
            repeat {
                switch try knownKey(Reading.applicationKeys, &appKeys) {
                case 0: // events
                    guard try beginList() else { break }
                    repeat {
                        var kind: EventKind?
                        var at: Instant?
                        var keys: UInt64 = 0
                        guard cursor.next == .object, try cursor.beginObject() else { throw NotQuiet() }
                        repeat {
                            switch try knownKey(Reading.eventKeys, &keys) {
                            case 0:
                                guard let text = cursor.plainASCII() else { throw NotQuiet() }
                                kind = EventKind(rawValue: String(decoding: text, as: UTF8.self))
                            case 1: at = try moment()
                            default: try cursor.skip()
                            }
                        } while try cursor.nextMember()
                        guard let kind, let at else { throw NotQuiet() }
                        glimpse.events.append((kind, at))
                    } while try cursor.nextElement()
                case 1: // interviews
                    guard try beginList() else { break }
                    repeat {
                        var at: Instant?
                        var travel = false
                        var keys: UInt64 = 0
                        guard cursor.next == .object, try cursor.beginObject() else { throw NotQuiet() }
                        repeat {
                            switch try knownKey(Reading.interviewKeys, &keys) {
                            case 0: at = try moment()
                            case 1:
                                if cursor.nextIsNull {
                                    try cursor.skip()
                                } else if cursor.next == .literal, case .bool(let b) = try cursor.value() {
                                    travel = b
                                } else {
                                    throw NotQuiet()
                                }
                            default: try cursor.skip()
                            }
                        } while try cursor.nextMember()
                        guard let at else { throw NotQuiet() }
                        glimpse.interviews.append((at, travel))
                    } while try cursor.nextElement()
                case 2: // contacts
                    guard try beginList() else { break }
                    repeat {
                        var keys: UInt64 = 0
                        guard cursor.next == .object, try cursor.beginObject() else { throw NotQuiet() }
                        repeat {
                            _ = try knownKey(Reading.contactKeys, &keys)
                            try cursor.skip()
                        } while try cursor.nextMember()
                    } while try cursor.nextElement()
                default: try cursor.skip()
                }
            } while try cursor.nextMember()
            return glimpse
        }

        /// The names a quiet record may have (`Fields`), in the order `knownKey` numbers them
        /// (the ones the look needs first). A name not among them (a field added by hand, say)
        /// makes the record one to read in full: then no name needs keeping to find one given twice.
        static let applicationKeys = names(Fields.ordered(Fields.application + Fields.applicationLists, first: ["events", "interviews", "contacts"]))
        static let eventKeys = names(Fields.ordered(Fields.event, first: ["kind", "at"]))
        static let interviewKeys = names(Fields.ordered(Fields.interview, first: ["at", "travel"]))
        static let contactKeys = names(Fields.contact)

        static func names(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }

        /// The next member's key as its place among `names` (its colon passed); one met before
        /// in this object (`seen`) is a repeated key, which gives up; any other key, not quiet.
        mutating func knownKey(_ names: [[UInt8]], _ seen: inout UInt64) throws -> Int {
            guard let key = cursor.plainASCII(colon: true) else { throw NotQuiet() }
            for i in names.indices where names[i].count == key.count {
                guard names[i].withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) else { continue }
                let bit: UInt64 = 1 << UInt64(i)
                guard seen & bit == 0 else { throw GiveUp() }
                seen |= bit
                return i
            }
            throw NotQuiet()
        }

        /// Opens a list of records: false when it is null or empty.
        mutating func beginList() throws -> Bool {
            if try isNull() { return false }
            guard cursor.next == .array else { throw NotQuiet() }
            return try cursor.beginArray()
        }

        /// A time written as plain ASCII RFC 3339; anything else, not quiet.
        mutating func moment() throws -> Instant {
            guard let text = cursor.plainASCII(), let t = Instant(rfc3339Bytes: text) else { throw NotQuiet() }
            return t
        }

        mutating func settings() throws -> Settings {
            var preset = PresetName.standard
            var holidays: [Day] = []
            var name: String?
            var signature: String?
            var overrides: [String: Int] = [:]
            let keys = Policy.settingKeys
            let members = try object { r, key, m in
                switch key {
                case "preset": try m.meet(0); preset = try r.optionalEnum(PresetName.self) ?? .standard
                case "holidays":
                    try m.meet(1)
                    if try r.isNull() { break }
                    guard r.cursor.next == .array else { throw GiveUp() }
                    guard try r.cursor.beginArray() else { break }
                    repeat {
                        guard r.cursor.next == .string, let day = Day(try r.cursor.string()) else { throw GiveUp() }
                        holidays.append(day)
                    } while try r.cursor.nextElement()
                case "name": try m.meet(2); name = try r.optionalString()
                case "signature": try m.meet(3); signature = try r.optionalString()
                default:
                    guard let i = keys.firstIndex(of: key.string) else { return false }
                    try m.meet(4 + i)
                    if let n = try r.optionalInt() { overrides[key.string] = n }
                }
                return true
            }
            return Settings(preset: preset, holidays: holidays, overrides: overrides, name: name, signature: signature, extra: members.extra)
        }

        mutating func application() throws -> Application {
            var id: String?, employer: String?, role: String?, decisionBy: Day?, zone: String?
            var createdAt: Instant?, updatedAt: Instant?, decisionGivenAt: Instant?
            var contacts: [Contact] = [], interviews: [Interview] = [], events: [Event] = []
            var applied: Day?, location: String?, link: String?
            let members = try object { r, key, m in
                switch key {
                case "id": try m.meet(0); id = try r.id()
                case "employer": try m.meet(1); employer = try r.string()
                case "role": try m.meet(2); role = try r.optionalString()
                case "decisionBy": try m.meet(3); decisionBy = try r.optionalDay()
                case "tz": try m.meet(4); zone = try r.optionalZone()
                case "createdAt": try m.meet(5); createdAt = try r.instant()
                case "updatedAt": try m.meet(6); updatedAt = try r.instant()
                case "contacts": try m.meet(7); contacts = try r.array { try $0.contact() }
                case "interviews": try m.meet(8); interviews = try r.array { try $0.interview() }
                case "events": try m.meet(9); events = try r.array { try $0.event() }
                case "decisionGivenAt": try m.meet(10); decisionGivenAt = try r.optionalInstant()
                case "applied":
                    // A date is the day applied; anything else (null too) is kept as it is.
                    try m.meet(11)
                    let value = try r.cursor.value()
                    guard let text = value.stringValue, let day = Day(text) else { try m.keep(key.string, value); break }
                    applied = day
                case "location": try m.meet(12); location = try r.optionalString()
                case "link": try m.meet(13); link = try r.optionalString()
                default: return false
                }
                return true
            }
            guard let id, let employer, let createdAt, let updatedAt else { throw GiveUp() }
            var app = Application(
                id: id, employer: employer, role: role ?? "", decisionBy: decisionBy, timeZone: zone,
                createdAt: createdAt, updatedAt: updatedAt, contacts: contacts, interviews: interviews, events: events,
                extra: members.extra)
            app.decisionGivenAt = decisionGivenAt
            app.applied = applied
            app.location = location
            app.link = link
            return app
        }

        mutating func contact() throws -> Contact {
            var id: String?, name: String?, title: String?, role: ContactRole?, email: String?, phone: String?
            var address: String?, zone: String?, mayCall: Bool?, createdAt: Instant?, updatedAt: Instant?
            let members = try object { r, key, m in
                switch key {
                case "id": try m.meet(0); id = try r.id()
                case "name": try m.meet(1); name = try r.string()
                case "title": try m.meet(2); title = try r.optionalString()
                case "role": try m.meet(3); role = try r.optionalEnum(ContactRole.self)
                case "email": try m.meet(4); email = try r.optionalString()
                case "phone": try m.meet(5); phone = try r.optionalString()
                case "address": try m.meet(6); address = try r.optionalString()
                case "tz": try m.meet(7); zone = try r.optionalZone()
                case "mayCall": try m.meet(8); mayCall = try r.optionalBool()
                case "createdAt": try m.meet(9); createdAt = try r.instant()
                case "updatedAt": try m.meet(10); updatedAt = try r.instant()
                default: return false
                }
                return true
            }
            guard let id, let name, let createdAt, let updatedAt else { throw GiveUp() }
            return Contact(
                id: id, name: name, title: title, role: role, email: email, phone: phone, address: address,
                timeZone: zone, mayCall: mayCall ?? false, createdAt: createdAt, updatedAt: updatedAt, extra: members.extra)
        }

        mutating func interview() throws -> Interview {
            var id: String?, at: Instant?, kind: InterviewKind?, minutes: Int?, round: Int?, with: [String] = []
            var decisionBy: Day?, travel: Bool?, cancelled: Bool?, createdAt: Instant?, updatedAt: Instant?
            var decisionGivenAt: Instant?
            let members = try object { r, key, m in
                switch key {
                case "id": try m.meet(0); id = try r.id()
                case "at": try m.meet(1); at = try r.instant()
                case "kind": try m.meet(2); kind = try r.optionalEnum(InterviewKind.self)
                case "minutes": try m.meet(3); minutes = try r.optionalInt(range: 1...1440)
                case "round": try m.meet(4); round = try r.optionalInt(range: 1...99)
                case "with":
                    try m.meet(5)
                    if try r.isNull() { break }
                    guard r.cursor.next == .array else { throw GiveUp() }
                    guard try r.cursor.beginArray() else { break }
                    repeat {
                        guard r.cursor.next == .string else { throw GiveUp() }
                        let s = try r.cursor.string()
                        guard !s.isEmpty else { throw GiveUp() }
                        with.append(s)
                    } while try r.cursor.nextElement()
                case "decisionBy": try m.meet(6); decisionBy = try r.optionalDay()
                case "travel": try m.meet(7); travel = try r.optionalBool()
                case "cancelled": try m.meet(8); cancelled = try r.optionalBool()
                case "createdAt": try m.meet(9); createdAt = try r.instant()
                case "updatedAt": try m.meet(10); updatedAt = try r.instant()
                case "decisionGivenAt": try m.meet(11); decisionGivenAt = try r.optionalInstant()
                default: return false
                }
                return true
            }
            guard let id, let at, let createdAt, let updatedAt else { throw GiveUp() }
            var interview = Interview(
                id: id, at: at, kind: kind, minutes: minutes, round: round, with: with, decisionBy: decisionBy,
                travel: travel ?? false, cancelled: cancelled ?? false, createdAt: createdAt, updatedAt: updatedAt)
            interview.decisionGivenAt = decisionGivenAt
            interview.extra = members.extra
            return interview
        }

        mutating func event() throws -> Event {
            var id: String?, kind: EventKind?, at: Instant?, contact: String?, channel: Channel?, decisionBy: Day?
            var due: Day?, about: RequestTopic?, text: String?, answers: String?, answered: Bool?
            var createdAt: Instant?, updatedAt: Instant?
            let members = try object { r, key, m in
                switch key {
                case "id": try m.meet(0); id = try r.id()
                case "kind": try m.meet(1); kind = try r.optionalEnum(EventKind.self)
                case "at": try m.meet(2); at = try r.instant()
                case "contact": try m.meet(3); contact = try r.optionalString()
                case "channel": try m.meet(4); channel = try r.optionalEnum(Channel.self)
                case "decisionBy": try m.meet(5); decisionBy = try r.optionalDay()
                case "due": try m.meet(6); due = try r.optionalDay()
                case "about": try m.meet(7); about = try r.optionalEnum(RequestTopic.self)
                case "text": try m.meet(8); text = try r.optionalString()
                case "answers": try m.meet(9); answers = try r.optionalString()
                case "answered": try m.meet(10); answered = try r.optionalBool()
                case "createdAt": try m.meet(11); createdAt = try r.instant()
                case "updatedAt": try m.meet(12); updatedAt = try r.instant()
                default: return false
                }
                return true
            }
            guard let id, let kind, let at, let createdAt, let updatedAt else { throw GiveUp() }
            return Event(
                id: id, kind: kind, at: at, contact: contact, channel: channel, decisionBy: decisionBy, due: due,
                about: about, text: text, answers: answers, answered: answered ?? false,
                createdAt: createdAt, updatedAt: updatedAt, extra: members.extra)
        }

        mutating func snooze() throws -> Snooze {
            var task: String?, until: Day?, updatedAt: Instant?
            let members = try object { r, key, m in
                switch key {
                case "taskId": try m.meet(0); task = try r.string()
                case "until": try m.meet(1); until = try r.optionalDay()
                case "updatedAt": try m.meet(2); updatedAt = try r.instant()
                default: return false
                }
                return true
            }
            guard let task, let until, let updatedAt else { throw GiveUp() }
            return Snooze(taskID: task, until: until, updatedAt: updatedAt, extra: members.extra)
        }

        mutating func dismissal() throws -> Dismissal {
            var task: String?, updatedAt: Instant?
            let members = try object { r, key, m in
                switch key {
                case "taskId": try m.meet(0); task = try r.string()
                case "updatedAt": try m.meet(1); updatedAt = try r.instant()
                default: return false
                }
                return true
            }
            guard let task, let updatedAt else { throw GiveUp() }
            return Dismissal(taskID: task, updatedAt: updatedAt, extra: members.extra)
        }

        mutating func tombstone() throws -> Tombstone {
            var id: String?, deletedAt: Instant?
            let members = try object { r, key, m in
                switch key {
                case "id": try m.meet(0); id = try r.string()
                case "deletedAt": try m.meet(1); deletedAt = try r.instant()
                default: return false
                }
                return true
            }
            guard let id, let deletedAt else { throw GiveUp() }
            return Tombstone(id: id, deletedAt: deletedAt, extra: members.extra)
        }
    }
}
