import Foundation

/// The records layer: every record with an id, walked once, and what changed between two datas.
/// Used by validation, the undo history, `followup edit`, the actions layer and (later) merge,
/// instead of a walk of their own each.
extension FollowUpData {
    /// Calls `body` with each application, contact, interview and event: its kind, id and the
    /// application it belongs to (nil for an application), in file order.
    public func forEachRecord(_ body: (RecordKind, String, String?) -> Void) {
        for app in applications {
            body(.application, app.id, nil)
            for c in app.contacts { body(.contact, c.id, app.id) }
            for i in app.interviews { body(.interview, i.id, app.id) }
            for e in app.events { body(.event, e.id, app.id) }
        }
    }

    /// The ids of every record in the file.
    public var recordIDs: Set<String> {
        var ids = Set<String>()
        forEachRecord { _, id, _ in ids.insert(id) }
        return ids
    }

    /// Whether any record, or a tombstone, has this id: a scan, cheaper than building the set of
    /// every id for one new one.
    public func usesID(_ id: String) -> Bool {
        if tombstones.contains(where: { $0.id == id }) { return true }
        // Looked at in place (a loop over the values would copy each record, retaining every
        // string in it, to read one field), lengths first: most ids differ in length, which a
        // string knows without a look at its bytes.
        let length = id.utf8.count
        func same(_ other: String) -> Bool { other.utf8.count == length && other == id }
        return applications.withUnsafeBufferPointer { apps in
            apps.indices.contains { i in
                same(apps[i].id)
                    || apps[i].contacts.withUnsafeBufferPointer { c in c.indices.contains { same(c[$0].id) } }
                    || apps[i].interviews.withUnsafeBufferPointer { v in v.indices.contains { same(v[$0].id) } }
                    || apps[i].events.withUnsafeBufferPointer { e in e.indices.contains { same(e[$0].id) } }
            }
        }
    }

    /// Removes records for good, leaving tombstones so a merged copy cannot bring them back.
    public mutating func bury(_ ids: [String], at now: Instant) {
        var buried = Set(tombstones.map(\.id))
        for id in ids where buried.insert(id).inserted {
            tombstones.append(Tombstone(id: id, deletedAt: now))
        }
    }

    /// Stamps what a change did, compared with the data before it: `updatedAt = now` on every
    /// record that differs from its old self (by id), and a tombstone for every record that is
    /// gone. The one place `updatedAt` is set after a change.
    public mutating func stampChanges(since old: FollowUpData, at now: Instant) {
        // Usually the same applications in the same order: each compared with the one at its
        // place, in place (copying ten thousand applications into a dictionary costs more than
        // the change). Only when the order differs are positions looked up by id.
        let oldPlaces = Places(old.applications)
        var changed: [(Int, Int)] = []
        applications.withUnsafeBufferPointer { new in
            old.applications.withUnsafeBufferPointer { was in
                for i in new.indices {
                    guard let j = oldPlaces.index(of: new[i].id, near: i, in: was) else { continue }
                    if !Application.unchanged(new.baseAddress! + i, was.baseAddress! + j) { changed.append((i, j)) }
                }
            }
        }
        for (i, j) in changed {
            let was = old.applications[j]
            if applications[i].withoutChildren != was.withoutChildren { applications[i].updatedAt = now }
            FollowUpData.stamp(&applications[i].contacts, was.contacts, now)
            FollowUpData.stamp(&applications[i].interviews, was.interviews, now)
            FollowUpData.stamp(&applications[i].events, was.events, now)
        }
        let oldSnoozes = Dictionary(old.snoozes.map { ($0.taskID, $0) }, uniquingKeysWith: { a, _ in a })
        for i in snoozes.indices where oldSnoozes[snoozes[i].taskID].map({ $0 != snoozes[i] }) ?? false {
            snoozes[i].updatedAt = now
        }
        // What is gone, looked for only where something changed: an application no longer
        // here, or the children of one that changed.
        let newPlaces = Places(applications)
        var missing: [Int] = []
        changed = []
        applications.withUnsafeBufferPointer { new in
            old.applications.withUnsafeBufferPointer { was in
                for j in was.indices {
                    guard let i = newPlaces.index(of: was[j].id, near: j, in: new) else {
                        missing.append(j)
                        continue
                    }
                    if !Application.unchanged(new.baseAddress! + i, was.baseAddress! + j) { changed.append((i, j)) }
                }
            }
        }
        var gone: [String] = []
        for j in missing {
            let was = old.applications[j]
            gone += [was.id] + was.contacts.map(\.id) + was.interviews.map(\.id) + was.events.map(\.id)
        }
        for (i, j) in changed {
            let was = old.applications[j]
            let kept = Set(applications[i].contacts.map(\.id) + applications[i].interviews.map(\.id) + applications[i].events.map(\.id))
            gone += (was.contacts.map(\.id) + was.interviews.map(\.id) + was.events.map(\.id)).filter { !kept.contains($0) }
        }
        // A record moved to another application (by hand) is not gone.
        if !gone.isEmpty {
            let present = recordIDs
            bury(gone.filter { !present.contains($0) }, at: now)
        }
    }

