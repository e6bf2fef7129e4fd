import FollowUpActions
import FollowUpCore
import FollowUpDrafts

/// The three lists of the dashboard.
public enum Pane: Int, CaseIterable, Sendable {
    case thanks, todos, strikes

    var title: String {
        switch self {
        case .thanks: return "Thank-you notes"
        case .todos: return "Check-ins & to-dos"
        case .strikes: return "Strikes by employer"
        }
    }
}

/// A question on the bottom line, waiting for one key or a line of text.
public enum Prompt: Equatable, Sendable {
    /// How a check-in went out: c, v, e, l.
    case channel(taskID: String)
    /// After a call: did you speak with them? (y: it counts as their reply, no strike.)
    case answered(taskID: String)
    /// 1, 3 or 7 days, or t to type a date.
    case snooze(taskID: String)
    case snoozeDate(taskID: String, text: String)
    case confirmDismiss(taskID: String)
    case confirmReply(app: String)
    case filter(text: String)
    /// Delete an interview or event (`ref`), described as `what`.
    case confirmDelete(record: Change.Record, what: String)
    /// What to add: a application, c contact, i interview, l an event (the last three for `app`).
    case addMenu(app: String?)
}

/// What is on screen besides the three lists.
public enum Mode: Equatable, Sendable {
    case lists
    /// An application's timeline, `cursor` on one of its lines.
    case timeline(app: String, cursor: Int)
    case help
    /// The daily review: one card at a time, `position` into `reviewIDs` (at the end: the summary).
    case review(position: Int)
    /// Every application, one a row, `cursor` on one of `applicationRows`.
    case applications(cursor: Int)
    /// The snoozed and dismissed tasks, `cursor` on one of `putAside`.
    case putAside(cursor: Int)
    /// The next four weeks, a day a row, `cursor` on one day.
    case weeks(cursor: Int)
    /// One day's interviews and tasks, from the weeks ahead.
    case day(Day, cursor: Int)

    /// Which screen it is, whatever its cursor.
    var screen: Int {
        switch self {
        case .lists: return 0
        case .timeline: return 1
        case .help: return 2
        case .review: return 3
        case .applications: return 4
        case .putAside: return 5
        case .weeks: return 6
        case .day: return 7
        }
    }
}

/// What the user asked for, whatever key they pressed.
public enum Action: Equatable, Sendable {
    case up, down, top, bottom, pageUp, pageDown
    case nextPane, previousPane, pane(Pane)
    case open, back, help, quit
    case done, snooze, dismiss, reply, undo, filter, review, draft, delete, edit
    /// The add menu; close the selected application; log an event or a note for it.
    case add, close, log, note
    /// The views of the whole search: every application, what was put aside, the weeks ahead;
    /// the applications' next sort.
    case applications, putAside, weeks, sort
    /// In a form's line editor: move the cursor, clear the field (Ctrl-U).
    case cursorLeft, cursorRight, clearField
    /// A key typed while a prompt waits: the prompt decides what it means.
    case character(Character)
    case enter, backspace, escape
    case resize(rows: Int, columns: Int)

    // What the shell reports back after an effect, or when the file changed on disk.
    /// The data as it is now (after our change, or another process's).
    case loaded(FollowUpData, now: Instant)
    /// The same, with its agenda and its ids already worked out off the input path (a whole
    /// schedule of a large file takes longer than a key should wait).
    case scheduled(FollowUpData, Agenda, TakenIDs, now: Instant)
    /// The data after a change to one application's employer: only theirs is scheduled again.
    case changed(FollowUpData, employerOf: String, now: Instant)
    /// The file cannot be read: shown until it can.
    case unreadable(String)
    /// A change was saved; `recorded` is its undo history entry.
    case applied(Change, recorded: String?)
    /// An effect failed: the sentence to show. Nothing was changed.
    case failed(String)
    /// Undo took back a change (`summary`), keeping the records named in `left`; nil summary:
    /// the change was no longer in the history.
    case undone(changeID: String, summary: String?, left: [String])
    case draftWritten(path: String)
    /// The guided note came back empty: nothing was logged.
    case nothingNoted
}

