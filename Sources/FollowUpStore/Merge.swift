import FollowUpCore
import JSON

/// Bringing two copies of the data file together: the union of records by id; a record changed
/// on both sides merged field by field when the version both started from is known, else the
/// later `updatedAt` kept; a tombstone wins over older edits and loses to a later re-creation;
/// unknown fields kept from both; settings merged the same way. A legacy `history` is dropped.
///
/// Works on records in the file's form (JSON objects), so that fields this version does not
/// know are merged like the others.
public enum Merge {
    /// What the two sides started from, for one record.
    public enum Base: Equatable, Sendable {
        /// Not known (a two-way merge with no history of the record): the later `updatedAt` wins.
        case unknown
        /// The record did not exist yet.
        case absent
        case record(JSONValue)
    }

    /// Finds the base of a record: its kind, id, and the two sides' versions.
    public typealias Bases = (_ kind: RecordKind, _ id: String, _ ours: JSONValue, _ theirs: JSONValue) -> Base

    /// Merges `theirs` into `ours`. Throws when the result is not a valid file (it always is for
    /// two valid copies).
    public static func merge(ours: FollowUpData, theirs: FollowUpData, bases: @escaping Bases) throws(SchemaError) -> (data: FollowUpData, report: MergeReport) {
        var merger = Merger(bases: bases, oursTombs: tombs(ours), theirsTombs: tombs(theirs))
        // A legacy `history` is read into `data.history`, never into the unknown fields: dropped.
        var root = merger.fields(.extra, "extra", .object(ours.extra), .object(theirs.extra), timed: false)
        root["version"] = .int(max(ours.version, theirs.version))
        root["settings"] = .object(merger.fields(.settings, "settings", DataCodec.encode(ours.settings), DataCodec.encode(theirs.settings), timed: false))
        root["applications"] = .array(merger.applications(ours.applications, theirs.applications))
        root["snoozes"] = .array(merger.keyed(.snooze, ours.snoozes.map(DataCodec.encode), theirs.snoozes.map(DataCodec.encode), key: "taskId"))
        root["dismissals"] = .array(merger.keyed(.dismissal, ours.dismissals.map(DataCodec.encode), theirs.dismissals.map(DataCodec.encode), key: "taskId"))
        root["tombstones"] = .array(merger.tombstones(ours.tombstones, theirs.tombstones))
        var data = try DataCodec.decode(.object(root))
        data.history = []
        // A record in the result is alive: no tombstone may say otherwise.
        let live = data.recordIDs
        data.tombstones.removeAll { live.contains($0.id) }
        return (data, merger.report)
    }

    /// A three-way merge (git's): every record's base from the file both sides started from.
    public static func merge(base: FollowUpData, ours: FollowUpData, theirs: FollowUpData) throws(SchemaError) -> (data: FollowUpData, report: MergeReport) {
        let records = records(of: base)
        return try merge(ours: ours, theirs: theirs) { kind, id, _, _ in
            records[key(kind, id)].map(Base.record) ?? .absent
        }
    }

    /// A two-way merge: the base of a record is found among the versions an undo history saw
    /// (this copy's, and the other's when it is at hand), else it is unknown.
    public static func merge(ours: FollowUpData, theirs: FollowUpData, histories: [[HistoryEntry]]) throws(SchemaError) -> (data: FollowUpData, report: MergeReport) {
        let sequences = histories.map(states)
        return try merge(ours: ours, theirs: theirs) { kind, id, o, t in
            for states in sequences {
                if let seq = states[key(kind, id)], let base = base(among: seq, ours: o, theirs: t) { return .record(base) }
            }
            return .unknown
        }
    }

    // MARK: Bases from history

    /// Each record's versions in the order a history saw them: before the first change, then
    /// after each (a removal is not a version).
    static func states(_ history: [HistoryEntry]) -> [String: [JSONValue]] {
        var states: [String: [JSONValue]] = [:]
        for entry in history {
            for change in entry.changes {
                let k = key(change.record, change.id)
                if states[k] == nil, let before = change.before { states[k] = [before] }
                if let after = change.after, after != .null { states[k, default: []].append(after) }
            }
        }
        return states
    }

    /// The version both sides started from, when one side's latest version is the history's last:
    /// the other side's own version if the history holds it (it is only older), else the version
    /// before that side's last change that differs from it in the fewest fields (the earliest of
    /// equals: a field both changed then shows as a conflict, never as one side's).
    static func base(among seq: [JSONValue], ours: JSONValue, theirs: JSONValue) -> JSONValue? {
        guard let last = seq.last else { return nil }
        let other: JSONValue
        if last == ours {
            other = theirs
        } else if last == theirs {
            other = ours
        } else {
            return nil
        }
        if seq.contains(other) { return other }
        let changed = stamp(other)
        var best: (JSONValue, Int)?
        for state in seq where changed == nil || stamp(state).map({ $0 < changed! }) ?? true {
            let d = distance(state, other)
            if best == nil || d < best!.1 { best = (state, d) }
        }
        return best?.0
    }

