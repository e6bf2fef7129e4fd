import Foundation
import Testing
import FollowUpActions
import FollowUpCore
@testable import FollowUpUI

let newYork = Zone(identifier: "America/New_York")!
let demoNow = try! newYork.instant(Day("2026-11-24")!, hour: 9, minute: 0)

/// The dashboard on the demo's data, Tuesday 24 November 2026 at 09:00 in New York.
func demoState(rows: Int, columns: Int) -> DashboardState {
    let data = Demo.data(today: Day("2026-11-24")!, zone: newYork)
    return DashboardState(
        data: data, agenda: Rules.schedule(data, zone: newYork, now: demoNow), zone: newYork, now: demoNow,
        fileLabel: "~/.local/share/followup/followup.json", rows: rows, columns: columns)
}

/// Compares a screen with its golden file; FOLLOWUP_RECORD=1 writes the file instead.
func assertGolden(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt").path
    if ProcessInfo.processInfo.environment["FOLLOWUP_RECORD"] == "1" {
        _ = FileManager.default.createFile(atPath: path, contents: Data(screen.text.utf8))
    }
    let golden = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    #expect(golden != nil, "missing \(name).txt; record with FOLLOWUP_RECORD=1", sourceLocation: sourceLocation)
    #expect(screen.text == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
}

@Suite("Dashboard screens at fixed sizes (golden files)")
struct DashboardScreenTests {
    @Test("a sync tool's conflict copy beside the file is said in the header, with the command that merges it")
    func conflictNotice() {
        var state = demoState(rows: 24, columns: 120)
        #expect(!state.render().text.contains("conflict copy"))
        state.notice = "conflict copy: followup merge \"followup (conflicted copy 2026-11-24).json\""
        let header = state.render().text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("conflict copy: followup merge"))
        #expect(header.contains("followup · Tue 24 Nov 2026"))
    }

    @Test("80×24: stacked panes", arguments: [(80, 24, "lists-80x24"), (120, 40, "lists-120x40"), (40, 12, "lists-40x12")])
    func lists(_ columns: Int, _ rows: Int, _ name: String) {
        assertGolden(demoState(rows: rows, columns: columns).render(), name)
    }

    @Test("the timeline of the selected application")
    func timeline() {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.pane(.todos))
        _ = state.update(.open)
        assertGolden(state.render(), "timeline-80x24")
    }

    @Test("the help lists every key")
    func help() {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.help)
        assertGolden(state.render(), "help-80x24")
    }

    @Test("a review card whose reason and draft wrap; PgDn scrolls what does not fit")
    func reviewCard() throws {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.review)
        while let t = state.selectedTask, t.kind != .thankYou { _ = state.update(.open) }
        let top = state.render()
        assertGolden(top, "review-card-80x24")
        #expect(top.text.contains("more"), "the card is longer than the screen and says so")
        // Nothing is cut mid-word: every line of the card ends in a whole word or the border.
        #expect(!top.text.contains("…"))
        _ = state.update(.pageDown)
        let scrolled = state.render()
        assertGolden(scrolled, "review-card-scrolled-80x24")
        #expect(scrolled.text != top.text)
        #expect(scrolled.text.contains("↑"))
        _ = state.update(.bottom)
        _ = state.update(.pageDown)
        let bottom = state.render()
        _ = state.update(.pageDown)
        #expect(state.render() == bottom, "the end of the card stays at the bottom")
        _ = state.update(.top)
        #expect(state.render() == top)
    }

    @Test("a terminal too small says so")
    func tooSmall() {
        let text = demoState(rows: 6, columns: 25).render().text
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("have 25×6"))
    }

    @Test("every row is exactly as wide as the screen, in cells, whatever the script")
    func rowsFit() {
        for (columns, rows) in [(80, 24), (120, 40), (40, 12), (33, 9), (101, 17)] {
            let screen = demoState(rows: rows, columns: columns).render()
            for line in screen.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                #expect(TextWidth.of(line) == columns, "\(columns)×\(rows): \(line)")
            }
        }
    }
}

