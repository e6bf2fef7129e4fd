import Foundation
import JSON
import Testing

@Suite("The command line writes the file")
struct WritingTests {
    @Test("add commands print the new id alone, and ids are a slug and a short suffix")
    func addPrintsIDs() {
        let s = Sandbox()
        let acme = Acme(s)
        #expect(acme.app.wholeMatch(of: /acme-corp-[a-z0-9]{4}/) != nil)
        #expect(acme.dana.wholeMatch(of: /dana-lee-[a-z0-9]{4}/) != nil)
        #expect(acme.interview.wholeMatch(of: /iv-[a-z0-9]{4}/) != nil)
        let event = s.ok(["log", "check-in", "--app", "acme", "--contact", "dana", "--channel", "voicemail", "--at", "2026-11-24T10:30"])
        #expect(event.wholeMatch(of: /check-in-[a-z0-9]{4}/) != nil)
        let data = try? JSONParser.parse(s.ok(["export", "json"]))
        let app = data?["applications"]?.arrayValue?.first
        #expect(app?["contacts"]?.arrayValue?.count == 2)
        #expect(app?["interviews"]?.arrayValue?.first?["with"] == .array([.string(acme.dana), .string(acme.raj)]))
        #expect(app?["interviews"]?.arrayValue?.first?["at"] == .string("2026-11-16T10:00:00-05:00"))
        let logged = app?["events"]?.arrayValue?.first
        #expect(logged?["channel"] == .string("voicemail"))
        #expect(logged?["contact"] == .string(acme.dana))
    }

    @Test("export json prints the file's canonical bytes")
    func exportIsTheFile() {
        let s = Sandbox()
        _ = Acme(s)
        let out = s.run(["export", "json"])
        #expect(out.status == 0)
        #expect(Data(out.stdout.utf8) == s.bytes)
        #expect(out.stdout.hasSuffix("}\n"))
    }

    @Test("the file is created 0600 in a 0700 folder under XDG_DATA_HOME")
    func defaultPathAndModes() throws {
        let s = Sandbox()
        let xdg = s.folder + "/xdg"
        let out = Sandbox.exec(["app", "add", "--employer", "Initech", "--role", "Dev", "--now", "2026-11-16T09:00"],
                               environment: ["XDG_DATA_HOME": xdg, "HOME": s.folder])
        #expect(out.status == 0, "\(out.stderr)")
        let path = xdg + "/followup/followup.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: xdg + "/followup")
        #expect(folder[.posixPermissions] as? Int == 0o700)
    }

    @Test("FOLLOWUP_FILE and FOLLOWUP_NOW stand in for --file and --now")
    func environmentVariables() {
        let s = Sandbox()
        let env = ["FOLLOWUP_FILE": s.file, "FOLLOWUP_NOW": "2026-11-16T09:00", "TZ": "America/New_York"]
        let out = Sandbox.exec(["app", "add", "--employer", "Hooli", "--role", "PM"], environment: env)
        #expect(out.status == 0)
        let export = Sandbox.exec(["export", "json"], environment: env)
        #expect(export.stdout.contains("\"createdAt\": \"2026-11-16T09:00:00-05:00\""))
    }

