#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore
import JSON

/// Writes the data file's canonical bytes straight from the model: the same bytes as
/// `JSONWriter.canonical(DataCodec.encode(data))` (tested on every file the tests know), without
/// building a JSON tree and sorting every record's keys on the way — which was most of the cost
/// of every save. Each record's known fields are written in the byte order of their names; fields
/// followup does not know are merged in where their names sort.
public enum ByteEncoder {
    public static func encode(_ data: FollowUpData) -> [UInt8] {
        encode(data) { _ in nil }
    }

    /// The canonical bytes of `data`, each application that `reuse` has bytes for copied as they
    /// are: they must be that application's canonical form (see `Splice`).
    static func encode(_ data: FollowUpData, reuse: (Application) -> ArraySlice<UInt8>?) -> [UInt8] {
        encodeLaidOut(data, reuse: reuse).bytes
    }

    /// Where the applications went in bytes `ByteEncoder` wrote: the list from its `[` to its
    /// `]`, and each application from its `{` to its `}`.
    struct Layout {
        var list: Range<Int>
        var spans: [Range<Int>]
    }

    /// `encode`, and where the applications went.
    static func encodeLaidOut(_ data: FollowUpData, reuse: (Application) -> ArraySlice<UInt8>?) -> (bytes: [UInt8], layout: Layout) {
        var w = Writer()
        w.out.reserveCapacity(4096 + data.applications.count * 6000)
        var o = w.begin(data.extra, removing: Keys.root, depth: 0)
        w.key("applications", &o)
        let open = w.out.count
        var spans: [Range<Int>] = []
        spans.reserveCapacity(data.applications.count)
        w.array(data.applications, depth: 1) { w, a, depth in
            let start = w.out.count
            if let bytes = reuse(a) { w.out.append(contentsOf: bytes) } else { w.application(a, depth: depth) }
            spans.append(start..<w.out.count)
        }
        let layout = Layout(list: open..<(w.out.count - 1), spans: spans)
        w.key("dismissals", &o)
        w.array(data.dismissals, depth: 1) { w, d, depth in
            var o = w.begin(d.extra, removing: Keys.dismissal, depth: depth)
            w.key("taskId", &o); w.string(d.taskID)
            w.key("updatedAt", &o); w.instant(d.updatedAt)
            w.end(&o)
        }
        w.key("settings", &o)
        JSONWriter.appendCanonical(DataCodec.encode(data.settings), depth: 1, to: &w.out)
        w.key("snoozes", &o)
        w.array(data.snoozes, depth: 1) { w, s, depth in
            var o = w.begin(s.extra, removing: Keys.snooze, depth: depth)
            w.key("taskId", &o); w.string(s.taskID)
            w.key("until", &o); w.day(s.until)
            w.key("updatedAt", &o); w.instant(s.updatedAt)
            w.end(&o)
        }
        w.key("tombstones", &o)
        w.array(data.tombstones, depth: 1) { w, t, depth in
            var o = w.begin(t.extra, removing: Keys.tombstone, depth: depth)
            w.key("deletedAt", &o); w.instant(t.deletedAt)
            w.key("id", &o); w.string(t.id)
            w.end(&o)
        }
        w.key("version", &o)
        w.out.append(contentsOf: String(data.version).utf8)
        w.end(&o)
        w.out.append(UInt8(ascii: "\n"))
        return (w.out, layout)
    }

    /// The names each record writes itself: a field of `extra` by one of these names gives way
    /// (to the known value, or to nothing when the value is absent), as in `DataCodec.encode`.
    enum Keys {
        static let root = Set(Fields.root)
        /// `applied` is written by the application only when it is a date (else it is kept in `extra`).
        static let application = Set(Fields.application + Fields.applicationLists).subtracting(["applied"])
        static let applicationWithApplied = Set(Fields.application + Fields.applicationLists)
        static let contact = Set(Fields.contact)
        static let interview = Set(Fields.interview)
        static let event = Set(Fields.event)
        static let snooze = Set(Fields.snooze)
        static let dismissal = Set(Fields.dismissal)
        static let tombstone = Set(Fields.tombstone)
    }

    struct Writer {
        var out: [UInt8] = []

        /// An object being written: its members must be named in byte order.
        struct Object {
            let depth: Int
            /// Fields of `extra` still to write, in byte order.
            var extras: ArraySlice<(key: String, value: JSONValue)>
            var empty = true
        }

        mutating func begin(_ extra: ExtraFields, removing known: Set<String>, depth: Int) -> Object {
            out.append(UInt8(ascii: "{"))
            guard !extra.isEmpty else { return Object(depth: depth, extras: []) }
            let kept = extra.filter { !known.contains($0.key) }.map { (key: $0.key, value: $0.value) }
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return Object(depth: depth, extras: kept[...])
        }

