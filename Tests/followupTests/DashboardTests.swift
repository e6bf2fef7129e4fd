import Foundation
import Testing

/// Drives the real binary inside tmux: what a user sees and what their terminal is left in.
struct Tmux {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

    let session = "followup-test-\(UUID().uuidString.prefix(8))"

    /// Runs tmux; output is read only when asked for, since the server tmux may start keeps
    /// any pipe it inherits open.
    @discardableResult
    func tmux(_ args: [String], capture: Bool = false) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = capture ? pipe : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = capture ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func start(_ command: String, width: Int = 80, height: Int = 24) {
        tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
              "env LANG=C.UTF-8 TERM=xterm-256color " + command])
    }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", session], capture: true).output }

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

    @Test("Ctrl-C and SIGTERM leave the terminal as it was", arguments: ["C-c", "TERM"])
    func signalsRestoreTheTerminal(_ how: String) throws {
        let s = Sandbox()
        let t = Tmux()
        defer { t.kill() }
        let report = s.folder + "/stty.txt"
        let pidFile = s.folder + "/pid"
        let script = s.folder + "/run.sh"
        // Like an interactive shell, the script survives the Ctrl-C meant for followup.
        let text = "trap true INT\nsh -c 'echo $$ > \(pidFile); exec \(followupBinary) --demo'\nstty -a > \(report)\nsleep 30\n"
        FileManager.default.createFile(atPath: script, contents: Data(text.utf8))
        t.start("sh \(script)")
        #expect(t.wait { t.screen().contains("followup ·") })
        if how == "TERM" {
            let pid = try #require(Int32(String(decoding: FileManager.default.contents(atPath: pidFile) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)))
            Foundation.kill(pid, SIGTERM)
        } else {
            t.keys("C-c")
        }
        // Wait for the whole report, not just the file the shell creates before stty writes.
        #expect(t.wait { String(decoding: FileManager.default.contents(atPath: report) ?? Data(), as: UTF8.self).contains("echoctl") })
        let stty = String(decoding: FileManager.default.contents(atPath: report) ?? Data(), as: UTF8.self)
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "terminal left raw: \(stty)")
    }
}
