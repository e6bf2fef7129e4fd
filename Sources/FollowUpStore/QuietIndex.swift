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

    /// The bytes of the same document with only the applications not yet quiet at `now`, read
    /// from `fd` (a file of `size` bytes): the file up to the list's `[`, each run of such
    /// applications as it lies in the file (with the commas and spaces between them), a comma
    /// between runs, and the file from the list's `]`. Nil when the file cannot be read so.
    func documentNotQuiet(at now: Instant, fd: Int32, size: Int) -> [UInt8]? {
        var pieces: [Range<Int>] = [0..<list.lowerBound + 1]
        var previousOpen = false
        for e in entries {
            let open = e.quietFrom > now.seconds
            if open, previousOpen, let last = pieces.last {
                pieces[pieces.count - 1] = last.lowerBound..<e.end
            } else if open {
                pieces.append(e.start..<e.end)
            }
            previousOpen = open
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
                var done = 0
                while done < piece.count {
                    let n = pread(fd, buffer.baseAddress! + at + done, piece.count - done, off_t(piece.lowerBound + done))
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { failed = true; count = 0; return }
                    done += n
                }
                at += piece.count
            }
            count = at
        }
        return failed ? nil : bytes
    }
}

/// A data file's `QuietIndex`, kept in the state folder beside its undo history. Like the kept
/// due count it is a cache: it names the data file's device, inode, size and change times and
/// the build of followup that made it, and is ignored unless all of them are still so; a damaged
/// or unknown one is ignored too. It is written only from bytes that were checked as a read
/// checks them (every application read in full or looked at), of a file that had not changed
/// for a while (`DueCountFile.Stamp.isSettled`), so that a change in the same clock tick as the
/// read cannot hide behind an equal stamp: an index is always either right for the file's bytes
/// or not used.
public struct QuietIndexFile: Sendable {
    public let path: String

    public init(dataPath: String, stateFolder: String) {
        path = stateFolder + "/" + HistoryFile.stem(of: dataPath) + ".index"
    }

    static let header = "followup index 1"

    /// The index kept for the file as it is now (`stamp`), made by the build `key` names; nil
    /// when there is none that can be trusted.
    func read(for stamp: DueCountFile.Stamp, key: String) -> QuietIndex? {
        guard let bytes = try? DataFile.readBytes(path), bytes.count < 1 << 30 else { return nil }
        var lines = DueCountFile.Lines(bytes: bytes)
        guard lines.take(QuietIndexFile.header + "\n"), lines.take("file "), let file = lines.numbers(7),
              DueCountFile.Stamp(fields: file) == stamp, lines.take("key " + key + "\n"),
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
        guard lines.take("end\n"), lines.atEnd else { return nil }
        let index = QuietIndex(list: Int(list[0])..<Int(list[1]), entries: entries)
        return index.fits(size: Int(stamp.size)) ? index : nil
    }

    /// Keeps `index` for the file as `stamp` names it. A failure is of no consequence (the next
    /// read looks at every application), so none is reported.
    func write(_ index: QuietIndex, for stamp: DueCountFile.Stamp, key: String) {
        guard !key.contains("\n"), index.fits(size: Int(stamp.size)) else { return }
        var text = QuietIndexFile.header + "\n"
        text += "file " + stamp.fields.map(String.init).joined(separator: " ") + "\n"
        text += "key " + key + "\n"
        text += "list \(index.list.lowerBound) \(index.list.upperBound)\n"
        text += "entries \(index.entries.count)\n"
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(bytes.count + index.entries.count * 24 + 4)
        for e in index.entries {
            for n in [Int64(e.start), Int64(e.end), e.quietFrom] {
                withUnsafeBytes(of: n.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        bytes += Array("end\n".utf8)
        let folder = DataFile(path: path).folder
        do {
            try DataFile.makeFolder(folder)
            try DataFile.writeDurably(bytes, to: path, folder: folder, syncing: false)
        } catch {}
    }
}

extension QuietIndex.Entry {
    init(start: Int, end: Int, quietFrom: Int64) {
        self.start = start
        self.end = end
        self.quietFrom = quietFrom
    }
}