@Suite("Dashboard keys and effects")
struct DashboardUpdateTests {
    @Test("room the task panes do not need goes to the strikes pane: eight employers all shown at 80×24 and 120×40")
    func strikesGetTheRoom() {
        let names = ["Acme", "Globex", "Hooli", "Initech", "Umbrella", "Stark", "Wayne", "Soylent"]
        let created = try! newYork.instant(Day("2026-11-20")!, hour: 9, minute: 0)
        let data = FollowUpData(applications: names.map { Application(id: $0.lowercased(), employer: $0, role: "Engineer", createdAt: created) })
        for (rows, columns) in [(24, 80), (40, 120)] {
            let state = DashboardState(data: data, agenda: Rules.schedule(data, zone: newYork, now: demoNow), zone: newYork, now: demoNow,
                                       fileLabel: "~/followup.json", rows: rows, columns: columns)
            let text = state.render().text
            for name in names { #expect(text.contains(name), "\(name) at \(columns)×\(rows)") }
        }
    }

    @Test("on a terminal too small to draw, keys do nothing unseen; q still quits, a resize brings the screen back")
    func tooSmall() {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.resize(rows: 5, columns: 20))
        #expect(state.render().text.contains("Terminal too small"))
        _ = state.update(.applications)
        _ = state.update(.down)
        #expect(state.update(.delete).isEmpty)
        #expect(state.mode == .lists && state.prompt == nil)
        #expect(state.update(.quit) == [.quit])
        _ = state.update(.resize(rows: 24, columns: 80))
        #expect(!state.render().text.contains("Terminal too small"))
    }

    @Test("data read again with its agenda worked out elsewhere is taken as it is, keeping the selection's pane")
    func scheduledElsewhere() {
        var state = demoState(rows: 24, columns: 80)
        var data = state.data
        data.applications.removeAll { $0.employer == "Globex" }
        let agenda = Rules.schedule(data, zone: newYork, now: demoNow)
        _ = state.update(.scheduled(data, agenda, TakenIDs(data), now: demoNow))
        #expect(state.data == data)
        #expect(state.agenda == agenda)
        #expect(!state.render().text.contains("Globex"))
    }

    @Test("j and k move within a pane, Tab and 1/2/3 between panes")
    func movement() {
        var state = demoState(rows: 24, columns: 80)
        #expect(state.focus == .thanks)
        _ = state.update(.down)
        #expect(state.selected(.thanks) == 1)
        _ = state.update(.down)
        _ = state.update(.down)
        _ = state.update(.down)
        #expect(state.selected(.thanks) == state.thanks.count - 1)
        _ = state.update(.nextPane)
        #expect(state.focus == .todos)
        _ = state.update(.previousPane)
        _ = state.update(.previousPane)
        #expect(state.focus == .strikes)
        _ = state.update(.pane(.todos))
        _ = state.update(.bottom)
        #expect(state.selected(.todos) == state.todos.count - 1)
        _ = state.update(.top)
        #expect(state.selected(.todos) == 0)
    }

    @Test("d on a thank-you marks it done at once; on a check-in it asks the channel first")
    func done() throws {
        var state = demoState(rows: 24, columns: 80)
        let thanks = try #require(state.selectedTask)
        #expect(state.update(.done) == [.apply(.done(taskID: thanks.id, channel: nil))])
        _ = state.update(.pane(.todos))
        while state.selectedTask?.kind != .checkIn { _ = state.update(.down) }
        let checkIn = try #require(state.selectedTask)
        #expect(state.update(.done).isEmpty)
        #expect(state.prompt == .channel(taskID: checkIn.id))
        #expect(state.render().text.contains("c call · v voicemail · e email · l letter"))
        #expect(state.update(.character("z")).isEmpty, "an unrelated key keeps asking")
        #expect(state.update(.character("v")) == [.apply(.done(taskID: checkIn.id, channel: .voicemail))])
        #expect(state.prompt == nil)
        // A call asks whether they answered: yes is their reply too (no strike).
        _ = state.update(.done)
        #expect(state.update(.character("c")).isEmpty)
        #expect(state.prompt == .answered(taskID: checkIn.id))
        #expect(state.render().text.contains("Did you speak with them?"))
        #expect(state.update(.character("y")) == [.apply(.done(taskID: checkIn.id, channel: .call, answered: true))])
        _ = state.update(.done)
        _ = state.update(.character("c"))
        #expect(state.update(.character("n")) == [.apply(.done(taskID: checkIn.id, channel: .call))])
    }

