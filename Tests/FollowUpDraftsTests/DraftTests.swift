import FollowUpCore
import FollowUpDrafts
import Testing

let newYork = Zone(identifier: "America/New_York")!

func day(_ text: String) -> Day { Day(text)! }

func time(_ text: String, in zone: Zone = newYork) -> Instant {
    try! zone.instant(LocalDateTime(text)!)
}

/// Acme with three interviewers at one interview on Monday 16 November, at 18:00 that day.
func threeInterviewers(names: [String] = ["Dr. Ana Cruz", "Raj Patel", "Lee Wong"]) -> (FollowUpData, [FollowUpTask]) {
    let at = time("2026-11-16T08:00")
    let people = names.enumerated().map { i, name in
        Contact(id: "p\(i)", name: name, role: .interviewer, email: "p\(i)@acme.example", createdAt: at.adding(seconds: Int64(i)))
    }
    let interview = Interview(id: "iv-1", at: time("2026-11-16T10:00"), with: people.map(\.id), createdAt: at)
    var app = Application(id: "acme", employer: "Acme Corp", role: "Staff Engineer", createdAt: at, contacts: people, interviews: [interview])
    app.events = []
    var data = FollowUpData(applications: [app])
    data.settings.name = "Alex"
    let agenda = Rules.schedule(data, zone: newYork, now: time("2026-11-16T18:00"))
    let tasks = names.indices.compactMap { i in agenda.visible.first { $0.kind == .thankYou && $0.contact == "p\(i)" } }
    return (data, tasks)
}

@Suite("Drafts from templates")
struct DraftTests {
    @Test("a thank-you note is addressed to the interviewer, names the role, and is signed")
    func thankYouDraft() throws {
        let data = Demo.data(today: day("2026-11-24"), zone: newYork)
        let agenda = Rules.schedule(data, zone: newYork, now: time("2026-11-24T09:00"))
        let task = try #require(agenda.visible.first { $0.kind == .thankYou && $0.contactName == "Raj Patel" })
        let text = DraftTemplates().text(for: task, in: data, zone: newYork)
        #expect(text.hasPrefix("To: raj@acme.example\nSubject: "))
        #expect(text.contains("Dear Raj,"))
        #expect(text.contains("Acme Corp") && text.contains("Staff Engineer"))
        #expect(text.hasSuffix("\nAlex\n"))
        #expect(!text.contains("{{") && !text.contains("&amp;"))
    }

    @Test("a call gets a script with the call window and a voicemail")
    func callScript() throws {
        let data = Demo.data(today: day("2026-11-24"), zone: newYork)
        let agenda = Rules.schedule(data, zone: newYork, now: time("2026-11-24T09:00"))
        let task = try #require(agenda.visible.first { $0.kind == .checkIn && $0.channel == .call && $0.employer == "Globex" })
        let text = DraftTemplates().text(for: task, in: data, zone: newYork)
        #expect(text.contains("Call Sam Ray at +1 555 0199"))
        #expect(text.contains("Between 10:00 and 11:00"))
        #expect(text.contains("Voicemail"))
    }

    @Test("three interviewers of one interview get notes that differ beyond the name (001: variety)")
    func variety() throws {
        let (data, tasks) = threeInterviewers()
        #expect(tasks.count == 3)
        let texts = tasks.map { DraftTemplates().text(for: $0, in: data, zone: newYork) }
        // Take each person's name and address out: what is left must still differ, pairwise.
        let stripped = zip(texts, ["Dr. Cruz", "Raj", "Lee"]).enumerated().map { i, pair in
            pair.0.replacingOccurrences(of: pair.1, with: "NAME").replacingOccurrences(of: "p\(i)@acme.example", with: "ADDRESS")
        }
        for i in 0..<3 {
            for j in (i + 1)..<3 { #expect(stripped[i] != stripped[j], "\(i) and \(j)") }
        }
    }

    @Test("names with titles are addressed by title and surname", arguments: [
        ("Dr. Ana Cruz", "Dr. Cruz"), ("Ana Cruz", "Ana"), ("Prof. Jane Doe", "Prof. Doe"),
        ("Ms. Lee", "Ms. Lee"), ("John Smith Jr.", "John"), ("Dr. Ana Cruz, PhD", "Dr. Cruz"), ("Cher", "Cher"), ("Mrs. Dana Lee-Wong", "Mrs. Lee-Wong"),
        ("Rev. Mike Brown", "Rev. Brown"), ("Dra. Ana Cruz", "Dra. Cruz"), ("Sr. Luis Gómez", "Sr. Gómez"),
    ])
    func titles(name: String, greeting: String) {
        #expect(PersonName(name).greeting == greeting)
    }

    @Test("Dear Dr. Cruz, in the note itself")
    func titledNote() throws {
        let (data, tasks) = threeInterviewers()
        #expect(DraftTemplates().text(for: tasks[0], in: data, zone: newYork).contains("Dear Dr. Cruz,"))
    }

    @Test("a user's template replaces the built-in one; a broken one is reported with its line and the built-in one is used")
    func overrides() throws {
        let (data, tasks) = threeInterviewers()
        let (mine, none) = DraftTemplates.with(overrides: [("thank-you", "/t/thank-you.mustache", "Hi {{greeting}} from {{me}} re {{employer}} & co\n")])
        #expect(none.isEmpty)
        #expect(mine.text(for: tasks[1], in: data, zone: newYork) == "Hi Raj from Alex re Acme Corp & co\n")
        let broken = "To: {{to}}\n\n{{#variant1}}\nhello\n{{/variant2}}\n"
        let (fallback, problems) = DraftTemplates.with(overrides: [("thank-you", "/t/thank-you.mustache", broken)])
        let problem = try #require(problems.first)
        #expect(problem.path == "/t/thank-you.mustache")
        #expect(problem.line == 5, "\(problem)")
        #expect(fallback.text(for: tasks[1], in: data, zone: newYork) == DraftTemplates().text(for: tasks[1], in: data, zone: newYork))
    }

    @Test("an unfinished tag and a partial are said in words, with where they are")
    func unfinishedAndPartial() throws {
        let (_, unfinished) = DraftTemplates.with(overrides: [("thank-you", "/t/a.mustache", "Dear {{greeting")])
        #expect(unfinished.first?.message.contains("missing }}") == true, "\(unfinished)")
        let (_, partial) = DraftTemplates.with(overrides: [("thank-you", "/t/b.mustache", "Dear {{greeting}},\n{{> footer}}\n")])
        let problem = try #require(partial.first)
        #expect(problem.message.contains("partials") && problem.line == 2 && problem.column == 1, "\(problem)")
    }

    @Test("every built-in template parses")
    func builtInsParse() {
        let (_, problems) = DraftTemplates.with(overrides: DraftTemplates.names.map { ($0, $0, DraftTemplates.builtIn($0) ?? "") })
        #expect(problems.isEmpty)
    }
}
