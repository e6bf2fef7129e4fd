import Testing
import FollowUpActions
import FollowUpCore
@testable import FollowUpUI

/// The demo with a few more things a real search has: a long employer name, an application with
/// its date, a snoozed task and a dismissed one, a note that mentions a person.
func fullerState(rows: Int, columns: Int) throws -> DashboardState {
    var state = demoState(rows: rows, columns: columns)
    var data = state.data
    let earlier = demoNow.adding(hours: -20)
    _ = try Actions.apply(.addApplication(NewApplication(
        employer: "Internationale Nederlanden Groep Bankverzekeraar", role: "Senior Software Engineer, Payments Platform",
        applied: Day("2026-11-02"))), to: &data, at: earlier, zone: newYork)
    _ = try Actions.apply(.log(app: "globex-9x2a", NewEvent(kind: .note, at: earlier, text: "Met Renée at the meetup; she knows the team")),
                          to: &data, at: earlier, zone: newYork)
    let agenda = Rules.schedule(data, zone: newYork, now: demoNow)
    let thanks = try #require(agenda.visible.first { $0.kind == .thankYou && $0.contactName == "Raj Patel" })
    let call = try #require(agenda.visible.first { $0.kind == .checkIn && $0.app == "globex-9x2a" })
    _ = try Actions.apply(.dismiss(taskID: thanks.id), to: &data, at: demoNow, zone: newYork)
    _ = try Actions.apply(.snooze(taskID: call.id, until: Day("2026-11-27")!), to: &data, at: demoNow, zone: newYork)
    _ = state.update(.loaded(data, now: demoNow))
    return state
}

@Suite("The whole search: applications, put aside, weeks ahead (golden files)")
struct OverviewScreenTests {
    @Test("A: every application, open ones first, columns as wide as their content allows",
          arguments: [(80, 24, "applications-80x24"), (120, 40, "applications-120x40")])
    func applications(_ columns: Int, _ rows: Int, _ name: String) throws {
        var state = try fullerState(rows: rows, columns: columns)
        _ = state.update(.applications)
        let screen = state.render()
        assertGolden(screen, name)
        #expect(screen.text.contains("日本商事"))
        if columns >= 120 {
            #expect(screen.text.contains("Société Générale") && screen.text.contains("overdue chase the reimbursement"), "not cut when there is room")
        }
    }

    @Test("z: the snoozed and dismissed tasks with their days", arguments: [(80, 24, "put-aside-80x24"), (120, 40, "put-aside-120x40")])
    func putAside(_ columns: Int, _ rows: Int, _ name: String) throws {
        var state = try fullerState(rows: rows, columns: columns)
        _ = state.update(.putAside)
        let screen = state.render()
        assertGolden(screen, name)
        #expect(screen.text.contains("snoozed until Fri 27 Nov"))
        #expect(screen.text.contains("dismissed Tue 24 Nov"))
    }

    @Test("W: four weeks ahead, today and weekends said in words", arguments: [(80, 24, "weeks-80x24"), (120, 40, "weeks-120x40")])
    func weeks(_ columns: Int, _ rows: Int, _ name: String) throws {
        var state = try fullerState(rows: rows, columns: columns)
        _ = state.update(.weeks)
        let screen = state.render()
        assertGolden(screen, name)
        #expect(screen.text.contains("today"))
        #expect(screen.text.contains("weekend"))
        #expect(state.weeksAhead.count == 28)
    }

    @Test("⏎ on a day of the weeks ahead lists its interviews and tasks")
    func day() throws {
        var state = try fullerState(rows: 24, columns: 80)
        _ = state.update(.weeks)
        _ = state.update(.open)
        #expect(state.mode == .day(Day("2026-11-24")!, cursor: 0))
        assertGolden(state.render(), "day-80x24")
        _ = state.update(.escape)
        #expect(state.mode == .weeks(cursor: 0))
    }

