import Foundation
import Testing
import FollowUpActions
import FollowUpCore
@testable import FollowUpUI

/// An empty file at Tuesday 24 November 2026, 09:00 in New York.
func emptyState(rows: Int = 24, columns: Int = 80) -> DashboardState {
    let data = FollowUpData()
    return DashboardState(data: data, agenda: Rules.schedule(data, zone: newYork, now: demoNow), zone: newYork, now: demoNow,
                          fileLabel: "~/followup.json", rows: rows, columns: columns)
}

extension DashboardState {
    mutating func type(_ text: String) { for c in text { _ = update(.character(c)) } }
}

@Suite("Forms: add, edit, validate, save")
struct FormTests {
    @Test("an empty file opens on a welcome that says how to add the first application")
    func welcome() {
        let text = emptyState().render().text
        #expect(text.contains("Welcome to followup") && text.contains("Press a, then a"))
        #expect(text.contains("followup --demo"))
    }

    @Test("the application form takes the day applied, where the job is and its posting")
    func appliedLocationLink() throws {
        var state = emptyState()
        _ = state.update(.add)
        _ = state.update(.character("a"))
        state.type("Acme")
        _ = state.update(.nextPane)
        state.type("Engineer")
        _ = state.update(.nextPane)
        _ = state.update(.nextPane)
        #expect(state.form.map { $0.fields[$0.focus].label } == "Applied")
        state.type("2026-11-20")
        _ = state.update(.nextPane)
        _ = state.update(.nextPane)
        state.type("Lyon")
        _ = state.update(.nextPane)
        state.type("https://acme.example/jobs/1")
        let effects = state.update(.enter)
        #expect(effects == [.apply(.addApplication(NewApplication(employer: "Acme", role: "Engineer", applied: Day("2026-11-20")!,
                                                                  location: "Lyon", link: "https://acme.example/jobs/1")))])
    }

    @Test("a a opens the application form, Employer first; typing CJK and emoji, Tab to Role, Enter saves")
    func addApplication() throws {
        var state = emptyState()
        _ = state.update(.add)
        #expect(state.render().text.contains("Add:  a application"))
        _ = state.update(.character("a"))
        let form = try #require(state.form)
        #expect(form.fields[form.focus].label == "Employer")
        state.type("日本商事 🚀")
        #expect(state.form?.fields[0].text == "日本商事 🚀")
        _ = state.update(.backspace)
        _ = state.update(.backspace)
        _ = state.update(.nextPane)
        state.type("Engineer")
        _ = state.update(.nextPane)
        state.type("fri")
        #expect(state.render().text.contains("→ Fri 27 Nov"))
        let effects = state.update(.enter)
        #expect(effects == [.apply(.addApplication(NewApplication(employer: "日本商事", role: "Engineer", decisionBy: Day("2026-11-27")!)))])
        #expect(state.form?.saving == true)
        _ = state.update(.applied(.addApplication(NewApplication(employer: "日本商事", role: "Engineer")), recorded: "change-aaaa"))
        #expect(state.form == nil)
        #expect(state.message == "Added 日本商事 · u undo")
        #expect(state.update(.undo) == [.undo(changeID: "change-aaaa")], "u takes the add back")
    }

    @Test("Enter is refused while a field is wrong: the reason beside it, nothing typed lost; Esc cancels and writes nothing")
    func validation() throws {
        var state = emptyState()
        _ = state.update(.add)
        _ = state.update(.character("a"))
        state.type("Acme")
        _ = state.update(.nextPane)
        _ = state.update(.nextPane)
        state.type("2026-02-30")
        #expect(state.render().text.contains("is not a date"))
        _ = state.update(.previousPane)
        #expect(state.update(.enter).isEmpty, "Role is required and empty")
        #expect(state.form?.focus == 1)
        #expect(state.render().text.contains("Role must not be empty"))
        state.type("Dev")
        #expect(state.update(.enter).isEmpty, "the date is still wrong")
        #expect(state.form?.focus == 2)
        #expect(state.form?.fields[0].text == "Acme" && state.form?.fields[2].text == "2026-02-30")
        _ = state.update(.clearField)
        #expect(state.form?.fields[2].text == "")
        #expect(state.update(.escape).isEmpty)
        #expect(state.form == nil)
    }

    @Test("a failed save keeps the form open with everything typed and says why")
    func failedSave() throws {
        var state = emptyState()
        _ = state.update(.add)
        _ = state.update(.character("a"))
        state.type("Acme")
        _ = state.update(.nextPane)
        state.type("Dev")
        #expect(!state.update(.enter).isEmpty)
        _ = state.update(.failed("followup.json is being changed by process 42; try again in a moment."))
        #expect(state.form?.saving == false)
        #expect(state.form?.fields[0].text == "Acme")
        #expect(state.render().text.contains("process 42"))
    }

    @Test("an interview: the date-time as people type it, interviewers picked from the application's contacts")
    func addInterview() throws {
        var state = demoState(rows: 40, columns: 100)
        let app = try #require(state.selectedApp)
        let people = state.data.application(id: app)?.contacts ?? []
        _ = state.update(.add)
        _ = state.update(.character("i"))
        #expect(state.form?.fields[0].label == "When")
        state.type("tomorrow")
        #expect(state.render().text.contains("give a time too"))
        state.type(" 14:00")
        #expect(state.render().text.contains("→ Wed 25 Nov 14:00"))
        // To the people picker: pick the second person.
        while state.form?.fields[state.form!.focus].key != .with { _ = state.update(.nextPane) }
        _ = state.update(.cursorRight)
        _ = state.update(.character(" "))
        let at = try newYork.instant(Day("2026-11-25")!, hour: 14, minute: 0)
        #expect(state.update(.enter) == [.apply(.addInterview(app: app, NewInterview(at: at, with: [people[1].id])))])
    }

    @Test("a person met for the first time is added from inside the interview form, in one change")
    func newPersonInInterview() throws {
        var state = demoState(rows: 40, columns: 100)
        let app = try #require(state.selectedApp)
        _ = state.update(.add)
        _ = state.update(.character("i"))
        state.type("tomorrow 14:00")
        while state.form?.fields[state.form!.focus].key != .contact { _ = state.update(.nextPane) }
        state.type("Zoë Müller")
        let at = try newYork.instant(Day("2026-11-25")!, hour: 14, minute: 0)
        #expect(state.update(.enter) == [.apply(.all([
            .addContact(app: app, NewContact(name: "Zoë Müller", role: .interviewer)),
            .addInterview(app: app, NewInterview(at: at, with: ["Zoë Müller"])),
        ]))])
    }

    @Test("e on a task edits its application, filled in; in a timeline e edits the selected event")
    func editPrefilled() throws {
        var state = demoState(rows: 40, columns: 100)
        let app = try #require(state.selectedApp.flatMap { state.data.application(id: $0) })
        _ = state.update(.edit)
        #expect(state.form?.fields[0].text == app.employer && state.form?.fields[1].text == app.role)
        _ = state.update(.nextPane)
        _ = state.update(.clearField)
        state.type("Principal Engineer")
        guard case let .apply(.editApplication(id, edit))? = state.update(.enter).first else { Issue.record("no edit"); return }
        #expect(id == app.id && edit.role == "Principal Engineer" && edit.employer == app.employer)

        var timeline = demoState(rows: 40, columns: 100)
        _ = timeline.update(.pane(.strikes))
        while timeline.selectedApp != "initech-2k4m" { _ = timeline.update(.down) }
        _ = timeline.update(.open)
        _ = timeline.update(.down)
        _ = timeline.update(.edit)
        let form = try #require(timeline.form)
        guard case .event(app: "initech-2k4m", editing: _?) = form.kind else { Issue.record("\(form.kind)"); return }
        #expect(form.fields[0].text == "thank-you")
    }

    @Test("c closes the selected application with an optional reason; l and n log for it")
    func closeAndLog() throws {
        var state = demoState(rows: 40, columns: 100)
        let app = try #require(state.selectedApp)
        _ = state.update(.close)
        state.type("Took another offer")
        #expect(state.update(.enter) == [.apply(.close(app: app, reason: "Took another offer"))])
        var note = demoState(rows: 40, columns: 100)
        _ = note.update(.note)
        #expect(note.form?.fields[note.form!.focus].key == .text)
        note.type("Good call with Dana")
        #expect(note.update(.enter) == [.apply(.log(app: app, NewEvent(kind: .note, text: "Good call with Dana")))])
    }
}

