import Foundation
import Testing
import FollowUpCore
import JSON
@testable import FollowUpStore

@Suite("The undo history, kept in the state folder")
struct HistoryFileTests {
    let today = Day("2026-11-16")!
    let t = instant("2026-11-16T09:00:00Z")

    func app(_ id: String) -> Application { Application(id: id, employer: id, role: "r", createdAt: instant("2026-11-16T09:00:00Z")) }

    func note(_ id: String, _ text: String) -> Event {
        Event(id: id, kind: .note, at: instant("2026-11-16T09:00:00Z"), text: text, createdAt: instant("2026-11-16T09:00:00Z"))
    }

    @Test("a recorded change goes to the state folder (0700, file 0600), never into the data file")
    func historyLivesOutside() throws {
        let temp = TempFolder()
        let file = temp.file()
        try file.transaction(today: today, summary: "add a-1", at: t) { data in data.applications.append(app("a-1")) }
        let text = String(decoding: bytes(file.path) ?? [], as: UTF8.self)
        #expect(!text.contains("history") && !text.contains("add a-1"))
        let history = try #require(file.historyFile)
        #expect(history.path.hasPrefix(temp.stateFolder + "/followup.json-"))
        #expect(mode(temp.stateFolder) == 0o700)
        #expect(mode(history.path) == 0o600)
        #expect(try history.read().map(\.summary) == ["add a-1"])
        // Two data files in one state folder keep two histories.
        let other = temp.file("other.json")
        try other.transaction(today: today, summary: "add b-1", at: t) { data in data.applications.append(app("b-1")) }
        #expect(other.historyFile?.path != history.path)
        #expect(try file.history().map(\.summary) == ["add a-1"])
    }

    @Test("a file with its history inside is migrated on its first write, every entry kept and still undoable")
    func migratesOldHistory() throws {
        let temp = TempFolder()
        let file = temp.file()
        // A file as versions before the state folder wrote it: the history inside.
        try DataFile(path: file.path).transaction(today: today) { data in data.applications += [app("a-1"), app("a-2")] }
        var legacy = try #require(try JSONParser.parse(bytes(file.path) ?? []).objectValue)
        legacy["history"] = .array((1...3).map { n in
            .object(["id": .string("change-000\(n)"), "at": .string("2026-11-1\(n)T09:00:00Z"), "summary": .string("old \(n)"), "changes": .array([])])
        } + [.object(["id": .string("change-0004"), "at": .string("2026-11-14T09:00:00Z"), "summary": .string("add a-2"),
                      "changes": .array([.object(["record": .string("application"), "id": .string("a-2"), "before": .null])])])])
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(JSONWriter.canonical(.object(legacy))))
        #expect(try file.history().map(\.summary) == ["old 1", "old 2", "old 3", "add a-2"], "listed before the move too")

        try file.transaction(today: today, summary: "add a-3", at: t) { data in data.applications.append(app("a-3")) }
        let text = String(decoding: bytes(file.path) ?? [], as: UTF8.self)
        #expect(!text.contains("\"history\""))
        #expect(try file.historyFile?.read().map(\.summary) == ["old 1", "old 2", "old 3", "add a-2", "add a-3"])

        #expect(try file.undo(today: today)?.entry.summary == "add a-3")
        // An entry from inside the old file has no "after": it is taken back as before.
        #expect(try file.undo(today: today)?.entry.summary == "add a-2")
        #expect(try file.load()?.applications.map(\.id) == ["a-1"])
    }

    @Test("undo after the file changed underneath takes back only what still matches, and says what it left")
    func undoLeavesWhatChanged() throws {
        let temp = TempFolder()
        let file = temp.file()
        try file.transaction(today: today) { data in data.applications.append(app("a-1")) }
        try file.transaction(today: today, summary: "two notes", at: t) { data in
            data.applications[0].events = [note("n-1", "mine"), note("n-2", "mine too")]
        }
        // A sync brings a copy where n-1 was changed: nothing recorded it.
        try DataFile(path: file.path).transaction(today: today) { data in data.applications[0].events[0].text = "from the laptop" }
        let undone = try #require(try file.undo(today: today))
        #expect(undone.entry.summary == "two notes")
        #expect(undone.left.map(\.id) == ["n-1"])
        let events = try #require(try file.load()).applications[0].events
        #expect(events.map(\.id) == ["n-1"] && events[0].text == "from the laptop")
    }

    @Test("undoing the addition of an application others added to keeps it")
    func keepsApplicationWithOthersRecords() throws {
        let temp = TempFolder()
        let file = temp.file()
        try file.transaction(today: today, summary: "add a-1", at: t) { data in data.applications.append(app("a-1")) }
        try DataFile(path: file.path).transaction(today: today) { data in data.applications[0].events.append(note("n-1", "theirs")) }
        let undone = try #require(try file.undo(today: today))
        #expect(undone.left.map(\.id) == ["a-1"])
        #expect(try file.load()?.applications.first?.events.map(\.id) == ["n-1"])
    }

    @Test("a damaged history file is set aside and never stops a change")
    func damagedHistory() throws {
        let temp = TempFolder()
        let file = temp.file()
        try file.transaction(today: today, summary: "add a-1", at: t) { data in data.applications.append(app("a-1")) }
        let history = try #require(file.historyFile)
        _ = FileManager.default.createFile(atPath: history.path, contents: Data("{\"entries\": [".utf8))
        try file.transaction(today: today, summary: "add a-2", at: t) { data in data.applications.append(app("a-2")) }
        #expect(try history.read().map(\.summary) == ["add a-2"])
        #expect(FileManager.default.fileExists(atPath: history.path + ".damaged"))
        #expect(try file.load()?.applications.count == 2)
    }

    @Test("the history keeps the latest changes only")
    func bounded() throws {
        let temp = TempFolder()
        let file = temp.file()
        for n in 0..<(FollowUpData.historyLimit + 5) {
            try file.transaction(today: today, summary: "add \(n)", at: t) { data in data.applications.append(app("a-\(n)")) }
        }
        let entries = try #require(try file.historyFile?.read())
        #expect(entries.count == FollowUpData.historyLimit)
        #expect(entries.last?.summary == "add \(FollowUpData.historyLimit + 4)")
    }
}
