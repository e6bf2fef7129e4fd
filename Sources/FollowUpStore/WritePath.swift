#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import FollowUpCore

/// The outcome of one change made through the write path.
public struct Committed<T> {
    public var value: T
    public var data: FollowUpData
    /// Whether the file's bytes changed.
    public var wrote: Bool
    /// The history entry recorded for this change, for undo.
    public var recorded: String? = nil
    /// Whether this change created the file.
    public var created = false
    /// What the change was, in words, and the records it touched (for hooks).
    public var summary: String? = nil
    public var changes: [RecordChange] = []
    /// Whether only part of the file was read and written anew (see `recording(…part:…)`).
    public var inPart = false
}

/// What `undo` took back, and what it left because it changed since.
public struct Undone: Sendable {
    public var entry: HistoryEntry
    /// Records the change touched that are no longer as it left them (another process, a sync,
    /// a restore or a hand edit changed them since): kept as they are now.
    public var left: [RecordChange]
}

extension DataFile {
    /// How long a writer waits for another to finish before giving up.
    public static let lockTimeoutSeconds = 5.0

    /// The one write path: take the lock, read the file as it is now, apply `change`, save
    /// durably (after the day's backup), release. A missing file starts empty; a corrupt or newer
    /// one is never written.
    /// With a `summary` (and a state folder), the change is recorded in the undo history so that
    /// `undo` can take it back.
    @discardableResult
    public func transaction<T>(
        today: Day, lockTimeout: Double = DataFile.lockTimeoutSeconds, summary: String? = nil, at now: Instant? = nil,
        _ change: (inout FollowUpData) throws -> T
    ) throws -> Committed<T> {
        guard let summary, let now else {
            return try transaction(today: today, lockTimeout: lockTimeout) { data, _ throws -> (T, String?) in (try change(&data), nil) }
        }
        return try recording(today: today, lockTimeout: lockTimeout, at: now) { data in (try change(&data), summary) }
    }

    /// The write path for a change that says in words what it did (the summary undo lists),
    /// recorded in the undo history.
    @discardableResult
    public func recording<T>(
        today: Day, lockTimeout: Double = DataFile.lockTimeoutSeconds, at now: Instant,
        _ change: (inout FollowUpData) throws -> (value: T, summary: String)
    ) throws -> Committed<T> {
        try recording(today: today, lockTimeout: lockTimeout, at: now, part: nil) { data, _ in try change(&data) }
    }

    /// `recording`, for a change that can be made on part of the file: `part` names, among the
    /// id, employer and role of every application, the positions of the applications the
    /// change can touch (nil: it cannot say). When the file is what followup last saved and its
    /// index is at hand, only those applications and what lies outside the list are read, and
    /// the save copies every other application's bytes as they lie. `change` is then handed the
    /// part's data and `mayHold`, which says whether an id may be taken outside it; it returns
    /// nil when the change must be made on the whole file after all. Otherwise, or then, it is
    /// handed the whole file's data and nil, and must make the change.
    @discardableResult
    public func recording<T>(
        today: Day, lockTimeout: Double = DataFile.lockTimeoutSeconds, at now: Instant,
        part: (([ApplicationHeading]) -> [Int]?)?,
        _ change: (inout FollowUpData, _ mayHold: ((String) -> Bool)?) throws -> (value: T, summary: String)?
    ) throws -> Committed<T> {
        var said: String?
        var touched: [RecordChange] = []
        var committed = try transaction(today: today, lockTimeout: lockTimeout, part: part) { data, history, mayHold throws -> (T, String?)? in
            let old = data
            guard let made = try change(&data, mayHold) else { return nil }
            let (value, summary) = made
            said = summary
            let changes = History.changes(from: old, to: data)
            touched = changes
            guard history != nil else { return (value, nil) }
            // A change no record shows (an order changed by hand) is still recorded, so that
            // undo never skips past it to an older one.
            guard !changes.isEmpty || old != data else { return (value, nil) }
            var rng = SystemRandomNumberGenerator()
            let id = Identifiers.mint("change", fallback: "change", taken: Set((history ?? []).map(\.id)), using: &rng)
            history?.append(HistoryEntry(id: id, at: now, summary: summary, changes: changes))
            return (value, id)
        }
        if committed.wrote {
            committed.summary = said
            committed.changes = touched
        }
        return committed
    }