    @Test("the timeline names the application's people, how to reach them and their time now",
          arguments: [(80, 24, "timeline-people-80x24"), (120, 40, "timeline-people-120x40")])
    func timelinePeople(_ columns: Int, _ rows: Int, _ name: String) throws {
        var state = try fullerState(rows: rows, columns: columns)
        _ = state.update(.applications)
        _ = state.update(.filter)
        for c in "societe" { _ = state.update(.character(c)) }
        _ = state.update(.enter)
        _ = state.update(.open)
        let screen = state.render()
        assertGolden(screen, name)
        #expect(screen.text.contains("Zoë Müller"))
        #expect(screen.text.contains("15:00 in Paris"))
    }
}

@Suite("The whole search: keys")
struct OverviewUpdateTests {
    @Test("o cycles the sort; open applications always come first")
    func sorting() throws {
        var state = try fullerState(rows: 24, columns: 80)
        _ = state.update(.applications)
        #expect(state.applicationSort == .next)
        let open = { (s: DashboardState) in s.applicationRows.map { !$0.status.isClosed } }
        _ = state.update(.sort)
        #expect(state.applicationSort == .employer)
        let names = state.applicationRows.filter { !$0.status.isClosed }.map(\.employer)
        #expect(names == ["Acme Corp", "Globex", "Hooli", "Initech", "Internationale Nederlanden Groep Bankverzekeraar", "Société Générale", "Umbrella"]
            .filter { names.contains($0) })
        #expect(open(state) == open(state).sorted { $0 && !$1 })
        _ = state.update(.sort)
        #expect(state.applicationSort == .role)
        let roles = state.applicationRows.filter { !$0.status.isClosed }.map { $0.role.lowercased() }
        #expect(roles == roles.sorted())
        while state.applicationSort != .strikes { _ = state.update(.sort) }
        let strikes = state.applicationRows.filter { !$0.status.isClosed }.map(\.strikes)
        #expect(strikes == strikes.sorted(by: >))
        #expect(strikes.first == 3, "Umbrella, struck out, first")
        while state.applicationSort != .applied { _ = state.update(.sort) }
        #expect(state.applicationRows.first?.employer == "Internationale Nederlanden Groep Bankverzekeraar", "the only one with a date applied")
        for _ in 0..<3 { _ = state.update(.sort) }
        #expect(state.applicationSort == .next, "round and back")
        let next = state.applicationRows.compactMap { $0.status.isClosed ? nil : $0.next?.due }
        #expect(next == next.sorted())
    }

    @Test("the filter matches employers, roles, people, notes and events, accents and case aside")
    func filtering() throws {
        var state = try fullerState(rows: 24, columns: 80)
        _ = state.update(.applications)
        func filter(_ text: String) -> [String] {
            _ = state.update(.filter)
            _ = state.update(.escape)
            _ = state.update(.filter)
            for c in text { _ = state.update(.character(c)) }
            _ = state.update(.enter)
            return state.applicationRows.map(\.employer)
        }
        #expect(filter("zoe") == ["Société Générale"], "a person typed without the accent")
        #expect(filter("ZOË") == ["Société Générale"])
        #expect(filter("societe") == ["Société Générale"])
        #expect(filter("renee") == ["Globex"], "a note's text")
        #expect(filter("payments") == ["Internationale Nederlanden Groep Bankverzekeraar"], "a role")
        #expect(filter("佐藤") == ["日本商事"])
        #expect(filter("nobody at all").isEmpty)
        #expect(state.render().text.contains("No application matches"))
        // The main lists use the same filter.
 _ = state.update(.escape)
        #expect(state.mode == .lists)
        _ = state.update(.escape)
        #expect(state.filter.isEmpty, "Esc on the main screen clears the filter")
        _ = state.update(.filter)
        for c in "zoe" { _ = state.update(.character(c)) }
        #expect(!state.todos.isEmpty)
        #expect(state.todos.allSatisfy { $0.employer == "Société Générale" })
        #expect(state.employers.map(\.employer) == ["Société Générale"])
    }

    @Test("⏎ in the put-aside list brings the task back through the actions layer; it is on the agenda again")
    func bringBack() throws {
        var state = try fullerState(rows: 24, columns: 80)
        _ = state.update(.putAside)
        #expect(state.putAside.count == 2)
        _ = state.update(.down)
        let row = try #require(state.selectedPutAside)
        #expect(row.dismissedOn != nil && row.what == "thank Raj Patel")
        let effects = state.update(.open)
        #expect(effects == [.apply(.bringBack(taskID: row.taskID))])
        // What the shell does with it.
        var data = state.data
        _ = try Actions.apply(.bringBack(taskID: row.taskID), to: &data, at: demoNow, zone: newYork)
        #expect(!data.dismissals.contains { $0.taskID == row.taskID })
        _ = state.update(.changed(data, employerOf: row.app, now: demoNow))
        _ = state.update(.applied(.bringBack(taskID: row.taskID), recorded: "change-1"))
        #expect(state.message == "Brought back: thank Raj Patel (Acme Corp) · u undo")
        #expect(state.putAside.count == 1)
        #expect(state.thanks.contains { $0.id == row.taskID })
        #expect(state.update(.undo) == [.undo(changeID: "change-1")])
        // Nothing put aside under that id: a clear refusal.
        #expect(throws: ActionError.noRecord(.dismissal, row.taskID)) {
            _ = try Actions.apply(.bringBack(taskID: row.taskID), to: &data, at: demoNow, zone: newYork)
        }
    }

    @Test("a snoozed task brought back loses its snooze")
    func unsnooze() throws {
        let state = try fullerState(rows: 24, columns: 80)
        var data = state.data
        let snoozed = try #require(data.snoozes.first)
        let applied = try Actions.apply(.bringBack(taskID: snoozed.taskID), to: &data, at: demoNow, zone: newYork)
        #expect(data.snoozes.isEmpty)
        #expect(applied.summary.hasPrefix("bring back check-in"))
        let agenda = Rules.schedule(data, zone: newYork, now: demoNow)
        #expect(agenda.task(id: snoozed.taskID)?.isHidden == false)
    }

    @Test("⏎ on an application opens its timeline, Esc comes back to the applications; e and D act on the row")
    func applicationKeys() throws {
        var state = try fullerState(rows: 24, columns: 80)
        _ = state.update(.applications)
        _ = state.update(.down)
        let app = try #require(state.selectedApp)
        _ = state.update(.open)
        #expect(state.mode == .timeline(app: app, cursor: 0))
        _ = state.update(.escape)
        #expect(state.mode == .applications(cursor: 1))
        _ = state.update(.edit)
        #expect(state.form?.title.contains(state.applicationRows[1].employer) == true)
        _ = state.update(.escape)
        _ = state.update(.delete)
        guard case .confirmDelete(record: .application(app), _)? = state.prompt else { Issue.record("D asks to delete the row's application"); return }
        _ = state.update(.character("n"))
        _ = state.update(.done)
        #expect(state.message?.contains("main screen") == true)
        _ = state.update(.escape)
        #expect(state.mode == .lists)
        // The same key leaves a view; another view's key goes there.
        _ = state.update(.putAside)
        _ = state.update(.weeks)
        #expect(state.mode == .weeks(cursor: 0))
        _ = state.update(.weeks)
        #expect(state.mode == .lists)
    }

    @Test("the footer offers the new keys from the binding table")
    func hints() throws {
        #expect(try fullerState(rows: 24, columns: 160).render().text.contains("A apps  z aside  W weeks"))
        var state = try fullerState(rows: 24, columns: 120)
        #expect(state.render().text.contains("A apps"))
        _ = state.update(.applications)
        let footer = state.render().text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("o sort") && footer.contains("/ filter") && footer.contains("Esc back"))
        _ = state.update(.putAside)
        #expect(state.render().text.contains("⏎ bring back"))
    }

    @Test("in the applications view the selection stays on its application when sorted or filtered")
    func selectionFollows() throws {
        var state = try fullerState(rows: 24, columns: 120)
        _ = state.update(.applications)
        _ = state.update(.down)
        _ = state.update(.down)
        let chosen = try #require(state.selectedApp)
        for _ in 0..<4 {
            _ = state.update(.sort)
            #expect(state.selectedApp == chosen)
        }
        let employer = try #require(state.data.application(id: chosen)?.employer)
        _ = state.update(.filter)
        for c in employer.prefix(4) { _ = state.update(.character(c)) }
        _ = state.update(.enter)
        #expect(state.selectedApp == chosen)
    }

    @Test("the applications view's filter finds a task's words too; idle keys in the other views say where they work")
    func filterTasksAndIdleKeys() throws {
        var state = try fullerState(rows: 24, columns: 120)
        _ = state.update(.applications)
        _ = state.update(.filter)
        for c in "reimburse" { _ = state.update(.character(c)) }
        _ = state.update(.enter)
        #expect(!state.applicationRows.isEmpty)
        _ = state.update(.escape)
        _ = state.update(.weeks)
        _ = state.update(.done)
        #expect(state.message?.contains("Esc goes back") == true)
        _ = state.update(.putAside)
        _ = state.update(.add)
        #expect(state.message?.contains("Esc goes back") == true)
    }

    @Test("every row of the new views is exactly as wide as the screen")
    func rowsFit() throws {
        for (columns, rows) in [(80, 24), (120, 40), (40, 12), (33, 9)] {
            for view in [Action.applications, .putAside, .weeks] {
                var state = try fullerState(rows: rows, columns: columns)
                _ = state.update(view)
                for line in state.render().text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                    #expect(TextWidth.of(line) == columns, "\(view) \(columns)×\(rows): \(line)")
                }
            }
        }
    }

    @Test("the strikes pane keeps the selected employer in view as it moves")
    func strikesScroll() {
        var state = demoState(rows: 24, columns: 80)
        _ = state.update(.pane(.strikes))
        let last = state.employers.count - 1
        #expect(!state.render().text.contains(state.employers[last].employer))
        for _ in 0..<last { _ = state.update(.down) }
        let text = state.render().text
        #expect(text.contains("▶ " + state.employers[last].employer))
    }
}