@Suite("Forms at fixed sizes (golden files)")
struct FormScreenTests {
    @Test("the application form, with and without an error", arguments: [(80, 24), (120, 40)])
    func applicationForm(_ columns: Int, _ rows: Int) {
        var state = emptyState(rows: rows, columns: columns)
        _ = state.update(.add)
        _ = state.update(.character("a"))
        state.type("Société Générale")
        _ = state.update(.nextPane)
        state.type("Ingénieure DevOps")
        _ = state.update(.nextPane)
        state.type("next mon")
        assertGolden(state.render(), "form-application-\(columns)x\(rows)")
        _ = state.update(.clearField)
        state.type("2026-02-30")
        _ = state.update(.enter)
        assertGolden(state.render(), "form-application-error-\(columns)x\(rows)")
    }

    @Test("the interview form with its people picker", arguments: [(80, 24), (120, 40)])
    func interviewForm(_ columns: Int, _ rows: Int) {
        var state = demoState(rows: rows, columns: columns)
        _ = state.update(.add)
        _ = state.update(.character("i"))
        state.type("next mon 14:00")
        assertGolden(state.render(), "form-interview-\(columns)x\(rows)")
    }
}

@Suite("Hostile text on every screen")
struct HostileScreenTests {
    @Test("control and bidi characters in names and notes reach no cell of any screen")
    func noControlCharacters() throws {
        var data = Demo.data(today: Day("2026-11-24")!, zone: newYork)
        let hostile = "Evil\u{1B}]52;c;x\u{07}\u{1B}[2J\u{202E}gnp\u{FEFF}\u{9B}1m\u{2066}"
        data.applications[0].employer = hostile
        data.applications[0].contacts[0].name = hostile
        data.applications[0].role = hostile
        let state = DashboardState(data: data, agenda: Rules.schedule(data, zone: newYork, now: demoNow), zone: newYork, now: demoNow,
                                   fileLabel: hostile, rows: 40, columns: 120)
        var screens: [DashboardState] = [state]
        var timeline = state
        _ = timeline.update(.open)
        var review = state
        _ = review.update(.review)
        var form = state
        _ = form.update(.edit)
        screens += [timeline, review, form]
        for screen in screens {
            let cells = screen.render().text.unicodeScalars
            #expect(!cells.contains { $0.value < 0x20 && $0 != "\n" }, "a C0 control reached the screen")
            #expect(!cells.contains { (0x7F...0x9F).contains($0.value) || [0x202E, 0xFEFF, 0x2066].contains($0.value) })
        }
        #expect(form.form != nil)
    }
}

