import Foundation
import JSON
import Testing

@Suite("Contract details through the binary")
struct ContractTests {
    func tasks(_ s: Sandbox, days: Int = 14) -> [JSONValue] {
        s.run(["agenda", "--json", "--days", "\(days)"]).json?["tasks"]?.arrayValue ?? []
    }

    @Test("done on a respond task answers that request, not the oldest one")
    func doneAnswersTheNamedRequest() throws {
        let s = Sandbox()
        let app = s.ok(["app", "add", "--employer", "Initech", "--role", "Dev"])
        let older = s.ok(["log", "request", "--app", app, "--about", "references", "--at", "2026-11-13T10:00"])
        let newer = s.ok(["log", "request", "--app", app, "--about", "documents", "--at", "2026-11-13T11:00", "--due", "2026-11-20"])
        s.now = "2026-11-13T12:00"
        s.ok(["done", "respond:\(app):\(newer)"])
        let ids = tasks(s).filter { $0["kind"] == .string("respond") }.compactMap { $0["id"]?.stringValue }
        #expect(ids == ["respond:\(app):\(older)"])
    }

    @Test("done --at too early to satisfy the task is refused, nothing written")
    func doneTooEarly() {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-16T12:00"
        let before = s.bytes
        let out = s.run(["done", "thank-you:\(acme.app):\(acme.interview):\(acme.raj)", "--at", "2026-11-16T09:00"])
        #expect(out.status == 2)
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(s.bytes == before)
    }

    @Test("a decision date changed later with app edit counts, and brings a dismissed check-in back")
    func editedDecisionDateCounts() throws {
        let s = Sandbox()
        s.now = "2026-11-01T09:00"
        let app = s.ok(["app", "add", "--employer", "Kappa", "--role", "Dev"])
        s.ok(["contact", "add", "--app", app, "--name", "Kim", "--role", "recruiter", "--email", "kim@kappa.example"])
        s.ok(["interview", "add", "--app", app, "--at", "2026-11-04T10:00", "--decision-by", "2026-11-26"])
        s.now = "2026-11-08T09:00"
        let first = try #require(tasks(s, days: 30).first { $0["kind"] == .string("check-in") })
        #expect(first["due"] == .string("2026-11-27"))
        s.ok(["dismiss", try #require(first["id"]?.stringValue)])
        #expect(!tasks(s, days: 60).contains { $0["kind"] == .string("check-in") })
        s.now = "2026-11-09T09:00"
        s.ok(["app", "edit", app, "--decision-by", "2026-12-10"])
        let again = try #require(tasks(s, days: 60).first { $0["kind"] == .string("check-in") })
        #expect(again["due"] == .string("2026-12-11"))
    }

    @Test("date-times need a time; seconds and offsets are accepted")
    func dateTimeForms() {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let dateOnly = s.run(["interview", "add", "--app", "acme", "--at", "2026-11-20"])
        #expect(dateOnly.status == 2)
        #expect(dateOnly.stderr.contains("T09:00"))
        #expect(s.bytes == before)
        #expect(s.run(["log", "note", "--app", "acme", "--at", "2026-11-16T11:30:00"]).status == 0)
        #expect(s.run(["log", "note", "--app", "acme", "--at", "2026-11-16T17:30:00Z"]).status == 0)
        let times = s.run(["export", "json"]).stdout
        #expect(times.contains("\"at\": \"2026-11-16T11:30:00-05:00\""))
        #expect(times.contains("\"at\": \"2026-11-16T12:30:00-05:00\""))
    }

    @Test("UTC is written +00:00, like the other offsets")
    func utcOffset() {
        let s = Sandbox()
        s.zone = "UTC"
        s.now = "2026-11-16T12:00"
        #expect(s.run(["agenda", "--json"]).json?["now"] == .string("2026-11-16T12:00:00+00:00"))
    }

    @Test("a check-in a week early is flagged even when they gave no date")
    func earlyWithoutStatedDate() throws {
        let s = Sandbox()
        let acme = Acme(s, decisionBy: nil)
        s.ok(["log", "check-in", "--app", acme.app, "--channel", "email", "--at", "2026-11-19T10:00"])
        s.now = "2026-11-20T09:00"
        let entries = s.run(["timeline", acme.app, "--json"]).json?["entries"]?.arrayValue ?? []
        let checkIn = try #require(entries.first { $0["kind"] == .string("check-in") && $0["past"] == .bool(true) })
        #expect(checkIn["flags"] == .array([.string("early")]))
    }

    @Test("employers sort without regard to case")
    func caseInsensitiveOrder() {
        let s = Sandbox()
        for name in ["Zeta", "beta", "Alpha"] { s.ok(["app", "add", "--employer", name, "--role", "Dev"]) }
        let names = s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.compactMap { $0["employer"]?.stringValue }
        #expect(names == ["Alpha", "beta", "Zeta"])
    }

    @Test("a second interview marked round 1 is not round 2")
    func explicitRounds() {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["interview", "add", "--app", acme.app, "--at", "2026-11-17T10:00", "--round", "1"])
        s.ok(["interview", "edit", acme.interview, "--round", "1"])
        s.now = "2026-11-17T12:00"
        #expect(!tasks(s).contains { $0["kind"] == .string("brief-references") })
        s.ok(["interview", "add", "--app", acme.app, "--at", "2026-11-25T10:00", "--round", "2"])
        #expect(tasks(s).contains { $0["kind"] == .string("brief-references") })
    }

    @Test("export csv has a row per application; export ics is a calendar")
    func exports() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["app", "add", "--employer", "Globex, \"Inc\"", "--role", "Engineer"])
        s.now = "2026-11-16T18:00"
        let csv = s.ok(["export", "csv"]).components(separatedBy: "\r\n")
        #expect(csv.first?.hasPrefix("app,employer,role,status,stage,applied,decision_by,contact,email,phone") == true)
        #expect(csv.count == 3)
        #expect(csv.contains { $0.hasPrefix(acme.app + ",Acme Corp,Staff Engineer,active,interviewed,,2026-11-20,Dana Lee,dana@acme.example") })
        #expect(csv.contains { $0.contains(",\"Globex, \"\"Inc\"\"\",Engineer,") })
        let ics = s.ok(["export", "ics"])
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0"))
        #expect(ics.contains("UID:\(acme.interview)@followup"))
        #expect(ics.contains("DTSTART:20261116T150000Z"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == ics.components(separatedBy: "END:VEVENT").count)
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    }

    @Test("an interview's default length from the settings is the same in the timeline and the calendar")
    func interviewLengthEverywhere() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["settings", "interviewMinutes", "90"])
        s.now = "2026-11-16T18:00"
        let ics = s.ok(["export", "ics"])
        #expect(ics.contains("DTSTART:20261116T150000Z\r\nDTEND:20261116T163000Z"), "10:00 New York + 90 minutes")
        let entries = s.run(["timeline", acme.app, "--json"]).json?["entries"]?.arrayValue ?? []
        #expect(entries.contains { $0["kind"] == .string("interview") && ($0["text"]?.stringValue ?? "").contains("90 min") })
    }
}
