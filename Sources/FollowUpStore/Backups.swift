#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore

/// One daily backup of the data file (`followup.json.YYYY-MM-DD`).
public struct Backup: Equatable, Sendable {
    public var day: Day
    public var path: String
    public var size: Int

    public init(day: Day, path: String, size: Int) {
        self.day = day
        self.path = path
        self.size = size
    }
}

extension DataFile {
    /// How many daily backups are kept.
    public static let backupsKept = 7

    public func backupPath(_ day: Day) -> String { path + "." + day.description }

    /// Before the first write of a day, the current file is hard-linked (not copied) to the
    /// day's backup; then only the newest `backupsKept` are kept.
    func backUp(today: Day) throws(StoreError) {
        let target = backupPath(today)
        if access(target, F_OK) != 0 {
            if link(path, target) != 0, errno != EEXIST {
                throw StoreError.io(path: target, message: "cannot make the day's backup: \(DataFile.errorText())")
            }
        }
        // Counted among the days up to the real day: backups a run dated in the future made are
        // never counted or removed, and never push a real one out. Any left wider than 0600 (an
        // older version's) are narrowed.
        let all = backups()
        let upTo = min(today, clockDay ?? today)
        for old in all.filter({ $0.day <= upTo }).dropFirst(DataFile.backupsKept) { unlink(old.path) }
        for backup in all {
            var st = stat()
            if lstat(backup.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_mode & 0o077 != 0 { chmod(backup.path, 0o600) }
        }
    }

    /// The backups beside the file, newest first.
    public func backups() -> [Backup] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        let base = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
        let name = path.contains("/") ? base : path
        var found: [Backup] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(name + "."),
                  let day = Day(entryName.dropFirst(name.count + 1)) else { continue }
            let full = folder + "/" + entryName
            var st = stat()
            guard stat(full, &st) == 0 else { continue }
            found.append(Backup(day: day, path: full, size: Int(st.st_size)))
        }
        return found.sorted { $0.day > $1.day }
    }
}

extension DataFile {
    /// Where restore keeps the file it replaces.
    public var preRestorePath: String { path + ".pre-restore" }

    /// Brings a backup back through the write path. The file it replaces is kept as
    /// `followup.json.pre-restore` (and as the day's backup when there is none yet), so a restore
    /// can itself be undone; a corrupt file is kept there too, never lost.
    public func restore(_ backup: Backup, today: Day, lockTimeout: Double = DataFile.lockTimeoutSeconds) throws -> FollowUpData {
        guard let saved = try DataFile.readBytes(backup.path) else {
            throw StoreError.io(path: backup.path, message: "no such backup")
        }
        let data = try DataFile(path: backup.path).decode(saved)
        if data.version > FollowUpData.currentVersion {
            throw StoreError.newerVersion(path: backup.path, version: data.version, supported: FollowUpData.currentVersion)
        }
        try ensureFolder()
        let lock = try Lock.acquire(lockPath, timeout: lockTimeout)
        defer { lock.release() }
        if let current = try readBytes() {
            if let readable = try? decode(current), readable.version > FollowUpData.currentVersion {
                throw StoreError.newerVersion(path: path, version: readable.version, supported: FollowUpData.currentVersion)
            }
            // The current file is kept aside under a new name first; it replaces the last
            // pre-restore copy only once the restore has succeeded.
            let keeping = preRestorePath + ".new"
            unlink(keeping)
            guard link(path, keeping) == 0 else {
                throw StoreError.io(path: preRestorePath, message: "cannot keep the current file: \(DataFile.errorText())")
            }
            do {
                if (try? decode(current)) != nil { try backUp(today: today) }
                try save(DataFile.encode(data))
            } catch {
                unlink(keeping)
                throw error
            }
            rename(keeping, preRestorePath)
            return data
        }
        try save(DataFile.encode(data))
        return data
    }
}