/// What the dashboard asks the shell to do. Each one's result comes back as an action.
public enum Effect: Equatable, Sendable {
    /// A change through the actions layer and the write path: `.applied` or `.failed` comes back.
    case apply(Change)
    /// Take back this session's latest change (a history entry id): `.undone` or `.failed`.
    case undo(changeID: String)
    /// Open a first draft for the task in the user's editor: `.draftWritten` or `.failed`.
    case writeDraft(taskID: String)
    /// The guided note of a take-stock task, written in the user's editor, then applied as the
    /// task's done (`.applied`), or `.nothingNoted`.
    case takeStock(taskID: String)
    case quit
}

/// Everything the dashboard shows, as a value: `update` changes it, `render` draws it.
public struct DashboardState: Sendable {
    /// The data shown. A new copy comes in through `update` (`reload`), which also forgets what
    /// the search knew of the old one.
    public var data: FollowUpData
    /// Every id the data uses or has retired, for the changes made in memory (made again with
    /// the data; changed with it by `Actions.apply`).
    public var takenIDs: TakenIDs
    /// The agenda; setting it makes the lists again.
    public var agenda: Agenda {
        get { schedule }
        set {
            schedule = newValue
            recomputeLists()
        }
    }
    /// Where the agenda lies, changed in place after a change to one employer.
    private var schedule: Agenda
    public var zone: Zone { didSet { whatWidths = [:] } }
    public var now: Instant
    public var fileLabel: String
    /// The drafts' templates: the built-in ones, with the user's over them (the shell reads those).
    public var drafts = DraftTemplates()
    public var rows: Int
    public var columns: Int
    public var focus: Pane = .thanks
    public var selection: [Pane: Int] = [:]
    public var mode: Mode = .lists {
        didSet { if mode.screen != oldValue.screen { recomputeViews() } }
    }
    /// The screens under the one shown, where Esc goes back to (a timeline opened from the
    /// applications goes back to them).
    public var back: [Mode] = []
    public var applicationSort: ApplicationSort = .next { didSet { recomputeViews() } }
    public internal(set) var applicationRows: [ApplicationRow] = []
    /// The widest cell of each column of `applicationRows`, titles included.
    var applicationWidths: [Int] = []
    public internal(set) var putAside: [PutAsideTask] = []
    public internal(set) var weeksAhead: [DayAhead] = []
    /// Each application's text the filter looks at, folded once, kept until the data changes.
    var searchIndex: [String: String] = [:]
    public var prompt: Prompt?
    public var filter = "" { didSet { recomputeLists() } }
    /// The line under the lists: what just happened, or what went wrong.
    public var message: String?
    public var messageIsError = false
    /// Why the file could not be read again: shown until it can be.
    public var fileError: String?
    /// Something about the file to say in the header (a sync tool's conflict copy beside it).
    public var notice: String?
    /// The history entries this session wrote, newest last: what `u` takes back.
    public var sessionChanges: [String] = []
    /// Whether colour may be used (false under NO_COLOR): only the terminal layer reads it.
    public var colour = true
    /// The daily review's cards (task ids, in agenda order, fixed when it starts) and what was done.
    public var reviewIDs: [String] = []
    public var reviewed = (done: 0, snoozed: 0, dismissed: 0)
    /// A form to add or change something, over whatever screen it was opened from.
    public var form: Form?
    /// The first line shown of text that only scrolls: the help, a review card.
    public var scroll = 0
    /// What to say once the change asked for is saved (composed when it was asked for, while
    /// the task it is about is still on the agenda).
    public var pending: String?

    public init(data: FollowUpData, agenda: Agenda, zone: Zone, now: Instant, fileLabel: String, rows: Int, columns: Int, colour: Bool = true) {
        self.colour = colour
        self.data = data
        self.takenIDs = TakenIDs(data)
        self.schedule = agenda
        self.zone = zone
        self.now = now
        self.fileLabel = fileLabel
        self.rows = rows
        self.columns = columns
        recomputeLists()
    }

    public var today: Day { zone.day(of: now) }

    /// Tasks worth a look this week (overdue, due, and upcoming within seven days, not hidden),
    /// filtered; kept ready so a keypress redraws without recomputing them.
    public private(set) var shown: [FollowUpTask] = []
    public private(set) var thanks: [FollowUpTask] = []
    public private(set) var todos: [FollowUpTask] = []
    public private(set) var employers: [EmployerStrikes] = []
    var listWidths = ListWidths()
    /// How wide what a task asks is, by what it depends on (see `WhatKey`).
    var whatWidths: [WhatKey: (who: String, width: Int)] = [:]
    /// What the header counts: the overdue and due tasks shown, the applications still open.
    var headerCounts = (overdue: 0, dueToday: 0, active: 0)

