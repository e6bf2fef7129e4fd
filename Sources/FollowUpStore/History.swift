import FollowUpCore
import JSON

/// The record-level difference a change made, and how to take it back. Undo puts back only the
/// records a change touched, so whatever other processes wrote meanwhile is kept.
public enum History {
    /// Every record that differs between two states, as it was in the old one (nil: it was added)
    /// and as it is in the new one (`.null`: it was removed).
    public static func changes(from old: FollowUpData, to new: FollowUpData) -> [RecordChange] {
        var changes: [RecordChange] = []
        if old.settings != new.settings {
            changes.append(RecordChange(record: .settings, id: "settings", before: DataCodec.encode(old.settings),
                                        after: DataCodec.encode(new.settings)))
        }
        if old.extra != new.extra {
            changes.append(RecordChange(record: .extra, id: "extra", before: .object(old.extra), after: .object(new.extra)))
        }
        // Usually the same applications in the same order, all but one or two bit for bit the
        // same: those are passed over without a look inside (and looked at in place: a loop over
        // the values would copy every one). An id given to two applications (a hand edit `check`
        // reports) is looked up the general way, by id, as undo finds records.
        var changed: [Int]?
        old.applications.withUnsafeBufferPointer { was in
            new.applications.withUnsafeBufferPointer { now in
                guard was.count == now.count, was.indices.allSatisfy({ was[$0].id == now[$0].id }) else { return }
                let differ = now.indices.filter { !Application.identical(was[$0], now[$0]) }
                func unique(_ i: Int) -> Bool {
                    let id = now[i].id
                    let length = id.utf8.count
                    return !now.indices.contains { $0 != i && now[$0].id.utf8.count == length && now[$0].id == id }
                }
                // A few changed: each id looked for among the others; many (an edit of the whole
                // file): every id once, in a set, rather than all of them for each.
                if differ.count <= 8 {
                    if differ.allSatisfy(unique) { changed = differ }
                } else {
                    var seen = Set<String>(minimumCapacity: now.count)
                    if now.indices.allSatisfy({ seen.insert(now[$0].id).inserted }) { changed = differ }
                }
            }
        }
        if let changed {
            for i in changed {
                changes += self.changes(of: old.applications[i].id, old.applications[i], new.applications[i])
            }
        } else {
            let oldApps = Dictionary(old.applications.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let newApps = Dictionary(new.applications.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for id in ordered(old.applications.map(\.id), new.applications.map(\.id)) {
                changes += self.changes(of: id, oldApps[id], newApps[id])
            }
        }
        changes += keyed(.snooze, old.snoozes, new.snoozes, key: \.taskID, DataCodec.encode)
        changes += keyed(.dismissal, old.dismissals, new.dismissals, key: \.taskID, DataCodec.encode)
        changes += keyed(.tombstone, old.tombstones, new.tombstones, key: \.id, DataCodec.encode)
        return changes
    }

    /// What changed in one application (nil: not there) and its records.
    static func changes(of id: String, _ was: Application?, _ now: Application?) -> [RecordChange] {
        var changes: [RecordChange] = []
        if was.map(bare) != now.map(bare) {
            changes.append(RecordChange(record: .application, id: id, before: was.map(appFields), after: now.map(appFields) ?? .null))
        }
        changes += children(.contact, app: id, was?.contacts ?? [], now?.contacts ?? [], DataCodec.encode)
        changes += children(.interview, app: id, was?.interviews ?? [], now?.interviews ?? [], DataCodec.encode)
        changes += children(.event, app: id, was?.events ?? [], now?.events ?? [], DataCodec.encode)
        return changes
    }

    /// The part of a change that can still be taken back: the records that are as it left them.
    /// The rest (changed since by anyone) is `left`. An application the change added stays when
    /// it holds records the change did not add. History from before records were compared has no
    /// `after`: there, records a later change in `touchedLater` touched are left.
    static func stillAsLeft(_ entry: HistoryEntry, in data: FollowUpData, touchedLater: Set<String>) -> (kept: HistoryEntry, left: [RecordChange]) {
        var kept = entry
        kept.changes = []
        var left: [RecordChange] = []
        let places = Dictionary(data.applications.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var own: [String: Set<String>] = [:]
        for change in entry.changes { if let app = change.app { own[app, default: []].insert(change.id) } }
        for change in entry.changes {
            let matches: Bool
            if let after = change.after {
                matches = current(change, in: data, places: places) == after && !holdsOthers(change, own: own, data, places: places)
            } else {
                matches = !touchedLater.contains("\(change.record.rawValue):\(change.id)")
            }
            if matches { kept.changes.append(change) } else { left.append(change) }
        }
        return (kept, left)
    }

    /// A record as it is now, in the form `RecordChange` keeps (`.null` when there is none).
    static func current(_ change: RecordChange, in data: FollowUpData, places: [String: Int]? = nil) -> JSONValue {
        func application(_ id: String) -> Application? {
            guard let places else { return data.application(id: id) }
            return places[id].map { data.applications[$0] }
        }
        let app = change.app.flatMap(application)
        let found: JSONValue? = switch change.record {
        case .application: application(change.id).map(appFields)
        case .contact: app?.contacts.first { $0.id == change.id }.map(DataCodec.encode)
        case .interview: app?.interviews.first { $0.id == change.id }.map(DataCodec.encode)
        case .event: app?.events.first { $0.id == change.id }.map(DataCodec.encode)
        case .settings: DataCodec.encode(data.settings)
        case .extra: .object(data.extra)
        case .snooze: data.snoozes.first { $0.taskID == change.id }.map(DataCodec.encode)
        case .dismissal: data.dismissals.first { $0.taskID == change.id }.map(DataCodec.encode)
        case .tombstone: data.tombstones.first { $0.id == change.id }.map(DataCodec.encode)
        }
        return found ?? .null
    }

    /// Whether taking back the addition of an application would take records others added to it.
    static func holdsOthers(_ change: RecordChange, own: [String: Set<String>], _ data: FollowUpData, places: [String: Int]) -> Bool {
        guard change.record == .application, change.before == nil, let i = places[change.id] else { return false }
        let app = data.applications[i]
        let mine = own[change.id] ?? []
        let held = app.contacts.map(\.id) + app.interviews.map(\.id) + app.events.map(\.id)
        return held.contains { !mine.contains($0) }
    }

    /// Puts back the records of one change as they were before it.
    public static func revert(_ entry: HistoryEntry, in data: inout FollowUpData) throws(SchemaError) {
        var places = Dictionary(data.applications.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Applications first, so the children they held have somewhere to go back to; removals
        // of added applications last.
        for change in entry.changes where change.record == .application {
            guard let before = change.before else { continue }
            let fields = try DataCodec.record(before, DataCodec.decodeApplication)
            if let i = places[change.id] {
                var restored = fields
                restored.contacts = data.applications[i].contacts
                restored.interviews = data.applications[i].interviews
                restored.events = data.applications[i].events
                data.applications[i] = restored
            } else {
                data.applications.append(fields)
                places[change.id] = data.applications.count - 1
            }
        }
        for change in entry.changes {
            switch change.record {
            case .application:
                continue
            case .extra:
                if let before = change.before?.objectValue { data.extra = before }
            case .settings:
                if let before = change.before {
                    data.settings = try DataCodec.decodeSettings(try Reader(checking: before, path: "settings"))
                }
            case .contact:
                try put(change, in: &data, \.contacts, DataCodec.decodeContact, places: places)
            case .interview:
                try put(change, in: &data, \.interviews, DataCodec.decodeInterview, places: places)
            case .event:
                try put(change, in: &data, \.events, DataCodec.decodeEvent, places: places)
            case .snooze:
                data.snoozes.removeAll { $0.taskID == change.id }
                if let before = change.before { data.snoozes.append(try DataCodec.record(before, DataCodec.decodeSnooze)) }
            case .dismissal:
                data.dismissals.removeAll { $0.taskID == change.id }
                if let before = change.before { data.dismissals.append(try DataCodec.record(before, DataCodec.decodeDismissal)) }
            case .tombstone:
                data.tombstones.removeAll { $0.id == change.id }
                if let before = change.before { data.tombstones.append(try DataCodec.record(before, DataCodec.decodeTombstone)) }
            }
        }
        let added = Set(entry.changes.filter { $0.record == .application && $0.before == nil }.map(\.id))
        if !added.isEmpty { data.applications.removeAll { added.contains($0.id) } }
    }

    // MARK: Helpers

    /// An application without its contacts, interviews and events.
    static func bare(_ app: Application) -> Application {
        var a = app
        a.contacts = []
        a.interviews = []
        a.events = []
        return a
    }

    static func appFields(_ app: Application) -> JSONValue {
        guard case var .object(fields) = DataCodec.encode(app) else { return .null }
        for key in ["contacts", "interviews", "events"] { fields[key] = nil }
        return .object(fields)
    }

    /// The ids of both lists, old order first, each once.
    static func ordered(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        return (a + b).filter { seen.insert($0).inserted }
    }

    static func children<T: Identifiable & Equatable>(
        _ kind: RecordKind, app: String, _ old: [T], _ new: [T], _ encode: (T) -> JSONValue
    ) -> [RecordChange] where T.ID == String {
        keyed(kind, old, new, key: \.id, encode).map { change in
            var c = change
            c.app = app
            return c
        }
    }

    static func keyed<T: Equatable>(
        _ kind: RecordKind, _ old: [T], _ new: [T], key: KeyPath<T, String>, _ encode: (T) -> JSONValue
    ) -> [RecordChange] {
        guard old != new else { return [] }
        let was = Dictionary(old.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(new.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [RecordChange] = []
        for id in ordered(old.map { $0[keyPath: key] }, new.map { $0[keyPath: key] }) where was[id] != now[id] {
            changes.append(RecordChange(record: kind, id: id, before: was[id].map(encode), after: now[id].map(encode) ?? .null))
        }
        return changes
    }

    static func put<T: Identifiable>(
        _ change: RecordChange, in data: inout FollowUpData, _ list: WritableKeyPath<Application, [T]>,
        _ decode: (Reader) throws(SchemaError) -> T, places: [String: Int]
    ) throws(SchemaError) where T.ID == String {
        guard let app = change.app, let i = places[app] else { return }
        guard let before = change.before else {
            data.applications[i][keyPath: list].removeAll { $0.id == change.id }
            return
        }
        let record = try DataCodec.record(before, decode)
        if let j = data.applications[i][keyPath: list].firstIndex(where: { $0.id == change.id }) {
            data.applications[i][keyPath: list][j] = record
        } else {
            data.applications[i][keyPath: list].append(record)
        }
    }
}
