import Foundation
import JSON
import Testing

/// The reliability suite: writers killed mid-save, writers at once, a corpus of damaged files
/// through every command, and a short fuzz run (scripts/fuzz; `scripts/fuzz 600` is the long one).
@Suite("Reliability", .serialized)
struct ReliabilityTests {
    /// Runs followup without waiting: its pid, and a file its stdout goes to.
    static func spawn(_ arguments: [String], output: String) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([followupBinary] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "America/New_York"
        env["FOLLOWUP_FILE"] = nil
        env["FOLLOWUP_NOW"] = nil
        env["HOME"] = FileManager.default.temporaryDirectory.path + "/followup-tests-home"
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in envp { free(e) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, followupBinary, &actions, nil, argv, envp) == 0 else { return -1 }
        return pid
    }

    @Test("200 writers killed at random moments of a save: the file is always valid and every acknowledged write is in it")
    func killLoop() throws {
        let s = Sandbox()
        let app = s.ok(["app", "add", "--employer", "Sturdy", "--role", "Dev"])
        for n in 0..<30 { s.ok(["log", "note", "--app", app, "--text", String(repeating: "x", count: 3000) + "\(n)"]) }
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        let out = s.folder + "/out.txt"
        for round in 0..<200 {
            let pid = ReliabilityTests.spawn(["log", "note", "--app", app, "--text", "round \(round)", "--file", s.file, "--now", "2026-11-16T09:00"], output: out)
            #expect(pid > 0)
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            // Exited 0 before the kill: the write was acknowledged and must be there.
            if status & 0x7f == 0, (status >> 8) & 0xff == 0 {
                let id = String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !id.isEmpty { acknowledged.append(id) }
            }
            if round % 20 == 19 {
                let check = s.run(["check"])
                #expect(check.status == 0, "round \(round): \(check.stdout) \(check.stderr)")
            }
        }
        let text = s.ok(["export", "json"])
        for id in acknowledged { #expect(text.contains("\"\(id)\""), "acknowledged \(id) is missing") }
        #expect(s.run(["check"]).status == 0)
        // The next writer clears the temp files of killed ones.
        s.ok(["log", "note", "--app", app])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("6 writers × 50 changes at once: exactly 300 events, none lost")
    func concurrentWriters() async {
        let s = Sandbox()
        let app = s.ok(["app", "add", "--employer", "Busy", "--role", "Dev"])
        let file = s.file
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<6 {
                group.addTask {
                    for n in 0..<50 {
                        let out = Sandbox.exec(["log", "note", "--app", app, "--text", "w\(worker) n\(n)", "--file", file, "--now", "2026-11-16T09:00"],
                                               environment: ["TZ": "UTC"])
                        if out.status != 0 { Issue.record("log failed: \(out.stderr)") }
                    }
                }
            }
        }
        let events = (try? JSONParser.parse(s.ok(["export", "json"])))?["applications"]?.arrayValue?.first?["events"]?.arrayValue
        #expect(events?.count == 300)
        #expect(Set(events?.compactMap { $0["text"]?.stringValue } ?? []).count == 300)
    }

    /// Damaged variants of a valid file: cut anywhere, bytes flipped, wrong types, bad UTF-8,
    /// numbers out of range, deep nesting, other kinds of file.
    static func corpus(_ valid: [UInt8]) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = [("empty", []), ("bom", [0xEF, 0xBB, 0xBF] + valid), ("nul", [0]), ("not json", Array("hello".utf8)),
                                          ("array", Array("[]".utf8)), ("string", Array("\"x\"".utf8)), ("deep", Array(repeating: UInt8(ascii: "["), count: 100_000)),
                                          ("bad utf8", Array(valid.prefix(40)) + [0xFF, 0xFE] + Array(valid.dropFirst(40)))]
        for fraction in [1, 5, 10, 25, 50, 75, 90, 99] { files.append(("cut \(fraction)%", Array(valid.prefix(valid.count * fraction / 100)))) }
        let text = String(decoding: valid, as: UTF8.self)
        let swaps: [(String, String, String)] = [
            ("version string", "\"version\": 1", "\"version\": \"1\""), ("version huge", "\"version\": 1", "\"version\": 99999999999999999999"),
            ("applications object", "\"applications\": [", "\"applications\": {\"x\": ["), ("id number", "\"id\": \"", "\"id\": 7, \"x\": \""),
            ("date bad", "\"createdAt\": \"2026", "\"createdAt\": \"2026-02-30T"), ("kind unknown", "\"kind\": \"note\"", "\"kind\": \"zeppelin\""),
            ("strikes huge", "\"settings\": {", "\"settings\": {\"maxStrikes\": 1e300,"), ("hours negative", "\"settings\": {", "\"settings\": {\"thankYouHours\": -9,"),
            ("duplicate key", "\"settings\": {", "\"settings\": {\"preset\": \"standard\", \"preset\": \"gentle\","),
            ("escape", "\"employer\": \"", "\"employer\": \"\\u001b]52;c;x\\u0007"), ("lone surrogate", "\"employer\": \"", "\"employer\": \"\\ud800"),
        ]
        for (name, from, to) in swaps where text.contains(from) {
            files.append((name, Array(text.replacingOccurrences(of: from, with: to).utf8)))
        }
        return files
    }

    @Test("every damaged file × every read command and one write: no trap, one line, the bytes unchanged")
    func damagedCorpus() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["log", "note", "--app", acme.app, "--text", "kept"])
        let valid = [UInt8](s.bytes ?? Data())
        let commands: [[String]] = [["check"], ["agenda"], ["agenda", "--json"], ["strikes"], ["apps"], ["show", acme.app], ["timeline", acme.app],
                                    ["export", "json"], ["export", "csv"], ["export", "ics"], ["undo", "--list"], ["log", "note", "--app", acme.app]]
        for (name, bytes) in ReliabilityTests.corpus(valid) {
            try Data(bytes).write(to: URL(fileURLWithPath: s.file))
            for command in commands {
                let out = s.run(command)
                #expect((0...4).contains(out.status), "\(name) × \(command): status \(out.status)")
                #expect(!out.stderr.contains("crashed") && !out.stderr.contains("Fatal error"), "\(name) × \(command)")
                if out.status != 0 && out.status != 1 {
                    #expect(out.stderr.split(separator: "\n").count == 1, "\(name) × \(command): \(out.stderr)")
                }
                if out.status != 0, command.first == "log" {
                    #expect([UInt8](s.bytes ?? Data()) == bytes, "\(name): a refused write changed the file")
                }
            }
        }
    }

    @Test("a short fuzz run: arbitrary bytes and arguments never crash followup (scripts/fuzz)")
    func fuzz() {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/fuzz").path
        let out = Sandbox.exec([script, "10", "--binary", followupBinary], environment: ["FUZZ_SEED": "1"], binary: "/usr/bin/env")
        #expect(out.status == 0, "\(out.stdout) \(out.stderr)")
        #expect(out.stdout.contains("0 failures"))
    }
}
