import FollowUpActions
import FollowUpCore
import FollowUpDrafts

extension DashboardState {
    /// The smallest terminal the dashboard draws in; below it, it says so.
    public static let minimumSize = (rows: 8, columns: 30)

    /// Draws the whole screen from the state alone: no terminal, no clock, no file.
    public func render() -> Screen {
        var screen = Screen(rows: rows, columns: columns)
        guard rows >= DashboardState.minimumSize.rows, columns >= DashboardState.minimumSize.columns else {
            let lines = ["Terminal too small", "need \(DashboardState.minimumSize.columns)×\(DashboardState.minimumSize.rows)", "have \(columns)×\(rows)"]
            for (i, line) in lines.enumerated() where i < rows {
                screen.put(line, row: i, column: 0, style: i == 0 ? .bold : .normal)
            }
            return screen
        }
        header(&screen)
        if let form {
            formScreen(&screen, form)
            footer(&screen)
            return screen
        }
        switch mode {
        case .lists where data.applications.isEmpty: welcome(&screen)
        case .lists: lists(&screen)
        case let .timeline(app, cursor): timeline(&screen, app: app, cursor: cursor)
        case .help: help(&screen)
        case let .review(position): review(&screen, position: position)
        case let .applications(cursor): applicationsScreen(&screen, cursor: cursor)
        case let .putAside(cursor): putAsideScreen(&screen, cursor: cursor)
        case let .weeks(cursor): weeksScreen(&screen, cursor: cursor)
        case let .day(day, cursor): dayScreen(&screen, day: day, cursor: cursor)
        }
        footer(&screen)
        return screen
    }

    // MARK: Header and footer

    func header(_ screen: inout Screen) {
        let left = " followup · \(today.long)"
        let (overdue, dueToday, active) = (headerCounts.overdue, headerCounts.dueToday, headerCounts.active)
        var right = "\(overdue) overdue · \(dueToday) due today · \(active) active"
        if !filter.isEmpty { right = "filter “\(filter)” · " + right }
        if let notice { right = notice + " · " + right }
        let room = columns - TextWidth.of(left) - 2
        let withFile = right + " · " + fileLabel + " "
        let text = TextWidth.of(withFile) <= room ? withFile : TextWidth.truncate(right + " ", to: max(0, room))
        screen.put(left, row: 0, column: 0, style: .title)
        screen.put(text, row: 0, column: columns - TextWidth.of(text), style: overdue > 0 || notice != nil ? .overdue : .dim)
    }

    func footer(_ screen: inout Screen) {
        let row = rows - 1
        if let form {
            if let error = form.error {
                screen.put(" ✗ " + error, row: row, column: 0, style: .error)
            } else {
                let hints = form.saving ? "Saving…" : "Tab/↓ next  ⇧Tab/↑ previous  ⏎ save  Esc cancel  Ctrl-U clear"
                screen.put(" " + hints, row: row, column: 0, style: .key)
            }
            return
        }
        if let prompt {
            // A mistake in what is being typed shows beside the question.
            let error = messageIsError ? (message.map { "  ✗ " + $0 } ?? "") : ""
            screen.put(" " + promptText(prompt) + error, row: row, column: 0, style: error.isEmpty ? .key : .error)
            return
        }
        if let fileError, message == nil {
            screen.put(" " + fileError, row: row, column: 0, style: .error)
            return
        }
        if let message {
            screen.put(" " + message, row: row, column: 0, style: messageIsError ? .error : .message)
            return
        }
        var hints: [String]
        switch mode {
        case .lists: hints = Keymap.hints(on: .lists)
        case .timeline: hints = Keymap.hints(on: .timeline)
        case let .review(position):
            hints = Keymap.hints(on: .review)
            // Offered only when the card does not fit.
            let lines = position < reviewIDs.count ? (agenda.task(id: reviewIDs[position]).map { cardLines($0, width: columns - 4).count } ?? 0) : 0
            if scrollLimit(lines) == 0 { hints.removeAll { $0 == "PgDn more" } }
        case .help: hints = (scrollLimit(helpLines(width: columns - 4).count) > 0 ? Keymap.hints(on: .help) : []) + ["any key back"]
        case .applications: hints = Keymap.hints(on: .applications)
        case .putAside: hints = Keymap.hints(on: .putAside)
        case .weeks, .day: hints = Keymap.hints(on: .weeks)
        }
        // As many hints as fit, and always the way to help and out.
        let always = "? help  q quit"
        var line = " "
        for hint in hints where TextWidth.of(line + hint + "  " + always) <= columns { line += hint + "  " }
        line += always
        screen.put(TextWidth.truncate(line, to: columns), row: row, column: 0, style: .key)
    }