    @Test("s snoozes by 1, 3 or 7 days, or to a typed date; Esc cancels")
    func snooze() throws {
        var state = demoState(rows: 24, columns: 80)
        let task = try #require(state.selectedTask)
        _ = state.update(.snooze)
        #expect(state.update(.character("3")) == [.apply(.snooze(taskID: task.id, until: Day("2026-11-27")!))])
        _ = state.update(.snooze)
        _ = state.update(.character("t"))
        for c in "2026-12-01" { _ = state.update(.character(c)) }
        #expect(state.update(.enter) == [.apply(.snooze(taskID: task.id, until: Day("2026-12-01")!))])
        _ = state.update(.snooze)
        _ = state.update(.escape)
        #expect(state.prompt == nil)
        _ = state.update(.snooze)
        _ = state.update(.character("t"))
        for c in "2026-11-01" { _ = state.update(.character(c)) }
        #expect(state.update(.enter).isEmpty, "a past date is refused")
        #expect(state.messageIsError)
        // The dates people type work too.
        _ = state.update(.escape)
        _ = state.update(.snooze)
        _ = state.update(.character("t"))
        for c in "next mon" { _ = state.update(.character(c)) }
        #expect(state.render().text.contains("→ Mon 30 Nov"))
        #expect(state.update(.enter) == [.apply(.snooze(taskID: task.id, until: Day("2026-11-30")!))])
    }

    @Test("x dismisses after a yes, r logs a reply with an optional new decision date, u undoes this session's last change")
    func confirmations() throws {
        var state = demoState(rows: 24, columns: 80)
        let task = try #require(state.selectedTask)
        _ = state.update(.dismiss)
        #expect(state.update(.character("n")).isEmpty)
        _ = state.update(.dismiss)
        #expect(state.update(.character("y")) == [.apply(.dismiss(taskID: task.id))])
        let contact = state.agenda.tasks.first { $0.app == task.app && $0.kind == .checkIn }?.contact
        _ = state.update(.reply)
        let reply = Change.reply(app: task.app, contact: contact)
        #expect(state.update(.enter) == [.apply(reply)])
        _ = state.update(.applied(reply, recorded: nil))
        #expect(state.form == nil)
        // r then y, as before dates could be given: saved with no date.
        _ = state.update(.reply)
        #expect(state.update(.character("y")) == [.apply(reply)])
        _ = state.update(.applied(reply, recorded: nil))
        // With a date: "fri" is the Friday after Tue 24 Nov.
        _ = state.update(.reply)
        for c in "fri" { _ = state.update(.character(c)) }
        #expect(state.render().text.contains("→ Fri 27 Nov"))
        let dated = Change.reply(app: task.app, contact: contact, decisionBy: Day("2026-11-27")!)
        #expect(state.update(.enter) == [.apply(dated)])
        _ = state.update(.applied(dated, recorded: nil))
        #expect(state.update(.undo).isEmpty)
        #expect(state.message?.contains("Nothing") == true)
        state.sessionChanges = ["change-aaaa", "change-bbbb"]
        #expect(state.update(.undo) == [.undo(changeID: "change-bbbb")])
    }