        /// Starts the member `key` (the fields of `extra` that sort before it first).
        mutating func key(_ key: StaticString, _ o: inout Object) {
            let name = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
            while let e = o.extras.first, e.key.utf8.lexicographicallyPrecedes(name) {
                o.extras.removeFirst()
                extraMember(e, &o)
            }
            separate(&o)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: name)
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
        }

        mutating func end(_ o: inout Object) {
            while let e = o.extras.popFirst() { extraMember(e, &o) }
            if !o.empty { newline(o.depth) }
            out.append(UInt8(ascii: "}"))
        }

        mutating func extraMember(_ e: (key: String, value: JSONValue), _ o: inout Object) {
            separate(&o)
            JSONWriter.appendString(e.key, to: &out)
            out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            JSONWriter.appendCanonical(e.value, depth: o.depth + 1, to: &out)
        }

        mutating func separate(_ o: inout Object) {
            if !o.empty { out.append(UInt8(ascii: ",")) }
            o.empty = false
            newline(o.depth + 1)
        }

        mutating func newline(_ depth: Int) {
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<depth { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
        }

        mutating func array<T>(_ items: [T], depth: Int, _ write: (inout Writer, T, Int) -> Void) {
            guard !items.isEmpty else { return out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")]) }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(&self, item, depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
        }

        mutating func string(_ s: String) { JSONWriter.appendString(s, to: &out) }

        mutating func instant(_ t: Instant) {
            out.append(UInt8(ascii: "\""))
            t.appendDescription(to: &out)
            out.append(UInt8(ascii: "\""))
        }

        mutating func day(_ d: Day) {
            out.append(UInt8(ascii: "\""))
            d.appendDescription(to: &out)
            out.append(UInt8(ascii: "\""))
        }

        mutating func int(_ n: Int) { out.append(contentsOf: String(n).utf8) }

        mutating func yes() { out.append(contentsOf: "true".utf8) }

        // MARK: Records

        mutating func application(_ a: Application, depth: Int) {
            var o = begin(a.extra, removing: a.applied == nil ? Keys.application : Keys.applicationWithApplied, depth: depth)
            if let applied = a.applied { key("applied", &o); day(applied) }
            key("contacts", &o)
            array(a.contacts, depth: depth + 1) { w, c, depth in w.contact(c, depth: depth) }
            key("createdAt", &o); instant(a.createdAt)
            if let d = a.decisionBy { key("decisionBy", &o); day(d) }
            if let t = a.decisionGivenAt { key("decisionGivenAt", &o); instant(t) }
            key("employer", &o); string(a.employer)
            key("events", &o)
            array(a.events, depth: depth + 1) { w, e, depth in w.event(e, depth: depth) }
            key("id", &o); string(a.id)
            key("interviews", &o)
            array(a.interviews, depth: depth + 1) { w, i, depth in w.interview(i, depth: depth) }
            if let s = a.link { key("link", &o); string(s) }
            if let s = a.location { key("location", &o); string(s) }
            key("role", &o); string(a.role)
            if let s = a.timeZone { key("tz", &o); string(s) }
            key("updatedAt", &o); instant(a.updatedAt)
            end(&o)
        }

        mutating func contact(_ c: Contact, depth: Int) {
            var o = begin(c.extra, removing: Keys.contact, depth: depth)
            if let s = c.address { key("address", &o); string(s) }
            key("createdAt", &o); instant(c.createdAt)
            if let s = c.email { key("email", &o); string(s) }
            key("id", &o); string(c.id)
            if c.mayCall { key("mayCall", &o); yes() }
            key("name", &o); string(c.name)
            if let s = c.phone { key("phone", &o); string(s) }
            if let r = c.role { key("role", &o); string(r.rawValue) }
            if let s = c.title { key("title", &o); string(s) }
            if let s = c.timeZone { key("tz", &o); string(s) }
            key("updatedAt", &o); instant(c.updatedAt)
            end(&o)
        }

        mutating func interview(_ i: Interview, depth: Int) {
            var o = begin(i.extra, removing: Keys.interview, depth: depth)
            key("at", &o); instant(i.at)
            if i.cancelled { key("cancelled", &o); yes() }
            key("createdAt", &o); instant(i.createdAt)
            if let d = i.decisionBy { key("decisionBy", &o); day(d) }
            if let t = i.decisionGivenAt { key("decisionGivenAt", &o); instant(t) }
            key("id", &o); string(i.id)
            if let k = i.kind { key("kind", &o); string(k.rawValue) }
            if let n = i.minutes { key("minutes", &o); int(n) }
            if let n = i.round { key("round", &o); int(n) }
            if i.travel { key("travel", &o); yes() }
            key("updatedAt", &o); instant(i.updatedAt)
            if !i.with.isEmpty {
                key("with", &o)
                array(i.with, depth: depth + 1) { w, s, _ in w.string(s) }
            }
            end(&o)
        }

        mutating func event(_ e: Event, depth: Int) {
            var o = begin(e.extra, removing: Keys.event, depth: depth)
            if let a = e.about { key("about", &o); string(a.rawValue) }
            if e.answered { key("answered", &o); yes() }
            if let s = e.answers { key("answers", &o); string(s) }
            key("at", &o); instant(e.at)
            if let c = e.channel { key("channel", &o); string(c.rawValue) }
            if let s = e.contact { key("contact", &o); string(s) }
            key("createdAt", &o); instant(e.createdAt)
            if let d = e.decisionBy { key("decisionBy", &o); day(d) }
            if let d = e.due { key("due", &o); day(d) }
            key("id", &o); string(e.id)
            key("kind", &o); string(e.kind.rawValue)
            if let s = e.text { key("text", &o); string(s) }
            key("updatedAt", &o); instant(e.updatedAt)
            end(&o)
        }
    }
}

/// A save that copies the applications a change did not touch from the bytes it read, instead of
/// writing them out again: only when those bytes are known to be canonical — exactly the bytes
/// followup itself last saved to this file, recognised by their length and a 64-bit hash kept in
/// the state folder (a file edited by hand since is written out in full once, then spliced again).
/// An application is copied only when it is, bit for bit, the one read with its id.
public struct Splice {
    let bytes: [UInt8]
    let read: FollowUpData
    let spans: [Range<Int>]
    let index: [String: Int]