    func promptText(_ prompt: Prompt) -> String {
        switch prompt {
        case .channel: return "How did it go out?  c call · v voicemail · e email · l letter · Esc cancel"
        case .answered: return "Did you speak with them?  y yes (their reply: no strike) · n no answer · Esc cancel"
        case .snooze: return "Snooze until?  1 tomorrow · 3 in three days · 7 in a week · t a date · Esc cancel"
        case let .snoozeDate(_, text):
            let day: String
            if case let .success(d) = Fields.relativeDay(.until, today: today).parse(text) { day = "  → " + d.short } else { day = "" }
            return "Snooze until (fri, next mon, +3d, YYYY-MM-DD): \(text)▏\(day)  ⏎ ok · Esc cancel"
        case .confirmDismiss: return "Dismiss this task for good?  y or ⏎ yes · any other key no"
        case let .confirmReply(app):
            let name = data.application(id: app)?.employer ?? app
            return "A reply came from \(name) just now? It resets their strikes.  y or ⏎ yes · any other key no"
        case let .filter(text): return "/\(text)▏  ⏎ keep · Esc clear"
        // The answer first: a long name must not push it off a narrow screen.
        case let .confirmDelete(_, what): return "Delete? y yes · any other key no — \(what) (u brings it back)"
        case let .addMenu(app):
            let at = app.map { " at \(data.application(id: $0)?.employer ?? $0)" } ?? ""
            return "Add:  a application" + (app == nil ? "" : " · c contact\(at) · i interview · l an event") + " · Esc cancel"
        }
    }

    // MARK: The three lists

    func lists(_ screen: inout Screen) {
        let top = 1
        let body = rows - 2
        let strikesWanted = max(3, employers.count + 2)
        if columns >= 100, body >= 9 {
            var strikesHeight = min(strikesWanted, max(3, body / 3))
            // Room the task panes do not need goes to the strikes pane.
            let upperWanted = max(3, thanks.count + 2, todos.count + 2)
            strikesHeight = min(strikesWanted, max(strikesHeight, body - upperWanted))
            let upper = body - strikesHeight
            // Side by side, each pane as wide as its rows want when both fit, the rest shared.
            let thanksWants = 4 + 8 + 1 + max(14, listWidths.thanksEmployer) + 1 + max(14, listWidths.thanksContact) + 1 + 10
            let todosWants = 4 + 8 + 1 + max(12, listWidths.todosEmployer) + 1 + listWidths.todosWhat
            let leftWidth = thanksWants + todosWants <= columns ? thanksWants + (columns - thanksWants - todosWants) / 2 : columns / 2
            pane(&screen, .thanks, top: top, left: 0, height: upper, width: leftWidth)
            pane(&screen, .todos, top: top, left: leftWidth, height: upper, width: columns - leftWidth)
            pane(&screen, .strikes, top: top + upper, left: 0, height: strikesHeight, width: columns)
        } else if body >= 15 {
            var strikesHeight = min(strikesWanted, max(3, body / 4))
            // Room the task panes do not need goes to the strikes pane.
            let tasksWanted = max(3, thanks.count + 2) + max(3, todos.count + 2)
            strikesHeight = min(strikesWanted, max(strikesHeight, body - tasksWanted))
            let rest = body - strikesHeight
            let thanksHeight = min(max(3, thanks.count + 2), max(3, rest / 2))
            pane(&screen, .thanks, top: top, left: 0, height: thanksHeight, width: columns)
            pane(&screen, .todos, top: top + thanksHeight, left: 0, height: rest - thanksHeight, width: columns)
            pane(&screen, .strikes, top: top + rest, left: 0, height: strikesHeight, width: columns)
        } else {
            // Too short for three boxes: the focused one alone, Tab shows the others.
            pane(&screen, focus, top: top, left: 0, height: body, width: columns, alone: true)
        }
    }

