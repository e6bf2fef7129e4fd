import Foundation
import JSON
import Testing

@Suite("Finding, fixing and closing things from the command line")
struct EverydayCommandTests {
    func export(_ s: Sandbox) -> JSONValue? { try? JSONParser.parse(s.ok(["export", "json"])) }
    func app(_ s: Sandbox) -> JSONValue? { export(s)?["applications"]?.arrayValue?.first }
    func tasks(_ s: Sandbox) -> [JSONValue] { s.run(["agenda", "--json", "--days", "30"]).json?["tasks"]?.arrayValue ?? [] }

    @Test("apps lists open applications with status, stage, strikes and the next task; --all adds closed ones")
    func appsList() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let closed = s.ok(["app", "add", "--employer", "Umbrella", "--role", "Dev"])
        s.ok(["close", closed, "--reason", "took another offer"])
        s.now = "2026-11-16T18:00"
        let open = try #require(s.run(["apps", "--json"]).json?["apps"]?.arrayValue)
        #expect(open.map { $0["id"] } == [.string(acme.app)])
        let row = try #require(open.first)
        #expect(row["employer"] == .string("Acme Corp"))
        #expect(row["status"] == .string("active"))
        #expect(row["stage"] == .string("interviewed"))
        #expect(row["strikes"] == .int(0))
        #expect(row["next"]?["kind"] != nil)
        let all = s.run(["apps", "--all", "--json"]).json?["apps"]?.arrayValue ?? []
        #expect(all.count == 2)
        #expect(all.contains { $0["id"] == .string(closed) && $0["status"] == .string("closed") })
        #expect(s.ok(["apps"]).contains("Acme Corp"))
    }

    @Test("show lists contacts, interviews and events with their ids, and what is due")
    func showOne() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let event = s.ok(["log", "note", "--app", "acme", "--text", "went well"])
        s.now = "2026-11-16T18:00"
        let text = s.ok(["show", "Acme"])
        for id in [acme.app, acme.dana, acme.raj, acme.interview, event] { #expect(text.contains(id), "\(id)") }
        #expect(text.contains("thank-you"))
        let json = try #require(s.run(["show", acme.app, "--json"]).json)
        #expect(json["app"]?["id"] == .string(acme.app))
        #expect(json["app"]?["events"]?.arrayValue?.count == 1)
        #expect(json["status"] == .string("active"))
        #expect((json["tasks"]?.arrayValue?.count ?? 0) >= 2)
    }

    @Test("a rescheduled interview moves its tasks; a cancelled one has none")
    func rescheduleAndCancel() {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["interview", "edit", acme.interview, "--at", "2026-11-18T15:00"])
        s.now = "2026-11-17T09:00"
        #expect(!tasks(s).contains { $0["kind"] == .string("thank-you") })
        #expect(tasks(s).contains { $0["kind"] == .string("prepare") })
        s.ok(["interview", "edit", acme.interview, "--cancelled"])
        #expect(!tasks(s).contains { $0["kind"] == .string("prepare") })
        s.ok(["interview", "edit", acme.interview, "--no-cancelled"])
        #expect(tasks(s).contains { $0["kind"] == .string("prepare") })
    }

    @Test("edits change only what they name and stamp updatedAt")
    func editsStampUpdatedAt() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-17T12:00"
        s.ok(["contact", "edit", "Raj", "--app", "acme", "--title", "Principal Engineer", "--no-may-call"])
        s.ok(["app", "edit", acme.app, "--role", "Principal Engineer", "--decision-by", "none"])
        let a = try #require(app(s))
        #expect(a["role"] == .string("Principal Engineer"))
        #expect(a["decisionBy"] == nil)
        #expect(a["updatedAt"] == .string("2026-11-17T12:00:00-05:00"))
        let raj = a["contacts"]?.arrayValue?.first { $0["id"] == .string(acme.raj) }
        #expect(raj?["title"] == .string("Principal Engineer"))
        #expect(raj?["updatedAt"] == .string("2026-11-17T12:00:00-05:00"))
        let dana = a["contacts"]?.arrayValue?.first { $0["id"] == .string(acme.dana) }
        #expect(dana?["updatedAt"] == .string("2026-11-16T08:00:00-05:00"))
    }

    @Test("a mistyped event is fixed with event edit; rm leaves a tombstone")
    func fixAndRemoveEvents() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let event = s.ok(["log", "response", "--app", acme.app, "--at", "2026-11-17T10:00"])
        s.ok(["event", "edit", event, "--kind", "check-in", "--channel", "email", "--contact", "Dana"])
        let fixed = app(s)?["events"]?.arrayValue?.first
        #expect(fixed?["kind"] == .string("check-in"))
        #expect(fixed?["contact"] == .string(acme.dana))
        s.ok(["event", "rm", event])
        #expect(app(s)?["events"]?.arrayValue?.isEmpty == true)
        #expect(export(s)?["tombstones"]?.arrayValue?.contains { $0["id"] == .string(event) } == true)
        s.ok(["contact", "rm", acme.raj])
        let interview = app(s)?["interviews"]?.arrayValue?.first
        #expect(interview?["with"] == .array([.string(acme.dana)]))
        #expect(s.run(["check"]).status == 0)
    }

    @Test("app rm removes everything it held, and undo brings it all back")
    func removeAndUndoApplication() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["log", "note", "--app", acme.app])
        let before = export(s)?["applications"]
        s.ok(["app", "rm", "Acme"])
        let buried = Set(export(s)?["tombstones"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
        #expect(buried.isSuperset(of: [acme.app, acme.dana, acme.raj, acme.interview]))
        #expect(export(s)?["applications"]?.arrayValue?.isEmpty == true)
        #expect(s.ok(["undo"]).contains("app rm"))
        #expect(export(s)?["applications"] == before)
        #expect(export(s)?["tombstones"]?.arrayValue?.isEmpty == true)
    }

    @Test("close and reopen change the status; closing twice is an error")
    func closeAndReopen() {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-16T18:00"
        s.ok(["close", "acme", "--reason", "salary too low"])
        #expect(s.run(["timeline", acme.app, "--json"]).json?["status"] == .string("closed"))
        #expect(!tasks(s).contains { $0["app"] == .string(acme.app) })
        let again = s.run(["close", "acme"])
        #expect(again.status == 2)
        s.ok(["reopen", "acme"])
        #expect(s.run(["timeline", acme.app, "--json"]).json?["status"] == .string("active"))
        #expect(tasks(s).contains { $0["app"] == .string(acme.app) })
        #expect(s.run(["reopen", "acme"]).status == 2)
    }

    @Test("undo takes back the latest change, repeatably, and keeps what else was written")
    func undoIsRepeatable() {
        let s = Sandbox()
        let acme = Acme(s)
        let first = s.ok(["log", "note", "--app", acme.app, "--text", "first"])
        let second = s.ok(["log", "note", "--app", acme.app, "--text", "second"])
        let list = s.ok(["undo", "--list"]).split(separator: "\n")
        #expect(list.first?.contains("log note") == true)
        #expect(list.count == 6)
        s.ok(["undo"])
        var ids = app(s)?["events"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(ids == [first])
        s.ok(["undo"])
        ids = app(s)?["events"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(ids == [])
        _ = second
        s.ok(["undo"])
        #expect(app(s)?["interviews"]?.arrayValue?.isEmpty == true)
        #expect(app(s)?["contacts"]?.arrayValue?.count == 2)
    }

    @Test("undo never puts a record into another application that was given the same id by hand")
    func undoWithARepeatedApplicationID() throws {
        let s = Sandbox()
        s.now = "2026-11-24T09:00"
        let alpha = s.ok(["app", "add", "--employer", "Alpha", "--role", "R"])
        let beta = s.ok(["app", "add", "--employer", "Beta", "--role", "R"])
        let note = s.ok(["log", "note", "--app", beta, "--text", "x"])
        let text = String(decoding: s.bytes ?? Data(), as: UTF8.self).replacingOccurrences(of: "\"id\": \"\(beta)\"", with: "\"id\": \"\(alpha)\"")
        _ = FileManager.default.createFile(atPath: s.file, contents: Data(text.utf8))
        s.ok(["event", "rm", note])
        _ = s.run(["undo"])
        let apps = s.run(["export", "json"]).json?["applications"]?.arrayValue ?? []
        try #require(apps.count == 2)
        #expect(apps[0]["employer"]?.stringValue == "Alpha")
        #expect(apps[0]["events"]?.arrayValue?.isEmpty ?? true, "the note is not put back into Alpha")
    }

    @Test("the undo history is in the state folder, not the data file: XDG_STATE_HOME, else ~/.local/state")
    func undoHistoryInStateFolder() throws {
        let s = Sandbox()
        let acme = Acme(s)
        #expect(!(String(decoding: s.bytes ?? Data(), as: UTF8.self)).contains("\"history\""))
        let state = s.folder + "/.local/state/followup"
        let all = try FileManager.default.contentsOfDirectory(atPath: state).sorted()
        // The key the caches name bytes with (one per state folder), and for the file: the
        // history, the mark of the last save (which lets the next save copy what it leaves alone),
        // the index of what it saved (which lets a read pass over what owes nothing) and the
        // applications' headings (which let a change find its applications without the rest).
        #expect(all.first == "content-hash.key")
        let names = all.filter { $0 != "content-hash.key" }
        #expect(names.count == 4 && names.allSatisfy { $0.hasPrefix("followup.json-") })
        #expect(names.map { $0.split(separator: ".").dropFirst(2).joined(separator: ".") } == ["headings", "history.json", "index", "written"])
        // Another process with another state folder has no history for this file; the same one does.
        let xdg = s.folder + "/xdg-state"
        let elsewhere = s.run(["undo"], environment: ["XDG_STATE_HOME": xdg])
        #expect(elsewhere.status == 2 && elsewhere.stderr.contains("nothing to undo"))
        s.ok(["log", "note", "--app", acme.app, "--text", "kept apart"])
        #expect(s.run(["log", "note", "--app", acme.app], environment: ["XDG_STATE_HOME": xdg]).status == 0)
        #expect(s.run(["undo", "--list"], environment: ["XDG_STATE_HOME": xdg]).stdout.split(separator: "\n").count == 1)
        #expect(s.ok(["undo"]).contains("log note"))
        let texts = app(s)?["events"]?.arrayValue?.compactMap { $0["text"]?.stringValue }
        #expect(texts == [], "the note logged under the other state folder has no text and stays; ours is gone")
        #expect(app(s)?["events"]?.arrayValue?.count == 1)
    }

    @Test("undo after an edit made by another process reverts that edit only")
    func undoAfterAnotherProcess() {
        let s = Sandbox()
        let acme = Acme(s)
        let note = s.ok(["log", "note", "--app", acme.app, "--text", "mine"])
        // Another process (a second invocation, another file handle) fixes the note.
        let other = Sandbox.exec(["event", "edit", note, "--text", "theirs", "--file", s.file, "--now", "2026-11-16T09:30"],
                                 environment: ["TZ": "UTC", "HOME": s.folder])
        #expect(other.status == 0)
        #expect(s.ok(["undo"]).contains("event edit"))
        let events = app(s)?["events"]?.arrayValue
        #expect(events?.count == 1)
        #expect(events?.first?["text"] == .string("mine"))
    }

    @Test("undo with nothing to undo says so without writing")
    func nothingToUndo() {
        let s = Sandbox()
        let out = s.run(["undo"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("nothing to undo"))
        #expect(s.bytes == nil)
    }

    @Test("the history is bounded")
    func historyIsBounded() {
        let s = Sandbox()
        let a = s.ok(["app", "add", "--employer", "Busy", "--role", "Dev"])
        for n in 0..<105 { s.ok(["log", "note", "--app", a, "--text", "\(n)"]) }
        #expect(s.ok(["undo", "--list"]).split(separator: "\n").count == 100)
    }

    static let badEdits: [[String]] = [
        ["app", "edit", "Nope", "--role", "X"],
        ["app", "edit", "acme", "--employer", " "],
        ["app", "edit", "acme", "--decision-by", "2026-02-30"],
        ["contact", "edit", "nobody-0000", "--title", "X"],
        ["contact", "edit", "Dana", "--email", "not-an-address"],
        ["interview", "edit", "iv-0000", "--at", "2026-11-20T10:00"],
        ["interview", "edit", "IV", "--at", "tomorrow"],
        ["interview", "edit", "IV", "--with", "Nobody"],
        ["event", "edit", "note-0000", "--text", "x"],
        ["event", "rm", "note-0000"],
        ["app", "rm", "Nope"],
        ["close", "Nope"],
    ]

    @Test("bad edits change nothing", arguments: badEdits.indices)
    func badEditsChangeNothing(_ index: Int) {
        let s = Sandbox()
        let acme = Acme(s)
        let before = s.bytes
        let arguments = EverydayCommandTests.badEdits[index].map { $0 == "IV" ? acme.interview : $0 }
        let out = s.run(arguments)
        #expect(out.status == 2, "\(arguments)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(arguments): \(out.stderr)")
        #expect(s.bytes == before, "\(arguments)")
    }

    @Test("first run: a command on a missing file says where it will be, and writes nothing")
    func firstRun() {
        let s = Sandbox()
        let out = s.run(["agenda"])
        #expect(out.status == 0)
        #expect(out.stderr.contains(s.file))
        #expect(out.stderr.contains("followup app add"))
        #expect(s.bytes == nil)
        let json = s.run(["agenda", "--json"])
        #expect(json.json?["tasks"] == .array([]))
        #expect(json.stderr.isEmpty)
    }

    @Test("ids and names complete from the data file")
    func completion() {
        let s = Sandbox()
        let acme = Acme(s)
        let out = Sandbox.exec(["---completion", "show", "--", "positional@0", "2", "0", "followup", "show", ""],
                               environment: ["FOLLOWUP_FILE": s.file])
        #expect(out.stdout.contains(acme.app))
        #expect(out.stdout.contains("Acme Corp"))
        let script = Sandbox.exec(["--generate-completion-script", "bash"], environment: [:])
        #expect(script.status == 0 && script.stdout.contains("---completion"))
    }
}

@Suite("followup edit: the file in an editor, validated before it is saved")
struct EditorTests {
    /// An editor written as a shell script, run as `sh SCRIPT` (EDITOR may hold a command with
    /// arguments): executing the script itself can fail with ETXTBSY while a process spawned by a
    /// test running in parallel still holds the descriptor it was written through.
    func editor(_ s: Sandbox, _ body: String) -> String {
        let path = s.folder + "/editor-\(UUID().uuidString.prefix(4)).sh"
        _ = FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n\(body)\n".utf8), attributes: [.posixPermissions: 0o755])
        return "sh " + path
    }

    @Test("a valid edit is saved through the write path and can be undone")
    func goodEdit() throws {
        let s = Sandbox()
        _ = Acme(s)
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": editor(s, #"sed -i 's/"Staff Engineer"/"Principal Engineer"/' "$1""#)])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(s.ok(["export", "json"]).contains("Principal Engineer"))
        s.ok(["undo"])
        #expect(s.ok(["export", "json"]).contains("\"Staff Engineer\""))
    }

    @Test("a broken edit is refused with its line and column; the file is untouched and the copy kept")
    func badEdit() throws {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": editor(s, #"sed -i 's/"Staff Engineer"/"Staff Engineer",,/' "$1""#)])
        #expect(out.status == 2)
        #expect(out.stderr.contains("not valid JSON"))
        #expect(out.stderr.range(of: #":\d+:\d+:"#, options: .regularExpression) != nil)
        #expect(s.bytes == before)
        let kept = try FileManager.default.contentsOfDirectory(atPath: s.folder).filter { $0.hasPrefix(".followup-edit-") }
        #expect(kept.count == 1)
    }

    @Test("an edit that breaks the format (not the JSON) is refused too")
    func schemaEdit() {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": editor(s, #"sed -i 's/"kind": "onsite"/"kind": "zeppelin"/; s/"at": "2026-11-16T10:00:00-05:00"/"at": "soon"/' "$1""#)])
        #expect(out.status == 2)
        #expect(s.bytes == before)
    }

    @Test("if the file changes while it is being edited, the edit is not saved over it")
    func concurrentChange() {
        let s = Sandbox()
        let acme = Acme(s)
        let script = editor(s, """
        sed -i 's/"Staff Engineer"/"Principal Engineer"/' "$1"
        \(followupBinary) log note --app \(acme.app) --file \(s.file) --now 2026-11-16T09:00
        """)
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": script])
        #expect(out.status == 2)
        #expect(out.stderr.contains("changed while you were editing"))
        let text = s.ok(["export", "json"])
        #expect(text.contains("\"kind\": \"note\""))
        #expect(!text.contains("Principal Engineer"))
    }

    @Test("an edit that gives two records one id is refused")
    func duplicateIDs() {
        let s = Sandbox()
        let acme = Acme(s)
        let before = s.bytes
        let script = editor(s, #"sed -i 's/"id": "\#(acme.raj)"/"id": "\#(acme.dana)"/' "$1""#)
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": script])
        #expect(out.status == 2)
        #expect(out.stderr.contains(acme.dana))
        #expect(s.bytes == before)
    }

    @Test("a data file that is a symbolic link is written through to its target")
    func symlinkedFile() throws {
        let s = Sandbox()
        let target = s.folder + "/real.json"
        try FileManager.default.createSymbolicLink(atPath: s.file, withDestinationPath: target)
        s.ok(["app", "add", "--employer", "Linked", "--role", "Dev"])
        let attributes = try FileManager.default.attributesOfItem(atPath: s.file)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self).contains("Linked"))
    }

    @Test("an edit that puts a number out of range is refused before it is saved")
    func editOutOfRange() {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": editor(s, #"sed -i 's/"settings": {/"settings": {"maxStrikes": 1e8,/' "$1""#)])
        #expect(out.status == 2)
        #expect(out.stderr.contains("settings.maxStrikes"))
        #expect(s.bytes == before)
    }

    @Test("without a terminal, edit says it needs one and starts no editor")
    func needsTerminal() {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let marker = s.folder + "/editor-ran"
        let out = s.run(["edit"], environment: ["EDITOR": editor(s, "touch \(marker)")])
        #expect(out.status == 2)
        #expect(out.stderr.contains("needs a terminal"))
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(s.bytes == before)
    }

    @Test("no change in the editor writes nothing")
    func noChange() {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": "true"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("no changes"))
        #expect(s.bytes == before)
    }
}

@Suite("followup edit and deletions")
struct EditDeletionTests {
    @Test("a record deleted in the editor leaves a tombstone")
    func deletionLeavesTombstone() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let note = s.ok(["log", "note", "--app", acme.app, "--text", "to delete"])
        let script = s.folder + "/ed.sh"
        let body = """
        #!/bin/sh
        python3 - "$1" <<'PY'
        import json, sys
        p = sys.argv[1]
        d = json.load(open(p))
        d["applications"][0]["events"] = [e for e in d["applications"][0]["events"] if e["id"] != "\(note)"]
        json.dump(d, open(p, "w"), indent=2)
        PY
        """
        _ = FileManager.default.createFile(atPath: script, contents: Data(body.utf8), attributes: [.posixPermissions: 0o755])
        let out = s.runInTerminal(["edit"], environment: ["EDITOR": script])
        #expect(out.status == 0, "\(out.stderr)")
        let tombstones = (try? JSONParser.parse(s.ok(["export", "json"])))?["tombstones"]?.arrayValue ?? []
        #expect(tombstones.contains { $0["id"] == .string(note) })
    }
}