    @Test("names resolve case-insensitively; an ambiguous name lists the candidates")
    func nameResolution() {
        let s = Sandbox()
        let first = s.ok(["app", "add", "--employer", "Globex", "--role", "SRE"])
        _ = s.ok(["app", "add", "--employer", "Globex", "--role", "DBA"])
        let before = s.bytes
        let out = s.run(["log", "note", "--app", "globex"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("Globex — SRE") && out.stderr.contains("Globex — DBA"))
        #expect(s.bytes == before)
        #expect(s.run(["log", "note", "--app", first.uppercased()]).status == 0)
    }

}

@Suite("Bad input: one line, a non-zero exit, the file untouched")
struct BadInputTests {
    static let cases: [(String, [String])] = [
        ("an impossible date", ["app", "add", "--employer", "X", "--role", "Y", "--decision-by", "2026-02-30"]),
        ("junk as a date-time", ["interview", "add", "--app", "acme", "--at", "next tuesday"]),
        ("a time the clocks skip", ["interview", "add", "--app", "acme", "--at", "2026-03-08T02:30"]),
        ("an unknown kind", ["log", "fax", "--app", "acme"]),
        ("an unknown channel", ["log", "check-in", "--app", "acme", "--channel", "pigeon"]),
        ("a missing option", ["app", "add", "--employer", "X"]),
        ("an empty name", ["contact", "add", "--app", "acme", "--name", "  "]),
        ("an unknown application", ["log", "note", "--app", "Umbrella"]),
        ("an unknown contact", ["log", "thank-you", "--app", "acme", "--contact", "Nobody"]),
        ("an unknown role", ["contact", "add", "--app", "acme", "--name", "Q", "--role", "boss"]),
        ("an unknown time zone", ["app", "add", "--employer", "X", "--role", "Y", "--tz", "Mars/Olympus"]),
        ("a negative length", ["interview", "add", "--app", "acme", "--at", "2026-11-20T10:00", "--minutes", "-5"]),
        ("an unknown task", ["done", "thank-you:nope:nope"]),
        ("a check-in done without a channel", ["done", "CHECKIN"]),
        ("a snooze into the past", ["snooze", "CHECKIN", "--until", "2026-11-01"]),
    ]

    @Test("rejected without a change", arguments: cases.indices)
    func rejected(_ index: Int) throws {
        let (name, arguments) = BadInputTests.cases[index]
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-24T09:00"
        let checkIn = try #require(
            s.ok(["agenda", "--json"]).split(separator: "\"").first { $0.hasPrefix("check-in:") }.map(String.init))
        let before = try #require(s.bytes)
        let out = s.run(arguments.map { $0 == "CHECKIN" ? checkIn : $0 })
        #expect(out.status != 0, "\(name) was accepted")
        #expect(out.stdout.isEmpty, "\(name)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(name): \(out.stderr)")
        #expect(out.stderr.hasPrefix("followup: "), "\(name)")
        #expect(s.bytes == before, "\(name) changed the file")
    }

    @Test("a check-in done without a channel lists the channels")
    func doneNeedsChannel() throws {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-24T09:00"
        let agenda = try #require(s.run(["agenda", "--json"]).json)
        let id = try #require(agenda["tasks"]?.arrayValue?.first { $0["kind"] == .string("check-in") }?["id"]?.stringValue)
        let out = s.run(["done", id])
        #expect(out.stderr.contains("call") && out.stderr.contains("voicemail") && out.stderr.contains("email") && out.stderr.contains("letter"))
    }

    @Test("a corrupt file: its name, line and column, exit 3, never overwritten")
    func corruptFile() throws {
        let s = Sandbox()
        let junk = Data("{\n  \"version\": 1,\n  \"applications\": [\n    {\"id\": \"a\",,}\n".utf8)
        _ = FileManager.default.createFile(atPath: s.file, contents: junk)
        for arguments in [["agenda"], ["log", "note", "--app", "a"], ["app", "add", "--employer", "X", "--role", "Y"], ["export", "json"], ["check"]] {
            let out = s.run(arguments)
            #expect(out.status == 3, "\(arguments)")
            #expect(out.stderr.contains("\(s.file):4:16"), "\(arguments): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").count == 1)
            #expect(s.bytes == junk)
        }
    }