    @Test("in a timeline the people are lines above the history: e edits a contact, D deletes one after y")
    func timelinePeople() throws {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.open)
        let app = try #require(state.data.application(id: "acme-7f3k"))
        #expect(app.contacts.count >= 2)
        _ = state.update(.up)
        #expect(state.mode == .timeline(app: "acme-7f3k", cursor: -1))
        _ = state.update(.top)
        #expect(state.mode == .timeline(app: "acme-7f3k", cursor: -app.contacts.count))
        _ = state.update(.edit)
        let form = try #require(state.form)
        #expect(form.kind == .contact(app: "acme-7f3k", editing: app.contacts[0].id))
        #expect(form.fields.first?.text == app.contacts[0].name)
        _ = state.update(.escape)
        #expect(state.form == nil)
        _ = state.update(.delete)
        #expect(state.update(.character("y")) == [.apply(.delete(.contact(app.contacts[0].id, app: "acme-7f3k")))])
        // Down from the last person reaches the history again.
        state.mode = .timeline(app: "acme-7f3k", cursor: -1)
        _ = state.update(.down)
        #expect(state.mode == .timeline(app: "acme-7f3k", cursor: 0))
    }

    @Test("Enter opens the timeline, Esc goes back; / filters every pane")
    func timelineAndFilter() {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.open)
        #expect(state.mode == .timeline(app: "acme-7f3k", cursor: 0))
        _ = state.update(.escape)
        #expect(state.mode == .lists)
        _ = state.update(.filter)
        for c in "glob" { _ = state.update(.character(c)) }
        _ = state.update(.enter)
        #expect(state.todos.allSatisfy { $0.employer == "Globex" })
        #expect(state.employers.map(\.employer) == ["Globex"])
        _ = state.update(.escape)
        #expect(state.filter.isEmpty)
    }

    @Test("q quits; keys map to actions, and prompts take letters as text")
    func keymap() {
        var state = demoState(rows: 24, columns: 80)
        #expect(state.update(.quit) == [.quit])
        #expect(Keymap.action(for: .character("j"), prompting: false) == .down)
        #expect(Keymap.action(for: .character("q"), prompting: true) == .character("q"))
        #expect(Keymap.action(for: .tab, prompting: false) == .nextPane)
        #expect(Keymap.action(for: .enter, prompting: true) == .enter)
        #expect(Keymap.action(for: .resize(rows: 10, columns: 50), prompting: false) == .resize(rows: 10, columns: 50))
    }

    @Test("one binding table: no key bound twice, every bound key in the help, reasons a key does nothing")
    func bindingTable() {
        var seen: [Key: Action] = [:]
        for binding in Keymap.bindings {
            guard let action = binding.action else { continue }
            for key in binding.keys {
                #expect(seen[key] == nil, "\(key) is bound to \(seen[key].map { "\($0)" } ?? "") and \(action)")
                seen[key] = action
                #expect(Keymap.action(for: key, prompting: false) == action)
            }
        }
        let help = demoState(rows: 60, columns: 100)
        var open = help
        _ = open.update(.help)
        let text = open.render().text
        for line in Keymap.helpLines { #expect(text.contains(line.keys)) }

        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.pane(.strikes))
        #expect(state.update(.done).isEmpty)
        #expect(state.message == "Select a task first (Tab moves between panes).")
        _ = state.update(.delete)
        guard case .confirmDelete(record: .application(_), _)? = state.prompt else { Issue.record("D on an employer's row asks to delete its application"); return }
        _ = state.update(.character("n"))
        #expect(state.prompt == nil)
        var empty = DashboardState(data: FollowUpData(), agenda: Rules.schedule(FollowUpData(), zone: newYork, now: demoNow), zone: newYork,
                                   now: demoNow, fileLabel: "x", rows: 24, columns: 80)
        _ = empty.update(.delete)
        #expect(empty.message == "Select an application first.")
    }

    @Test("the key that closes the help does nothing else")
    func helpCloses() {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.help)
        #expect(state.update(.done).isEmpty)
        #expect(state.mode == .lists)
    }

    @Test("Esc in the filter prompt clears the filter")
    func filterEscape() {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.filter)
        for c in "glob" { _ = state.update(.character(c)) }
        _ = state.update(.escape)
        #expect(state.filter.isEmpty)
        #expect(state.prompt == nil)
    }

    @Test("the timeline stops scrolling at its end")
    func timelineBounds() {
        var state = demoState(rows: 12, columns: 80)
        _ = state.update(.pane(.todos))
        _ = state.update(.open)
        for _ in 0..<50 { _ = state.update(.down) }
        guard case let .timeline(_, bottom) = state.mode else { Issue.record("not in the timeline"); return }
        _ = state.update(.up)
        guard case let .timeline(_, after) = state.mode else { return }
        #expect(after == max(0, bottom - 1))
    }

    @Test("a file that cannot be read again stays on the bottom line")
    func fileErrorShows() {
        var state = demoState(rows: 24, columns: 80)
        state.fileError = "followup.json:1:30: not valid JSON"
        _ = state.update(.down)
        #expect(state.render().text.contains("not valid JSON"))
    }

    @Test("R reviews one card at a time; a card dealt with gives way to the next; a summary at the end")
    func dailyReview() throws {
        var state = demoState(rows: 40, columns: 100)
        let count = state.thanks.count + state.todos.count
        _ = state.update(.review)
        #expect(state.mode == .review(position: 0))
        #expect(state.reviewIDs.count == count)
        #expect(state.render().text.contains("Daily review · 1 of \(count)"))
        let first = try #require(state.selectedTask)
        #expect(state.update(.snooze).isEmpty)
        let snooze = Change.snooze(taskID: first.id, until: Day("2026-11-25")!)
        #expect(state.update(.character("1")) == [.apply(snooze)])
        #expect(state.mode == .review(position: 0), "a card counts only once its change is saved")
        _ = state.update(.applied(snooze, recorded: "change-aaaa"))
        #expect(state.mode == .review(position: 1))
        while let t = state.selectedTask, t.kind != .thankYou { _ = state.update(.open) }
        let thanks = try #require(state.selectedTask)
        let card = state.render().text
        #expect(card.contains("Who     \(thanks.contactName ?? "")"))
        #expect(card.contains("Draft (w opens it in your editor)"))
        #expect(state.update(.draft) == [.writeDraft(taskID: thanks.id)])
        let done = Change.done(taskID: thanks.id, channel: nil)
        #expect(state.update(.done) == [.apply(done)])
        _ = state.update(.applied(done, recorded: "change-bbbb"))
        while case let .review(position) = state.mode, position < count { _ = state.update(.open) }
        let summary = state.render().text
        #expect(summary.contains("Reviewed \(count) cards"))
        #expect(summary.contains("1 done · 1 snoozed · 0 dismissed"))
        _ = state.update(.open)
        #expect(state.mode == .lists)
    }

    @Test("a change's result comes back: saved, it is said and can be undone; failed, the error shows and the review card stays")
    func effectResults() throws {
        var state = demoState(rows: 40, columns: 100)
        let task = try #require(state.selectedTask)
        let done = Change.done(taskID: task.id, channel: nil)
        #expect(state.update(.done) == [.apply(done)])
        #expect(state.message == nil, "nothing is said before the save")
        _ = state.update(.applied(done, recorded: "change-aaaa"))
        #expect(state.message == "Done: \(task.kind.rawValue) \(task.contactName ?? "") (\(task.employer)) · u undo")
        #expect(!state.messageIsError)
        #expect(state.sessionChanges == ["change-aaaa"])

        _ = state.update(.review)
        let card = try #require(state.selectedTask)
        _ = state.update(.dismiss)
        #expect(state.update(.character("y")) == [.apply(.dismiss(taskID: card.id))])
        _ = state.update(.failed("the file is being changed by process 42; try again in a moment."))
        #expect(state.messageIsError)
        #expect(state.render().text.contains("process 42"))
        #expect(state.mode == .review(position: 0), "a failed save does not count the card")
        #expect(state.reviewed.dismissed == 0)
        #expect(state.sessionChanges == ["change-aaaa"])

        _ = state.update(.undone(changeID: "change-aaaa", summary: "done thank-you", left: ["event note-1"]))
        #expect(state.sessionChanges.isEmpty)
        #expect(state.message == "Undone: done thank-you; kept as they are now, changed since: event note-1")
    }

    @Test("in the timeline, D deletes the selected event after a yes; a task line cannot be deleted")
    func deleteFromTimeline() throws {
        var state = demoState(rows: 40, columns: 100)
        _ = state.update(.pane(.strikes))
        while state.selectedApp != "initech-2k4m" { _ = state.update(.down) }
        _ = state.update(.open)
        #expect(state.mode == .timeline(app: "initech-2k4m", cursor: 0))
        _ = state.update(.down)
        _ = state.update(.delete)
        guard case let .confirmDelete(record, _)? = state.prompt, case .event = record else { Issue.record("no confirmation"); return }
        #expect(state.update(.character("y")) == [.apply(.delete(record))])
        _ = state.update(.bottom)
        #expect(state.update(.delete).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.message?.contains("tasks to do are not deleted") == true)
    }
}
