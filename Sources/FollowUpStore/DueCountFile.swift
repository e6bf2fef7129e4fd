#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore

/// A data file's due count (see `DueCount`), kept in the state folder beside its undo history so
/// that `agenda --count` — run by a shell prompt or a status bar every few seconds — answers
/// without reading the data file. It is a cache: it names the data file's device, inode, size
/// and change times and the zone it was counted in, and is ignored unless all of them are still
/// so; a damaged or unknown one is ignored too. It is only written from bytes whose file had not
/// changed for a while (see `Stamp.isSettled`), so that a change in the same clock tick as the
/// read cannot hide behind an equal stamp.
public struct DueCountFile: Sendable {
    public let path: String

    public init(dataPath: String, stateFolder: String) {
        path = stateFolder + "/" + HistoryFile.stem(of: dataPath) + ".due-count"
    }

    /// What identifies one version of a file without reading it: any change of its bytes, by
    /// any program, makes a new inode (saved by rename) or moves the change time on.
    public struct Stamp: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: (seconds: Int64, nanoseconds: Int64)
        var changed: (seconds: Int64, nanoseconds: Int64)

        public static func == (a: Stamp, b: Stamp) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified == b.modified && a.changed == b.changed
        }

        /// The stamp of the file at `path` (through links); nil when there is none.
        public static func of(_ path: String) -> Stamp? {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            return of(st)
        }

        /// The stamp of the file open at `fd`; nil when it is not a regular file.
        static func of(fd: Int32) -> Stamp? {
            var st = stat()
            guard fstat(fd, &st) == 0 else { return nil }
            return of(st)
        }

        static func of(_ st: stat) -> Stamp? {
            guard (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            #if canImport(Darwin)
            let m = st.st_mtimespec, c = st.st_ctimespec
            #else
            let m = st.st_mtim, c = st.st_ctim
            #endif
            return Stamp(
                device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                modified: (Int64(m.tv_sec), Int64(m.tv_nsec)), changed: (Int64(c.tv_sec), Int64(c.tv_nsec)))
        }

        /// Whether the file last changed at least two seconds before `clock` (the real time, in
        /// seconds): a later change then moves its change time on, whatever the file system's
        /// clock tick.
        public func isSettled(clock: Int64) -> Bool { changed.seconds + 2 <= clock }

        var fields: [Int64] {
            [Int64(bitPattern: device), Int64(bitPattern: inode), size, modified.seconds, modified.nanoseconds,
             changed.seconds, changed.nanoseconds]
        }

        init(device: UInt64, inode: UInt64, size: Int64, modified: (Int64, Int64), changed: (Int64, Int64)) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }

        init?(fields f: [Int64]) {
            guard f.count == 7 else { return nil }
            self.init(device: UInt64(bitPattern: f[0]), inode: UInt64(bitPattern: f[1]), size: f[2],
                      modified: (f[3], f[4]), changed: (f[5], f[6]))
        }
    }

    static let header = "followup due-count 1"

    /// The count kept for the file as it is now (`stamp`) in `zone`; nil when there is none that
    /// can be trusted. (Read from bytes: it runs on every prompt.)
    public func read(for stamp: Stamp, zone: String) -> DueCount? {
        guard let bytes = try? DataFile.readBytes(path), bytes.count < 1 << 24 else { return nil }
        var lines = Lines(bytes: bytes)
        guard lines.take(DueCountFile.header + "\n"), lines.take("file "), let file = lines.numbers(7),
              Stamp(fields: file) == stamp, lines.take("zone " + zone + "\n"),
              lines.take("span "), let span = lines.numbers(2), span[0] <= span[1],
              lines.take("always "), let always = lines.numbers(1) else { return nil }
        var windows: [ClosedRange<Int64>] = []
        while lines.take("open ") {
            guard let w = lines.numbers(2), w[0] <= w[1] else { return nil }
            windows.append(w[0]...w[1])
        }
        guard lines.take("end\n"), lines.atEnd else { return nil }
        return DueCount(from: span[0], through: span[1], always: Int(always[0]), windows: windows)
    }

    /// The kept count's lines, read strictly: anything else than what `write` writes is refused.
    struct Lines {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func take(_ text: String) -> Bool {
            let expected = Array(text.utf8)
            guard at + expected.count <= bytes.count, bytes[at..<at + expected.count].elementsEqual(expected) else { return false }
            at += expected.count
            return true
        }

        /// `n` whole numbers apart by one space, then the end of the line.
        mutating func numbers(_ n: Int) -> [Int64]? {
            var values: [Int64] = []
            for i in 0..<n {
                var negative = false
                if at < bytes.count, bytes[at] == UInt8(ascii: "-") { negative = true; at += 1 }
                var value: Int64 = 0
                var digits = 0
                while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < 19 {
                    let (times, o1) = value.multipliedReportingOverflow(by: 10)
                    // Added or taken away digit by digit, so that Int64.min reads too.
                    let digit = Int64(bytes[at] - 0x30)
                    let (sum, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                    guard !o1, !o2 else { return nil }
                    value = sum
                    at += 1
                    digits += 1
                }
                guard digits > 0, at < bytes.count, bytes[at] == (i == n - 1 ? 0x0A : 0x20) else { return nil }
                at += 1
                values.append(value)
            }
            return values
        }
    }

    /// Keeps `count` for the file as `stamp` names it. A failure is of no consequence (the next
    /// count reads the data file), so none is reported.
    public func write(_ count: DueCount, for stamp: Stamp, zone: String) {
        guard !zone.contains("\n") else { return }
        var text = DueCountFile.header + "\n"
        text += "file " + stamp.fields.map(String.init).joined(separator: " ") + "\n"
        text += "zone " + zone + "\n"
        text += "span \(count.from) \(count.through)\n"
        text += "always \(count.always)\n"
        for w in count.windows { text += "open \(w.lowerBound) \(w.upperBound)\n" }
        text += "end\n"
        DataFile.keepCache(Array(text.utf8), at: path)
    }
}