    /// The write path with the undo history at hand (nil without a state folder).
    func transaction<T>(
        today: Day, lockTimeout: Double,
        _ change: (inout FollowUpData, inout [HistoryEntry]?) throws -> (T, String?)
    ) throws -> Committed<T> {
        try transaction(today: today, lockTimeout: lockTimeout, part: nil) { data, history, _ in try change(&data, &history) }
    }

    /// The write path with the undo history at hand (nil without a state folder), made on part
    /// of the file when it can be (see `recording(…part:…)`). A history still inside the data
    /// file is moved out on this first write, nothing of it lost: the history is saved before
    /// the data that no longer holds it.
    func transaction<T>(
        today: Day, lockTimeout: Double, part: (([ApplicationHeading]) -> [Int]?)?,
        _ change: (inout FollowUpData, inout [HistoryEntry]?, ((String) -> Bool)?) throws -> (T, String?)?
    ) throws -> Committed<T> {
        try ensureFolder()
        let lock = try Lock.acquire(lockPath, timeout: lockTimeout)
        defer { lock.release() }
        removeStaleTempFiles()

        // Mapped, not read: a change made on part of the file looks at most of it only to hash it.
        let mapped = part == nil ? nil : try MappedFile.map(path)
        let mark = stateFolder.map { WrittenMark(dataPath: path, stateFolder: $0) }
        var hashed: UInt64?
        func hash(_ file: MappedFile) -> UInt64 {
            if let hashed { return hashed }
            let h = file.withBytes { ContentHash.hash(UnsafeRawBufferPointer($0), stateFolder: stateFolder ?? "") }
            hashed = h
            return h
        }
        let headingsFile = stateFolder.map { HeadingsFile(dataPath: path, stateFolder: $0) }
        // The mark, index and headings are taken at their word that they name these bytes until
        // the bytes are hashed, after the save's bytes have been copied from them: only then is
        // the hash of what was copied known.
        if let part, let file = mapped, let mark, let indexFile, let headingsFile, let key = indexKey,
           let marked = mark.hash(length: file.bytes.count),
           let index = indexFile.read(length: file.bytes.count, hash: marked, key: key),
           let headings = headingsFile.read(length: file.bytes.count, hash: marked, key: key) ?? file.withBytes({ FilePart.headings($0, index: index) }),
           headings.count == index.entries.count, let positions = part(headings),
           let filePart = FilePart(file, index: index, positions: positions),
           // Read from the applications themselves, they are the ones their headings name.
           zip(positions, filePart.data.applications).allSatisfy({ headings[$0] == ApplicationHeading(of: $1) }),
           filePart.data.version <= FollowUpData.currentVersion {
            var data = filePart.data
            let moving = data.history
            data.history = []
            let stored = historyFile.map { $0.readOrSetAside() }
            var history = stored.map { HistoryFile.merge(moving, $0) }
            // A change refused is refused only once the bytes it looked at are known to be these.
            let made: (T, String?)?
            do {
                made = try change(&data, &history, filePart.mayHold)
            } catch {
                if hash(file) == marked { throw error }
                made = nil
            }
            if let (value, recorded) = made, let saved = filePart.save(data) {
                let unchanged = file.withBytes { saved.same(as: $0) }
                var temp: String?
                var written: UInt64 = 0
                if !unchanged {
                    // Once the bytes are copied, both hashes (of the file read, and of the save)
                    // are worked out on another core while the disk takes the save.
                    let open = try DataFile.TempFile.create(for: path) { saved.forEach($0) }
                    let folder = mark.folder
                    let hashes = try Concurrently.run({
                        (file.withBytes { ContentHash.hash(UnsafeRawBufferPointer($0), stateFolder: folder) },
                         ContentHash.hash(stateFolder: folder) { saved.forEach($0) })
                    }, meanwhile: { () throws(StoreError) in try open.finish() })
                    hashed = hashes.0
                    written = hashes.1
                    temp = open.path
                }
                if hash(file) == marked {
                    if let historyFile, let history, history != stored {
                        do { try historyFile.write(history) } catch { temp.map { _ = unlink($0) }; throw error }
                    }
                    guard let temp else { return Committed(value: value, data: data, wrote: false, inPart: true) }
                    do { try backUp(today: today) } catch { unlink(temp); throw error }
                    try DataFile.replace(path, with: temp, folder: folder)
                    mark.mark(length: saved.count, hash: written)
                    indexFile.write(saved.index, length: saved.count, hash: written, stamp: nil, key: key)
                    var kept = headings
                    for (k, p) in positions.enumerated() { kept[p] = ApplicationHeading(of: data.applications[k]) }
                    headingsFile.write(kept, length: saved.count, hash: written, key: key)
                    return Committed(value: value, data: data, wrote: true, recorded: recorded, inPart: true)
                }
                // Not the bytes followup last saved (edited by hand, or by another program as
                // they were read): nothing of this is kept, and the change is made the whole way.
                if let temp { unlink(temp) }
            }
            // Else the change added or removed an application: made again, on the whole file.
        }

        // Read afresh (a change tried on part of the file found it changed meanwhile, or could
        // not be made there). The applications a change leaves alone are copied from these
        // bytes when they are what followup last saved here (see `Splice`).
        let before = try readBytes()
        let splice = before.flatMap { bytes in mark.flatMap { $0.matches(bytes) ? Splice(bytes) : nil } }
        var data = try splice?.read ?? before.map { try decode($0) } ?? FollowUpData()
        if data.version > FollowUpData.currentVersion {
            throw StoreError.newerVersion(path: path, version: data.version, supported: FollowUpData.currentVersion)
        }
        let moving = data.history
        data.history = []
        let historyFile = historyFile
        let stored = historyFile.map { $0.readOrSetAside() }
        var history = stored.map { HistoryFile.merge(moving, $0) }
        guard let (value, recorded) = try change(&data, &history, nil) else {
            preconditionFailure("a change made on the whole file must be made")
        }
        let (after, layout) = splice?.encodeLaidOut(data) ?? ByteEncoder.encodeLaidOut(data) { _ in nil }
        let wrote = after != before
        // The history goes first: should the data's save then fail, the history holds an entry
        // whose records never changed, which undo finds and leaves alone.
        if let historyFile, let history, history != stored {
            try historyFile.write(history)
        }
        guard wrote else { return Committed(value: value, data: data, wrote: false) }
        if before != nil { try backUp(today: today) }
        try save(after)
        if let stateFolder {
            let hash = ContentHash.hash(after, stateFolder: stateFolder)
            mark?.mark(after, hash: hash)
            // The index of what was saved, for the reads that follow (see `QuietIndexFile`).
            if let indexFile, let key = indexKey, let index = QuietIndex.of(data, list: layout.list, spans: layout.spans) {
                indexFile.write(index, length: after.count, hash: hash, stamp: nil, key: key)
                headingsFile?.write(data.applications.map(ApplicationHeading.init(of:)), length: after.count, hash: hash, key: key)
            }
        }
        return Committed(value: value, data: data, wrote: true, recorded: recorded, created: before == nil)
    }

