#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CBytes
import FollowUpCore
import JSON

/// Part of a data file, for a change that touches a few applications (one employer's): the file
/// as it was read, with only those applications and what lies outside the applications decoded.
/// Only for bytes that are what followup last saved (so canonical) and whose `QuietIndex` is at
/// hand: the index says where each application lies, and the canonical layout where its id,
/// employer and role are. The save writes the part's applications and everything outside the
/// list anew and copies every other application's bytes as they are — the same bytes the whole
/// way writes (tested change by change).
struct FilePart {
    /// The file as read.
    let file: MappedFile
    var bytes: UnsafeBufferPointer<UInt8> { file.bytes }
    /// Where its applications lie.
    let index: QuietIndex
    /// The positions of the part's applications among all of them, in file order.
    let positions: [Int]
    /// Everything outside the applications, and the part's applications.
    let data: FollowUpData

    /// The id, employer and role of every application in `bytes`, from the lines their fields
    /// lie on; nil when any cannot be read so.
    static func headings(_ all: UnsafeBufferPointer<UInt8>, index: QuietIndex) -> [ApplicationHeading]? {
        var headings: [ApplicationHeading] = []
        headings.reserveCapacity(index.entries.count)
        for e in index.entries {
            guard e.end <= all.count else { return nil }
            // An application's own fields, in the order of their names: contacts and createdAt
            // before the employer, events before the id, interviews before the role.
            var at = e.start
            guard let employer = field(Member.employer, in: all, from: &at, to: e.end),
                  let id = field(Member.id, in: all, from: &at, to: e.end) else { return nil }
            let role = field(Member.role, in: all, from: &at, to: e.end) ?? ""
            headings.append(ApplicationHeading(id: id, employer: employer, role: role))
        }
        return headings
    }

    /// An application's member as canonical bytes put it: on a line of its own, indented six
    /// spaces (the application is the root's list's element; deeper records' members are
    /// indented more), its value a string.
    enum Member {
        static let employer = Array("\n      \"employer\": \"".utf8)
        static let id = Array("\n      \"id\": \"".utf8)
        static let role = Array("\n      \"role\": \"".utf8)
    }

    /// The string value of the member that `prefix` starts, looked for from `at` up to `end`;
    /// `at` is left after it.
    private static func field(_ prefix: [UInt8], in all: UnsafeBufferPointer<UInt8>, from at: inout Int, to end: Int) -> String? {
        guard let found = find(prefix, in: all, from: at, to: end) else { return nil }
        let quote = found + prefix.count - 1
        var cursor = JSONCursor(UnsafeBufferPointer(rebasing: all[quote..<end]))
        guard cursor.next == .string, let value = try? cursor.string() else { return nil }
        at = quote + cursor.offset
        return value
    }

    /// Where `needle` first lies in `all[from..<to]`.
    static func find(_ needle: [UInt8], in all: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from <= to, to <= all.count, to - from >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { n -> Int? in
            guard let hit = fu_memmem(all.baseAddress! + from, to - from, n.baseAddress!, n.count) else { return nil }
            return UnsafeRawPointer(all.baseAddress!).distance(to: hit)
        }
    }

    /// The part made of the applications at `positions` (in file order, at least one); nil when
    /// the byte decoder does not read it.
    init?(_ file: MappedFile, index: QuietIndex, positions: [Int]) {
        guard !positions.isEmpty, zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }),
              positions.last! < index.entries.count, index.fits(size: file.bytes.count) else { return nil }
        let kept = Set(positions)
        guard let document = file.withBytes({ index.document(in: $0, keeping: kept.contains) }),
              let (data, spans) = ByteDecoder.decodeWithSpans(document), spans.count == positions.count else { return nil }
        self.file = file
        self.index = index
        self.positions = positions
        self.data = data
    }

    /// Whether a record outside the part's data (another application's, or a tombstone) may
    /// have this id: whether the file holds it as a JSON string at all. For an id minted by
    /// followup (`Identifiers`: a-z, 0-9 and `-`) the answer is exact — canonical JSON writes
    /// those characters as they are, and no other characters are canonically equivalent to
    /// them — and it errs only towards "taken" (the string as a name or a note).
    func mayHold(_ id: String) -> Bool {
        let needle = Array(("\"" + id + "\"").utf8)
        return FilePart.find(needle, in: bytes, from: 0, to: bytes.count) != nil
    }

    /// The save of `data` (the part's data after a change that kept its applications, by id
    /// and order): the bytes in pieces, from the file read and from the part written anew, and
    /// the index of them. Nil when the change added, removed or moved an application.
    func save(_ data: FollowUpData) -> Saved? {
        guard data.applications.count == positions.count,
              zip(data.applications, self.data.applications).allSatisfy({ $0.id == $1.id }) else { return nil }
        let (written, layout) = ByteEncoder.encodeLaidOut(data) { _ in nil }
        var pieces: [Saved.Piece] = [.written(0..<layout.list.lowerBound + 1)]
        var entries = index.entries
        var at = index.list.lowerBound + 1
        var delta = layout.list.lowerBound - index.list.lowerBound
        var next = 0
        for (k, p) in positions.enumerated() {
            let old = index.entries[p]
            pieces.append(.read(at..<old.start))
            let span = layout.spans[k]
            pieces.append(.written(span))
            // Those between moved by what changed before them.
            while next < p {
                entries[next].start += delta
                entries[next].end += delta
                next += 1
            }
            let start = old.start + delta
            delta += span.count - (old.end - old.start)
            entries[p] = QuietIndex.Entry(start, start + span.count, quietFrom: Rules.quietFrom(Glimpse(of: data.applications[k])))
            next = p + 1
            at = old.end
        }
        while next < entries.count {
            entries[next].start += delta
            entries[next].end += delta
            next += 1
        }
        pieces.append(.read(at..<index.list.upperBound))
        pieces.append(.written(layout.list.upperBound..<written.count))
        let list = layout.list.lowerBound..<(index.list.upperBound + delta)
        return Saved(read: file, written: written, pieces: pieces, index: QuietIndex(list: list, entries: entries))
    }

    /// A save in pieces: runs of the file read and of the bytes written anew.
    struct Saved: Sendable {
        enum Piece: Sendable {
            case read(Range<Int>)
            case written(Range<Int>)
        }

        let read: MappedFile
        let written: [UInt8]
        var pieces: [Piece]
        var index: QuietIndex

        var count: Int {
            pieces.reduce(0) { n, piece in
                switch piece {
                case let .read(r), let .written(r): n + r.count
                }
            }
        }

        /// Calls `body` with each piece's bytes, in order.
        func forEach(_ body: (UnsafeRawBufferPointer) -> Void) {
            let read = UnsafeRawBufferPointer(self.read.bytes)
            written.withUnsafeBytes { written in
                for piece in pieces {
                    switch piece {
                    case let .read(r): body(UnsafeRawBufferPointer(rebasing: read[r]))
                    case let .written(r): body(UnsafeRawBufferPointer(rebasing: written[r]))
                    }
                }
            }
        }

        /// Whether the pieces put together are `bytes`.
        func same(as bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count == count else { return false }
            var at = 0
            var same = true
            forEach { piece in
                guard same else { return }
                same = piece.isEmpty || memcmp(bytes.baseAddress! + at, piece.baseAddress!, piece.count) == 0
                at += piece.count
            }
            return same
        }
    }
}