    mutating func recomputeLists() {
        let horizon = today.adding(days: 7)
        // Employers, roles, people, notes and events' texts, accents and case aside; a task's
        // kind too.
        let needle = Search.fold(filter)
        // One pass over the agenda, each task looked at in place (a task is a large value: a
        // copy retains every string in it) and copied only into the lists it is shown in.
        var shown: [FollowUpTask] = []
        var thanks: [FollowUpTask] = []
        var todos: [FollowUpTask] = []
        let all = schedule.tasks
        all.withUnsafeBufferPointer { tasks in
            for i in tasks.indices where isListed(tasks[i], horizon: horizon, needle: needle) {
                shown.append(tasks[i])
                if tasks[i].kind.isThanks { thanks.append(tasks[i]) } else { todos.append(tasks[i]) }
            }
        }
        self.shown = shown
        self.thanks = thanks
        self.todos = todos
        listsChanged(needle: needle)
    }

    /// The lists after the tasks of `fresh`'s applications (one employer's, scheduled again)
    /// changed: theirs taken out and the new ones put in their places, the other tasks not copied
    /// (the counts and widths are still taken over every list) — the same lists as
    /// `recomputeLists` makes.
    mutating func updateLists(_ fresh: Agenda) {
        let horizon = today.adding(days: 7)
        let needle = Search.fold(filter)
        let apps = Array(fresh.statuses.keys)
        Rules.remove(tasksOf: apps, from: &shown)
        Rules.remove(tasksOf: apps, from: &thanks)
        Rules.remove(tasksOf: apps, from: &todos)
        for task in fresh.tasks where isListed(task, horizon: horizon, needle: needle) {
            Rules.place(task, in: &shown)
            if task.kind.isThanks { Rules.place(task, in: &thanks) } else { Rules.place(task, in: &todos) }
        }
        if !needle.isEmpty {
            // The employers shown, filtered: only this one's looked at again.
            Rules.remove(employersOf: apps, from: &employers)
            for e in fresh.employers where isListed(e, needle: needle) { Rules.place(e, in: &employers) }
        }
        listsChanged(needle: needle, employersFiltered: !needle.isEmpty)
    }

    /// Whether a task is in the lists: not hidden, due within a week, and matching the filter.
    mutating func isListed(_ task: borrowing FollowUpTask, horizon: Day, needle: String) -> Bool {
        guard !task.isHidden, task.status != .upcoming || task.due <= horizon else { return false }
        return needle.isEmpty || task.kind.rawValue.contains(needle) || matches(app: task.app, needle)
    }

    /// Whether an employer's strikes are listed: its name or one of its applications matches.
    mutating func isListed(_ e: EmployerStrikes, needle: String) -> Bool {
        needle.isEmpty || Search.fold(e.employer).contains(needle) || e.apps.contains(where: { matches(app: $0, needle) })
    }

    /// What follows from the task lists: the employers shown (unless already filtered), the
    /// header's counts, the columns.
    mutating func listsChanged(needle: String, employersFiltered: Bool = false) {
        var counts = (overdue: 0, dueToday: 0, active: 0)
        shown.withUnsafeBufferPointer { tasks in
            // Missed ones are not counted.
            for i in tasks.indices {
                if tasks[i].status == .overdue { counts.overdue += 1 } else if tasks[i].status == .due { counts.dueToday += 1 }
            }
        }
        counts.active = schedule.statuses.values.count { !$0.isClosed }
        headerCounts = counts
        if needle.isEmpty {
            employers = schedule.employers
        } else if !employersFiltered {
            var employers: [EmployerStrikes] = []
            for e in schedule.employers where isListed(e, needle: needle) { employers.append(e) }
            self.employers = employers
        }
        var known = whatWidths
        whatWidths = [:]
        listWidths = ListWidths(thanks: thanks, todos: todos, employers: employers, state: self, known: &known)
        whatWidths = known
        recomputeViews()
    }

    /// Where Esc goes: the screen under this one.
    mutating func leave() {
        mode = back.popLast() ?? .lists
    }

    /// Opens a screen over this one (Esc comes back).
    mutating func push(_ screen: Mode) {
        back.append(mode)
        mode = screen
    }

    /// Opens one of the whole-search views from wherever one is.
    mutating func show(_ view: Mode) {
        back = []
        mode = mode.screen == view.screen ? .lists : view
    }