    /// The undo history of this file; nil when it has no state folder (then nothing is recorded).
    public var historyFile: HistoryFile? {
        stateFolder.map { HistoryFile(dataPath: path, stateFolder: $0) }
    }

    /// The recorded changes, oldest first: those in the state folder and any still inside the
    /// data file (from before the history moved out).
    public func history() throws(StoreError) -> [HistoryEntry] {
        let inside = try load()?.history ?? []
        return HistoryFile.merge(inside, try historyFile?.read() ?? [])
    }

    /// Takes back the latest recorded change (or the one with `id`), through the write path.
    /// Returns what was undone, or nil when there is nothing to undo.
    /// Only records still as the change left them are put back: what a later change, another
    /// process, a sync or a hand edit did to them since is kept, and reported in `left`.
    public func undo(today: Day, id: String? = nil) throws -> Undone? {
        guard exists else { return nil }
        return try transaction(today: today, lockTimeout: DataFile.lockTimeoutSeconds) { data, history throws -> (Undone?, String?) in
            guard var entries = history else { return (nil, nil) }
            let found: Int? = if let id { entries.lastIndex { $0.id == id } } else { entries.indices.last }
            guard let index = found else { return (nil, nil) }
            let entry = entries.remove(at: index)
            let later = Set(entries[index...].flatMap { $0.changes.map { "\($0.record.rawValue):\($0.id)" } })
            let (kept, left) = History.stillAsLeft(entry, in: data, touchedLater: later)
            do {
                try History.revert(kept, in: &data)
            } catch let error as SchemaError {
                throw StoreError.invalid(path: historyFile?.path ?? path, field: "entries." + error.path, message: error.message)
            }
            history = entries
            return (Undone(entry: entry, left: left), nil)
        }.value
    }

