#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore
import JSON

/// The data file on disk: where it is, how it is read, and the one write path every change takes.
public struct DataFile: Sendable {
    public let path: String
    /// Where the undo history is kept (see `HistoryFile`); nil: changes are not recorded.
    public let stateFolder: String?

    /// The real calendar day, when the caller knows it: backups are pruned among the days up to
    /// it, so that runs dated in the future (`--now`) never push real backups out. Nil: `today`.
    public var clockDay: Day?

    /// The build of followup at work (see `QuietIndexFile`): with it and a state folder, saves
    /// keep the index of what they wrote and reads use it. Nil: no index.
    public var indexKey: String?

    public init(path: String, stateFolder: String? = nil, clockDay: Day? = nil, indexKey: String? = nil) {
        self.path = path
        self.stateFolder = stateFolder
        self.clockDay = clockDay
        self.indexKey = indexKey
    }

    /// Where this file's `QuietIndex` is kept, when it has one.
    var indexFile: QuietIndexFile? {
        guard indexKey != nil, let stateFolder else { return nil }
        return QuietIndexFile(dataPath: path, stateFolder: stateFolder)
    }

    /// `$XDG_DATA_HOME/followup/followup.json`, else `~/.local/share/followup/followup.json`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/followup/followup.json"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/followup/followup.json"
    }

    public var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let f = String(path[..<slash])
        return f.isEmpty ? "/" : f
    }

    public var lockPath: String { path + ".lock" }

    public var exists: Bool { access(path, F_OK) == 0 }

    /// Whether the file exists; a path that cannot be looked at (a symlink loop, a folder that
    /// cannot be searched) is an error, not "does not exist yet".
    public func existence() throws(StoreError) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return true }
        if errno == ENOENT { return false }
        throw StoreError.io(path: path, message: "cannot be looked at: \(DataFile.errorText())")
    }

    // MARK: Reading

    /// The file's data, or nil when there is no file yet. `keeping` is handed the parsed tree
    /// (a command that exits next can hold it rather than free it node by node).
    public func load(keeping: ((Any) -> Void)? = nil) throws(StoreError) -> FollowUpData? {
        guard let bytes = try readBytes() else { return nil }
        return try decode(bytes, keeping: keeping)
    }

    /// The file's data without the applications quiet at `now` (closed, owing nothing: see
    /// `ByteDecoder`), for a command that only shows what is to be done and changes nothing.
    /// A file the byte decoder gives up on is read in full the tree way, which explains errors.
    ///
    /// With an `indexKey` and a state folder, the file's `QuietIndex` spares the look at the
    /// quiet applications: when it is kept for the file as it is (its stamp), only the
    /// applications not yet quiet at `now` are read from the file; when it is kept for the bytes
    /// read (a save wrote it), they are taken from those bytes. Else every application is looked
    /// at, and the index kept for the next read if the file had settled by `clock` (the real
    /// time, in seconds).
    public func loadLeavingOutQuiet(at now: Instant, clock: Int64 = 0, keeping: ((Any) -> Void)? = nil) throws(StoreError) -> FollowUpData? {
        let indexFile = indexFile
        let key = indexKey ?? ""
        let stamp = indexFile == nil ? nil : DueCountFile.Stamp.of(path)
        // Read once: named by the file's stamp, or else by the bytes' length and hash.
        let kept = stamp == nil ? nil : indexFile?.read(key: key)
        if let stamp, let index = kept?.index(for: stamp), let data = readNotQuiet(index, stamp: stamp, at: now) {
            return data
        }
        // Mapped: when the index kept names the bytes by their hash (a save wrote it), they are
        // looked at only to hash them, after the applications not quiet were copied out (so
        // that what was copied is what was hashed, should another program write the file in
        // place meanwhile).
        let settled = stamp?.isSettled(clock: clock) ?? false
        if let indexFile, let stamp, let kept, kept.names.length == Int(stamp.size) {
            guard let mapped = try MappedFile.map(path) else { return nil }
            if mapped.bytes.count == stamp.size, let (part, hash) = mapped.withBytes({ bytes in
                kept.index.document(in: bytes, keeping: kept.index.notQuiet(at: now)).map { ($0, ContentHash.hash(UnsafeRawBufferPointer(bytes), stateFolder: stateFolder ?? "")) }
            }), kept.names.hash == hash, let data = ByteDecoder.decode(part) {
                // Kept for the file as it is too, once it has settled (and was not changed while read).
                if settled, DueCountFile.Stamp.of(path) == stamp {
                    indexFile.write(kept.index, length: mapped.bytes.count, hash: hash, stamp: stamp, key: key)
                }
                return data
            }
        }
        return try readInFull(at: now, stamp: stamp, settled: settled, keeping: keeping)
    }

    /// `loadLeavingOutQuiet` when the index kept does not name the bytes by their stamp or
    /// their hash: the file read afresh, every application looked at, the index kept.
    private func readInFull(at now: Instant, stamp: DueCountFile.Stamp?, settled: Bool, keeping: ((Any) -> Void)?) throws(StoreError) -> FollowUpData? {
        let key = indexKey ?? ""
        guard let bytes = try readBytes() else { return nil }
        guard let indexFile, let stamp, bytes.count == stamp.size else {
            if let data = ByteDecoder.decode(bytes, leavingOutQuietAt: now) { return data }
            return try decode(bytes, keeping: keeping)
        }
        var hashed: UInt64?
        func hash() -> UInt64 {
            if let hashed { return hashed }
            let h = ContentHash.hash(bytes, stateFolder: stateFolder ?? "")
            hashed = h
            return h
        }
        if let (data, index) = ByteDecoder.decodeIndexing(bytes, leavingOutQuietAt: now) {
            if let index {
                let unchanged = DueCountFile.Stamp.of(path) == stamp
                indexFile.write(index, length: bytes.count, hash: hash(), stamp: settled && unchanged ? stamp : nil, key: key)
            }
            return data
        }
        return try decode(bytes, keeping: keeping)
    }

    /// The applications `index` says are not quiet at `now`, and everything outside the list,
    /// read from the file if it is still as `stamp` names it; nil when anything is amiss.
    func readNotQuiet(_ index: QuietIndex, stamp: DueCountFile.Stamp, at now: Instant) -> FollowUpData? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard DueCountFile.Stamp.of(fd: fd) == stamp else { return nil }
        let size = Int(stamp.size)
        guard let mapped = MappedFile.map(fd: fd, size: size) else {
            // Read: the same document with only those applications.
            guard let bytes = index.documentNotQuiet(at: now, fd: fd, size: size) else { return nil }
            return ByteDecoder.decode(bytes)
        }
        // Mapped: what lies outside the list read from a copy without any application, then each
        // application read where it lies in the file's pages (no copy of them), many in halves
        // on two cores.
        let kept = index.entries.indices.filter(index.notQuiet(at: now)).map { index.entries[$0].start..<index.entries[$0].end }
        guard var data = mapped.withBytes({ index.document(in: $0, keeping: { _ in false }) }).flatMap({ ByteDecoder.decode($0) })
        else { return nil }
        var halves = Concurrently.inHalves(kept.count) { range in
            [mapped.withBytes { ByteDecoder.applications(in: $0, at: Array(kept[range])) }]
        }
        // The first half taken, not copied, and the later one appended to it.
        guard var apps = halves[0].take(), halves.dropFirst().allSatisfy({ $0 != nil }) else { return nil }
        if halves.count > 1 { apps.append(contentsOf: halves[1]!) }
        data.applications = apps
        return data
    }

    /// The raw bytes, or nil when the file does not exist.
    public func readBytes() throws(StoreError) -> [UInt8]? {
        try DataFile.readBytes(path)
    }

    /// The file open for reading and its size; nil when it does not exist; an error for anything
    /// but a regular file.
    static func openRegular(_ path: String) throws(StoreError) -> (fd: Int32, size: Int)? {
        // Non-blocking, so that a FIFO in place of the file cannot hang every command (and a
        // writer holding the lock); anything but a regular file is refused below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreError.io(path: path, message: "cannot read: \(DataFile.errorText())")
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let message = DataFile.errorText()
            close(fd)
            throw StoreError.io(path: path, message: "cannot read: \(message)")
        }
        let kind = st.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(fd)
            switch kind {
            case S_IFDIR: throw StoreError.io(path: path, message: "is a folder, not a data file")
            case S_IFIFO: throw StoreError.io(path: path, message: "is a FIFO, not a data file")
            case S_IFSOCK: throw StoreError.io(path: path, message: "is a socket, not a data file")
            default: throw StoreError.io(path: path, message: "is a device, not a data file")
            }
        }
        return (fd, Int(st.st_size))
    }

    static func readBytes(_ path: String) throws(StoreError) -> [UInt8]? {
        guard let (fd, size) = try openRegular(path) else { return nil }
        defer { close(fd) }
        // One byte more than the size, so the end is seen without growing the buffer; read into
        // it as it is (zeroing it first would cost as much as the read).
        var failed: Int32 = 0
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            var filled = 0
            while filled < buffer.count {
                let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    break
                }
                if n == 0 { atEnd = true; break }
                filled += n
            }
            count = filled
        }
        // The file grew while it was read: the rest, a block at a time.
        var block = [UInt8](repeating: 0, count: atEnd || failed != 0 ? 0 : 65_536)
        while !atEnd, failed == 0 {
            let n = read(fd, &block, block.count)
            if n < 0 {
                if errno == EINTR { continue }
                failed = errno
            } else if n == 0 {
                atEnd = true
            } else {
                bytes.append(contentsOf: block[0..<n])
            }
        }
        if failed != 0 {
            errno = failed
            throw StoreError.io(path: path, message: "cannot read: \(DataFile.errorText())")
        }
        return bytes
    }

    /// Parses and maps bytes of this file, with errors that name it.
    public func decode(_ bytes: [UInt8], keeping: ((Any) -> Void)? = nil) throws(StoreError) -> FollowUpData {
        // Straight from the bytes; anything it does not accept is read (and explained) the tree way.
        if let data = ByteDecoder.decode(bytes) { return data }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw StoreError.corrupt(path: path, line: error.line, column: error.column, message: error.message)
        }
        keeping?(root)
        do {
            return try DataCodec.decode(root)
        } catch {
            // A newer followup may write what this one does not know (a new event kind): say so.
            if let version = try? DataCodec.version(of: root), version > FollowUpData.currentVersion {
                throw StoreError.newerVersion(path: path, version: version, supported: FollowUpData.currentVersion)
            }
            throw StoreError.invalid(path: path, field: error.path, message: error.message)
        }
    }

    /// The canonical bytes of some data.
    public static func encode(_ data: FollowUpData) -> [UInt8] {
        ByteEncoder.encode(data)
    }

    /// Modes wider than they should be (the file 0600, its own folder 0700), in words.
    public func permissionWarnings() -> [String] {
        var warnings: [String] = []
        var st = stat()
        if stat(path, &st) == 0, st.st_mode & 0o077 != 0 {
            warnings.append("can be read by others (mode \(String(st.st_mode & 0o777, radix: 8))); run: chmod 600 \(path)")
        }
        if stat(folder, &st) == 0, st.st_mode & 0o077 != 0, folder.hasSuffix("/followup") {
            warnings.append("its folder is open to others (mode \(String(st.st_mode & 0o777, radix: 8))); run: chmod 700 \(folder)")
        }
        return warnings
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
