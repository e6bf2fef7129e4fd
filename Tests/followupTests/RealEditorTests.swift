import Foundation
import JSON
import Testing

/// Debian's vim, when installed (scripts/test installs it).
let realVim = ["/usr/bin/vim", "/usr/bin/vim.basic", "/usr/bin/vim.tiny"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The editor hand-off and Ctrl-Z with the programs a user has: Debian's vim, run from an
/// interactive bash (which has job control) inside tmux. `HOME` is a fresh folder, so no vimrc
/// applies.
@Suite("Real editors and the shell", .enabled(if: Tmux.available && realVim != nil), .serialized)
struct RealEditorTests {
    /// What the shell shows at its prompt (tmux drops the space after it).
    static let prompt = "ready$"

    /// bash at a prompt of its own, in a terminal of `width` × `height`.
    func shell(_ s: Sandbox, _ t: Tmux, width: Int = 100, height: Int = 30) {
        t.start("env -u NO_COLOR HOME=\(s.folder) TZ=America/New_York PS1='\(RealEditorTests.prompt) ' bash --norc --noprofile",
                width: width, height: height)
        #expect(t.wait { t.screen().contains(RealEditorTests.prompt) })
    }

    /// Types a command line into the shell.
    func type(_ t: Tmux, _ line: String) {
        t.keys("-l", line)
        t.keys("Enter")
    }

    var vim: String { realVim ?? "vim" }

    @Test("EDITOR=vim followup edit, then :wq: back at the shell, exit 0, the file unchanged")
    func editAndQuit() {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let t = Tmux()
        defer { t.kill() }
        shell(s, t)
        type(t, "EDITOR=\(vim) \(followupBinary) edit --file \(s.file); echo EXIT=$?")
        #expect(t.wait { t.screen().contains("\"applications\": [") })
        t.keys(":wq", "Enter")
        #expect(t.wait { t.screen().contains("EXIT=0") }, "\(t.screen())")
        #expect(t.screen().contains("no changes"))
        #expect(s.bytes == before)
    }

    @Test("a change made in vim is validated and saved")
    func editAndChange() {
        let s = Sandbox()
        _ = Acme(s)
        let t = Tmux()
        defer { t.kill() }
        shell(s, t)
        type(t, "EDITOR=\(vim) \(followupBinary) edit --file \(s.file); echo EXIT=$?")
        #expect(t.wait { t.screen().contains("\"applications\": [") })
        t.keys("-l", ":%s/Staff Engineer/Principal Engineer/g")
        t.keys("Enter")
        t.keys(":wq", "Enter")
        #expect(t.wait { t.screen().contains("EXIT=0") }, "\(t.screen())")
        #expect(s.ok(["export", "json"]).contains("\"role\": \"Principal Engineer\""))
    }

    @Test("w shows the draft in vim; :wq comes back to the dashboard with no stray keys; q leaves the terminal cooked")
    func draftInVim() throws {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let t = Tmux()
        defer { t.kill() }
        shell(s, t)
        type(t, "EDITOR=\(vim) FOLLOWUP_NOW=2026-11-16T18:00 \(followupBinary) --file \(s.file)")
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        t.keys("w")
        #expect(t.wait { t.screen().contains("Dear Dana,") })
        // vim reads the terminal: a line typed into it lands in the draft.
        t.keys("G", "o")
        t.keys("-l", "Typed in vim.")
        t.keys("Escape", ":wq", "Enter")
        #expect(t.wait { t.screen().contains("Draft kept at") }, "\(t.screen())")
        // Nothing vim left behind was taken as a key: still the lists, nothing done or opened.
        usleep(300_000)
        let screen = t.screen()
        #expect(screen.contains("Thank-you notes 2") && !screen.contains("Daily review") && !screen.contains("Help"), "\(screen)")
        #expect(s.bytes == before)
        let drafts = try FileManager.default.contentsOfDirectory(atPath: s.folder + "/drafts")
        let text = String(decoding: FileManager.default.contents(atPath: s.folder + "/drafts/" + drafts[0]) ?? Data(), as: UTF8.self)
        #expect(text.contains("Typed in vim."))
        t.keys("q")
        #expect(t.wait { t.screen().components(separatedBy: RealEditorTests.prompt).count >= 3 })
        type(t, "stty -a > \(s.folder)/stty.txt")
        #expect(t.wait { String(decoding: FileManager.default.contents(atPath: s.folder + "/stty.txt") ?? Data(), as: UTF8.self).contains("echoctl") })
        let stty = String(decoding: FileManager.default.contents(atPath: s.folder + "/stty.txt") ?? Data(), as: UTF8.self)
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "terminal left raw: \(stty)")
    }

    @Test("Ctrl-Z shows the shell, jobs lists the dashboard, fg draws it again")
    func suspendAndResume() {
        let s = Sandbox()
        _ = Acme(s)
        let t = Tmux()
        defer { t.kill() }
        shell(s, t)
        type(t, "FOLLOWUP_NOW=2026-11-16T18:00 \(followupBinary) --file \(s.file)")
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        t.keys("C-z")
        #expect(t.wait { t.screen().contains("Stopped") && !t.screen().contains("Thank-you notes") }, "\(t.screen())")
        type(t, "jobs")
        #expect(t.wait { t.screen().components(separatedBy: "Stopped").count >= 3 }, "\(t.screen())")
        type(t, "fg")
        #expect(t.wait { t.screen().contains("Thank-you notes 2") && t.screen().contains("Strikes by employer") }, "\(t.screen())")
        // Ctrl-Z inside a prompt (here the snooze question) stops it too, and it comes back there.
        t.keys("s")
        #expect(t.wait { t.screen().contains("Snooze") })
        t.keys("C-z")
        #expect(t.wait { !t.screen().contains("Thank-you notes") })
        type(t, "fg")
        #expect(t.wait { t.screen().contains("Thank-you notes 2") && t.screen().contains("Snooze") }, "\(t.screen())")
        t.keys("Escape", "q")
        #expect(t.wait { t.screen().contains("\(RealEditorTests.prompt)") && !t.screen().contains("Thank-you notes") })
    }
}

