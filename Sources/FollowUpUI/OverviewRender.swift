import FollowUpCore

/// What the wording of a task other than an answer to a request depends on: its kind, channel
/// and call window, and the name in it — the string itself (`StringBits`; the entry keeps it):
/// the wordings of a long list are measured once, not each time one employer's tasks change.
struct WhatKey: Hashable {
    let kind: TaskKind
    let channel: Channel?
    let window: ClosedRange<Instant>?
    let who: StringBits

    init(_ task: borrowing FollowUpTask) {
        kind = task.kind
        channel = task.channel
        window = task.callWindow
        who = StringBits(task.contactName ?? task.employer)
    }
}

/// The natural widths of the panes' columns, measured when the lists change, not on every frame.
struct ListWidths: Equatable, Sendable {
    var thanksEmployer = 0, thanksContact = 0, todosEmployer = 0, todosWhat = 0, strikesEmployer = 0

    init() {}

    /// No column is wider than a terminal: names past this are not measured further.
    static let cap = 120

    init(thanks: [FollowUpTask], todos: [FollowUpTask], employers: [EmployerStrikes], state: DashboardState, known: inout [WhatKey: (who: String, width: Int)]) {
        // Tasks looked at in place: a copy of one retains every string in it.
        thanks.withUnsafeBufferPointer { tasks in
            for i in tasks.indices {
                ListWidths.widen(&thanksEmployer, tasks[i].employer)
                ListWidths.widen(&thanksContact, tasks[i].contactName ?? "—")
            }
        }
        var requests: [Int] = []
        todos.withUnsafeBufferPointer { tasks in
            for i in tasks.indices {
                ListWidths.widen(&todosEmployer, tasks[i].employer)
                guard todosWhat < ListWidths.cap else { continue }
                if tasks[i].kind == .respond {
                    requests.append(i)
                    continue
                }
                // With room for the attempt ("#1 of 3") at the right.
                let extra = tasks[i].kind == .checkIn ? 8 : 0
                let key = WhatKey(tasks[i])
                if let width = known[key]?.width {
                    todosWhat = max(todosWhat, width + extra)
                } else {
                    let width = TextWidth.of(state.what(tasks[i], asked: nil))
                    if known.count >= 50_000 { known.removeAll() }
                    known[key] = (tasks[i].contactName ?? tasks[i].employer, width)
                    todosWhat = max(todosWhat, width + extra)
                }
            }
        }
        measureRequests(requests, in: todos, state: state)
        employers.withUnsafeBufferPointer { all in
            for i in all.indices { ListWidths.widen(&strikesEmployer, all[i].employer) }
        }
    }