    func pane(_ screen: inout Screen, _ pane: Pane, top: Int, left: Int, height: Int, width: Int, alone: Bool = false) {
        let focused = pane == focus
        let n = count(pane)
        let title = "\(pane.title) \(n)" + (alone ? " · Tab for more" : "")
        screen.box(top: top, left: left, height: height, width: width, title: title, focused: focused)
        let inner = width - 2
        let visible = height - 2
        guard visible > 0, inner > 2 else { return }
        if n == 0 {
            let empty: String
            switch pane {
            case .thanks: empty = "No notes owed."
            case .todos: empty = data.applications.isEmpty ? "No applications yet: followup app add --employer NAME --role TITLE" : "Nothing due this week."
            case .strikes: empty = "No active applications."
            }
            screen.put("  " + empty, row: top + 1, column: left + 1, style: .dim, limit: left + 1 + inner)
            return
        }
        ListWidget(count: n, selected: selected(pane)) { index in
            let (text, style) = line(pane, index, width: inner - 2)
            return [StyledLine(text, style)]
        }
            .draw(&screen, top: top + 1, left: left + 1, height: visible, width: inner, marker: true, highlight: focused)
    }

    /// One row of a list, and the style its status gives it.
    func line(_ pane: Pane, _ index: Int, width: Int) -> (String, CellStyle) {
        switch pane {
        case .thanks:
            let t = thanks[index]
            // Names as wide as they are, cut only when the pane is narrower than they are.
            var w = Columns.fit([max(14, listWidths.thanksEmployer), max(14, listWidths.thanksContact)], least: [12, 12], room: width - 8 - 10 - 3)
            // Too narrow even for that: the names keep their room and the channel is cut.
            if w[0] + w[1] > width - 8 - 10 - 3 { w = [14, 14] }
            let cells = [(when(t), 8), (t.employer, w[0]), (t.contactName ?? "—", w[1]), (t.kind == .closingThankYou ? "after a no" : (t.channel?.rawValue ?? ""), 10)]
            return (columnsText(cells, width: width), style(t.status))
        case .todos:
            let t = todos[index]
            // The attempt keeps its place at the right; what to do takes the room left.
            var attempt = ""
            if t.kind == .checkIn, let n = t.attempt { attempt = "#\(n)" + (t.maxAttempts.map { " of \($0)" } ?? "") }
            let w = Columns.fit([max(12, listWidths.todosEmployer), listWidths.todosWhat], least: [12, 20], room: width - 8 - 2)
            let left = columnsText([(when(t), 8), (t.employer, w[0]), ("", 0)], width: width)
            let room = max(0, width - TextWidth.of(left) - TextWidth.of(attempt) - (attempt.isEmpty ? 0 : 1))
            let middle = TextWidth.pad(what(t), to: room)
            return (left + middle + (attempt.isEmpty ? "" : " " + attempt), style(t.status))
        case .strikes:
            let e = employers[index]
            let cap = e.max
            let dots = cap.map { String(repeating: "●", count: min(e.strikes, $0)) + String(repeating: "○", count: max(0, $0 - e.strikes)) }
                ?? String(repeating: "●", count: e.strikes)
            let words: String
            if e.struckOut {
                words = "struck out — time to move on (c closes it)"
            } else {
                let count = cap.map { "\(e.strikes) of \($0) unanswered" } ?? "\(e.strikes) unanswered, no cap"
                words = count + (e.nextCheckIn.map { $0 < today ? " · next try now (since \(dayLabel($0)))" : " · next try \(dayLabel($0))" } ?? "")
            }
            let dotsWidth = max(3, cap ?? 3)
            let w = Columns.fit([max(14, listWidths.strikesEmployer), 44], least: [14, 30], room: width - dotsWidth - 2)
            return (columnsText([(e.employer, w[0]), (dots, dotsWidth), (words, 40)], width: width), e.struckOut ? .struckOut : .normal)
        }
    }