@Suite("Search folding")
struct SearchFoldTests {
    @Test("letters without a base letter are spelled as typed: Ærø by aero, Łódź by lodz, Straße by strasse")
    func folding() {
        #expect(Search.fold("Ærø Øst").contains("aero"))
        #expect(Search.fold("Łódź").contains("lodz"))
        #expect(Search.fold("Straße").contains("strasse"))
        #expect(Search.fold("Zoë Müller") == "zoe muller")
    }
}

@Suite("The lists after a change to one employer")
struct ListsAfterAChangeTests {
    @Test("after d, s or x on any task, the lists, columns, counts and screen are those a fresh start makes, with a filter or without")
    func sameAsFresh() throws {
        for filter in ["", "a", "thank"] {
            var base = try fullerState(rows: 40, columns: 120)
            base.filter = filter
            var compared = 0
            for task in base.agenda.tasks {
                let changes: [Change] = [.dismiss(taskID: task.id), .snooze(taskID: task.id, until: base.today.adding(days: 2)),
                                         .done(taskID: task.id, channel: task.kind == .checkIn ? .call : nil), .bringBack(taskID: task.id)]
                for change in changes {
                    var state = base
                    var data = state.data
                    guard (try? Actions.apply(change, to: &data, at: demoNow, zone: newYork, taken: &state.takenIDs)) != nil else { continue }
                    _ = state.update(.changed(data, employerOf: task.app, now: demoNow))
                    var fresh = DashboardState(data: data, agenda: Rules.schedule(data, zone: newYork, now: demoNow), zone: newYork,
                                               now: demoNow, fileLabel: base.fileLabel, rows: 40, columns: 120)
                    fresh.filter = filter
                    #expect(state.agenda == fresh.agenda, "\(change)")
                    #expect(state.shown == fresh.shown, "\(change)")
                    #expect(state.thanks == fresh.thanks, "\(change)")
                    #expect(state.todos == fresh.todos, "\(change)")
                    #expect(state.employers == fresh.employers, "\(change)")
                    #expect(state.listWidths == fresh.listWidths, "\(change)")
                    #expect(state.headerCounts == fresh.headerCounts, "\(change)")
                    #expect(data.allIDs.allSatisfy(state.takenIDs.contains))
                    #expect(state.render().text == fresh.render().text, "\(change)")
                    compared += 1
                }
            }
            #expect(compared > 20, "filter \(filter)")
        }
    }
}