    @Test("a syntax error inside a closed application that agenda and strikes would not read is still reported by every read command")
    func corruptClosedApplication() throws {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-20T09:00"
        s.ok(["log", "withdrawn", "--app", "Acme"])
        s.ok(["app", "add", "--employer", "Globex", "--role", "Analyst"])
        s.now = "2026-12-01T09:00"
        let text = String(decoding: try #require(s.bytes), as: UTF8.self)
        // The closed application's withdrawal, its closing quote taken away.
        let damaged = text.replacingOccurrences(of: "\"kind\": \"withdrawn\"", with: "\"kind\": \"withdrawn")
        #expect(damaged != text)
        let line = damaged.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"kind\": \"withdrawn") }.map { $0 + 1 }
        _ = FileManager.default.createFile(atPath: s.file, contents: Data(damaged.utf8))
        for arguments in [["agenda"], ["agenda", "--json"], ["agenda", "--count"], ["strikes"], ["strikes", "--json"], ["apps"], ["remind"]] {
            let out = s.run(arguments)
            #expect(out.status == 3, "\(arguments)")
            #expect(out.stderr.contains("\(s.file):\(line ?? 0):"), "\(arguments): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").count == 1)
        }
        // Whole again, the closed application is left out of what agenda reads, and the answer is the same.
        _ = FileManager.default.createFile(atPath: s.file, contents: Data(text.utf8))
        #expect(s.run(["agenda", "--json"]).status == 0)
        let employers = s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.compactMap { $0["employer"]?.stringValue }
        #expect(employers == ["Globex"])
    }

    @Test("random bytes as the data file: a clear error, no crash")
    func randomBytes() {
        let s = Sandbox()
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) })
        _ = FileManager.default.createFile(atPath: s.file, contents: noise)
        let out = s.run(["agenda"])
        #expect(out.status == 3)
        #expect(out.stderr.contains(s.file))
        #expect(s.bytes == noise)
    }

    @Test("a file from a newer version is read, never written")
    func newerVersion() {
        let s = Sandbox()
        let text = Data(#"{"version": 2, "applications": [], "teleport": {"on": true}}"#.utf8)
        _ = FileManager.default.createFile(atPath: s.file, contents: text)
        #expect(s.run(["agenda"]).status == 0)
        let out = s.run(["app", "add", "--employer", "X", "--role", "Y"])
        #expect(out.status == 3)
        #expect(out.stderr.contains("newer followup"))
        #expect(s.bytes == text)
    }
}

@Suite("Help and set-up")
struct HelpTests {
    @Test("--help lists every subcommand and the exit codes, and succeeds")
    func help() {
        let out = Sandbox.exec(["--help"], environment: [:])
        #expect(out.status == 0)
        for word in ["agenda", "strikes", "timeline", "done", "snooze", "dismiss", "log", "export", "check", "Exit codes"] {
            #expect(out.stdout.contains(word), "\(word)")
        }
    }

    @Test("a subcommand's --help names the whole command, however the command line is read")
    func subcommandHelp() {
        for command in ["agenda", "strikes", "apps", "remind", "log", "done"] {
            for help in ["--help", "-h"] {
                let out = Sandbox.exec([command, help], environment: [:])
                #expect(out.status == 0, "\(command) \(help)")
                #expect(out.stdout.contains("USAGE: followup \(command)"), "\(command) \(help): \(out.stdout.prefix(80))")
            }
        }
    }

    @Test("agenda, strikes and apps read their plain forms as the argument parser does, and leave the rest to it")
    func plainForms() {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-16T18:00"
        // The same answers whichever way the options are written.
        #expect(s.ok(["agenda", "--json", "--days", "3"]) == s.ok(["agenda", "--days=3", "--json"]))
        #expect(s.ok(["strikes", "--json"]) == s.ok(["strikes", "--json", "--file=" + s.file]))
        #expect(s.ok(["apps", "--all"]) == s.ok(["apps", "--all", "--now", "2026-11-16T18:00"]))
        // What the plain reading does not take is read and explained by the argument parser.
        #expect(s.ok(["agenda", "--json", "--json"]) == s.ok(["agenda", "--json"]), "a flag given twice, as the parser takes it")
        for bad in [["agenda", "--days", "3661"], ["agenda", "--days", "x"], ["agenda", "--file"], ["strikes", "--all"], ["apps", "extra"],
                    ["log", "fax", "--app", "acme"], ["log", "note"], ["log", "note", "--app", "acme", "--channel", "fax"],
                    ["log", "response", "--app", "acme", "--decision-by", "2026-13-01"],
                    ["log", "note", "--app", "acme", "--bogus"], ["log", "note", "--app", "nobody"]] {
            let out = s.run(bad)
            #expect(out.status == 2, "\(bad)")
            #expect(out.stderr.hasPrefix("followup: ") && out.stderr.split(separator: "\n").count == 1, "\(bad): \(out.stderr)")
        }
    }

