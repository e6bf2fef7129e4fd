import Foundation
import JSON
import Testing

/// Drives the real binary inside tmux: what a user sees and what their terminal is left in.
/// tmux runs on a socket of its own. Its clients are started with posix_spawn and reaped with
/// waitpid, output going to a file: Foundation's Process would wait on descriptors that a tmux
/// server, started by the client, inherits and keeps open.
struct Tmux {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    static let socket = ProcessInfo.processInfo.environment["FOLLOWUP_TMUX_SOCKET"] ?? "followup-tests"

    let session = "followup-test-\(UUID().uuidString.prefix(8))"

    @discardableResult
    func tmux(_ args: [String], capture: Bool = false) -> (status: Int32, output: String) {
        Tmux.run(["/usr/bin/tmux", "-L", Tmux.socket] + args, capture: capture)
    }

    static func run(_ argv: [String], capture: Bool) -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.path + "/followup-tmux-\(UUID().uuidString.prefix(8))"
        defer { unlink(out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = capture ? (FileManager.default.contents(atPath: out).map { String(decoding: $0, as: UTF8.self) } ?? "") : ""
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (exited, text)
    }

    func start(_ command: String, width: Int = 80, height: Int = 24) {
        // A session that lives as long as the server keeps it from exiting between tests.
        if tmux(["has-session", "-t", "keepalive"]).status != 0 {
            tmux(["new-session", "-d", "-s", "keepalive", "sleep 3600"])
        }
        tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
              "env LANG=C.UTF-8 TERM=xterm-256color " + command])
    }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", session], capture: true).output }

    /// The screen with its colour escapes.
    func styledScreen() -> String { tmux(["capture-pane", "-p", "-e", "-t", session], capture: true).output }

    func resize(width: Int, height: Int) { tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"]) }

    func keys(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }

    var isRunning: Bool { tmux(["has-session", "-t", session]).status == 0 }

    /// Waits up to five seconds for a condition.
    func wait(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    func kill() { tmux(["kill-session", "-t", session]) }
}

@Suite("The dashboard in a real terminal", .enabled(if: Tmux.available), .serialized)
struct DashboardTests {
    @Test("followup --demo opens full screen and quits on q")
    func demoOpensAndQuits() {
        let t = Tmux()
        defer { t.kill() }
        t.start("\(followupBinary) --demo")
        #expect(t.wait { t.screen().contains("followup ·") })
        t.keys("q")
        #expect(t.wait { !t.isRunning })
    }

    @Test("Ctrl-C, SIGTERM, SIGUSR1 and SIGALRM leave the terminal as it was", arguments: ["C-c", "TERM", "USR1", "ALRM"])
    func signalsRestoreTheTerminal(_ how: String) throws {
        let s = Sandbox()
        let t = Tmux()
        defer { t.kill() }
        let report = s.folder + "/stty.txt"
        let pidFile = s.folder + "/pid"
        let script = s.folder + "/run.sh"
        // Like an interactive shell, the script survives the Ctrl-C meant for followup.
        let text = "trap true INT\nsh -c 'echo $$ > \(pidFile); exec \(followupBinary) --demo'\nstty -a > \(report)\nsleep 30\n"
        _ = FileManager.default.createFile(atPath: script, contents: Data(text.utf8))
        t.start("sh \(script)")
        #expect(t.wait { t.screen().contains("followup ·") })
        if how != "C-c" {
            let signal = ["TERM": SIGTERM, "USR1": SIGUSR1, "ALRM": SIGALRM][how]!
            let pid = try #require(Int32(String(decoding: FileManager.default.contents(atPath: pidFile) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)))
            Foundation.kill(pid, signal)
        } else {
            t.keys("C-c")
        }
        // Wait for the whole report, not just the file the shell creates before stty writes.
        #expect(t.wait { String(decoding: FileManager.default.contents(atPath: report) ?? Data(), as: UTF8.self).contains("echoctl") })
        let stty = String(decoding: FileManager.default.contents(atPath: report) ?? Data(), as: UTF8.self)
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "terminal left raw: \(stty)")
    }

    /// The dashboard on a real file at a fixed time.
    func open(_ s: Sandbox, _ t: Tmux, width: Int = 100, height: Int = 30, colour: Bool = true) {
        // The tmux server's own environment must not decide: NO_COLOR is set or removed here.
        let env = (colour ? "-u NO_COLOR " : "NO_COLOR=1 ") + "TZ=America/New_York FOLLOWUP_NOW=2026-11-16T18:00"
        t.start("env \(env) \(followupBinary) --file \(s.file)", width: width, height: height)
    }

    @Test("d marks the selected thank-you done in the file; u takes it back")
    func doneAndUndo() {
        let s = Sandbox()
        let acme = Acme(s)
        let t = Tmux()
        defer { t.kill() }
        open(s, t)
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        t.keys("d")
        // Drawn at once; said to be done once it is saved.
        #expect(t.wait { t.screen().contains("Thank-you notes 1") })
        #expect(t.wait { t.screen().contains("Done: thank-you Dana Lee (Acme Corp)") })
        let saved = s.ok(["export", "json"])
        #expect(saved.contains("\"contact\": \"\(acme.dana)\"") && saved.contains("\"kind\": \"thank-you\""))
        t.keys("u")
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        #expect(!s.ok(["export", "json"]).contains("\"kind\": \"thank-you\""))
        t.keys("q")
        #expect(t.wait { !t.isRunning })
    }

    @Test("a failing post-change hook is said on the status line; the change is saved all the same")
    func failingHookInTheDashboard() {
        let s = Sandbox()
        let acme = Acme(s)
        let hooks = s.folder + "/config/followup/hooks"
        try? FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: hooks + "/post-change", contents: Data("#!/bin/sh\necho on the screen >&2\nexit 3\n".utf8),
                                       attributes: [.posixPermissions: 0o755])
        let t = Tmux()
        defer { t.kill() }
        t.start("env -u NO_COLOR TZ=America/New_York FOLLOWUP_NOW=2026-11-16T18:00 XDG_CONFIG_HOME=\(s.folder)/config \(followupBinary) --file \(s.file)",
                width: 100, height: 30)
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        t.keys("d")
        #expect(t.wait { t.screen().contains("hook post-change failed (exit 3); the change is saved") })
        // The hook's own output never reaches the screen.
        #expect(!t.screen().contains("on the screen"))
        #expect(s.ok(["export", "json"]).contains("\"contact\": \"\(acme.dana)\""))
        t.keys("q")
        #expect(t.wait { !t.isRunning })
    }

    @Test("a change made by another process shows up after the next key")
    func picksUpOtherWriters() {
        let s = Sandbox()
        let acme = Acme(s)
        let t = Tmux()
        defer { t.kill() }
        open(s, t)
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        s.now = "2026-11-16T17:00"
        s.ok(["log", "thank-you", "--app", acme.app, "--contact", acme.raj])
        t.keys("j")
        #expect(t.wait { t.screen().contains("Thank-you notes 1") })
    }

    @Test("resizing redraws at once; a tiny terminal says so")
    func resizes() {
        let s = Sandbox()
        _ = Acme(s)
        let t = Tmux()
        defer { t.kill() }
        open(s, t, width: 120, height: 30)
        #expect(t.wait { t.screen().contains("Strikes by employer") })
        t.resize(width: 50, height: 14)
        #expect(t.wait { t.screen().contains("Tab for more") })
        t.resize(width: 20, height: 5)
        #expect(t.wait { t.screen().contains("too small") })
        t.resize(width: 100, height: 30)
        #expect(t.wait { t.screen().contains("Check-ins & to-dos") && t.screen().contains("Strikes by employer") })
    }

    @Test("NO_COLOR: words, no colours; with colour, overdue is red")
    func noColor() {
        let s = Sandbox()
        _ = Acme(s)
        for colour in [false, true] {
            let t = Tmux()
            defer { t.kill() }
            open(s, t, colour: colour)
            #expect(t.wait { t.screen().contains("Thank-you notes") })
            let styled = t.styledScreen()
            let hasColour = styled.contains("\u{1B}[31m") || styled.contains("\u{1B}[33m") || styled.contains("\u{1B}[36m")
            #expect(hasColour == colour, "colour \(colour)")
            #expect(t.screen().contains("today"))
        }
    }

    @Test("names in any script line up")
    func unicodeAlignment() {
        let s = Sandbox()
        s.now = "2026-11-16T08:00"
        for (employer, person) in [("日本商事", "佐藤 由紀"), ("Société Générale", "Zoë Müller"), ("Acme 🚀", "Dana Lee")] {
            let app = s.ok(["app", "add", "--employer", employer, "--role", "Dev"])
            s.ok(["contact", "add", "--app", app, "--name", person, "--role", "recruiter"])
            s.ok(["interview", "add", "--app", app, "--at", "2026-11-16T09:00"])
        }
        let t = Tmux()
        defer { t.kill() }
        open(s, t)
        #expect(t.wait { t.screen().contains("Thank-you notes 3") })
        let rows = t.screen().split(separator: "\n").filter { $0.contains("tomorrow") && $0.contains("email") }
        #expect(rows.count == 3)
        let emailColumns = Set(rows.map { row -> Int in
            let prefix = row[..<row.range(of: "email")!.lowerBound]
            // Cells as a terminal counts them: CJK and emoji two, everything else here one.
            return prefix.reduce(0) { sum, c in
                let v = c.unicodeScalars.first!.value
                let wide = (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0x1F300...0x1FAFF).contains(v)
                return sum + (wide ? 2 : 1)
            }
        })
        #expect(emailColumns.count == 1, "\(rows)")
    }

    @Test("R then w opens a draft in the editor and comes back to the review")
    func reviewAndDraft() throws {
        let s = Sandbox()
        _ = Acme(s)
        let editor = s.folder + "/editor.sh"
        _ = FileManager.default.createFile(atPath: editor, contents: Data("#!/bin/sh\necho EDITED >> \"$1\"\n".utf8), attributes: [.posixPermissions: 0o755])
        let t = Tmux()
        defer { t.kill() }
        t.start("env -u NO_COLOR EDITOR='sh \(editor)' TZ=America/New_York FOLLOWUP_NOW=2026-11-16T18:00 \(followupBinary) --file \(s.file)", width: 100, height: 30)
        #expect(t.wait { t.screen().contains("Thank-you notes 2") })
        t.keys("R")
        #expect(t.wait { t.screen().contains("Daily review · 1 of") })
        // The take-stock note comes first (due tonight), then the thank-you notes.
        t.keys("Enter")
        #expect(t.wait { t.screen().contains("Daily review · 2 of") })
        t.keys("w")
        #expect(t.wait { t.screen().contains("Draft kept at") })
        let drafts = try FileManager.default.contentsOfDirectory(atPath: s.folder + "/drafts")
        #expect(drafts.count == 1)
        let text = String(decoding: FileManager.default.contents(atPath: s.folder + "/drafts/" + drafts[0]) ?? Data(), as: UTF8.self)
        #expect(text.contains("Dear Dana,") && text.hasSuffix("EDITED\n"))
        #expect(t.screen().contains("Daily review · 2 of"))
    }

    @Test("d on take-stock opens the guided note; the answers are logged as a note")
    func guidedNote() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let editor = s.folder + "/answer.sh"
        let script = "#!/bin/sh\nsed -i 's/^# What went well?$/# What went well?\\nThe design round./' \"$1\"\n"
        _ = FileManager.default.createFile(atPath: editor, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        let t = Tmux()
        defer { t.kill() }
        t.start("env -u NO_COLOR EDITOR='sh \(editor)' TZ=America/New_York FOLLOWUP_NOW=2026-11-16T18:00 \(followupBinary) --file \(s.file)", width: 100, height: 30)
        #expect(t.wait { t.screen().contains("take stock") })
        t.keys("2")
        t.keys("d")
        #expect(t.wait { t.screen().contains("Noted how it went at Acme Corp") })
        let events = (try? JSONParser.parse(s.ok(["export", "json"])))?["applications"]?.arrayValue?.first?["events"]?.arrayValue ?? []
        #expect(events.contains { $0["kind"] == .string("note") && $0["text"] == .string("What went well? The design round.") })
        _ = acme
    }

    @Test("D in the timeline deletes the selected event through the write path; u brings it back")
    func deleteAndUndo() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let note = s.ok(["log", "note", "--app", acme.app, "--text", "a mistake", "--at", "2026-11-16T12:00"])
        let t = Tmux()
        defer { t.kill() }
        open(s, t)
        #expect(t.wait { t.screen().contains("Thank-you notes") })
        t.keys("Enter")
        #expect(t.wait { t.screen().contains("a mistake") })
        t.keys("j", "D")
        #expect(t.wait { t.screen().contains("y yes · any other key no — this event") })
        t.keys("y")
        #expect(t.wait { t.screen().contains("Deleted this event") })
        let buried = (try? JSONParser.parse(s.ok(["export", "json"])))?["tombstones"]?.arrayValue ?? []
        #expect(buried.contains { $0["id"] == .string(note) })
        t.keys("u")
        #expect(t.wait { t.screen().contains("a mistake") })
    }
    @Test("A lists every application and / finds an accented name typed without its accent; z lists a dismissed task and ⏎ brings it back")
    func applicationsAndPutAside() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let sg = s.ok(["app", "add", "--employer", "Société Générale", "--role", "Ingénieure DevOps"])
        s.ok(["contact", "add", "--app", sg, "--name", "Zoë Müller", "--email", "zoe@sg.example"])
        s.now = "2026-11-16T18:00"
        let tasks = s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue ?? []
        let thanks = try #require(tasks.first { $0["kind"] == .string("thank-you") && $0["contact"] == .string(acme.raj) }?["id"]?.stringValue)
        s.ok(["dismiss", thanks])
        #expect(!(s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue ?? []).contains { $0["id"] == .string(thanks) })
        let t = Tmux()
        defer { t.kill() }
        open(s, t)
        #expect(t.wait { t.screen().contains("Thank-you notes 1") })
        t.keys("A")
        #expect(t.wait { t.screen().contains("Applications 2") })
        t.keys("/", "z", "o", "e", "Enter")
        #expect(t.wait { t.screen().contains("Applications 1") })
        let found = t.screen()
        #expect(found.contains("Société Générale") && !found.contains("Acme Corp"))
        // Back to the main screen, the filter cleared, then the put-aside list.
        t.keys("Escape")
        t.keys("Escape")
        #expect(t.wait { t.screen().contains("Thank-you notes 1") && !t.screen().contains("filter") })
        t.keys("z")
        #expect(t.wait { t.screen().contains("Put aside 1") && t.screen().contains("thank Raj Patel") })
        t.keys("Enter")
        #expect(t.wait { t.screen().contains("Brought back: thank Raj Patel (Acme Corp)") })
        #expect(t.wait { t.screen().contains("Put aside 0") })
        let back = s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue ?? []
        #expect(back.contains { $0["id"] == .string(thanks) }, "on the agenda again")
        #expect(s.run(["export", "json"]).json?["dismissals"]?.arrayValue?.isEmpty == true)
        // u puts it aside again.
        t.keys("u")
        #expect(t.wait { t.screen().contains("Put aside 1") })
        #expect(s.run(["export", "json"]).json?["dismissals"]?.arrayValue?.count == 1)
        t.keys("q")
        #expect(t.wait { !t.isRunning })
    }
}
