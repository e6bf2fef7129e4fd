#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore

/// Where each application lies in a data file's bytes, and from when it owes nothing
/// (`Rules.quietFrom`): what lets a command that shows what is to be done read only the
/// applications that can still owe something, without looking at the others at all. (Taskwarrior
/// keeps its completed tasks in a file of their own for the same reason; followup keeps one file,
/// and this index beside it in the state folder.)
public struct QuietIndex: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The application's bytes, from its `{` to its `}`.
        public var start: Int
        public var end: Int
        /// From when it owes nothing, in seconds; `Int64.max`: never.
        public var quietFrom: Int64

        init(_ start: Int, _ end: Int, quietFrom: Instant?) {
            self.start = start
            self.end = end
            self.quietFrom = quietFrom?.seconds ?? Int64.max
        }
    }

    /// The applications' list, from the offset of its `[` to the offset of its `]`.
    public var list: Range<Int>
    /// Every application, in the order of the file.
    public var entries: [Entry]

    /// Whether the index can describe a file of `size` bytes: the applications in order, apart,
    /// inside the list, the list inside the file.
    func fits(size: Int) -> Bool {
        guard list.lowerBound >= 0, list.upperBound < size else { return false }
        var after = list.lowerBound + 1
        for e in entries {
            guard e.start >= after, e.start < e.end else { return false }
            after = e.end
        }
        return after <= list.upperBound
    }

    /// The bytes of the same document with only the applications at the positions `keep`
    /// takes: the file up to the list's `[`, each run of such applications as it lies in the
    /// file (with the commas and spaces between them), a comma between runs, and the file from
    /// the list's `]`. `read` fills a buffer with the file's bytes in a range (false: it could
    /// not). Nil when the file cannot be read so.
    func document(size: Int, keeping keep: (Int) -> Bool, read: (Range<Int>, UnsafeMutablePointer<UInt8>) -> Bool) -> [UInt8]? {
        var pieces: [Range<Int>] = [0..<list.lowerBound + 1]
        var previousKept = false
        for (i, e) in entries.enumerated() {
            let kept = keep(i)
            if kept, previousKept, let last = pieces.last {
                pieces[pieces.count - 1] = last.lowerBound..<e.end
            } else if kept {
                pieces.append(e.start..<e.end)
            }
            previousKept = kept
        }
        pieces.append(list.upperBound..<size)
        let runs = pieces.count - 2
        let total = pieces.reduce(0) { $0 + $1.count } + max(0, runs - 1)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var at = 0
            for (k, piece) in pieces.enumerated() {
                if k >= 2, k <= runs {
                    buffer[at] = UInt8(ascii: ",")
                    at += 1
                }
                guard read(piece, buffer.baseAddress! + at) else { failed = true; count = 0; return }
                at += piece.count
            }
            count = at
        }
        return failed ? nil : bytes
    }

    /// `document` taken from the file's bytes at hand.
    func document(in all: UnsafeBufferPointer<UInt8>, keeping keep: (Int) -> Bool) -> [UInt8]? {
        document(size: all.count, keeping: keep) { piece, into in
            guard piece.upperBound <= all.count else { return false }
            into.update(from: all.baseAddress! + piece.lowerBound, count: piece.count)
            return true
        }
    }

    /// Whether the application at a position still owes something at `now` (not quiet).
    func notQuiet(at now: Instant) -> (Int) -> Bool {
        { entries[$0].quietFrom > now.seconds }
    }

    /// The document with only the applications not yet quiet at `now`, read from the file
    /// open at `fd`.
    func documentNotQuiet(at now: Instant, fd: Int32, size: Int) -> [UInt8]? {
        document(size: size, keeping: notQuiet(at: now)) { piece, into in
            var done = 0
            while done < piece.count {
                let n = pread(fd, into + done, piece.count - done, off_t(piece.lowerBound + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
    }

    /// The index of bytes laid out as `layout` says (the list and each application's bytes, as
    /// `ByteEncoder` wrote them), of `data`'s applications.
    static func of(_ data: FollowUpData, list: Range<Int>, spans: [Range<Int>]) -> QuietIndex? {
        guard spans.count == data.applications.count else { return nil }
        return QuietIndex(list: list, entries: zip(data.applications, spans).map { app, span in
            Entry(span.lowerBound, span.upperBound, quietFrom: Rules.quietFrom(Glimpse(of: app)))
        })
    }
}

/// A data file's `QuietIndex`, kept in the state folder beside its undo history. Like the kept
/// due count it is a cache, used only for the bytes it was made from, by the build of followup
/// that made it; a damaged or unknown one is ignored. It names those bytes two ways:
/// - by the file's device, inode, size and change times, when it was made from bytes read from
///   a file that had not changed for a while (`DueCountFile.Stamp.isSettled`), so that a change
///   in the same clock tick as the read cannot hide behind an equal stamp: a read that finds the
///   file so reads only the applications that can still owe something, and nothing else;
/// - by the bytes' length and keyed 64-bit hash (`ContentHash`), always: a save writes the index of
///   what it wrote, and the first read after it (before the file has settled) knows the bytes by
///   their hash, without looking at every application.
/// So an index is used only for the bytes it was made from (bytes of another content meet both
/// their length and their keyed hash by chance alone, about once in 2⁶⁴), else not at all; and
/// only whole: its last line is the keyed hash of all before it (a change made on part of the
/// file carries the other applications' places over into the index it keeps).
public struct QuietIndexFile: Sendable {
    public let path: String

    public init(dataPath: String, stateFolder: String) {
        path = stateFolder + "/" + HistoryFile.stem(of: dataPath) + ".index"
    }

    static let header = "followup index 3"

    var folder: String { DataFile(path: path).folder }

    /// What the kept index names its bytes by.
    struct Names {
        var stamp: DueCountFile.Stamp?
        var length: Int
        var hash: UInt64
    }

    /// The index kept, and what it names its bytes by.
    struct Kept {
        let names: Names
        let index: QuietIndex

        /// The index, when it is for the file as it is now (`stamp`).
        func index(for stamp: DueCountFile.Stamp) -> QuietIndex? {
            names.stamp == stamp && names.length == Int(stamp.size) ? index : nil
        }

        /// The index, when it is for bytes of this length and hash (`ContentHash`).
        func index(length: Int, hash: @autoclosure () -> UInt64) -> QuietIndex? {
            names.length == length && names.hash == hash() ? index : nil
        }
    }

    /// The index kept for the file as it is now (`stamp`), made by the build `key` names; nil
    /// when there is none that can be trusted.
    func read(for stamp: DueCountFile.Stamp, key: String) -> QuietIndex? {
        read(key: key)?.index(for: stamp)
    }

    /// The index kept for bytes of this length and hash (`ContentHash`), made by the build
    /// `key` names.
    func read(length: Int, hash: @autoclosure () -> UInt64, key: String) -> QuietIndex? {
        read(key: key)?.index(length: length, hash: hash())
    }

    /// The index kept by the build `key` names, read once for both ways of naming its bytes.
    func read(key: String) -> Kept? {
        guard let bytes = try? DataFile.readBytes(path), bytes.count < 1 << 30 else { return nil }
        var lines = DueCountFile.Lines(bytes: bytes)
        guard lines.take(QuietIndexFile.header + "\n"), lines.take("file ") else { return nil }
        var stamp: DueCountFile.Stamp?
        if !lines.take("none\n") {
            guard let file = lines.numbers(7), let s = DueCountFile.Stamp(fields: file) else { return nil }
            stamp = s
        }
        guard lines.take("bytes "), let content = lines.numbers(2), content[0] >= 0,
              lines.take("key " + key + "\n"),
              lines.take("list "), let list = lines.numbers(2), list[0] >= 0, list[0] < list[1],
              lines.take("entries "), let count = lines.numbers(1), count[0] >= 0,
              count[0] <= Int64((bytes.count - lines.at) / 24) else { return nil }
        let n = Int(count[0])
        var entries: [QuietIndex.Entry] = []
        entries.reserveCapacity(n)
        bytes.withUnsafeBytes { raw in
            for i in 0..<n {
                let at = lines.at + i * 24
                func number(_ k: Int) -> Int64 { Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at + k * 8, as: Int64.self)) }
                entries.append(QuietIndex.Entry(start: Int(truncatingIfNeeded: number(0)), end: Int(truncatingIfNeeded: number(1)), quietFrom: number(2)))
            }
        }
        lines.at += n * 24
        // Whole: what comes before the last line hashes as that line says.
        let body = lines.at
        guard lines.take("check "), let check = lines.numbers(1), lines.atEnd,
              bytes.withUnsafeBytes({ ContentHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<body]), stateFolder: folder) }) == UInt64(bitPattern: check[0])
        else { return nil }
        let index = QuietIndex(list: Int(list[0])..<Int(list[1]), entries: entries)
        let names = Names(stamp: stamp, length: Int(content[0]), hash: UInt64(bitPattern: content[1]))
        return index.fits(size: names.length) ? Kept(names: names, index: index) : nil
    }

    /// Keeps `index` for bytes of this length and hash, and for the file as `stamp` names it
    /// when the bytes were read from a settled file. A failure is of no consequence (the next read looks at every
    /// application), so none is reported.
    func write(_ index: QuietIndex, length: Int, hash: UInt64, stamp: DueCountFile.Stamp?, key: String) {
        guard !key.contains("\n"), index.fits(size: length), stamp.map({ Int($0.size) == length }) ?? true else { return }
        var text = QuietIndexFile.header + "\n"
        text += "file " + (stamp.map { $0.fields.map(String.init).joined(separator: " ") } ?? "none") + "\n"
        text += "bytes \(length) \(Int64(bitPattern: hash))\n"
        text += "key " + key + "\n"
        text += "list \(index.list.lowerBound) \(index.list.upperBound)\n"
        text += "entries \(index.entries.count)\n"
        var out = Array(text.utf8)
        out.reserveCapacity(out.count + index.entries.count * 24 + 4)
        for e in index.entries {
            for n in [Int64(e.start), Int64(e.end), e.quietFrom] {
                withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        let check = Int64(bitPattern: ContentHash.hash(out, stateFolder: folder))
        out += Array("check \(check)\n".utf8)
        DataFile.keepCache(out, at: path)
    }
}

extension QuietIndex.Entry {
    init(start: Int, end: Int, quietFrom: Int64) {
        self.start = start
        self.end = end
        self.quietFrom = quietFrom
    }
}