    func style(_ status: TaskStatus) -> CellStyle {
        switch status {
        case .overdue: return .overdue
        case .due: return .due
        case .upcoming: return .upcoming
        case .missed: return .dim
        }
    }

    /// "overdue", "today", or a short day.
    func when(_ t: FollowUpTask) -> String {
        if t.status == .overdue { return "overdue" }
        if t.status == .missed { return "missed" }
        // Due since an earlier day (a check-in in its window): due now.
        if t.status == .due, userDay(t) < today { return "now" }
        return dayLabel(userDay(t))
    }

    /// The user's day of a task: a call's is the day its window starts for the user (a call to
    /// Tokyo falls on the user's evening before), anything else its due day.
    func userDay(_ t: FollowUpTask) -> Day {
        t.callWindow.map { zone.day(of: $0.lowerBound) } ?? t.due
    }

    func dayLabel(_ day: Day) -> String {
        if day == today { return "today" }
        if day == today.adding(days: 1) { return "tomorrow" }
        return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.isoWeekday - 1] + " \(day.day)"
    }

    /// A task in a few words: "call Sam Ray 10–11", "respond: references".
    func what(_ t: FollowUpTask) -> String {
        what(t, asked: t.kind == .respond ? data.application(id: t.app)?.events.first { $0.id == t.anchor } : nil)
    }

    /// What a task asks, in a few words; `asked` is the request a `respond` answers.
    func what(_ t: FollowUpTask, asked about: Event?) -> String {
        let who = t.contactName ?? t.employer
        switch t.kind {
        case .checkIn:
            var s = "\(t.channel?.rawValue ?? "check in") \(who)"
            if t.channel == .call, let w = t.callWindow {
                s += " " + zone.clock(w.lowerBound) + "–" + zone.clock(w.upperBound)
            }
            return s
        case .respond:
            if about?.kind == .invited { return "respond: next round" }
            return "respond: " + (about?.about.map { $0 == .callback ? "call back" : $0.rawValue } ?? "their request")
        case .takeStock: return "take stock of the interview"
        case .briefReferences: return "brief your references"
        case .prepare: return "prepare for the interview"
        case .submitExpenses: return "submit travel expenses"
        case .chaseReimbursement: return "chase the reimbursement"
        case .reverseCoverLetter: return "post a letter to \(who)"
        case .thankYou, .closingThankYou: return "thank \(who)"
        }
    }

    /// Cells of given widths, the last one taking what is left.
    func columnsText(_ cells: [(String, Int)], width: Int) -> String {
        var text = ""
        var used = 0
        for (i, (value, w)) in cells.enumerated() {
            let isLast = i == cells.count - 1
            let room = isLast ? width - used : min(w, width - used)
            guard room > 0 else { break }
            text += isLast ? TextWidth.truncate(value, to: room) : TextWidth.pad(value, to: room)
            used += room
            if !isLast, used < width { text += " "; used += 1 }
        }
        return text
    }

    // MARK: Timeline and help

    func timeline(_ screen: inout Screen, app id: String, cursor: Int) {
        guard let app = data.application(id: id) else { return }
        let timeline = Rules.timeline(data, app: app, agenda: agenda, zone: zone, now: now)
        let title = "\(app.employer) — \(app.role) · \(timeline.status.rawValue)"
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: title, focused: true)
        // Its people first, with how to reach them and their time now: lines of their own above
        // its history, so that e and D reach a person as they reach an event.
        let people = app.contacts.map { [StyledLine(personLine($0, of: app, width: columns - 6), .dim)] }
        ListWidget(items: people + timelineItems(timeline, width: columns - 6), selected: cursor + people.count)
            .draw(&screen, top: 2, left: 1, height: rows - 4, width: columns - 2, marker: true)
    }

    /// The timeline's lines: when, what, and the text, which wraps under itself.
    func timelineItems(_ timeline: Timeline, width: Int) -> [[StyledLine]] {
        let textColumn = 16 + 1 + 19 + 1
        let textWidth = max(10, width - textColumn)
        return timelineLines(timeline).map { entry -> [StyledLine] in
            guard let entry else {
                return [StyledLine("── now · \(today.short) " + String(repeating: "─", count: max(0, width)), .dim)]
            }
            let when = zone.day(of: entry.at).short + " " + zone.clock(entry.at)
            let flags = entry.flags.filter { !["due", "upcoming"].contains($0) }
            let text = entry.text + (flags.isEmpty ? "" : "  [" + flags.joined(separator: ", ") + "]")
            let style: CellStyle = entry.flags.contains("overdue") ? .overdue
                : entry.flags.contains("due") ? .due : entry.flags.contains("early") ? .error : (entry.past ? .normal : .upcoming)
            let wrapped = TextWidth.wrap(text, to: textWidth)
            var lines = [StyledLine(columnsText([(when, 16), (entry.kind, 19), (wrapped.first ?? "", textWidth)], width: width), style)]
            for more in wrapped.dropFirst() { lines.append(StyledLine(String(repeating: " ", count: textColumn) + more, style)) }
            return lines
        }
    }

    /// One card of the daily review: who, how to reach them, why now, how and when; for a
    /// thank-you the interview's talking points and the start of a draft.
    func review(_ screen: inout Screen, position: Int) {
        let total = reviewIDs.count
        guard position < total else {
            screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: "Daily review · done", focused: true)
            let lines = [
                total == 0 ? "Nothing to review: no task is due this week." : "Reviewed \(total) card\(total == 1 ? "" : "s"):",
                "  \(reviewed.done) done · \(reviewed.snoozed) snoozed · \(reviewed.dismissed) dismissed · \(max(0, total - reviewed.done - reviewed.snoozed - reviewed.dismissed)) left as they were",
                "", "⏎ or Esc: back to the lists",
            ]
            for (i, line) in lines.enumerated() where 2 + i < rows - 2 {
                screen.put(" " + line, row: 2 + i, column: 1, style: i == 0 ? .bold : .normal, limit: columns - 1)
            }
            return
        }
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: "Daily review · \(position + 1) of \(total)", focused: true)
        guard let t = agenda.task(id: reviewIDs[position]) else {
            screen.put(" Already dealt with. ⏎ next", row: 2, column: 1, style: .dim, limit: columns - 1)
            return
        }
        ListWidget(items: cardLines(t, width: columns - 4).map { [$0] }, selected: nil, scroll: scroll)
            .draw(&screen, top: 2, left: 2, height: rows - 4, width: columns - 3, marker: false)
    }

    /// A review card's lines at a width: labels in a column, their text wrapping under itself.
    func cardLines(_ t: FollowUpTask, width: Int) -> [StyledLine] {
        let app = data.application(id: t.app)
        let person = t.contact.flatMap { app?.contact(id: $0) }
        var lines: [StyledLine] = []
        func add(_ label: String, _ text: String, _ style: CellStyle = .normal) {
            let indent = String(repeating: " ", count: TextWidth.of(label))
            for (i, part) in TextWidth.wrap(text, to: max(10, width - indent.count)).enumerated() {
                lines.append(StyledLine((i == 0 ? label : indent) + part, style))
            }
        }
        add("", "\(t.status.rawValue.uppercased()) · \(what(t)) · \(t.employer)", style(t.status))
        if let app { add("", app.role, .dim) }
        lines.append(StyledLine(""))
        if let person {
            let about = [person.title, person.role?.rawValue].compactMap { $0 }.joined(separator: ", ")
            add("Who     ", person.name + (about.isEmpty ? "" : " — " + about))
            var reach = [person.email, person.phone, person.address].compactMap { $0 }
            reach.append(person.mayCall ? "said you may call" : "did not say you may call")
            add("Reach   ", reach.joined(separator: " · "))
        }
        add("Why now ", t.reason)
        var when = dayLabel(t.dueAt.map { zone.day(of: $0) } ?? t.due)
        if let at = t.dueAt { when += " " + zone.clock(at) }
        if let w = t.callWindow { when += "–" + zone.clock(w.upperBound) }
        if let channel = t.channel { when += " · by \(channel.rawValue)" }
        add("Due     ", when)
        if let why = t.channelReason { add("        ", why, .dim) }
        if let advice = t.advice { add("Tip     ", advice) }
        if t.kind.isThanks || t.kind == .checkIn {
            lines.append(StyledLine(""))
            lines.append(StyledLine("Draft (w opens it in your editor):", .bold))
            add("  ", drafts.text(for: t, in: data, zone: zone), .dim)
        }
        return lines
    }

    func help(_ screen: inout Screen) {
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: "Keys", focused: true)
        ListWidget(items: helpLines(width: columns - 4).map { [$0] }, selected: nil, scroll: scroll)
            .draw(&screen, top: 2, left: 2, height: rows - 4, width: columns - 3, marker: false)
    }

    /// Every key and what it does, the text wrapping beside the keys.
    func helpLines(width: Int) -> [StyledLine] {
        let keyWidth = Keymap.helpLines.map { TextWidth.of($0.keys) }.max() ?? 10
        var lines: [StyledLine] = []
        for binding in Keymap.helpLines {
            for (i, part) in TextWidth.wrap(binding.text, to: max(10, width - keyWidth - 2)).enumerated() {
                lines.append(StyledLine(TextWidth.pad(i == 0 ? binding.keys : "", to: keyWidth) + "  " + part))
            }
        }
        return lines
    }

    // MARK: Forms and the welcome

    /// A form: a label column, the fields (the focused one with its cursor), beside each what it
    /// resolves to or what is wrong with it.
    func formScreen(_ screen: inout Screen, _ form: Form) {
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: form.title, focused: true)
        let labelWidth = min(14, (form.fields.map { TextWidth.of($0.label) }.max() ?? 8) + 2)
        let valueWidth = max(8, min(44, columns - labelWidth - 6))
        let column = 2 + labelWidth
        // On a short screen the form scrolls: from the first field that keeps the focused one,
        // with its notes and people, in view.
        let heights = form.fields.map { fieldHeight($0, column: column, valueWidth: valueWidth) }
        var first = form.focus
        while first > 0, heights[(first - 1)...form.focus].reduce(0, +) <= rows - 4 { first -= 1 }
        if first > 0 { screen.put(" ↑ more ", row: 1, column: columns - 10, style: .dim, limit: columns - 1) }
        var row = 2
        for (i, field) in form.fields.enumerated() where i >= first {
            if row + heights[i] > rows - 2, i > form.focus {
                screen.put(" ↓ more ", row: rows - 2, column: columns - 10, style: .dim, limit: columns - 1)
                break
            }
            if row >= rows - 2 { break }
            let focused = i == form.focus
            screen.put(TextWidth.pad(field.label + (field.required ? "*" : ""), to: labelWidth), row: row, column: 2, style: focused ? .bold : .normal)
            let shown = display(field, focused: focused, width: valueWidth)
            screen.put(shown, row: row, column: column, style: focused ? .selected : .normal, limit: column + valueWidth)
            if focused { screen.restyle(row: row, from: column, to: column + valueWidth, style: .selected) }
            // Beside the field what it resolves to or what is wrong with it; under it when there
            // is no room beside.
            let note = self.note(field)
            let noteColumn = column + valueWidth + 2
            if let (text, style) = note {
                if noteColumn + TextWidth.of(text) <= columns - 1 {
                    screen.put(text, row: row, column: noteColumn, style: style, limit: columns - 1)
                } else {
                    for part in TextWidth.wrap(text, to: max(10, columns - column - 2)) where row + 1 < rows - 2 {
                        row += 1
                        screen.put(part, row: row, column: column, style: style, limit: columns - 1)
                    }
                }
            }
            row += 1
            // A people picker lists everyone under it: [x] picked, ▶ highlighted.
            if case let .people(all) = field.input {
                if all.isEmpty {
                    screen.put("(no contacts yet: add them with a c)", row: row, column: column, style: .dim, limit: columns - 1)
                    row += 1
                }
                for (k, person) in all.enumerated() where row < rows - 2 {
                    let mark = field.picked.contains(person.id) ? "[x] " : "[ ] "
                    let lead = focused && k == field.pick ? "▶ " : "  "
                    screen.put(lead + mark + person.name, row: row, column: column, style: focused && k == field.pick ? .bold : .normal, limit: columns - 1)
                    row += 1
                }
            }
        }
        if row < rows - 3 {
            let help: String
            switch form.fields[form.focus].input {
            case .choice: help = "← → or the first letter choose"
            case .people: help = "← → move, Space picks or drops"
            case .yesNo: help = "y or n, or Space"
            case .date: help = "YYYY-MM-DD, today, tomorrow, fri, next mon, +3d"
            case .dateTime: help = "YYYY-MM-DD HH:MM, tomorrow 14:00, next mon 10:30"
            case .text: help = ""
            }
            if !help.isEmpty { screen.put(help, row: rows - 3, column: 2, style: .dim, limit: columns - 1) }
        }
    }

    /// Beside a field, what it resolves to or what is wrong with it.
    func note(_ field: FormField) -> (String, CellStyle)? {
        guard !field.text.isEmpty else { return nil }
        return problem(field).map { ("✗ " + $0, .error) } ?? resolved(field).map { ("→ " + $0, .dim) }
    }

    /// The rows a field takes: its own, a note that does not fit beside it, its people.
    func fieldHeight(_ field: FormField, column: Int, valueWidth: Int) -> Int {
        var height = 1
        if let (text, _) = note(field), column + valueWidth + 2 + TextWidth.of(text) > columns - 1 {
            height += TextWidth.wrap(text, to: max(10, columns - column - 2)).count
        }
        if case let .people(all) = field.input { height += max(1, all.count) }
        return height
    }

    /// A field's value as shown in `width` cells: typed text around its cursor (long text scrolls
    /// sideways), a choice between arrows, yes or no, the names picked.
    func display(_ field: FormField, focused: Bool, width: Int) -> String {
        switch field.input {
        case .choice:
            let value = field.text.isEmpty ? "—" : field.text
            return focused ? "‹ " + value + " ›" : value
        case let .people(all):
            let names = all.filter { field.picked.contains($0.id) }.map(\.name)
            return names.isEmpty ? "—" : TextWidth.truncate(names.joined(separator: ", "), to: width)
        case .yesNo:
            return field.text
        default:
            guard focused else { return TextWidth.truncate(field.text, to: width) }
            let chars = Array(field.text)
            let cursor = min(field.cursor, chars.count)
            // The part before the cursor that fits, then the cursor, then what follows.
            var start = 0
            while start < cursor, TextWidth.of(String(chars[start..<cursor])) > width - 2 { start += 1 }
            let before = String(chars[start..<cursor])
            let after = String(chars[cursor...])
            return TextWidth.truncate(before + "▏" + after, to: width)
        }
    }

    /// An empty file: how to start.
    func welcome(_ screen: inout Screen) {
        screen.box(top: 1, left: 0, height: rows - 2, width: columns, title: "Welcome to followup", focused: true)
        let lines = [
            "No applications yet.", "",
            "Press a, then a, to add your first application: who you applied to and the role.",
            "Then c adds the people you met, i an interview; followup works out the thank-you",
            "notes, the check-ins and when to make them.", "",
            "To look around first: followup --demo (sample data, never your file).",
            "? lists every key; q quits.",
        ]
        var row = 3
        for line in lines where row < rows - 2 {
            for part in TextWidth.wrap(line, to: max(10, columns - 6)) where row < rows - 2 {
                screen.put(part, row: row, column: 3, style: row == 3 ? .bold : .normal, limit: columns - 2)
                row += 1
            }
        }
    }
}