    static func distance(_ a: JSONValue, _ b: JSONValue) -> Int {
        let x = a.objectValue ?? [:]
        let y = b.objectValue ?? [:]
        return Set(x.keys).union(y.keys).filter { $0 != "updatedAt" && x[$0] != y[$0] }.count
    }

    static func stamp(_ record: JSONValue) -> Instant? {
        record.objectValue?["updatedAt"]?.stringValue.flatMap { Instant(rfc3339: $0) }
    }

    // MARK: Helpers

    static func key(_ kind: RecordKind, _ id: String) -> String { kind.rawValue + ":" + id }

    static func tombs(_ data: FollowUpData) -> [String: Instant] {
        Dictionary(data.tombstones.map { ($0.id, $0.deletedAt) }, uniquingKeysWith: { a, b in max(a, b) })
    }

    /// Every record of a file by kind and id, in the form history and merge compare.
    static func records(of data: FollowUpData) -> [String: JSONValue] {
        var records: [String: JSONValue] = [:]
        records[key(.settings, "settings")] = DataCodec.encode(data.settings)
        records[key(.extra, "extra")] = .object(data.extra)
        for app in data.applications {
            records[key(.application, app.id)] = History.appFields(app)
            for c in app.contacts { records[key(.contact, c.id)] = DataCodec.encode(c) }
            for i in app.interviews { records[key(.interview, i.id)] = DataCodec.encode(i) }
            for e in app.events { records[key(.event, e.id)] = DataCodec.encode(e) }
        }
        for s in data.snoozes { records[key(.snooze, s.taskID)] = DataCodec.encode(s) }
        for d in data.dismissals { records[key(.dismissal, d.taskID)] = DataCodec.encode(d) }
        return records
    }
}

/// What a merge did: what came from the other copy, what it deleted, what conflicted.
public struct MergeReport: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var record: RecordKind
        public var id: String
        /// The application it belongs to (itself for an application).
        public var app: String?
        /// For an update: the fields taken from the other copy.
        public var fields: [String] = []

        public init(record: RecordKind, id: String, app: String?, fields: [String] = []) {
            self.record = record
            self.id = id
            self.app = app
            self.fields = fields
        }
    }

    public struct Conflict: Equatable, Sendable {
        public var record: RecordKind
        public var id: String
        public var field: String
        public var ours: JSONValue?
        public var theirs: JSONValue?
        /// Which side's value was kept: "ours" or "theirs".
        public var kept: String
        /// Whether both sides are known to have changed the field (false: the version they
        /// started from is not known, and the later copy of the record was kept).
        public var bothChanged: Bool
    }

    /// Records only the other copy had.
    public var added: [Item] = []
    /// Records changed from the other copy.
    public var updated: [Item] = []
    /// Records the other copy deleted (after any change here).
    public var deleted: [Item] = []
    /// Records deleted here that the other copy re-created or changed later: back again.
    public var revived: [Item] = []
    public var conflicts: [Conflict] = []

    public var isEmpty: Bool { added.isEmpty && updated.isEmpty && deleted.isEmpty && revived.isEmpty }
}

/// The merge's state while it walks the two files.
struct Merger {
    let bases: Merge.Bases
    let oursTombs: [String: Instant]
    let theirsTombs: [String: Instant]
    var report = MergeReport()
    /// Ids deleted by the merge (buried by the other copy's tombstones).
    var removed = Set<String>()
    /// Ids alive in the result, whatever a tombstone says.
    var alive = Set<String>()
    /// While an application deleted here comes back: when it was deleted (its records deleted
    /// at that moment went with it, and come back with it).
    var cascade: Instant?

