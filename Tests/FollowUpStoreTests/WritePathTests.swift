import Foundation
import Testing
import FollowUpCore
@testable import FollowUpStore

@Suite("The one write path")
struct WritePathTests {
    let today = Day("2026-11-16")!

    func addApp(_ file: DataFile, _ id: String, day: Day? = nil) throws {
        try file.transaction(today: day ?? today) { data in
            data.applications.append(Application(id: id, employer: id, role: "r", createdAt: instant("2026-11-16T09:00:00Z")))
        }
    }

    @Test("the first write creates the folder 0700 and the file 0600, leaving no temp file")
    func firstWriteCreatesPrivateFiles() throws {
        let temp = TempFolder()
        let file = DataFile(path: temp.path + "/nested/followup/followup.json")
        try addApp(file, "a-1")
        #expect(mode(file.path) == 0o600)
        #expect(mode(file.folder) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: file.folder)
        #expect(names.sorted() == ["followup.json", "followup.json.lock"])
        #expect(try file.load()?.applications.map(\.id) == ["a-1"])
    }

    @Test("saving keeps the file 0600 even if it was wider")
    func saveRestoresMode() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1")
        chmod(file.path, 0o644)
        #expect(!file.permissionWarnings().isEmpty)
        try addApp(file, "a-2")
        #expect(mode(file.path) == 0o600)
    }

    @Test("a change made on disk after our load is kept: the transaction re-reads")
    func concurrentChangeIsMerged() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1")
        let stale = try #require(try file.load())
        // Another process writes meanwhile.
        try addApp(DataFile(path: file.path), "b-2")
        // The dashboard applies its change to what is on disk now, not to its stale copy.
        try file.transaction(today: today) { data in
            data.applications.append(Application(id: "c-3", employer: "C", role: "r", createdAt: instant("2026-11-16T09:00:00Z")))
        }
        #expect(stale.applications.count == 1)
        #expect(try file.load()?.applications.map(\.id) == ["a-1", "b-2", "c-3"])
    }

    @Test("a corrupt file is never overwritten")
    func corruptFileIsNotOverwritten() throws {
        let temp = TempFolder()
        let file = temp.file()
        let junk = Array("{\"version\": 1, \"applications\": [".utf8)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(junk))
        #expect(throws: StoreError.self) { try addApp(file, "a-1") }
        #expect(bytes(file.path) == junk)
        #expect(file.backups().isEmpty)
    }

    @Test("a file from a newer version is read but never written")
    func newerVersionIsReadOnly() throws {
        let temp = TempFolder()
        let file = temp.file()
        let text = Array(#"{"version": 9, "applications": [], "hologram": true}"#.utf8)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(text))
        #expect(try file.load()?.version == 9)
        #expect(throws: StoreError.newerVersion(path: file.path, version: 9, supported: 1)) { try addApp(file, "a-1") }
        #expect(bytes(file.path) == text)
    }

    @Test("a change that changes nothing does not touch the file")
    func noOpDoesNotWrite() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1")
        let before = inode(file.path)
        let result = try file.transaction(today: Day("2026-11-17")!) { _ in 1 }
        #expect(!result.wrote)
        #expect(inode(file.path) == before)
        #expect(file.backups().isEmpty)
    }

    @Test("the day's first write hard-links the old file as the day's backup, once a day")
    func dailyBackupByHardLink() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1", day: Day("2026-11-15")!)
        let oldInode = inode(file.path)
        let oldBytes = bytes(file.path)
        try addApp(file, "a-2", day: today)
        let backup = file.backupPath(today)
        #expect(inode(backup) == oldInode)
        #expect(bytes(backup) == oldBytes)
        try addApp(file, "a-3", day: today)
        #expect(bytes(backup) == oldBytes, "a second write the same day keeps the morning's backup")
        #expect(file.backups().map(\.day) == [today])
        #expect(mode(backup) == 0o600)
    }

    @Test("only the last seven backups are kept")
    func backupsArePruned() throws {
        let temp = TempFolder()
        let file = temp.file()
        let start = Day("2026-11-01")!
        for n in 0..<10 { try addApp(file, "a-\(n)", day: start.adding(days: n)) }
        let days = file.backups().map(\.day)
        #expect(days.count == 7)
        #expect(days.first == start.adding(days: 9))
        #expect(days.last == start.adding(days: 3))
    }

    @Test("restore brings a backup back and keeps the file it replaced")
    func restoreRoundTrips() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1", day: Day("2026-11-14")!)
        try addApp(file, "a-2", day: Day("2026-11-15")!)
        let backup = try #require(file.backups().first { $0.day == Day("2026-11-15")! })
        let replaced = bytes(file.path)
        let restored = try file.restore(backup, today: today)
        #expect(restored.applications.map(\.id) == ["a-1"])
        #expect(try file.load()?.applications.map(\.id) == ["a-1"])
        #expect(bytes(file.preRestorePath) == replaced)
        #expect(bytes(file.backupPath(today)) == replaced, "the replaced file is also the day's backup")
        // Restoring the pre-restore copy undoes the restore.
        _ = try file.restore(Backup(day: today, path: file.preRestorePath, size: 0), today: today)
        #expect(try file.load()?.applications.map(\.id) == ["a-1", "a-2"])
    }

    @Test("restore over a corrupt file keeps the corrupt bytes and leaves the backups alone")
    func restoreOverCorruptFile() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1", day: Day("2026-11-14")!)
        try addApp(file, "a-2", day: today)
        let morning = bytes(file.backupPath(today))
        let junk = Array("{\"applications\": [}".utf8)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(junk))
        let backup = try #require(file.backups().first { $0.day == today })
        _ = try file.restore(backup, today: today)
        #expect(try file.load()?.applications.map(\.id) == ["a-1"])
        #expect(bytes(file.preRestorePath) == junk)
        #expect(bytes(file.backupPath(today)) == morning)
        #expect(mode(file.path) == 0o600)
    }

    @Test("undoing an older change keeps what a later change did to the same record")
    func undoKeepsLaterChanges() throws {
        let temp = TempFolder()
        let file = temp.file()
        let t = instant("2026-11-16T09:00:00Z")
        try addApp(file, "a-1")
        let first = try file.transaction(today: today, summary: "snooze", at: t) { data in
            data.snoozes.append(Snooze(taskID: "task-1", until: Day("2026-11-19")!, updatedAt: t))
            data.snoozes.append(Snooze(taskID: "task-2", until: Day("2026-11-19")!, updatedAt: t))
        }
        _ = try file.transaction(today: today, summary: "snooze again", at: t) { data in
            data.snoozes.removeAll { $0.taskID == "task-1" }
            data.snoozes.append(Snooze(taskID: "task-1", until: Day("2026-11-25")!, updatedAt: t))
        }
        guard let recorded = first.recorded else {
            Issue.record("the first change was not recorded")
            return
        }
        let undone = try file.undo(today: today, id: recorded)
        #expect(undone?.entry.summary == "snooze")
        let snoozes = try #require(try file.load()).snoozes
        #expect(snoozes.map(\.taskID) == ["task-1"], "task-2 was only the first change's: gone; task-1 the later one's: kept")
        #expect(snoozes.first?.until == Day("2026-11-25"))
    }

    @Test("a change to the file's own unknown fields is recorded, so undo does not skip past it")
    func undoOfTopLevelFields() throws {
        let temp = TempFolder()
        let file = temp.file()
        let t = instant("2026-11-16T09:00:00Z")
        _ = try file.transaction(today: today, summary: "add app", at: t) { data in
            data.applications.append(Application(id: "a-1", employer: "A", role: "r", createdAt: t))
        }
        _ = try file.transaction(today: today, summary: "edit", at: t) { data in data.extra["myNotes"] = .string("hello") }
        #expect(try file.undo(today: today)?.entry.summary == "edit")
        let data = try #require(try file.load())
        #expect(data.extra["myNotes"] == nil)
        #expect(data.applications.count == 1)
    }

    @Test("undo on a missing file creates nothing")
    func undoWithoutFile() throws {
        let temp = TempFolder()
        let file = temp.file()
        #expect(try file.undo(today: today) == nil)
        #expect(!file.exists)
    }

    @Test("a writer waits for the lock and names its holder when it gives up")
    func lockedFileNamesTheHolder() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1")
        let holder = try holdLock(file.lockPath, seconds: 30)
        defer { holder.terminate(); holder.waitUntilExit() }
        do {
            try file.transaction(today: today, lockTimeout: 0.3) { _ in }
            Issue.record("expected the lock to be busy")
        } catch let StoreError.locked(_, pid) {
            #expect(pid == holder.processIdentifier)
        }
    }

    @Test("a lock held by a process that was killed does not block the next writer")
    func killedHolderReleasesTheLock() throws {
        let temp = TempFolder()
        let file = temp.file()
        try addApp(file, "a-1")
        let holder = try holdLock(file.lockPath, seconds: 30)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        try file.transaction(today: today, lockTimeout: 2) { data in
            data.applications.removeAll()
        }
        #expect(try file.load()?.applications.isEmpty == true)
    }

    /// Starts a process that takes the lock the way followup does and writes its pid in it.
    func holdLock(_ path: String, seconds: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec 9>>'\(path)'; flock 9; echo $$ > '\(path)'; exec sleep \(seconds)"]
        try process.run()
        // Wait until it holds the lock (its pid is in the file).
        for _ in 0..<200 {
            if let text = bytes(path).map({ String(decoding: $0, as: UTF8.self) }), !text.isEmpty { break }
            usleep(10_000)
        }
        return process
    }
}

@Suite("What a change did, for undo")
struct HistoryChangesTests {
    @Test("an id two applications share is reported once, by id, whether a few or many applications changed")
    func repeatedID() {
        let at = Instant(seconds: 1_700_000_000)
        for changedCount in [2, 12] {
            var old = FollowUpData()
            for i in 0..<12 { old.applications.append(Application(id: i == 3 || i == 7 ? "dup" : "app-\(i)", employer: "E\(i)", role: "r", createdAt: at)) }
            var new = old
            for i in 0..<changedCount { new.applications[i == 1 ? 7 : i].role = "changed" }
            let changes = History.changes(from: old, to: new)
            let dup = changes.filter { $0.record == .application && $0.id == "dup" }
            #expect(dup.count <= 1, "\(changedCount) changed: \(dup.count) changes for the shared id")
            #expect(changes.contains { $0.record == .application && $0.id == "app-0" })
        }
    }
}
