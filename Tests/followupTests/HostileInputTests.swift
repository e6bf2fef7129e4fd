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