    /// What an answer to a request says depends on the request, found through an index of the
    /// applications: made only when its longest wording could widen the column.
    private mutating func measureRequests(_ requests: [Int], in todos: [FollowUpTask], state: DashboardState) {
        guard let first = requests.first, todosWhat < ListWidths.cap else { return }
        let wordings = [nil, Event(id: "", kind: .invited, at: Instant(seconds: 0))]
            + RequestTopic.allCases.map { Event(id: "", kind: .request, at: Instant(seconds: 0), about: $0) }
        guard wordings.contains(where: { state.what(todos[first], asked: $0).utf8.count > todosWhat }) else { return }
        let data = state.data
        let places = Dictionary(data.applications.indices.map { (data.applications[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        for i in requests {
            let asked = places[todos[i].app].flatMap { data.applications[$0].events.first { $0.id == todos[i].anchor } }
            let what = state.what(todos[i], asked: asked)
            if what.utf8.count > todosWhat { todosWhat = max(todosWhat, TextWidth.of(what)) }
        }
    }

    /// Widens `width` to the text's, measuring only text that could be wider: a character never
    /// takes more cells than its UTF-8 bytes (a wide one has three or four), so text with no
    /// more bytes than the width so far is skipped — most of a long list.
    static func widen(_ width: inout Int, _ text: String) {
        guard width < cap, text.utf8.count > width else { return }
        width = max(width, TextWidth.remembered(text))
    }
}

enum Columns {
    /// Widths that fit `room` cells (the gaps between columns not counted): each column its
    /// natural width when all fit; else the one furthest above its least is narrowed first, a
    /// cell at a time, down to its least (a name is cut only when there is no room for it).
    static func fit(_ natural: [Int], least: [Int], room: Int) -> [Int] {
        var widths = natural
        while widths.reduce(0, +) > room {
            var widest: Int?
            for i in widths.indices where widths[i] > least[i] {
                if widest.map({ widths[i] - least[i] > widths[$0] - least[$0] }) ?? true { widest = i }
            }
            guard let i = widest else { break }
            widths[i] -= 1
        }
        return widths
    }
}

extension DashboardState {
    // MARK: Applications

    /// The applications view's columns at this width: nil for a column left out when even
    /// narrowed ones do not fit (the role first, then the dates).
    func applicationLayout(width: Int) -> [Int?] {
        var natural = applicationWidths.isEmpty ? applicationColumns.map { TextWidth.of($0) } : applicationWidths
        // Room for the sort mark beside each title, so that sorting never moves a column.
        for i in natural.indices { natural[i] = max(natural[i], TextWidth.of(applicationColumns[i]) + 1) }
        var least = natural
        // The least a name or the next task is worth showing in; narrower, a column is left out.
        least[0] = min(natural[0], 14)
        least[1] = min(natural[1], 12)
        least[7] = min(natural[7], max(18, width / 4))
        var shown = Array(natural.indices)
        for drop in [nil, 1, 4, 5] as [Int?] {
            if let drop { shown.removeAll { $0 == drop } }
            let room = width - (shown.count - 1)
            let fitted = Columns.fit(shown.map { natural[$0] }, least: shown.map { least[$0] }, room: room)
            if zip(shown.map { least[$0] }, fitted).allSatisfy({ $0 <= $1 }) && fitted.reduce(0, +) <= room || drop == 5 {
                var widths = [Int?](repeating: nil, count: natural.count)
                for (k, i) in shown.enumerated() { widths[i] = fitted[k] }
                // The last column takes what is left.
                if let last = shown.last { widths[last] = max(1, room - fitted.dropLast().reduce(0, +)) }
                return widths
            }
        }
        return natural.map { $0 }
    }

    /// Cells laid out in the columns shown.
    func tableLine(_ cells: [String], _ widths: [Int?]) -> String {
        columnsText(cells.indices.compactMap { i in widths[i].map { (cells[i], $0) } }, width: widths.compactMap { $0 }.reduce(0, +) + widths.compactMap { $0 }.count - 1)
    }

    func applicationsScreen(_ screen: inout Screen, cursor: Int) {
        let title = "Applications \(applicationRows.count) · sorted by \(applicationSort.rawValue), open ones first"
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: title, focused: true)
        let inner = columns - 4
        guard rows - 4 > 1, inner > 4 else { return }
        if applicationRows.isEmpty {
            let empty = data.applications.isEmpty ? "No applications yet: a, then a, adds one." : "No application matches “\(filter)”. Esc clears the filter."
            screen.put("  " + empty, row: 2, column: 1, style: .dim, limit: columns - 1)
            return
        }
        let widths = applicationLayout(width: inner)
        let titles = applicationColumns.enumerated().map { i, t in t + (i == applicationSort.column ? "▾" : "") }
        screen.put("  " + tableLine(titles, widths), row: 2, column: 1, style: .bold, limit: columns - 1)
        let selected = min(max(0, cursor), applicationRows.count - 1)
        ListWidget(count: applicationRows.count, selected: selected) { index in
            let row = applicationRows[index]
            return [StyledLine(tableLine(row.cells, widths), rowStyle(row))]
        }
            .draw(&screen, top: 3, left: 1, height: rows - 5, width: columns - 2, marker: true)
    }

    func rowStyle(_ row: ApplicationRow) -> CellStyle {
        if row.status == .struckOut { return .struckOut }
        if row.status.isClosed { return .dim }
        if let t = row.next, t.status == .overdue || t.status == .due { return style(t.status) }
        return .normal
    }

    // MARK: Put aside

    func putAsideScreen(_ screen: inout Screen, cursor: Int) {
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: "Put aside \(putAside.count) · snoozed and dismissed tasks", focused: true)
        guard !putAside.isEmpty else {
            let empty = filter.isEmpty ? "Nothing put aside: what you snooze (s) or dismiss (x) is listed here, and ⏎ brings it back."
                : "Nothing put aside matches “\(filter)”."
            for (i, part) in TextWidth.wrap(empty, to: max(10, columns - 6)).enumerated() where 2 + i < rows - 2 {
                screen.put(part, row: 2 + i, column: 3, style: .dim, limit: columns - 1)
            }
            return
        }
        let inner = columns - 4
        let labels = putAside.map(putAsideLabel)
        let labelWidth = labels.map { TextWidth.of($0) }.max() ?? 0
        let employerNatural = putAside.map { TextWidth.of($0.employer) }.max() ?? 0
        let whatNatural = putAside.map { TextWidth.of($0.what) }.max() ?? 0
        let fitted = Columns.fit([employerNatural, whatNatural], least: [min(employerNatural, 10), min(whatNatural, 12)], room: inner - labelWidth - 2)
        ListWidget(count: putAside.count, selected: min(max(0, cursor), putAside.count - 1)) { index in
            let row = putAside[index]
            let text = columnsText([(labels[index], labelWidth), (row.employer, fitted[0]), (row.what, max(1, inner - labelWidth - fitted[0] - 2))], width: inner)
            return [StyledLine(text, row.dismissedOn == nil ? .upcoming : .dim)]
        }
            .draw(&screen, top: 2, left: 1, height: rows - 4, width: columns - 2, marker: true)
    }

    /// "snoozed until Thu 26 Nov" or "dismissed Mon 23 Nov".
    func putAsideLabel(_ row: PutAsideTask) -> String {
        if let until = row.snoozedUntil { return "snoozed until " + until.short }
        return "dismissed " + (row.dismissedOn.map(\.short) ?? "")
    }

    // MARK: Weeks ahead

    func weeksScreen(_ screen: inout Screen, cursor: Int) {
        let last = today.adding(days: DashboardState.daysAhead - 1)
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: "The next four weeks · \(today.short) to \(last.short)", focused: true)
        let inner = columns - 4
        let counts = weeksAhead.map(dayCounts)
        let countWidth = counts.map { TextWidth.of($0) }.max() ?? 0
        ListWidget(count: weeksAhead.count, selected: min(max(0, cursor), max(0, weeksAhead.count - 1))) { index in
            let d = weeksAhead[index]
            let mark = d.day == today ? "today" : d.holiday ? "holiday" : d.day.isWeekend ? "weekend" : ""
            let items = (d.interviews + d.tasks).map(\.text).joined(separator: " · ")
            let text = columnsText([(d.day.short, 10), (mark, 7), (counts[index], countWidth + 1), (items, inner)], width: inner)
            let style: CellStyle = d.overdue > 0 ? .overdue : d.day == today ? .due : (d.holiday || d.day.isWeekend) ? .dim : .normal
            return [StyledLine(text, style)]
        }
            .draw(&screen, top: 2, left: 1, height: rows - 4, width: columns - 2, marker: true)
    }

    /// "2 interviews · 3 tasks · 1 overdue", or "—".
    func dayCounts(_ d: DayAhead) -> String {
        var parts: [String] = []
        if !d.interviews.isEmpty { parts.append("\(d.interviews.count) interview" + (d.interviews.count == 1 ? "" : "s")) }
        let due = d.tasks.count - d.overdue
        if due > 0 { parts.append("\(due) task" + (due == 1 ? "" : "s")) }
        if d.overdue > 0 { parts.append("\(d.overdue) overdue") }
        return parts.isEmpty ? "—" : parts.joined(separator: " · ")
    }

    func dayScreen(_ screen: inout Screen, day: Day, cursor: Int) {
        let ahead = weeksAhead.first { $0.day == day }
        let counts = ahead.map(dayCounts) ?? "—"
        let mark = day == today ? " · today" : (ahead?.holiday ?? false) ? " · holiday" : day.isWeekend ? " · weekend" : ""
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: day.long + mark + " · " + counts, focused: true)
        let items = dayItems(day)
        guard !items.isEmpty else {
            screen.put("  Nothing on this day.", row: 2, column: 1, style: .dim, limit: columns - 1)
            return
        }
        let width = columns - 6
        ListWidget(count: items.count, selected: min(max(0, cursor), items.count - 1), lineCount: { TextWidth.wrap(items[$0].text, to: width).count }) { index in
            TextWidth.wrap(items[index].text, to: width).map { StyledLine($0, items[index].style) }
        }
            .draw(&screen, top: 2, left: 1, height: rows - 4, width: columns - 2, marker: true)
    }

    // MARK: The timeline's people

    /// The application's people: name, role, their time now, phone, email; a person's line
    /// wraps once under itself when the box is narrow.
    /// One person of an application on one line: who, their time now, how to reach them.
    func personLine(_ c: Contact, of app: Application, width: Int) -> String {
        let about = [c.title, c.role.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }].compactMap { $0 }.joined(separator: ", ")
        let parts = [c.name + (about.isEmpty ? "" : " (\(about))"), localTime(c.timeZone ?? app.timeZone)] + [c.phone, c.email].compactMap { $0 }
        return TextWidth.truncate(parts.joined(separator: " · "), to: max(10, width))
    }

    /// What time it is for them: "15:00 in Paris" (with the day when it differs), or "your time".
    func localTime(_ identifier: String?) -> String {
        guard let identifier, identifier != zone.identifier, let there = Zone(identifier: identifier) else {
            return zone.clock(now) + " your time"
        }
        let day = there.day(of: now)
        let place = identifier.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? identifier
        return there.clock(now) + (day == today ? "" : " " + dayLabel(day)) + " in " + place
    }
}