@Suite("Forms in a real terminal", .enabled(if: Tmux.available), .serialized)
struct FormTmuxTests {
    func export(_ s: Sandbox) -> JSONValue? { try? JSONParser.parse(s.ok(["export", "json"])) }

    @Test("on an empty file: an application, a contact and an interview through the forms; a bad date saves nothing; Esc writes nothing; u takes an add back")
    func addThroughForms() throws {
        let s = Sandbox()
        let t = Tmux()
        defer { t.kill() }
        t.start("env TZ=America/New_York FOLLOWUP_NOW=2026-11-24T09:00 HOME=\(s.folder) \(followupBinary) --file \(s.file)", width: 100, height: 30)
        #expect(t.wait { t.screen().contains("Welcome to followup") })
        // Esc writes nothing.
        t.keys("a", "a")
        #expect(t.wait { t.screen().contains("New application") })
        t.keys("-l", "Nobody")
        t.keys("Escape")
        #expect(t.wait { t.screen().contains("Welcome to followup") })
        #expect(!FileManager.default.fileExists(atPath: s.file))
        // The application, with a date that is not one: kept as typed, nothing saved.
        t.keys("a", "a")
        #expect(t.wait { t.screen().contains("New application") })
        t.keys("-l", "Zoë & Co 日本")
        t.keys("Tab")
        t.keys("-l", "Staff Engineer")
        t.keys("Tab")
        t.keys("-l", "2026-02-30")
        t.keys("Enter")
        #expect(t.wait { t.screen().contains("is not a date") }, "\(t.screen())")
        #expect(!FileManager.default.fileExists(atPath: s.file))
        t.keys("C-u")
        t.keys("-l", "fri")
        #expect(t.wait { t.screen().contains("→ Fri 27 Nov") })
        t.keys("Enter")
        #expect(t.wait { t.screen().contains("Added Zoë & Co 日本") }, "\(t.screen())")
        let app = try #require(export(s)?["applications"]?.arrayValue?.first)
        #expect(app["role"] == .string("Staff Engineer") && app["decisionBy"] == .string("2026-11-27"))
        // A contact, then an interview with them.
        t.keys("3", "a", "c")
        #expect(t.wait { t.screen().contains("New contact at") })
        t.keys("-l", "Dana Lee")
        t.keys("Enter")
        #expect(t.wait { t.screen().contains("Added Dana Lee") }, "\(t.screen())")
        t.keys("a", "i")
        #expect(t.wait { t.screen().contains("New interview at") })
        t.keys("-l", "tomorrow 14:00")
        for _ in 0..<4 { t.keys("Tab") }
        t.keys("Space", "Enter")
        #expect(t.wait { t.screen().contains("Added an interview") }, "\(t.screen())")
        let saved = try #require(export(s)?["applications"]?.arrayValue?.first)
        #expect(saved["contacts"]?.arrayValue?.count == 1)
        let interview = try #require(saved["interviews"]?.arrayValue?.first)
        #expect(interview["at"] == .string("2026-11-25T14:00:00-05:00"))
        #expect(interview["with"]?.arrayValue?.count == 1)
        // u takes the interview back.
        t.keys("u")
        #expect(t.wait { export(s)?["applications"]?.arrayValue?.first?["interviews"]?.arrayValue?.isEmpty == true })
    }
}

@Suite("A save that fails, in a real terminal", .enabled(if: Tmux.available))
struct FailedSaveTmuxTests {
    @Test("a change that cannot be saved (a file from a newer followup) shows why; the file is untouched and nothing is said to be done")
    func failedSave() throws {
        let s = Sandbox()
        _ = Acme(s)
        let text = String(decoding: s.bytes ?? Data(), as: UTF8.self).replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
        try Data(text.utf8).write(to: URL(fileURLWithPath: s.file))
        let before = s.bytes
        let t = Tmux()
        defer { t.kill() }
        t.start("env TZ=America/New_York FOLLOWUP_NOW=2026-11-16T18:00 HOME=\(s.folder) \(followupBinary) --file \(s.file)", width: 100, height: 30)
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        t.keys("d")
        #expect(t.wait { t.screen().contains("newer followup") }, "\(t.screen())")
        #expect(!t.screen().contains("Done:"))
        #expect(t.screen().contains("Thank-you notes 2"))
        #expect(s.bytes == before)
    }
}
