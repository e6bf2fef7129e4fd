import Foundation
import JSON
import Testing

@Suite("agenda, strikes, timeline, done, snooze, dismiss through the binary")
struct AgendaCommandTests {
    func tasks(_ s: Sandbox, days: Int = 7) -> [JSONValue] {
        s.run(["agenda", "--json", "--days", "\(days)"]).json?["tasks"]?.arrayValue ?? []
    }

    @Test("agenda --json has the fields of the contract, with the rules' values")
    func agendaContract() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-16T18:00"
        let agenda = try #require(s.run(["agenda", "--json"]).json)
        #expect(agenda["now"] == .string("2026-11-16T18:00:00-05:00"))
        let list = agenda["tasks"]?.arrayValue ?? []
        for task in list {
            for key in ["id", "kind", "app", "employer", "contact", "contactName", "due", "dueAt", "status", "channel", "attempt", "reason"] {
                #expect(task[key] != nil, "\(key) missing in \(task)")
            }
        }
        let thanks = list.filter { $0["kind"] == .string("thank-you") }
        #expect(Set(thanks.compactMap { $0["id"]?.stringValue }) == [
            "thank-you:\(acme.app):\(acme.interview):\(acme.dana)", "thank-you:\(acme.app):\(acme.interview):\(acme.raj)",
        ])
        let dana = try #require(thanks.first { $0["contact"] == .string(acme.dana) })
        #expect(dana["contactName"] == .string("Dana Lee"))
        #expect(dana["status"] == .string("due"))
        #expect(dana["due"] == .string("2026-11-17"))
        #expect(dana["dueAt"] == .string("2026-11-17T11:00:00-05:00"))
        #expect(dana["employer"] == .string("Acme Corp"))
        let checkIn = try #require(list.first { $0["kind"] == .string("check-in") })
        #expect(checkIn["status"] == .string("upcoming"))
        #expect(checkIn["due"] == .string("2026-11-23"))
        #expect(checkIn["dueAt"] == .string("2026-11-23T10:00:00-05:00"))
        #expect(checkIn["channel"] == .string("call"))
        #expect(checkIn["attempt"] == .int(1))
        #expect(checkIn["reason"]?.stringValue?.contains("Fri 20 Nov") == true)
        #expect(checkIn["id"] == .string("check-in:\(acme.app):\(acme.interview):\(acme.dana):1"))
    }

    @Test("agenda --days bounds the upcoming tasks; ids are the same on every run")
    func agendaDaysAndStableIDs() {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-16T18:00"
        let short = tasks(s, days: 2)
        #expect(!short.contains { $0["kind"] == .string("check-in") })
        let long = tasks(s, days: 7)
        #expect(long.contains { $0["kind"] == .string("check-in") })
        #expect(tasks(s).map { $0["id"] } == long.map { $0["id"] })
    }

    @Test("agenda sorts overdue first, then by deadline")
    func agendaOrder() {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-18T09:00"
        let statuses = tasks(s).compactMap { $0["status"]?.stringValue }
        let firstNotOverdue = statuses.firstIndex { $0 != "overdue" } ?? statuses.count
        #expect(!statuses[..<firstNotOverdue].isEmpty)
        #expect(!statuses[firstNotOverdue...].contains("overdue"))
    }

    @Test("done logs the satisfying event and the task goes away")
    func doneSatisfies() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-16T18:00"
        let id = "thank-you:\(acme.app):\(acme.interview):\(acme.raj)"
        let event = s.ok(["done", id])
        #expect(event.hasPrefix("thank-you-"))
        #expect(!tasks(s).contains { $0["id"] == .string(id) })
        #expect(tasks(s).contains { $0["contact"] == .string(acme.dana) && $0["kind"] == .string("thank-you") })
    }

    @Test("a check-in done by voicemail is a strike; the next attempt is a week later")
    func checkInStrikes() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-23T10:30"
        let first = "check-in:\(acme.app):\(acme.interview):\(acme.dana):1"
        _ = s.ok(["done", first, "--channel", "voicemail"])
        let strikes = try #require(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first)
        #expect(strikes["strikes"] == .int(1))
        #expect(strikes["max"] == .int(3))
        #expect(strikes["struckOut"] == .bool(false))
        #expect(strikes["nextCheckIn"] == .string("2026-11-30"))
        #expect(strikes["apps"] == .array([.string(acme.app)]))
        let next = tasks(s, days: 10).first { $0["kind"] == .string("check-in") }
        #expect(next?["attempt"] == .int(2))
        #expect(next?["id"] == .string("check-in:\(acme.app):\(acme.interview):\(acme.dana):2"))
    }

    @Test("three unanswered check-ins: struck out, no more check-ins; a reply resets")
    func threeStrikes() throws {
        let s = Sandbox()
        let acme = Acme(s)
        for day in ["2026-11-23", "2026-11-30", "2026-12-07"] {
            s.ok(["log", "check-in", "--app", acme.app, "--channel", "email", "--at", day + "T10:00"])
        }
        s.now = "2026-12-08T09:00"
        let employer = try #require(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first)
        #expect(employer["strikes"] == .int(3))
        #expect(employer["struckOut"] == .bool(true))
        #expect(employer["nextCheckIn"] == .null)
        #expect(!tasks(s, days: 30).contains { $0["kind"] == .string("check-in") })
        #expect(s.run(["timeline", acme.app, "--json"]).json?["status"] == .string("struck-out"))
        s.ok(["log", "response", "--app", acme.app, "--at", "2026-12-08T08:00", "--decision-by", "2026-12-11"])
        let after = try #require(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first)
        #expect(after["strikes"] == .int(0))
        #expect(after["nextCheckIn"] == .string("2026-12-14"))
    }

    @Test("strikes lists every employer with an active application, at 0 too")
    func strikesListsEveryone() {
        let s = Sandbox()
        _ = Acme(s)
        s.ok(["app", "add", "--employer", "Initech", "--role", "Dev"])
        let closed = s.ok(["app", "add", "--employer", "Umbrella", "--role", "Dev"])
        s.ok(["log", "withdrawn", "--app", closed])
        let names = s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.compactMap { $0["employer"]?.stringValue }
        #expect(names == ["Acme Corp", "Initech"])
    }

    @Test("a check-in before the date they gave is flagged early in the timeline")
    func earlyCheckIn() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["log", "check-in", "--app", acme.app, "--channel", "email", "--at", "2026-11-18T10:00"])
        s.now = "2026-11-19T09:00"
        let timeline = try #require(s.run(["timeline", "Acme", "--json"]).json)
        #expect(timeline["app"] == .string(acme.app))
        #expect(timeline["employer"] == .string("Acme Corp"))
        #expect(timeline["role"] == .string("Staff Engineer"))
        #expect(timeline["status"] == .string("active"))
        let entries = timeline["entries"]?.arrayValue ?? []
        let checkIn = try #require(entries.first { $0["kind"] == .string("check-in") && $0["past"] == .bool(true) })
        #expect(checkIn["flags"] == .array([.string("early")]))
        #expect(entries.contains { $0["kind"] == .string("interview") && $0["past"] == .bool(true) })
        #expect(entries.contains { $0["past"] == .bool(false) })
        for entry in entries { #expect(entry["at"] != nil && entry["text"] != nil && entry["flags"] != nil) }
    }

    @Test("snooze hides a task until the start of its date; dismiss hides it for good")
    func snoozeAndDismiss() {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-16T18:00"
        let dana = "thank-you:\(acme.app):\(acme.interview):\(acme.dana)"
        let raj = "thank-you:\(acme.app):\(acme.interview):\(acme.raj)"
        #expect(s.run(["snooze", dana, "--until", "2026-11-18"]).status == 0)
        #expect(s.run(["dismiss", raj]).status == 0)
        #expect(!tasks(s).contains { $0["id"] == .string(dana) || $0["id"] == .string(raj) })
        s.now = "2026-11-18T00:00"
        #expect(tasks(s).contains { $0["id"] == .string(dana) })
        #expect(!tasks(s).contains { $0["id"] == .string(raj) })
    }

    @Test("plain agenda stays aligned with accents and CJK")
    func plainTextAlignment() {
        let s = Sandbox()
        s.now = "2026-11-16T08:00"
        let a = s.ok(["app", "add", "--employer", "日本商事", "--role", "Dev"])
        s.ok(["contact", "add", "--app", a, "--name", "Zoë Müller", "--role", "recruiter"])
        s.ok(["interview", "add", "--app", a, "--at", "2026-11-16T09:00"])
        let b = s.ok(["app", "add", "--employer", "Acme", "--role", "Dev"])
        s.ok(["contact", "add", "--app", b, "--name", "Sam Ray", "--role", "recruiter"])
        s.ok(["interview", "add", "--app", b, "--at", "2026-11-16T09:00"])
        s.now = "2026-11-16T18:00"
        let rows = s.ok(["agenda"]).split(separator: "\n").filter { $0.hasPrefix("due") && $0.contains("thank-you") }
        #expect(rows.count == 2)
        let columns = rows.map { row -> Int in
            // Terminal cells before the contact's name.
            let prefix = row.prefix { !"ZS".contains($0) }
            return prefix.reduce(0) { $0 + (($1.unicodeScalars.first!.value >= 0x3000) ? 2 : 1) }
        }
        #expect(columns[0] == columns[1])
        #expect(!s.ok(["agenda"]).contains("\u{1B}["), "no colour when NO_COLOR is set and stdout is not a terminal")
    }

    @Test("agenda --count counts overdue and due tasks; a missed note is listed as missed and not counted")
    func countAndMissed() throws {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-16T18:00"
        #expect(s.ok(["agenda", "--count"]) == "3", "two thank-yous and the take-stock")
        s.now = "2026-11-30T09:00"
        let tasks = s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue ?? []
        let thanks = tasks.filter { $0["kind"] == .string("thank-you") }
        #expect(thanks.count == 2 && thanks.allSatisfy { $0["status"] == .string("missed") })
        let open = tasks.filter { $0["status"] == .string("overdue") || $0["status"] == .string("due") }
        #expect(s.ok(["agenda", "--count"]) == String(open.count))
        #expect(s.run(["agenda", "--days", "9223372036854775807"]).status == 2)
    }

    @Test("agenda --count answers from the count kept for the file as it is, in the zone it was counted in, and only then")
    func keptCount() throws {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-16T18:00"
        let folder = s.folder + "/.local/state/followup"
        func kept() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".due-count") }
        }
        // A file changed a moment ago is counted from itself, and nothing is kept for it.
        #expect(s.ok(["agenda", "--count"]) == "3")
        #expect(kept().isEmpty)
        Thread.sleep(forTimeInterval: 2.2)
        #expect(s.ok(["agenda", "--count"]) == "3")
        let names = kept()
        try #require(names.count == 1)
        let path = folder + "/" + names[0]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let always = try #require(text.split(separator: "\n").first { $0.hasPrefix("always ") }.flatMap { Int($0.dropFirst(7)) })

        // What is kept is what is printed: a count planted there shows (and nothing else is read).
        let planted = text.replacingOccurrences(of: "always \(always)\n", with: "always \(always + 38)\n")
        try planted.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(s.ok(["agenda", "--count"]) == "41")
        #expect(s.ok(["agenda", "--count"]) == "41")

        // Another zone is not the zone it was counted in.
        let berlin = s.run(["agenda", "--count"], environment: ["TZ": "Europe/Berlin"])
        let berlinTasks = s.run(["agenda", "--json"], environment: ["TZ": "Europe/Berlin"]).json?["tasks"]?.arrayValue ?? []
        let berlinOpen = berlinTasks.filter { $0["status"] == .string("overdue") || $0["status"] == .string("due") }.count
        #expect(berlin.stdout == "\(berlinOpen)\n")

        // A damaged kept count is ignored.
        try String(planted.prefix(planted.count / 2)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(s.ok(["agenda", "--count"]) == "3")
        try planted.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(s.ok(["agenda", "--count"]) == "41")

        // The data file changed in place, by another program, to the same size: counted afresh.
        let data = try #require(s.bytes)
        try s.overwriteInPlace("Staff Engineer", with: "Staff Engineeq")
        #expect(s.bytes?.count == data.count)
        #expect(s.ok(["agenda", "--count"]) == "3")

        // A change through followup: counted afresh too.
        try planted.write(toFile: path, atomically: true, encoding: .utf8)
        s.ok(["log", "thank-you", "--app", "Acme", "--contact", "Dana"])
        #expect(s.ok(["agenda", "--count"]) == "2")
    }

    @Test("agenda, strikes, apps and remind read through the index; a change or a hand edit is read at once")
    func readThroughTheIndex() throws {
        let s = Sandbox()
        _ = Acme(s)
        s.now = "2026-11-10T09:00"
        let initech = s.ok(["app", "add", "--employer", "Initech", "--role", "Analyst"])
        s.ok(["close", initech, "--reason", "filled"])
        s.now = "2026-11-16T18:00"
        let folder = s.folder + "/.local/state/followup"
        func indexes() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".index") }
        }
        let commands = [["agenda", "--json"], ["strikes", "--json"], ["apps", "--json"], ["apps"], ["remind"], ["agenda"]]
        let before = commands.map { s.ok($0) }
        #expect(indexes().count == 1, "the last save kept the index of what it wrote")
        Thread.sleep(forTimeInterval: 2.2)
        #expect(s.ok(["agenda", "--json"]) == before[0])
        #expect(indexes().count == 1)
        #expect(commands.map { s.ok($0) } == before, "the same answers through the index")
        #expect(s.ok(["apps", "--all"]).contains("Initech"))

        // A change through followup is read at once.
        s.ok(["log", "thank-you", "--app", "Acme", "--contact", "Dana"])
        #expect(s.ok(["agenda", "--json"]) != before[0])
        Thread.sleep(forTimeInterval: 2.2)
        let afterChange = s.ok(["agenda", "--json"])
        #expect(s.ok(["agenda", "--json"]) == afterChange)
        // So is an edit in place by another program, to the same size, of a file read through its index.
        let data = try #require(s.bytes)
        try s.overwriteInPlace("Acme Corp", with: "Acme Corq")
        #expect(s.bytes?.count == data.count)
        let edited = s.ok(["agenda", "--json"])
        #expect(edited.contains("Acme Corq") && edited != afterChange)
    }

    @Test("log check-in --channel call --answered is the attempt and their reply: strikes stay at 0; --answered on an email is refused")
    func answeredCall() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-23T09:00"
        s.ok(["log", "check-in", "--app", acme.app, "--contact", "Dana", "--channel", "voicemail", "--at", "2026-11-21T10:00"])
        #expect(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first?["strikes"] == .int(1))
        let before = s.bytes
        let refused = s.run(["log", "check-in", "--app", acme.app, "--channel", "email", "--answered"])
        #expect(refused.status == 2)
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("--answered"))
        #expect(s.bytes == before)
        s.ok(["log", "check-in", "--app", acme.app, "--contact", "Dana", "--channel", "call", "--answered"])
        #expect(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first?["strikes"] == .int(0))
        #expect(s.ok(["export", "json"]).contains("\"answered\": true"))
    }

    @Test("done TASK --channel call --answered marks the check-in done with no strike")
    func doneAnswered() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-23T10:15"
        let task = try #require(s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue?.first { $0["kind"] == .string("check-in") }?["id"]?.stringValue)
        s.ok(["done", task, "--channel", "call", "--answered"])
        #expect(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first?["strikes"] == .int(0))
        _ = acme
    }
}
