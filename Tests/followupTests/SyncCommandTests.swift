import Foundation
import JSON
import Testing

/// Two copies of the file on two machines, git, hooks and reminders: through the binary.
@Suite("Merge, the git merge driver, hooks and reminders")
struct SyncCommandTests {
    func write(_ path: String, _ text: String, executable: Bool = false) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: executable ? [.posixPermissions: 0o755] : nil)
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func applications(_ s: Sandbox, file: String? = nil) -> [[String: JSONValue]] {
        var args = ["export", "json"]
        if let file { args += ["--file", file, "--now", s.now] }
        let out = file == nil ? s.run(args) : s.run(args, withFile: false)
        return out.json?["applications"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    @Test("merge brings in the other copy's records and field edits; again changes nothing; undo takes it back")
    func mergeThroughTheBinary() {
        let s = Sandbox()
        let acme = s.ok(["app", "add", "--employer", "Acme Corp", "--role", "Engineer"])
        s.ok(["app", "add", "--employer", "Globex", "--role", "SRE"])
        let other = s.folder + "/laptop.json"
        try? FileManager.default.copyItem(atPath: s.file, toPath: other)
        s.now = "2026-11-17T09:00"
        s.ok(["app", "edit", acme, "--role", "Senior Engineer"])
        // The other machine: a decision date, a new application, Globex deleted.
        let there = ["--file", other, "--now", "2026-11-18T09:00"]
        #expect(s.run(["app", "edit", acme, "--decision-by", "2026-12-11"] + there, withFile: false).status == 0)
        #expect(s.run(["app", "add", "--employer", "Hooli", "--role", "Dev"] + there, withFile: false).status == 0)
        #expect(s.run(["app", "rm", "Globex"] + there, withFile: false).status == 0)
        s.now = "2026-11-19T09:00"
        let before = s.bytes

        let dry = s.run(["merge", other, "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would merge") && dry.stdout.contains("Hooli"))
        #expect(s.bytes == before)

        let merged = s.run(["merge", other, "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let report = merged.json
        #expect(report?["changed"]?.boolValue == true)
        #expect(report?["added"]?.arrayValue?.count == 1)
        #expect(report?["deleted"]?.arrayValue?.count == 1)
        #expect(report?["conflicts"]?.arrayValue?.isEmpty == true)
        let apps = applications(s)
        #expect(apps.map { $0["employer"]?.stringValue ?? "" } == ["Acme Corp", "Hooli"])
        #expect(apps.first?["role"] == .string("Senior Engineer"))
        #expect(apps.first?["decisionBy"] == .string("2026-12-11"))
        // The report never goes into the file.
        #expect(!String(decoding: s.bytes ?? Data(), as: UTF8.self).contains("laptop.json"))
        #expect(s.run(["check"]).status == 0)

        let after = s.bytes
        let again = s.run(["merge", other])
        #expect(again.status == 0 && again.stdout.contains("nothing to merge"))
        #expect(s.bytes == after)

        #expect(s.ok(["undo"]).contains("merge laptop.json"))
        #expect(applications(s).map { $0["employer"]?.stringValue ?? "" } == ["Acme Corp", "Globex"])
    }

    @Test("merge refuses a missing, corrupt or same file with one line and writes nothing")
    func mergeBadInput() {
        let s = Sandbox()
        s.ok(["app", "add", "--employer", "Acme", "--role", "r"])
        let before = s.bytes
        let missing = s.run(["merge", s.folder + "/nope.json"])
        #expect(missing.status == 2 && missing.stderr.split(separator: "\n").count == 1 && missing.stderr.contains("nope.json"))
        write(s.folder + "/bad.json", "{\"version\": 1, \"applications\": [")
        let corrupt = s.run(["merge", s.folder + "/bad.json"])
        #expect(corrupt.status == 2 && corrupt.stderr.contains("bad.json"))
        #expect(s.run(["merge", s.file]).status == 2)
        #expect(s.bytes == before)
    }

    @Test("a sync tool's conflict copy is noticed, merged, renamed out of its pattern and kept")
    func conflictCopy() {
        let s = Sandbox()
        let acme = s.ok(["app", "add", "--employer", "Acme", "--role", "r"])
        let copy = s.folder + "/followup.sync-conflict-20261116-101112-ABCDEFG.json"
        try? FileManager.default.copyItem(atPath: s.file, toPath: copy)
        #expect(s.run(["log", "note", "--app", acme, "--text", "from the laptop", "--file", copy, "--now", s.now], withFile: false).status == 0)

        let check = s.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("followup merge") && check.stdout.contains("sync-conflict"))
        let onTerminal = s.runInTerminal(["agenda"])
        #expect(onTerminal.stdout.contains("conflict copy") && onTerminal.stdout.contains("followup merge"))
        // Not for a script.
        #expect(!s.run(["agenda"]).stderr.contains("conflict copy"))

        let merged = s.run(["merge", copy])
        #expect(merged.status == 0, "\(merged.stderr)")
        let kept = s.file + ".merged-2026-11-16"
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(FileManager.default.fileExists(atPath: kept))
        #expect(merged.stdout.contains(kept))
        #expect(s.run(["check"]).status == 0)
        #expect(s.ok(["show", acme]).contains("from the laptop"))
    }

    @Test("the git merge driver merges two branches in a temporary repository, and reports a true conflict")
    func gitDriver() throws {
        let s = Sandbox()
        let repo = s.folder + "/repo"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        let data = repo + "/followup.json"
        let env = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                   "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": s.folder]
        func git(_ args: String...) -> Output {
            Sandbox.exec(["-C", repo] + args, environment: env, binary: "/usr/bin/git")
        }
        func fu(_ args: [String], at now: String) -> String {
            let out = s.run(args + ["--file", data, "--now", now], withFile: false)
            #expect(out.status == 0, "\(args): \(out.stderr)")
            return out.stdout.trimmingCharacters(in: .newlines)
        }
        #expect(git("init", "-q", "-b", "main").status == 0)
        write(repo + "/.gitattributes", "followup.json merge=followup\n")
        write(repo + "/.gitignore", "followup.json.*\n")
        #expect(git("config", "merge.followup.driver", "\(followupBinary) merge-driver %O %A %B").status == 0)
        let acme = fu(["app", "add", "--employer", "Acme", "--role", "Engineer"], at: "2026-11-16T09:00")
        #expect(git("add", "-A").status == 0)
        #expect(git("commit", "-qm", "start").status == 0)

        #expect(git("checkout", "-q", "-b", "laptop").status == 0)
        fu(["app", "add", "--employer", "Hooli", "--role", "Dev"], at: "2026-11-17T09:00")
        fu(["app", "edit", acme, "--role", "Senior Engineer"], at: "2026-11-17T09:01")
        #expect(git("commit", "-qam", "laptop").status == 0)
        #expect(git("checkout", "-q", "main").status == 0)
        fu(["app", "add", "--employer", "Globex", "--role", "SRE"], at: "2026-11-18T09:00")
        fu(["app", "edit", acme, "--decision-by", "2026-12-11"], at: "2026-11-18T09:01")
        #expect(git("commit", "-qam", "desktop").status == 0)

        let listing = try FileManager.default.contentsOfDirectory(atPath: repo).sorted()
        let state = try? FileManager.default.contentsOfDirectory(atPath: s.folder + "/.local/state/followup")
        let merge = git("merge", "-q", "--no-edit", "laptop")
        #expect(merge.status == 0, "\(merge.stdout) \(merge.stderr)")
        // git checks files out 0644, which check points out; the merge is what is checked here.
        chmod(data, 0o600)
        #expect(s.run(["check", "--file", data, "--now", "2026-11-19T09:00"], withFile: false).status == 0)
        let apps = applications(s, file: data)
        #expect(Set(apps.map { $0["employer"]?.stringValue ?? "" }) == ["Acme", "Hooli", "Globex"])
        let merged = apps.first { $0["employer"] == .string("Acme") }
        #expect(merged?["role"] == .string("Senior Engineer") && merged?["decisionBy"] == .string("2026-12-11"))
        // Nothing beside the repository's files: no lock, backup or history for git's temporary files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo).sorted() == listing)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: s.folder + "/.local/state/followup")) == state)
        #expect(git("status", "--porcelain").stdout.isEmpty)

        // A true conflict: the same field, two values.
        #expect(git("checkout", "-q", "-b", "other").status == 0)
        fu(["app", "edit", acme, "--role", "Principal"], at: "2026-11-20T09:00")
        #expect(git("commit", "-qam", "other").status == 0)
        #expect(git("checkout", "-q", "main").status == 0)
        fu(["app", "edit", acme, "--role", "Lead"], at: "2026-11-21T09:00")
        #expect(git("commit", "-qam", "main").status == 0)
        let clash = git("merge", "--no-edit", "other")
        #expect(clash.status != 0)
        chmod(data, 0o600)
        #expect(s.run(["check", "--file", data, "--now", "2026-11-22T09:00"], withFile: false).status == 0)
        #expect(applications(s, file: data).first { $0["employer"] == .string("Acme") }?["role"] == .string("Lead"))
    }

    @Test("merge-driver alone: exit 0 with the canonical merge in OURS; exit 1 and stderr on a conflict")
    func driverExitCodes() {
        let s = Sandbox()
        let acme = s.ok(["app", "add", "--employer", "Acme", "--role", "Engineer"])
        let base = s.folder + "/base.json", ours = s.folder + "/ours.json", theirs = s.folder + "/theirs.json"
        for f in [base, ours, theirs] { try? FileManager.default.copyItem(atPath: s.file, toPath: f) }
        #expect(s.run(["app", "edit", acme, "--role", "A", "--file", ours, "--now", "2026-11-17T09:00"], withFile: false).status == 0)
        #expect(s.run(["app", "edit", acme, "--role", "B", "--file", theirs, "--now", "2026-11-18T09:00"], withFile: false).status == 0)
        let out = s.run(["merge-driver", base, ours, theirs], withFile: false)
        #expect(out.status == 1)
        #expect(out.stderr.contains("conflict") && out.stderr.contains("role"))
        #expect(s.run(["check", "--file", ours, "--now", s.now], withFile: false).status == 0)
        #expect(applications(s, file: ours).first?["role"] == .string("B"))
        // An empty base (no common ancestor) and the same file twice: a clean merge.
        write(base, "")
        #expect(s.run(["merge-driver", base, ours, ours], withFile: false).status == 0)
        // A corrupt side leaves OURS as it was.
        let kept = FileManager.default.contents(atPath: ours)
        write(theirs, "{")
        #expect(s.run(["merge-driver", base, ours, theirs], withFile: false).status == 2)
        #expect(FileManager.default.contents(atPath: ours) == kept)
    }

    @Test("the post-change hook gets a summary of each change; a failing or hanging hook loses nothing")
    func hooks() {
        let s = Sandbox()
        let hooks = s.folder + "/.config/followup/hooks"
        let seen = s.folder + "/seen.jsonl"
        write(hooks + "/post-change", "#!/bin/sh\n{ cat; echo; printf 'file=%s\\n' \"$FOLLOWUP_FILE\"; } >> '\(seen)'\n", executable: true)
        let acme = s.ok(["app", "add", "--employer", "Acme", "--role", "r"])
        let log = read(seen)
        #expect(log.contains("\"summary\"") && log.contains("app add Acme"))
        #expect(log.contains("\"record\": \"application\"") && log.contains(acme))
        #expect(log.contains("file=\(s.file)"))
        // Undo is a change too.
        s.ok(["undo"])
        #expect(read(seen).contains("undo:"))

        write(hooks + "/post-change", "#!/bin/sh\necho broken >&2\nexit 3\n", executable: true)
        let failing = s.run(["app", "add", "--employer", "Globex", "--role", "r"])
        #expect(failing.status == 0)
        #expect(failing.stderr.contains("hook post-change failed (exit 3)"))
        #expect(s.ok(["apps"]).contains("Globex"))

        write(hooks + "/post-change", "#!/bin/sh\nsleep 30\n", executable: true)
        let start = Date()
        let hanging = s.run(["app", "add", "--employer", "Hooli", "--role", "r"], environment: ["FOLLOWUP_HOOK_TIMEOUT": "1"])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(hanging.status == 0)
        #expect(hanging.stderr.contains("took longer than 1 s"))
        #expect(s.ok(["apps"]).contains("Hooli"))
    }

    @Test("the post-merge hook runs after a merge with the report")
    func postMerge() {
        let s = Sandbox()
        s.ok(["app", "add", "--employer", "Acme", "--role", "r"])
        let other = s.folder + "/other.json"
        try? FileManager.default.copyItem(atPath: s.file, toPath: other)
        #expect(s.run(["app", "add", "--employer", "Hooli", "--role", "r", "--file", other, "--now", s.now], withFile: false).status == 0)
        let seen = s.folder + "/merged.json"
        write(s.folder + "/.config/followup/hooks/post-merge", "#!/bin/sh\ncat > '\(seen)'\n", executable: true)
        s.ok(["merge", other])
        let report = try? JSONParser.parse(Array(read(seen).utf8))
        #expect(report?["added"]?.arrayValue?.count == 1)
        #expect(report?["from"]?.stringValue == other)
    }

    @Test("remind prints today's overdue and due items, nothing when there are none, and exits 0 either way")
    func remind() {
        let s = Sandbox()
        let empty = s.run(["remind"])
        #expect(empty.status == 0 && empty.stdout.isEmpty && empty.stderr.isEmpty)
        _ = Acme(s)
        s.now = "2026-11-17T09:00"
        let out = s.run(["remind"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("Acme Corp") && out.stdout.contains("Raj Patel"))
        let count = Int(s.ok(["agenda", "--count"])) ?? -1
        #expect(out.stdout.split(separator: "\n").count == count)
        // A note owed by tomorrow morning is due now, and said to be due tomorrow, not today.
        s.now = "2026-11-16T12:00"
        let noon = s.run(["remind"])
        #expect(noon.stdout.contains("due tomorrow") && !noon.stdout.contains("today: Acme Corp: thank"))
        // Nothing due yet: an application just added.
        let quiet = Sandbox()
        quiet.ok(["app", "add", "--employer", "Acme", "--role", "r"])
        let none = quiet.run(["remind"])
        #expect(none.status == 0 && none.stdout.isEmpty && none.stderr.isEmpty)
    }

    @Test("remind --notify sends one notification through notify-send, and says when it is missing")
    func remindNotify() {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-17T09:00"
        let bin = s.folder + "/bin"
        let sent = s.folder + "/sent.txt"
        write(bin + "/notify-send", "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '\(sent)'\necho --- >> '\(sent)'\n", executable: true)
        let out = s.run(["remind", "--notify"], environment: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(out.status == 0)
        let text = read(sent)
        #expect(text.components(separatedBy: "---").count == 2)
        #expect(text.contains("to do today") && text.contains("Acme Corp"))
        let missing = s.run(["remind", "--notify"], environment: ["PATH": s.folder + "/empty"])
        #expect(missing.status == 0)
        #expect(missing.stderr.contains("notify-send is not installed"))
        #expect(missing.stdout.contains("Acme Corp"))
    }
}