    @Test("log reads its plain form as the argument parser does, and leaves the rest to it")
    func plainLog() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-16T18:00"
        func event(_ id: String) throws -> [String: Any] {
            let bytes = try #require(s.bytes)
            let root = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
            let apps = try #require(root["applications"] as? [[String: Any]])
            let events = apps.flatMap { ($0["events"] as? [[String: Any]]) ?? [] }
            return try #require(events.first { $0["id"] as? String == id })
        }
        // Plain (KIND first) and not (options first, a value with a dash): the same event.
        let written: [[String]] = [
            ["log", "check-in", "--app", acme.app, "--contact", "Dana", "--channel", "voicemail", "--at", "2026-11-16T10:30", "--text", "left a message"],
            ["log", "--app", acme.app, "check-in", "--contact=Dana", "--channel", "voicemail", "--at", "2026-11-16T10:30", "--text", "left a message"],
            ["log", "request", "--app=Acme", "--about", "references", "--due", "2026-11-20", "--text", "-two references"],
            ["log", "response", "--app", acme.app, "--decision-by", "2026-12-01"],
            ["log", "check-in", "--app", acme.app, "--contact", "Raj", "--channel", "call", "--answered"],
            // An option given twice: the argument parser's reading (the last one).
            ["log", "note", "--app", "nobody", "--app", acme.app],
        ]
        var events: [[String: Any]] = []
        for arguments in written {
            let id = s.ok(arguments).trimmingCharacters(in: .whitespacesAndNewlines)
            var e = try event(id)
            e["id"] = nil
            events.append(e)
        }
        #expect(NSDictionary(dictionary: events[0]) == NSDictionary(dictionary: events[1]))
        #expect(events[0]["channel"] as? String == "voicemail" && events[0]["text"] as? String == "left a message")
        #expect(events[2]["about"] as? String == "references" && events[2]["text"] as? String == "-two references")
        #expect(events[3]["decisionBy"] as? String == "2026-12-01")
        #expect(events[4]["answered"] as? Bool == true && events[4]["channel"] as? String == "call")
        #expect(events[5]["kind"] as? String == "note")
        // Help is the argument parser's.
        #expect(s.ok(["log", "note", "--help"]).contains("USAGE: followup log"))
    }

    @Test("check reports a sound file, and problems with exit 1")
    func check() {
        let s = Sandbox()
        _ = Acme(s)
        #expect(s.run(["check"]).status == 0)
        var text = String(decoding: s.bytes ?? Data(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"with\": [\n", with: "\"with\": [\n            \"ghost-0000\",\n")
        _ = FileManager.default.createFile(atPath: s.file, contents: Data(text.utf8))
        let out = s.run(["check"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("ghost-0000"))
    }

    @Test("init creates the file with a preset, and changes it later")
    func initPreset() {
        let s = Sandbox()
        #expect(s.run(["init", "--preset", "gentle"]).status == 0)
        #expect(s.ok(["export", "json"]).contains("\"preset\": \"gentle\""))
        #expect(s.run(["init", "--preset", "persistent"]).status == 0)
        #expect(s.ok(["export", "json"]).contains("\"preset\": \"persistent\""))
    }

    @Test("a binary copied alone to another folder still works")
    func binaryCopiedAlone() throws {
        let s = Sandbox()
        let copy = s.folder + "/bin/followup"
        try FileManager.default.createDirectory(atPath: s.folder + "/bin", withIntermediateDirectories: true)
        // Written through a descriptor closed on exec: a process another test spawns meanwhile
        // must not keep it open, or running the copy fails with ETXTBSY.
        let bytes = try #require(FileManager.default.contents(atPath: followupBinary))
        let fd = open(copy, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        #expect(fd >= 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let env = ["TZ": "America/New_York"]
        var made = Sandbox.exec(["init", "--preset", "persistent", "--file", s.file], environment: env, binary: copy)
        for _ in 0..<50 where made.status == -1 {
            usleep(100_000)
            made = Sandbox.exec(["init", "--preset", "persistent", "--file", s.file], environment: env, binary: copy)
        }
        #expect(made.status == 0, "\(made.stderr)")
        _ = Acme(s)
        // The persistent preset's numbers come from data compiled into the binary.
        let out = Sandbox.exec(["agenda", "--json", "--file", s.file, "--now", "2026-11-21T09:00"], environment: env, binary: copy)
        let tasks = out.json?["tasks"]?.arrayValue ?? []
        #expect(tasks.contains { $0["kind"] == .string("reverse-cover-letter") })
    }
}

@Suite("Safety under kill -9")
struct CrashTests {

}