    private static func stamp<T: Stamped>(_ records: inout [T], _ old: [T], _ now: Instant) {
        guard records != old else { return }
        let was = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for i in records.indices {
            if let before = was[records[i].id], before != records[i] { records[i].updatedAt = now }
        }
    }
}

/// A record that carries its own `updatedAt`.
protocol Stamped: Identifiable, Equatable where ID == String {
    var updatedAt: Instant { get set }
}

extension Contact: Stamped {}
extension Interview: Stamped {}
extension Event: Stamped {}

extension Application {
    /// The application's own fields, without its contacts, interviews and events.
    public var withoutChildren: Application {
        var a = self
        a.contacts = []
        a.interviews = []
        a.events = []
        return a
    }
}

/// Where each application is in a list, by id: looked at the expected place first, and built as
/// a dictionary only when that misses (an application added, deleted or moved).
final class Places {
    private var byID: [String: Int]?

    init(_ apps: [Application]) {}

    func index(of id: String, near i: Int, in apps: UnsafeBufferPointer<Application>) -> Int? {
        if i < apps.count, apps[i].id == id { return i }
        if i + 1 < apps.count, apps[i + 1].id == id { return i + 1 }
        if i > 0, i - 1 < apps.count, apps[i - 1].id == id { return i - 1 }
        if byID == nil {
            var map: [String: Int] = [:]
            map.reserveCapacity(apps.count)
            for (k, a) in apps.enumerated() where map[a.id] == nil { map[a.id] = k }
            byID = map
        }
        return byID?[id]
    }
}

extension Application {
    /// Whether two applications are equal, seen in place: the same bits (what a change leaves
    /// of every application it did not touch: the same strings, arrays and dictionaries) is
    /// equal without a look inside; else field by field.
    @inline(__always)
    static func unchanged(_ a: UnsafePointer<Application>, _ b: UnsafePointer<Application>) -> Bool {
        identical(a.pointee, b.pointee) || a.pointee == b.pointee
    }

    /// Whether `b` is `a` bit for bit — the same strings and arrays, as a change leaves every
    /// application it did not touch. Not `==`: that holds for text that differs only in its
    /// Unicode normalisation (é and e + ◌́). Field by field, not the whole value's bytes: the
    /// bytes between fields are not copied with a value (an application moved to a new array,
    /// as a change to another one moves them all, keeps its fields but not those). Every field
    /// is compared (a test counts them).
    public static func identical(_ a: Application, _ b: Application) -> Bool {
        sameBits(a.id, b.id) && sameBits(a.employer, b.employer) && sameBits(a.role, b.role)
            && a.decisionBy == b.decisionBy && a.applied == b.applied
            && sameBits(a.location, b.location) && sameBits(a.link, b.link)
            && a.decisionGivenAt == b.decisionGivenAt && sameBits(a.timeZone, b.timeZone)
            && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt
            && sameBits(a.contacts, b.contacts) && sameBits(a.interviews, b.interviews) && sameBits(a.events, b.events)
            && sameBits(a.extra, b.extra)
    }

    /// The same bits: for a string, the same bytes held inline or the same storage; for an
    /// array or a dictionary, the same storage. (Days and instants are whole numbers, which `==`
    /// compares as they are.)
    @inline(__always)
    static func sameBits<T>(_ a: T, _ b: T) -> Bool {
        withUnsafeBytes(of: a) { x in withUnsafeBytes(of: b) { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