/// The headings (`ApplicationHeading`) of every application of a data file, kept in the state
/// folder by each save beside the index, so that the next change made on part of the file finds
/// its applications without a look at every application's bytes or making every employer's key
/// again. A cache like the index: used only for the bytes it was made from (their length and
/// keyed hash) by the build that made it, and only if it is whole (its own hash); else the
/// headings are read from the bytes.
struct HeadingsFile: Sendable {
    let path: String

    init(dataPath: String, stateFolder: String) {
        path = stateFolder + "/" + HistoryFile.stem(of: dataPath) + ".headings"
    }

    var folder: String { DataFile(path: path).folder }

    static let header = "followup headings 1"

    /// The first lines: what the headings are of, and the hash of what follows them.
    func preamble(length: Int, hash: UInt64, key: String, count: Int, body: UInt64) -> String {
        "\(HeadingsFile.header)\nbytes \(length) \(hash)\nkey \(key)\ncount \(count) \(Int64(bitPattern: body))\n"
    }

    func write(_ headings: [ApplicationHeading], length: Int, hash: UInt64, key: String) {
        guard !key.contains("\n") else { return }
        var body: [UInt8] = []
        body.reserveCapacity(headings.count * 96)
        func add(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { body.append(contentsOf: $0) }
                body.append(contentsOf: utf8)
            }
        }
        for h in headings {
            add(h.id)
            add(h.employer)
            add(h.role)
            add(h.employerKey)
        }
        let check = ContentHash.hash(body, stateFolder: folder)
        DataFile.keepCache(Array(preamble(length: length, hash: hash, key: key, count: headings.count, body: check).utf8) + body, at: path)
    }

    /// The headings kept for bytes of this length and hash, made by the build `key` names.
    func read(length: Int, hash: UInt64, key: String) -> [ApplicationHeading]? {
        guard let bytes = try? DataFile.readBytes(path), bytes.count < 1 << 30 else { return nil }
        var lines = DueCountFile.Lines(bytes: bytes)
        guard lines.take("\(HeadingsFile.header)\nbytes \(length) \(hash)\nkey \(key)\ncount "),
              let numbers = lines.numbers(2), numbers[0] >= 0 else { return nil }
        let count = Int(numbers[0])
        let body = Array(bytes[lines.at...])
        guard Int64(bitPattern: ContentHash.hash(body, stateFolder: folder)) == numbers[1] else { return nil }
        return body.withUnsafeBufferPointer { all -> [ApplicationHeading]? in
            var at = 0
            func text() -> String? {
                guard at + 4 <= all.count else { return nil }
                let n = Int(UInt32(littleEndian: UnsafeRawPointer(all.baseAddress! + at).loadUnaligned(as: UInt32.self)))
                at += 4
                guard n <= all.count - at else { return nil }
                defer { at += n }
                return String(decoding: UnsafeBufferPointer(rebasing: all[at..<at + n]), as: UTF8.self)
            }
            var headings: [ApplicationHeading] = []
            headings.reserveCapacity(min(count, all.count / 16))
            for _ in 0..<count {
                guard let id = text(), let employer = text(), let role = text(), let key = text() else { return nil }
                headings.append(ApplicationHeading(id: id, employer: employer, role: role, employerKey: key))
            }
            return at == all.count ? headings : nil
        }
    }
}