    func count(_ pane: Pane) -> Int {
        switch pane {
        case .thanks: return thanks.count
        case .todos: return todos.count
        case .strikes: return employers.count
        }
    }

    /// The selected row of a pane, kept inside the list.
    public func selected(_ pane: Pane) -> Int {
        let n = count(pane)
        return n == 0 ? 0 : min(max(0, selection[pane] ?? 0), n - 1)
    }

    /// The task under the cursor, if the focused pane lists tasks (in the review: the card's).
    public var selectedTask: FollowUpTask? {
        if case let .review(position) = mode {
            return position < reviewIDs.count ? agenda.task(id: reviewIDs[position]) : nil
        }
        switch focus {
        case .thanks: return thanks.isEmpty ? nil : thanks[selected(.thanks)]
        case .todos: return todos.isEmpty ? nil : todos[selected(.todos)]
        case .strikes: return nil
        }
    }

    /// The application under the cursor, in any pane (in the applications view: the row's).
    public var selectedApp: String? {
        if case let .applications(cursor) = mode {
            return applicationRows.isEmpty ? nil : applicationRows[min(max(0, cursor), applicationRows.count - 1)].id
        }
        if focus == .strikes {
            return employers.isEmpty ? nil : employers[selected(.strikes)].apps.first
        }
        return selectedTask?.app
    }

    /// Lets go of the data, for a change to be made to the caller's copy where it lies (held
    /// once, a change to one application copies no other); `update` takes the result back. What
    /// the search knows of each application is kept for it.
    public mutating func takeData() {
        data = FollowUpData()
    }

    /// Out of a timeline whose application is gone.
    mutating func leaveTimelineIfGone() {
        if case let .timeline(app, _) = mode, data.application(id: app) == nil { leave() }
    }

    /// Fresh data after a change: selection and mode are kept where they still make sense.
    public mutating func reload(data: FollowUpData, agenda: Agenda, taken: TakenIDs? = nil, now: Instant) {
        self.data = data
        searchIndex = [:]
        takenIDs = taken ?? TakenIDs(data)
        self.now = now
        self.agenda = agenda
        leaveTimelineIfGone()
    }
}