@Suite("More forms at fixed sizes (golden files)")
struct MoreFormScreenTests {
    @Test("the contact and log forms", arguments: [(80, 24), (120, 40)])
    func contactAndLog(_ columns: Int, _ rows: Int) {
        var contact = demoState(rows: rows, columns: columns)
        _ = contact.update(.add)
        _ = contact.update(.character("c"))
        contact.type("佐藤 由紀")
        _ = contact.update(.nextPane)
        _ = contact.update(.nextPane)
        _ = contact.update(.character("h"))
        _ = contact.update(.nextPane)
        contact.type("not-an-address")
        assertGolden(contact.render(), "form-contact-\(columns)x\(rows)")
        var log = demoState(rows: rows, columns: columns)
        _ = log.update(.log)
        _ = log.update(.character("r"))
        _ = log.update(.nextPane)
        log.type("yesterday 16:00")
        assertGolden(log.render(), "form-log-\(columns)x\(rows)")
    }

    @Test("D on a task asks before deleting its application; y deletes it (a tombstone, undoable)")
    func deleteApplication() throws {
        var state = demoState(rows: 40, columns: 100)
        let app = try #require(state.selectedApp)
        _ = state.update(.delete)
        #expect(state.render().text.contains("Delete? y yes · any other key no — Acme Corp"))
        #expect(state.update(.character("y")) == [.apply(.delete(.application(app)))])
    }
}

@Suite("Forms on a small terminal")
struct SmallFormTests {
    @Test("a form taller than the terminal scrolls to keep the focused field in view")
    func scrolls() {
        var state = demoState(rows: 12, columns: 40)
        _ = state.update(.add)
        _ = state.update(.character("i"))
        #expect(state.render().text.contains("↓ more"))
        #expect(!state.render().text.contains("Travel"))
        while state.form?.fields[state.form!.focus].key != .travel { _ = state.update(.nextPane) }
        let text = state.render().text
        #expect(text.contains("Travel") && text.contains("↑ more"))
        #expect(!text.contains("When"), "the first fields scrolled away")
    }
}