    /// Reads `bytes` for a splice; nil when they are not what followup last saved (per `mark`)
    /// or the byte decoder does not read them.
    init?(_ bytes: [UInt8], mark: WrittenMark) {
        guard mark.matches(bytes) else { return nil }
        self.init(bytes)
    }

    /// Reads `bytes`, known to be what followup last saved, for a splice; nil when the byte
    /// decoder does not read them.
    init?(_ bytes: [UInt8]) {
        guard let (data, spans) = ByteDecoder.decodeWithSpans(bytes),
              spans.count == data.applications.count else { return nil }
        self.bytes = bytes
        self.read = data
        self.spans = spans
        var index: [String: Int] = [:]
        for (i, app) in data.applications.enumerated() { index[app.id] = i }
        self.index = index
    }

    /// The save's bytes and where the applications went in them.
    func encodeLaidOut(_ data: FollowUpData) -> (bytes: [UInt8], layout: ByteEncoder.Layout) {
        let (bytes, layout, _) = encodeCounting(data)
        return (bytes, layout)
    }

    /// The save's bytes, where the applications went, and how many were copied from the bytes read.
    func encodeCounting(_ data: FollowUpData) -> (bytes: [UInt8], layout: ByteEncoder.Layout, copied: Int) {
        var copied = 0
        let (bytes, layout) = ByteEncoder.encodeLaidOut(data) { app in
            guard let i = index[app.id], Application.identical(read.applications[i], app) else { return nil }
            copied += 1
            return self.bytes[spans[i]]
        }
        return (bytes, layout, copied)
    }
}

/// What followup last saved to a data file — its length and keyed hash (`ContentHash`) — kept in
/// the state folder, so that the next save knows whether the file is still exactly that (and so
/// canonical). A missing or damaged mark only means a save in full.
public struct WrittenMark: Sendable {
    public let path: String

    public init(dataPath: String, stateFolder: String) {
        path = stateFolder + "/" + HistoryFile.stem(of: dataPath) + ".written"
    }

    var folder: String { DataFile(path: path).folder }

    func text(length: Int, hash: UInt64) -> String {
        "followup written 2 \(length) \(hash)\n"
    }

    /// Whether `bytes` are what the mark says was last saved.
    func matches(_ bytes: [UInt8]) -> Bool {
        matches(length: bytes.count, hash: ContentHash.hash(bytes, stateFolder: folder))
    }

    /// The hash the mark gives for the bytes last saved, when they were of this length.
    func hash(length: Int) -> UInt64? {
        guard let kept = try? DataFile.readBytes(path), kept.count < 200 else { return nil }
        let fields = String(decoding: kept, as: UTF8.self).split(separator: " ")
        guard fields.count == 5, let hash = UInt64(fields[4].dropLast()),
              String(decoding: kept, as: UTF8.self) == text(length: length, hash: hash) else { return nil }
        return hash
    }

    /// Whether bytes of this length and hash (`ContentHash`) are what the mark says was last saved.
    func matches(length: Int, hash: @autoclosure () -> UInt64) -> Bool {
        guard let kept = try? DataFile.readBytes(path), kept.count < 200 else { return false }
        return String(decoding: kept, as: UTF8.self) == text(length: length, hash: hash())
    }

    /// Marks `bytes` as saved (not waited for on disk: a mark lost in a crash only costs one
    /// save in full).
    func mark(_ bytes: [UInt8], hash: UInt64? = nil) {
        mark(length: bytes.count, hash: hash ?? ContentHash.hash(bytes, stateFolder: folder))
    }

    /// Marks bytes of this length and hash as saved.
    func mark(length: Int, hash: UInt64) {
        DataFile.keepCache(Array(text(length: length, hash: hash).utf8), at: path)
    }
}