    /// Merges one record present on both sides, field by field. `timed`: the record has an
    /// `updatedAt`, which decides a conflict and is the later of the two in the result.
    mutating func fields(_ kind: RecordKind, _ id: String, _ ours: JSONValue, _ theirs: JSONValue, app: String? = nil, timed: Bool = true) -> [String: JSONValue] {
        let o = ours.objectValue ?? [:]
        let t = theirs.objectValue ?? [:]
        guard ours != theirs else { return o }
        let oTime = Merge.stamp(ours)
        let tTime = Merge.stamp(theirs)
        let theirsLater = timed && (oTime.flatMap { ot in tTime.map { $0 > ot } } ?? false)
        let keys = Set(o.keys).union(t.keys).filter { $0 != "updatedAt" }.sorted()
        var result = o
        var taken: [String] = []
        switch bases(kind, id, ours, theirs) {
        case .unknown, .absent:
            // Nothing to tell who changed what: the later copy of the record, whole. Settings
            // have no time: ours, with what only the other copy has set.
            var differing = keys.filter { o[$0] != t[$0] }
            if !timed {
                for field in differing where o[field] == nil || o[field] == .null {
                    result[field] = t[field]
                    taken.append(field)
                }
                differing.removeAll { taken.contains($0) }
            }
            guard !differing.isEmpty || theirsLater || !taken.isEmpty else { return o }
            let kept = theirsLater ? "theirs" : "ours"
            for field in differing {
                report.conflicts.append(.init(record: kind, id: id, field: field, ours: o[field], theirs: t[field], kept: kept, bothChanged: false))
            }
            if theirsLater {
                result = t
                taken = differing
            }
            // Fields followup does not know (added by hand or by a newer version) change no
            // `updatedAt`: the other copy's are kept too.
            let loser = theirsLater ? o : t
            for (field, value) in loser where result[field] == nil && !Merger.known(kind).contains(field) {
                result[field] = value
                if !theirsLater { taken.append(field) }
            }
            report.conflicts.removeAll { c in c.record == kind && c.id == id && !c.bothChanged && !Merger.known(kind).contains(c.field) }
        case let .record(base):
            let b = base.objectValue ?? [:]
            for field in keys where o[field] != t[field] {
                if o[field] == b[field] {
                    result[field] = t[field]
                    taken.append(field)
                } else if t[field] == b[field] {
                    continue
                } else {
                    report.conflicts.append(.init(record: kind, id: id, field: field, ours: o[field], theirs: t[field],
                                                  kept: theirsLater ? "theirs" : "ours", bothChanged: true))
                    if theirsLater {
                        result[field] = t[field]
                        taken.append(field)
                    }
                }
            }
            if timed, !taken.isEmpty, let tt = t["updatedAt"], theirsLater || o["updatedAt"] == nil { result["updatedAt"] = tt }
        }
        if !taken.isEmpty {
            report.updated.append(.init(record: kind, id: id, app: app ?? (kind == .application ? id : nil), fields: taken))
        }
        return result
    }

    /// The fields followup knows, by kind of record (the rest are kept as they are).
    static func known(_ kind: RecordKind) -> Set<String> {
        switch kind {
        case .application: Set(Fields.application)
        case .contact: Set(Fields.contact)
        case .interview: Set(Fields.interview)
        case .event: Set(Fields.event)
        case .snooze: Set(Fields.snooze)
        case .dismissal: Set(Fields.dismissal)
        case .tombstone: Set(Fields.tombstone)
        case .settings: ["preset", "holidays", "name", "signature"]
        case .extra: []
        }
    }