extension DashboardState {
    /// The one place the dashboard's state changes. Returns what the shell must do.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case let .loaded(data, now):
            reload(data: data, agenda: Rules.schedule(data, zone: zone, now: now), now: now)
            fileError = nil
        case let .scheduled(data, agenda, taken, now):
            reload(data: data, agenda: agenda, taken: taken, now: now)
            fileError = nil
        case let .changed(data, app, now):
            // The change kept the ids in step (`Actions.apply`): they are not gathered again.
            guard now == self.now else {
                reload(data: data, agenda: Rules.schedule(data, zone: zone, now: now), taken: takenIDs, now: now)
                break
            }
            // The agenda and the lists changed where they lie: only the employer's tasks are
            // made again, and the search forgets only its applications.
            self.data = data
            if let fresh = Rules.reschedule(&schedule, data, employerOf: app, zone: zone, now: now) {
                for id in fresh.statuses.keys { searchIndex[id] = nil }
                updateLists(fresh)
            } else {
                searchIndex = [:]
                recomputeLists()
            }
            leaveTimelineIfGone()
        case let .unreadable(sentence):
            fileError = sentence
        case let .applied(change, recorded):
            if form?.saving == true { form = nil }
            var said = pending ?? "Saved."
            pending = nil
            if let recorded {
                sessionChanges.append(recorded)
                said += " · u undo"
            }
            say(said)
            countReviewed(change)
        case let .failed(sentence):
            pending = nil
            // A form whose save failed stays open with everything typed.
            if form?.saving == true {
                form?.saving = false
                form?.error = sentence
            }
            say(sentence, error: true)
        case let .undone(changeID, summary, left):
            sessionChanges.removeAll { $0 == changeID }
            guard let summary else {
                say("That change is no longer in the undo history.")
                break
            }
            if left.isEmpty {
                say("Undone: \(summary)")
            } else {
                say("Undone: \(summary); kept as they are now, changed since: " + left.joined(separator: ", "))
            }
        case let .draftWritten(path):
            say("Draft kept at \(path) · d when sent")
        case .nothingNoted:
            pending = nil
            say("Nothing written: the note is still to take.")
        default:
            return apply(action)
        }
        return []
    }

    /// In the review, a card counts once its change is saved, and gives way to the next.
    mutating func countReviewed(_ change: Change) {
        guard case let .review(position) = mode, position < reviewIDs.count else { return }
        let card = reviewIDs[position]
        switch change {
        case let .done(taskID, _, _, _, _) where taskID == card: reviewed.done += 1
        case let .snooze(taskID, _) where taskID == card: reviewed.snoozed += 1
        case let .dismiss(taskID) where taskID == card: reviewed.dismissed += 1
        default: return
        }
        mode = .review(position: position + 1)
        scroll = 0
    }

    /// A task in a few words, for the line under the lists.
    /// Asks for a change, saying what it will have done once it is saved.
    mutating func ask(_ change: Change, saying said: String) -> [Effect] {
        pending = said
        return [.apply(change)]
    }

    mutating func apply(_ action: Action) -> [Effect] {
        // Nothing is drawn on a terminal too small but the need: keys then act on nothing unseen.
        if rows < DashboardState.minimumSize.rows || columns < DashboardState.minimumSize.columns {
            switch action {
            case .resize: break
            case .quit: return [.quit]
            default: return []
            }
        }
        if form != nil { return formKey(action) }
        if let prompt { return answer(prompt, action) }
        switch action {
        case let .resize(rows, columns):
            self.rows = rows
            self.columns = columns
            return []
        case .quit:
            return [.quit]
        case .escape, .back:
            if mode != .lists { leave() } else if !filter.isEmpty { filter = "" }
            message = nil
            return []
        case .help:
            if mode == .help { leave() } else { push(.help) }
            scroll = 0
            return []
        default:
            break
        }
        if mode == .help {
            // The help scrolls; any other key closes it and does nothing else.
            if let line = ListWidget.moved(action, from: scroll, count: scrollLimit(helpLines(width: columns - 4).count) + 1, page: rows - 4) {
                scroll = line
            } else {
                leave()
            }
            return []
        }
        if case let .review(position) = mode {
            message = nil
            messageIsError = false
            switch action {
            case .open, .down:
                if position >= reviewIDs.count { mode = .lists } else { mode = .review(position: position + 1) }
                scroll = 0
                return []
            case .up:
                mode = .review(position: max(0, position - 1))
                scroll = 0
                return []
            case .pageUp, .pageDown, .top, .bottom:
                // A card longer than the screen scrolls.
                let lines = selectedTask.map { cardLines($0, width: columns - 4).count } ?? 0
                scroll = ListWidget.moved(action, from: scroll, count: scrollLimit(lines) + 1, page: rows - 5) ?? scroll
                return []
            case .done, .snooze, .dismiss, .draft:
                guard selectedTask != nil else { return [] }
            case .undo:
                break
            default:
                return []
            }
        }
        if case let .timeline(app, cursor) = mode {
            let last = timelineLastLine(app)
            let page = max(1, rows - 4)
            // The application's people are the lines above its history: cursor -1, -2, ….
            let people = data.application(id: app)?.contacts ?? []
            switch action {
            case .up, .down, .top, .bottom, .pageUp, .pageDown:
                let moved = ListWidget.moved(action, from: cursor + people.count, count: last + 1 + people.count, page: page)
                mode = .timeline(app: app, cursor: (moved ?? cursor + people.count) - people.count)
            case .open: leave()
            case .delete where cursor < 0 && cursor + people.count >= 0, .edit where cursor < 0 && cursor + people.count >= 0:
                let person = people[cursor + people.count]
                if action == .edit {
                    form = editForm(app: app, ref: person.id)
                } else {
                    prompt = .confirmDelete(record: .contact(person.id, app: app), what: "\(person.name), a contact at \(employer(app))")
                }
            case .delete, .edit:
                guard let entry = timelineEntry(app, cursor), entry.past, entry.kind == "interview" || EventKind(rawValue: entry.kind) != nil else {
                    say("Select a person, or an interview or an event that happened: tasks to do are not deleted but done, snoozed or dismissed.")
                    return []
                }
                let noun = entry.kind == "interview" ? "interview" : "event"
                if action == .edit {
                    form = editForm(app: app, ref: entry.ref)
                } else {
                    prompt = .confirmDelete(record: entry.kind == "interview" ? .interview(entry.ref) : .event(entry.ref),
                                            what: "this \(noun) (\(entry.text))")
                }
            case .add:
                prompt = .addMenu(app: app)
            case .log, .note:
                form = logForm(app: app, note: action == .note)
            case .undo:
                // Undo works from the timeline too: it is handled with the lists' keys below.
                break
            default:
                return []
            }
            if action != .undo { return [] }
        }
        if let effects = overviewKey(action) { return effects }
        message = nil
        messageIsError = false
        if let reason = Keymap.whyDisabled(action, in: self) {
            say(reason)
            return []
        }
        switch action {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            selection[focus] = ListWidget.moved(action, from: selected(focus), count: count(focus), page: rows / 2)
        case .nextPane: focus = Pane.allCases[(focus.rawValue + 1) % Pane.allCases.count]
        case .previousPane: focus = Pane.allCases[(focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count]
        case let .pane(p): focus = p
        case .open:
            if let app = selectedApp { push(.timeline(app: app, cursor: 0)) }
        case .applications: show(.applications(cursor: 0))
        case .putAside: show(.putAside(cursor: 0))
        case .weeks: show(.weeks(cursor: 0))
        case .done:
            guard let task = selectedTask else { break }
            if task.kind == .checkIn {
                prompt = .channel(taskID: task.id)
            } else if task.kind == .takeStock {
                pending = "Noted how it went at \(task.employer)"
                return [.takeStock(taskID: task.id)]
            } else {
                return ask(.done(taskID: task.id, channel: nil), saying: "Done: \(task.summary)")
            }
        case .snooze:
            guard let task = selectedTask else { break }
            prompt = .snooze(taskID: task.id)
        case .dismiss:
            guard let task = selectedTask else { break }
            prompt = .confirmDismiss(taskID: task.id)
        case .reply:
            guard let app = selectedApp else { break }
            let contact = agenda.tasks.first { $0.app == app && $0.kind == .checkIn }?.contact
            form = Form(kind: .reply(app: app, contact: contact), title: "A reply from \(employer(app))",
                        fields: [FormField(.decisionBy, "Decision by", .date)])
        case .add:
            prompt = .addMenu(app: selectedApp)
        case .close:
            guard let app = selectedApp else { break }
            form = Form(kind: .close(app: app), title: "Close \(employer(app))", fields: [FormField(.reason, "Reason")])
        case .log, .note:
            guard let app = selectedApp else { break }
            form = logForm(app: app, note: action == .note)
        case .edit:
            guard let app = selectedApp.flatMap({ data.application(id: $0) }) else { break }
            form = editApplicationForm(app)
        case .delete:
            guard let app = selectedApp.flatMap({ data.application(id: $0) }) else { break }
            prompt = .confirmDelete(record: .application(app.id),
                                    what: "\(app.employer) — \(app.role), with its contacts, interviews and events")
        case .undo:
            guard let last = sessionChanges.last else { break }
            return [.undo(changeID: last)]
        case .filter:
            prompt = .filter(text: filter)
        case .review:
            // What is overdue and due first; upcoming items offered at the end, not mixed in.
            reviewIDs = shown.filter { $0.status != .upcoming }.map(\.id) + shown.filter { $0.status == .upcoming }.map(\.id)
            reviewed = (0, 0, 0)
            mode = .review(position: 0)
            scroll = 0
        case .draft:
            guard let task = selectedTask else { break }
            return [.writeDraft(taskID: task.id)]
        default:
            break
        }
        return []
    }

    /// The last first line of text that scrolls: its end at the bottom of the box.
    func scrollLimit(_ lines: Int) -> Int { max(0, lines - (rows - 4)) }

    /// The timeline's last line (its entries and the line for now).
    func timelineLastLine(_ app: String) -> Int {
        guard let application = data.application(id: app) else { return 0 }
        return Rules.timeline(data, app: application, agenda: agenda, zone: zone, now: now).entries.count
    }

    /// The entry on a line of the timeline (nil for the line for now).
    func timelineEntry(_ app: String, _ line: Int) -> TimelineEntry? {
        guard let application = data.application(id: app) else { return nil }
        let lines = timelineLines(Rules.timeline(data, app: application, agenda: agenda, zone: zone, now: now))
        guard line >= 0, line < lines.count else { return nil }
        return lines[line]
    }

    /// What happened, the line for now (nil), then what is still to do, overdue tasks too.
    func timelineLines(_ timeline: Timeline) -> [TimelineEntry?] {
        timeline.entries.filter(\.past) + [nil] + timeline.entries.filter { !$0.past }
    }

    mutating func snooze(_ taskID: String, until day: Day) -> [Effect] {
        ask(.snooze(taskID: taskID, until: day), saying: "Snoozed until \(day.short): " + (agenda.task(id: taskID)?.summary ?? taskID))
    }

    mutating func say(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
    }

    mutating func answer(_ current: Prompt, _ action: Action) -> [Effect] {
        if case let .resize(rows, columns) = action {
            self.rows = rows
            self.columns = columns
            return []
        }
        if action == .escape || action == .back {
            if case .filter = current {
                filter = ""
                for pane in Pane.allCases { selection[pane] = 0 }
            }
            prompt = nil
            message = nil
            return []
        }
        switch current {
        case let .channel(taskID):
            guard case let .character(c) = action else { return [] }
            let channels: [Character: Channel] = ["c": .call, "v": .voicemail, "e": .email, "l": .letter]
            guard let channel = channels[c] else { return [] }
            if channel == .call {
                prompt = .answered(taskID: taskID)
                return []
            }
            prompt = nil
            return ask(.done(taskID: taskID, channel: channel), saying: "Done: " + (agenda.task(id: taskID)?.summary ?? taskID))
        case let .answered(taskID):
            guard case let .character(c) = action, c == "y" || c == "n" else { return [] }
            prompt = nil
            let said = "Done: " + (agenda.task(id: taskID)?.summary ?? taskID) + (c == "y" ? ", and they answered: no strike" : "")
            return ask(.done(taskID: taskID, channel: .call, answered: c == "y"), saying: said)
        case let .snooze(taskID):
            guard case let .character(c) = action else { return [] }
            if c == "t" {
                prompt = .snoozeDate(taskID: taskID, text: "")
                return []
            }
            guard let days = ["1": 1, "3": 3, "7": 7][c] else { return [] }
            prompt = nil
            return snooze(taskID, until: today.adding(days: days))
        case let .snoozeDate(taskID, text):
            switch action {
            case let .character(c):
                if text.count < 24 { prompt = .snoozeDate(taskID: taskID, text: text + String(c)) }
            case .backspace:
                prompt = .snoozeDate(taskID: taskID, text: String(text.dropLast()))
            case .clearField:
                prompt = .snoozeDate(taskID: taskID, text: "")
            case .enter:
                // The dates people type: fri, next mon, +3d, 2026-12-04.
                guard case let .success(day) = Fields.relativeDay(.until, today: today).parse(text), day > today else {
                    say("Give a day after today: fri, next mon, +3d or YYYY-MM-DD.", error: true)
                    return []
                }
                prompt = nil
                return snooze(taskID, until: day)
            default:
                break
            }
            return []
        case let .confirmDismiss(taskID):
            prompt = nil
            if action == .character("y") || action == .enter {
                return ask(.dismiss(taskID: taskID), saying: "Dismissed: " + (agenda.task(id: taskID)?.summary ?? taskID))
            }
            return []
        case let .confirmDelete(record, what):
            prompt = nil
            guard action == .character("y") else { return [] }
            if case .application = record, case .timeline = mode { leave() }
            return ask(.delete(record), saying: "Deleted \(what) · u brings it back")
        case let .addMenu(app):
            guard case let .character(c) = action, "acil".contains(c) else { return [] }
            prompt = nil
            if c != "a", app == nil {
                say("Select an application first (its task or its row in the strikes pane), then a \(c).")
                return []
            }
            form = newForm(c, app: app)
            return []
        case let .confirmReply(app):
            prompt = nil
            if action == .character("y") || action == .enter {
                let contact = data.application(id: app).flatMap { a in
                    agenda.tasks.first { $0.app == a.id && $0.kind == .checkIn }?.contact
                }
                let employer = data.application(id: app)?.employer ?? app
                return ask(.reply(app: app, contact: contact), saying: "Logged a reply from \(employer): strikes back to 0")
            }
            return []
        case let .filter(text):
            switch action {
            case let .character(c):
                prompt = .filter(text: text + String(c))
                filter = text + String(c)
            case .backspace:
                prompt = .filter(text: String(text.dropLast()))
                filter = String(text.dropLast())
            case .enter:
                prompt = nil
            default:
                break
            }
            for pane in Pane.allCases { selection[pane] = 0 }
            switch mode {
            case .applications: mode = .applications(cursor: 0)
            case .putAside: mode = .putAside(cursor: 0)
            default: break
            }
            return []
        }
    }
}