    /// Temp files left by writers that were killed mid-save. Only called under the lock, when no
    /// other writer can be saving.
    func removeStaleTempFiles() {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...]) + ".tmp-"
        var stale: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(prefix) { stale.append(folder + "/" + name) }
        }
        for file in stale { unlink(file) }
    }

    /// Creates the folder (0700) when it is missing.
    func ensureFolder() throws(StoreError) { try DataFile.makeFolder(folder) }

    /// Creates a folder and its missing parents, 0700.
    static func makeFolder(_ folder: String) throws(StoreError) {
        var components: [String] = []
        var current = folder
        while access(current, F_OK) != 0, current != "/", current != "." {
            components.append(current)
            guard let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        for dir in components.reversed() where mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw StoreError.io(path: dir, message: "cannot create the folder: \(DataFile.errorText())")
        }
    }

    /// Writes bytes durably: a 0600 temp file in the same folder, fsync, rename over the file,
    /// fsync the folder. A crash at any moment leaves the old file or the new one, never half of one.
    func save(_ bytes: [UInt8]) throws(StoreError) {
        try DataFile.writeDurably(bytes, to: path, folder: folder)
    }

    /// Keeps a cache file of the state folder (a kept count, a save's mark, an index): replaced
    /// by rename, its folder made when missing, not waited for on disk, a failure not reported —
    /// a cache lost or never written costs nothing but time.
    static func keepCache(_ bytes: [UInt8], at path: String) {
        let folder = DataFile(path: path).folder
        do {
            try makeFolder(folder)
            try writeDurably(bytes, to: path, folder: folder, syncing: false)
        } catch {}
    }

    /// `syncing` false: the same replace by rename, without waiting for the disk (for a file
    /// whose loss in a crash costs nothing but time).
    static func writeDurably(_ bytes: [UInt8], to path: String, folder: String, syncing: Bool = true) throws(StoreError) {
        let temp = try writeTemp(for: path, syncing: syncing) { body in bytes.withUnsafeBytes(body) }
        try replace(path, with: temp, folder: folder, syncing: syncing)
    }

    /// A new temp file beside `path` (0600, a name no one can guess) holding the bytes `pieces`
    /// hands over one after another, on disk unless not `syncing`; its path. Nothing is left
    /// behind when it cannot be written.
    static func writeTemp(for path: String, syncing: Bool = true, _ pieces: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(StoreError) -> String {
        let temp = try TempFile.create(for: path, pieces)
        try temp.finish(syncing: syncing)
        return temp.path
    }

    /// A temp file written and still open, not yet on disk.
    struct TempFile {
        let path: String
        /// The file it is to take the place of.
        let target: String
        let fd: Int32

        /// Created beside `target` and written with the bytes `pieces` hands over.
        static func create(for target: String, _ pieces: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(StoreError) -> TempFile {
            let path = target + ".tmp-" + TempFile.unguessable()
            // Created new, never through a link someone planted.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw StoreError.io(path: path, message: "cannot write: \(DataFile.errorText())") }
            var ok = true
            var message = ""
            pieces { buf in
                guard ok, let base = buf.baseAddress else { return }
                var written = 0
                while written < buf.count {
                    let n = write(fd, base + written, buf.count - written)
                    if n < 0 {
                        if errno == EINTR { continue }
                        ok = false
                        // Copying from a mapped file that was cut short meanwhile.
                        message = errno == EFAULT
                            ? "the data file was cut short while it was being read (another program is writing it); nothing was saved"
                            : DataFile.errorText()
                        return
                    }
                    written += n
                }
            }
            guard ok else {
                close(fd)
                unlink(path)
                throw StoreError.io(path: target, message: "cannot save: \(message)")
            }
            return TempFile(path: path, target: target, fd: fd)
        }

        /// Sixteen letters and digits at random (two random words' worth: each word gives eight).
        static func unguessable() -> String {
            var rng = SystemRandomNumberGenerator()
            let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
            var bytes: [UInt8] = []
            for _ in 0..<2 {
                var word: UInt64 = rng.next()
                for _ in 0..<8 {
                    bytes.append(letters[Int(word % 36)])
                    word /= 36
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Its mode made sure, on disk unless not `syncing`, closed; removed if that fails.
        func finish(syncing: Bool = true) throws(StoreError) {
            let ok = fchmod(fd, 0o600) == 0 && (!syncing || fsync(fd) == 0)
            let message = DataFile.errorText()
            close(fd)
            guard ok else {
                unlink(path)
                throw StoreError.io(path: target, message: "cannot save: \(message)")
            }
        }
    }

    /// Puts the temp file in the file's place by rename, the folder then synced unless not
    /// `syncing`; the temp file is removed if it cannot be.
    static func replace(_ path: String, with temp: String, folder: String, syncing: Bool = true) throws(StoreError) {
        guard rename(temp, path) == 0 else {
            let message = DataFile.errorText()
            unlink(temp)
            throw StoreError.io(path: path, message: "cannot save: \(message)")
        }
        guard syncing else { return }
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }
}

/// The sidecar lock (`followup.json.lock`): an advisory `flock` that the kernel drops when its
/// holder dies, so a killed writer never leaves a stale lock. The file holds the holder's pid,
/// for the message another writer shows while it waits.
struct Lock {
    let fd: Int32

    static func acquire(_ path: String, timeout: Double) throws(StoreError) -> Lock {
        // Never through a symbolic link: a planted link must not make the lock truncate a file.
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(path: path, message: "cannot lock: \(DataFile.errorText())") }
        // Ours alone: a regular file with one name (a hard link planted to another file would
        // be truncated below), owned by whoever runs followup.
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1, st.st_uid == geteuid() else {
            close(fd)
            throw StoreError.io(path: path, message: "is not a lock file of yours (a link or another user's file); remove it and try again")
        }
        let step: UInt32 = 20_000
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let message = DataFile.errorText()
                close(fd)
                throw StoreError.io(path: path, message: "cannot lock: \(message)")
            }
            if waited >= timeout {
                let holder = Lock.holder(fd)
                close(fd)
                throw StoreError.locked(path: path, holder: holder)
            }
            usleep(step)
            waited += Double(step) / 1_000_000
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return Lock(fd: fd)
    }

    static func holder(_ fd: Int32) -> Int32? {
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buf[0..<n].filter { $0 >= 48 && $0 <= 57 }, as: UTF8.self))
    }

    func release() {
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}

