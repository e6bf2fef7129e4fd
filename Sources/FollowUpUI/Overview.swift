import Foundation
import FollowUpActions
import FollowUpCore

/// Text as the filter compares it: case, accents and full-width forms set aside, so that "zoe"
/// finds "Zoë" and "societe" finds "Société".
enum Search {
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Letters that are not a base letter with a mark, spelled as people type them.
        guard folded.unicodeScalars.contains(where: { !$0.isASCII }) else { return folded }
        var out = ""
        for ch in folded {
            switch ch {
            case "æ": out += "ae"
            case "œ": out += "oe"
            case "ø": out += "o"
            case "ß": out += "ss"
            case "ł": out += "l"
            case "đ", "ð": out += "d"
            case "þ": out += "th"
            case "ı": out += "i"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Everything the filter looks at in an application, folded once: employer, role, where,
    /// its people (name, title, email, phone) and the texts of its events.
    static func haystack(_ app: Application) -> String {
        var parts = [app.employer, app.role, app.location ?? ""]
        for c in app.contacts { parts += [c.name, c.title ?? "", c.email ?? "", c.phone ?? ""] }
        for e in app.events { if let text = e.text { parts.append(text) } }
        return fold(parts.joined(separator: "\n"))
    }
}

/// How the applications view is sorted (`o` cycles); open applications always come first.
public enum ApplicationSort: String, CaseIterable, Sendable {
    case next = "next task"
    case employer, role, stage, status
    case applied = "date applied"
    case lastContact = "last contact"
    case strikes

    public var following: ApplicationSort {
        let all = ApplicationSort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The column it sorts by (the table's order).
    var column: Int {
        switch self {
        case .employer: return 0
        case .role: return 1
        case .stage: return 2
        case .status: return 3
        case .applied: return 4
        case .lastContact: return 5
        case .strikes: return 6
        case .next: return 7
        }
    }
}

/// One row of the applications view, its cells made once when the data or the sort changes.
public struct ApplicationRow: Equatable, Sendable {
    public var id: String
    public var employer: String
    public var role: String
    /// applied, interviewing, round N, offer, closed.
    public var stage: String
    var stageRank: Int
    public var status: ApplicationStatus
    public var applied: Day?
    public var lastContact: Day?
    public var strikes: Int
    public var maxStrikes: Int?
    public var next: FollowUpTask?
    /// The cells as shown: employer, role, stage, status, applied, last contact, strikes, next.
    public var cells: [String] = []
    /// Employer and role as the sort compares them, folded once.
    var employerKey = "", roleKey = ""
}

/// A snoozed or dismissed task, as the put-aside list shows it.
public struct PutAsideTask: Equatable, Sendable {
    public var taskID: String
    public var app: String
    public var employer: String
    /// What it is, in a few words ("call Dana Lee", "thank Raj Patel").
    public var what: String
    public var snoozedUntil: Day?
    /// The day it was dismissed (nil: snoozed).
    public var dismissedOn: Day?
}

/// One day of the weeks ahead: its interviews and tasks.
public struct DayAhead: Equatable, Sendable {
    public var day: Day
    public var interviews: [DayItem]
    public var tasks: [DayItem]
    public var overdue: Int
    public var holiday: Bool
}

/// An interview or a task on a day.
public struct DayItem: Equatable, Sendable {
    public var app: String
    public var text: String
    public var style: CellStyle
}

/// The columns of the applications view, in order.
let applicationColumns = ["Employer", "Role", "Stage", "Status", "Applied", "Contacted", "Strikes", "Next"]

extension DashboardState {
    /// The four weeks the weeks-ahead view shows.
    static let daysAhead = 28

    /// The views built from the whole data (applications, put aside, weeks), made when one is on
    /// screen and the data, filter or sort changes, not on every key.
    mutating func recomputeViews() {
        switch mode {
        case let .applications(cursor):
            // The selection stays on its application when rows are sorted, filtered, added or
            // changed around it.
            let selected = cursor < applicationRows.count && cursor >= 0 ? applicationRows[cursor].id : nil
            applicationRows = makeApplicationRows()
            if let selected, let index = applicationRows.firstIndex(where: { $0.id == selected }) {
                mode = .applications(cursor: index)
            } else if cursor >= applicationRows.count {
                mode = .applications(cursor: max(0, applicationRows.count - 1))
            }
        case .putAside: putAside = makePutAside()
        case .weeks, .day: weeksAhead = makeWeeksAhead()
        default:
            break
        }
    }

    /// Whether an application matches the filter (already folded); true with no filter.
    mutating func matches(app id: String, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return true }
        if let text = searchIndex[id] { return text.contains(needle) }
        guard let app = data.application(id: id) else { return false }
        let text = Search.haystack(app)
        searchIndex[id] = text
        return text.contains(needle)
    }

    func stage(_ app: Application, status: ApplicationStatus) -> (String, Int) {
        switch status {
        case .offer: return ("offer", 1000)
        case .rejected, .withdrawn, .closed: return ("closed", 1001)
        default: break
        }
        let interviews = app.interviews.filter { !$0.cancelled }
        if let round = interviews.compactMap(\.round).max() { return ("round \(round)", 10 + round) }
        if !interviews.isEmpty { return ("interviewing", 2) }
        if app.events.contains(where: { $0.kind == .invited }) { return ("invited", 1) }
        return ("applied", 0)
    }

    mutating func makeApplicationRows() -> [ApplicationRow] {
        let needle = Search.fold(filter)
        var strikes: [String: EmployerStrikes] = [:]
        for e in agenda.employers { for app in e.apps { strikes[app] = e } }
        var next: [String: FollowUpTask] = [:]
        for t in agenda.visible where t.status != .missed {
            if let seen = next[t.app], (seen.due, seen.status) <= (t.due, t.status) { continue }
            next[t.app] = t
        }
        var rows: [ApplicationRow] = []
        for app in data.applications where matches(app: app.id, needle)
            || next[app.id].map({ Search.fold($0.kind.rawValue + " " + what($0)).contains(needle) }) == true {
            let status = agenda.statuses[app.id] ?? .active
            let (stage, rank) = self.stage(app, status: status)
            var last: Instant?
            // An exchange with them, not a note to self or a decision of one's own.
            for e in app.events where e.at <= now && ![.note, .closed, .withdrawn, .reopened, .expensesSubmitted, .referencesBriefed, .coverLetter].contains(e.kind) {
                last = max(last ?? e.at, e.at)
            }
            for i in app.interviews where !i.cancelled && i.at <= now { last = max(last ?? i.at, i.at) }
            let e = strikes[app.id]
            var row = ApplicationRow(
                id: app.id, employer: app.employer, role: app.role, stage: stage, stageRank: rank, status: status,
                applied: app.applied, lastContact: last.map { zone.day(of: $0) }, strikes: e?.strikes ?? 0, maxStrikes: e?.max,
                next: next[app.id])
            let dots: String
            if let e {
                dots = e.max.map { String(repeating: "●", count: min(e.strikes, $0)) + String(repeating: "○", count: max(0, $0 - e.strikes)) }
                    ?? String(repeating: "●", count: e.strikes)
            } else {
                dots = "—"
            }
            let nextText = row.next.map { t in (t.status == .overdue ? "overdue" : dayLabel(t.due)) + " " + what(t) } ?? "—"
            row.employerKey = Search.fold(app.employer)
            row.roleKey = Search.fold(app.role)
            row.cells = [app.employer, app.role, stage, status.rawValue, app.applied.map(dateLabel) ?? "—",
                         row.lastContact.map(dateLabel) ?? "—", dots, nextText]
            rows.append(row)
        }
        rows.sort(by: applicationOrder)
        applicationWidths = applicationColumns.indices.map { c in
            rows.reduce(TextWidth.of(applicationColumns[c])) { max($0, TextWidth.of($1.cells[c])) }
        }
        return rows
    }

    /// Open applications first; then by the chosen column; then by employer.
    func applicationOrder(_ a: ApplicationRow, _ b: ApplicationRow) -> Bool {
        if a.status.isClosed != b.status.isClosed { return !a.status.isClosed }
        func byName() -> Bool {
            a.employerKey != b.employerKey ? a.employerKey < b.employerKey : a.id < b.id
        }
        /// Present values before absent ones.
        func optional<T: Comparable>(_ x: T?, _ y: T?, _ before: (T, T) -> Bool) -> Bool? {
            switch (x, y) {
            case let (x?, y?): return x == y ? nil : before(x, y)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return nil
            }
        }
        let decided: Bool?
        switch applicationSort {
        case .employer: decided = nil
        case .role: decided = a.roleKey == b.roleKey ? nil : a.roleKey < b.roleKey
        case .stage: decided = a.stageRank == b.stageRank ? nil : a.stageRank > b.stageRank
        case .status: decided = a.status == b.status ? nil : a.status.rawValue < b.status.rawValue
        case .applied: decided = optional(a.applied, b.applied, >)
        case .lastContact: decided = optional(a.lastContact, b.lastContact, <)
        case .strikes: decided = a.strikes == b.strikes ? nil : a.strikes > b.strikes
        case .next: decided = optional(a.next.map { Pair(($0.due.ordinal, $0.status == .overdue ? 0 : 1)) },
                                       b.next.map { Pair(($0.due.ordinal, $0.status == .overdue ? 0 : 1)) }, <)
        }
        return decided ?? byName()
    }

    /// "24 Nov", or "24 Nov 2025" in another year.
    func dateLabel(_ day: Day) -> String {
        "\(day.day) " + ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month - 1] + (day.year == today.year ? "" : " \(day.year)")
    }

    mutating func makePutAside() -> [PutAsideTask] {
        let needle = Search.fold(filter)
        var rows: [PutAsideTask] = []
        // Only what is still on the agenda, hidden: a task of a closed application, or one whose
        // time has passed, would not come back.
        var hidden: [String: FollowUpTask] = [:]
        for t in agenda.tasks where t.isHidden { hidden[t.id] = t }
        func add(_ taskID: String, snoozed: Day?, dismissed: Day?) {
            guard let task = hidden[taskID], matches(app: task.app, needle) else { return }
            rows.append(PutAsideTask(taskID: taskID, app: task.app, employer: task.employer, what: what(task), snoozedUntil: snoozed, dismissedOn: dismissed))
        }
        // A snooze that has run out no longer hides anything.
        for s in data.snoozes.sorted(by: { ($0.until, $0.taskID) < ($1.until, $1.taskID) }) where s.until > today {
            add(s.taskID, snoozed: s.until, dismissed: nil)
        }
        for d in data.dismissals.sorted(by: { ($0.updatedAt, $0.taskID) > ($1.updatedAt, $1.taskID) }) {
            add(d.taskID, snoozed: nil, dismissed: zone.day(of: d.updatedAt))
        }
        return rows
    }

    mutating func makeWeeksAhead() -> [DayAhead] {
        let needle = Search.fold(filter)
        let calendar = BusinessCalendar(holidays: data.settings.holidays)
        let last = today.adding(days: DashboardState.daysAhead - 1)
        var days = (0..<DashboardState.daysAhead).map { i -> DayAhead in
            let day = today.adding(days: i)
            return DayAhead(day: day, interviews: [], tasks: [], overdue: 0, holiday: !day.isWeekend && !calendar.isBusinessDay(day))
        }
        var interviews: [(Instant, DayItem)] = []
        for app in data.applications where agenda.statuses[app.id]?.isClosed != true && matches(app: app.id, needle) {
            for i in app.interviews where !i.cancelled {
                let day = zone.day(of: i.at)
                guard day >= today, day <= last else { continue }
                let names = i.with.compactMap { app.contact(id: $0)?.name }
                var text = zone.clock(i.at) + " " + (i.kind?.rawValue ?? "interview") + " · " + app.employer
                if let round = i.round { text += " · round \(round)" }
                if !names.isEmpty { text += " with " + names.joined(separator: ", ") }
                interviews.append((i.at, DayItem(app: app.id, text: text, style: .bold)))
            }
        }
        for (at, item) in interviews.sorted(by: { $0.0 < $1.0 }) {
            days[zone.day(of: at).ordinal - today.ordinal].interviews.append(item)
        }
        for t in agenda.tasks where t.status != .missed && matches(app: t.app, needle) {
            // A snoozed task is on the day it comes back; a dismissed one nowhere.
            if t.dismissed { continue }
            let day = t.snoozedUntil.map { max($0, t.due) } ?? t.due
            guard day <= last else { continue }
            // Overdue as the header counts it; one due since an earlier day and still open (a
            // check-in in its window) is today's.
            let overdue = t.status == .overdue && t.snoozedUntil == nil
            let index = max(0, day.ordinal - today.ordinal)
            if overdue { days[0].overdue += 1 }
            let text = (overdue ? "overdue · " : (t.snoozedUntil != nil ? "back from a snooze · " : "")) + t.employer + " · " + what(t)
            days[index].tasks.append(DayItem(app: t.app, text: text, style: style(t.status)))
        }
        return days
    }
}

/// Two integers compared in order: a sort key.
struct Pair: Comparable {
    let a: Int, b: Int
    init(_ p: (Int, Int)) { a = p.0; b = p.1 }
    static func < (x: Pair, y: Pair) -> Bool { (x.a, x.b) < (y.a, y.b) }
}

extension DashboardState {
    /// A key on one of the whole-search views; nil: the lists' handling applies (for the
    /// applications view: to the row's application).
    mutating func overviewKey(_ action: Action) -> [Effect]? {
        let page = max(1, rows - 6)
        if mode.screen >= Mode.applications(cursor: 0).screen {
            message = nil
            messageIsError = false
        }
        switch mode {
        case let .applications(cursor):
            switch action {
            case .up, .down, .top, .bottom, .pageUp, .pageDown:
                mode = .applications(cursor: ListWidget.moved(action, from: cursor, count: applicationRows.count, page: page) ?? cursor)
            case .open:
                if let app = selectedApp { push(.timeline(app: app, cursor: 0)) }
            case .sort:
                applicationSort = applicationSort.following
                say("Sorted by \(applicationSort.rawValue) (open ones first) · o next")
            case .filter, .add, .edit, .delete, .close, .log, .note, .reply, .undo, .applications, .putAside, .weeks:
                return nil
            case .done, .snooze, .dismiss, .draft:
                say("Tasks are done, snoozed or dismissed on the main screen, or in the timeline (⏎).")
            default:
                break
            }
            return []
        case let .putAside(cursor):
            switch action {
            case .up, .down, .top, .bottom, .pageUp, .pageDown:
                mode = .putAside(cursor: ListWidget.moved(action, from: cursor, count: putAside.count, page: page) ?? cursor)
            case .open:
                guard !putAside.isEmpty else { return [] }
                let row = putAside[min(max(0, cursor), putAside.count - 1)]
                return ask(.bringBack(taskID: row.taskID), saying: "Brought back: \(row.what) (\(row.employer))")
            case .filter, .undo, .applications, .putAside, .weeks:
                return nil
            case .help, .quit, .escape, .back, .resize, .character, .enter, .backspace:
                break
            default:
                say("Here ⏎ brings the selected task back; Esc goes back to the lists, where tasks are done and things added.")
            }
            return []
        case let .weeks(cursor):
            switch action {
            case .up, .down, .top, .bottom, .pageUp, .pageDown:
                mode = .weeks(cursor: ListWidget.moved(action, from: cursor, count: weeksAhead.count, page: 7) ?? cursor)
            case .open:
                if cursor < weeksAhead.count { push(.day(weeksAhead[cursor].day, cursor: 0)) }
            case .filter, .undo, .applications, .putAside, .weeks:
                return nil
            case .help, .quit, .escape, .back, .resize, .character, .enter, .backspace:
                break
            default:
                say("Here ⏎ lists a day's items, and ⏎ on one opens its timeline; Esc goes back to the lists, where tasks are done.")
            }
            return []
        case let .day(day, cursor):
            let items = dayItems(day)
            switch action {
            case .up, .down, .top, .bottom, .pageUp, .pageDown:
                mode = .day(day, cursor: ListWidget.moved(action, from: cursor, count: items.count, page: page) ?? cursor)
            case .open:
                if cursor < items.count { push(.timeline(app: items[cursor].app, cursor: 0)) }
            case .applications, .putAside, .weeks:
                return nil
            default:
                break
            }
            return []
        default:
            return nil
        }
    }

    /// A day's interviews, then its tasks (today: the overdue ones too).
    func dayItems(_ day: Day) -> [DayItem] {
        guard let ahead = weeksAhead.first(where: { $0.day == day }) else { return [] }
        return ahead.interviews + ahead.tasks
    }

    /// The put-aside row under the cursor.
    var selectedPutAside: PutAsideTask? {
        guard case let .putAside(cursor) = mode, !putAside.isEmpty else { return nil }
        return putAside[min(max(0, cursor), putAside.count - 1)]
    }
}