    /// The applications of both, ours first in our order, then those only the other copy has.
    mutating func applications(_ ours: [Application], _ theirs: [Application]) -> [JSONValue] {
        let theirsByID = Dictionary(theirs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let oursIDs = Set(ours.map(\.id))
        var result: [JSONValue] = []
        for app in ours {
            if let other = theirsByID[app.id] {
                var fields = self.fields(.application, app.id, History.appFields(app), History.appFields(other))
                fields["contacts"] = .array(children(.contact, app.id, app.contacts.map(DataCodec.encode), other.contacts.map(DataCodec.encode)))
                fields["interviews"] = .array(children(.interview, app.id, app.interviews.map(DataCodec.encode), other.interviews.map(DataCodec.encode)))
                fields["events"] = .array(children(.event, app.id, app.events.map(DataCodec.encode), other.events.map(DataCodec.encode)))
                keepReferenced(&fields, app.id, known: app.contacts.map(DataCodec.encode) + other.contacts.map(DataCodec.encode))
                result.append(.object(fields))
            } else if let deleted = theirsTombs[app.id], deleted >= Merger.latest(app) {
                removed.formUnion([app.id] + app.contacts.map(\.id) + app.interviews.map(\.id) + app.events.map(\.id))
                report.deleted.append(.init(record: .application, id: app.id, app: app.id))
            } else {
                // Changed here after the other copy deleted it: it stays, with everything in it
                // (their deletion took its records with it).
                if theirsTombs[app.id] != nil {
                    alive.formUnion([app.id] + app.contacts.map(\.id) + app.interviews.map(\.id) + app.events.map(\.id))
                }
                result.append(DataCodec.encode(app))
            }
        }
        for app in theirs where !oursIDs.contains(app.id) {
            if let deleted = oursTombs[app.id], deleted >= Merger.latest(app) { continue }
            var fields = DataCodec.encode(app).objectValue ?? [:]
            // Its records deleted here later than the other copy changed them stay deleted,
            // unless they went with the application, which comes back with them.
            cascade = oursTombs[app.id]
            fields["contacts"] = .array(only(.contact, app.id, app.contacts.map(DataCodec.encode)))
            fields["interviews"] = .array(only(.interview, app.id, app.interviews.map(DataCodec.encode)))
            fields["events"] = .array(only(.event, app.id, app.events.map(DataCodec.encode)))
            cascade = nil
            if oursTombs[app.id] != nil {
                alive.insert(app.id)
                report.revived.append(.init(record: .application, id: app.id, app: app.id))
            } else {
                report.added.append(.init(record: .application, id: app.id, app: app.id))
            }
            result.append(.object(fields))
        }
        return result
    }

    /// A person an interview or an event kept by the merge names stays too: deleted on one side
    /// while the other side met them or heard from them, they are still needed (else the file
    /// would name someone it no longer holds).
    mutating func keepReferenced(_ fields: inout [String: JSONValue], _ app: String, known: [JSONValue]) {
        var contacts = fields["contacts"]?.arrayValue ?? []
        var present = Set(contacts.compactMap { $0.objectValue?["id"]?.stringValue })
        var named: [String] = []
        for i in fields["interviews"]?.arrayValue ?? [] {
            named += i.objectValue?["with"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        for e in fields["events"]?.arrayValue ?? [] {
            if let c = e.objectValue?["contact"]?.stringValue { named.append(c) }
        }
        for id in named where !present.contains(id) {
            guard let record = known.first(where: { $0.objectValue?["id"]?.stringValue == id }) else { continue }
            contacts.append(record)
            present.insert(id)
            alive.insert(id)
            removed.remove(id)
            report.deleted.removeAll { $0.record == .contact && $0.id == id }
            report.revived.append(.init(record: .contact, id: id, app: app))
        }
        fields["contacts"] = .array(contacts)
    }

    /// The latest change to an application or anything in it.
    static func latest(_ app: Application) -> Instant {
        (app.contacts.map(\.updatedAt) + app.interviews.map(\.updatedAt) + app.events.map(\.updatedAt)).reduce(app.updatedAt, max)
    }

    /// The records of an application the other copy added, without those deleted here since.
    mutating func only(_ kind: RecordKind, _ app: String, _ records: [JSONValue]) -> [JSONValue] {
        records.filter { r in
            let id = r.objectValue?["id"]?.stringValue ?? ""
            if let deleted = oursTombs[id] {
                guard deleted == cascade || (Merge.stamp(r).map { $0 > deleted } ?? false) else { return false }
                alive.insert(id)
            }
            return true
        }
    }

    /// One list of an application's records (contacts, interviews or events) merged by id.
    mutating func children(_ kind: RecordKind, _ app: String, _ ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue] {
        merged(kind, ours, theirs, key: "id", app: app)
    }

    /// Snoozes and dismissals, by task id (deleting one leaves no tombstone).
    mutating func keyed(_ kind: RecordKind, _ ours: [JSONValue], _ theirs: [JSONValue], key: String) -> [JSONValue] {
        merged(kind, ours, theirs, key: key, app: nil)
    }

    mutating func merged(_ kind: RecordKind, _ ours: [JSONValue], _ theirs: [JSONValue], key: String, app: String?) -> [JSONValue] {
        let id: (JSONValue) -> String = { $0.objectValue?[key]?.stringValue ?? "" }
        let theirsByID = Dictionary(theirs.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let oursIDs = Set(ours.map(id))
        var result: [JSONValue] = []
        for record in ours {
            let rid = id(record)
            if let other = theirsByID[rid] {
                result.append(.object(fields(kind, rid, record, other, app: app)))
            } else if let deleted = theirsTombs[rid], let changed = Merge.stamp(record), deleted >= changed {
                removed.insert(rid)
                report.deleted.append(.init(record: kind, id: rid, app: app))
            } else {
                if theirsTombs[rid] != nil { alive.insert(rid) }
                result.append(record)
            }
        }
        for record in theirs where !oursIDs.contains(id(record)) {
            let rid = id(record)
            if let deleted = oursTombs[rid] {
                guard let changed = Merge.stamp(record), changed > deleted else { continue }
                alive.insert(rid)
                report.revived.append(.init(record: kind, id: rid, app: app))
            } else {
                report.added.append(.init(record: kind, id: rid, app: app))
            }
            result.append(record)
        }
        return result
    }

    /// Both copies' tombstones (the earlier deletion of an id kept), without those of records
    /// re-created later; plus one for each record the merge deleted.
    func tombstones(_ ours: [Tombstone], _ theirs: [Tombstone]) -> [JSONValue] {
        var seen = Set<String>()
        var result: [JSONValue] = []
        for t in ours where !alive.contains(t.id) && seen.insert(t.id).inserted {
            result.append(DataCodec.encode(t))
        }
        for t in theirs where !alive.contains(t.id) && seen.insert(t.id).inserted {
            result.append(DataCodec.encode(t))
        }
        return result
    }
}
