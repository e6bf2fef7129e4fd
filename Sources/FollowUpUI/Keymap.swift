/// A key as the terminal layer reads it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace
    case resize(rows: Int, columns: Int)
    /// The terminal went away (its window closed): time to leave.
    case hangup
    /// Ctrl-Z: the shell stops the dashboard, whatever screen or prompt is open.
    case suspend
    /// Ctrl-U: clear the field being typed in.
    case clearLine
    /// Not a key: work done off the input path (a save) has finished.
    case wake
}

/// The screens a binding can apply on, for the footer's hints.
public enum Place: Sendable {
    case lists, timeline, review, help
    /// The applications view, the put-aside list, the weeks ahead (and a day of them).
    case applications, putAside, weeks
}

/// One key binding: the keys, the action, the help line, and the hint the footer shows where it
/// applies. Help, dispatch and the footer are all read from `Keymap.bindings`.
public struct Binding: Sendable {
    public let keys: [Key]
    /// How help shows the keys.
    public let label: String
    public let action: Action?
    public let help: String
    /// The footer's words for it, and the screens where the footer offers it (in table order).
    public let hint: String?
    public let places: [Place]
    /// Why the action cannot be taken in a state, in words; nil when it can.
    public let whyDisabled: @Sendable (DashboardState) -> String?

    init(_ keys: [Key], _ label: String, _ action: Action?, _ help: String, hint: String? = nil, on places: [Place] = [],
         disabled whyDisabled: @escaping @Sendable (DashboardState) -> String? = { _ in nil }) {
        self.keys = keys
        self.label = label
        self.action = action
        self.help = help
        self.hint = hint
        self.places = places
        self.whyDisabled = whyDisabled
    }
}

/// Reasons shared by several bindings.
enum Disabled {
    static let noTask: @Sendable (DashboardState) -> String? = { $0.selectedTask == nil ? "Select a task first (Tab moves between panes)." : nil }
    static let noApp: @Sendable (DashboardState) -> String? = { $0.selectedApp == nil ? "Select an application first." : nil }
}

/// Keys to actions, in one table.
public enum Keymap {
    static func c(_ s: String) -> [Key] { s.map { Key.character($0) } }

    /// Each binding once, in the order the help shows them.
    public static let bindings: [Binding] = [
        Binding(c("j") + [.down], "j k ↓ ↑", .down, "move", hint: "j/k move", on: [.lists, .timeline]),
        Binding(c("k") + [.up], "", .up, ""),
        Binding([.pageDown], "PgDn PgUp", .pageDown, "a page down, up (a review card or the help: scroll)", hint: "PgDn more", on: [.review, .help]),
        Binding([.pageUp], "", .pageUp, ""),
        Binding(c("g") + [.home], "g G", .top, "first, last"),
        Binding(c("G") + [.end], "", .bottom, ""),
        Binding([.tab], "Tab ⇧Tab 1 2 3", .nextPane, "switch pane", hint: "tab pane", on: [.lists]),
        Binding([.backTab], "", .previousPane, ""),
        Binding(c("1"), "", .pane(.thanks), ""),
        Binding(c("2"), "", .pane(.todos), ""),
        Binding(c("3"), "", .pane(.strikes), ""),
        Binding([.enter, .right], "⏎", .open,
                "open the application's timeline; in the put-aside list bring the task back; in the weeks ahead list the day's items",
                hint: "⏎ timeline", on: [.lists, .applications],
                disabled: { $0.selectedApp == nil ? "Nothing selected." : nil }),
        Binding([], "", nil, "", hint: "⏎ bring back", on: [.putAside]),
        Binding([], "", nil, "", hint: "⏎ open", on: [.weeks]),
        Binding([.escape, .left, .backspace], "Esc", .back, "back", hint: "Esc back", on: [.timeline, .applications, .putAside, .weeks]),
        Binding(c("A"), "A", .applications, "every application: stage, status, dates, strikes and next task (open ones first)",
                hint: "A applications", on: [.putAside, .weeks]),
        Binding(c("o"), "o", .sort, "sort the applications by the next column: next task, employer, role, stage, status, applied, last contact, strikes",
                hint: "o sort", on: [.applications]),
        Binding(c("z"), "z", .putAside, "put aside: the snoozed and dismissed tasks; ⏎ brings one back (u undoes that)",
                hint: "z put aside", on: [.applications, .weeks]),
        Binding(c("W"), "W", .weeks, "the next four weeks, day by day: interviews and tasks (⏎ on a day lists them)",
                hint: "W weeks", on: [.applications, .putAside]),
        Binding(c("a"), "a", .add, "add: a application, c contact, i interview, l an event (in a form: Tab next, ⏎ save, Esc cancel, Ctrl-U clear)",
                hint: "a add", on: [.lists, .timeline, .applications]),
        Binding(c("e"), "e", .edit, "edit: the selected task's application; in a timeline the selected interview or event", hint: "e edit",
                on: [.timeline, .applications], disabled: Disabled.noApp),
        Binding(c("D"), "D", .delete, "delete, after a yes: the selected application; in a timeline the selected interview or event (u brings it back)",
                hint: "D delete", on: [.timeline], disabled: Disabled.noApp),
        Binding(c("l"), "l  n", .log, "log an event, or a note, for the selected application", hint: "l log", on: [.timeline], disabled: Disabled.noApp),
        Binding(c("n"), "", .note, "", disabled: Disabled.noApp),
        Binding(c("c"), "c", .close, "close the selected application (a reason if you like)", disabled: Disabled.noApp),
        Binding(c("d"), "d", .done, "done (a check-in asks: c call, v voicemail, e email, l letter)", hint: "d done", on: [.lists, .review], disabled: Disabled.noTask),
        Binding(c("s"), "s", .snooze, "snooze: 1, 3 or 7 days, or t to type a date", hint: "s snooze", on: [.lists, .review], disabled: Disabled.noTask),
        Binding(c("x"), "x", .dismiss, "dismiss", hint: "x dismiss", on: [.lists, .review], disabled: Disabled.noTask),
        Binding(c("r"), "r", .reply, "a reply came from this employer: their new decision date if they gave one, else ⏎ or y", hint: "r reply", on: [.lists], disabled: Disabled.noApp),
        Binding(c("u"), "u", .undo, "undo this session's last change", hint: "u undo", on: [.lists, .putAside],
                disabled: { $0.sessionChanges.isEmpty ? "Nothing of this session to undo." : nil }),
        Binding(c("R"), "R", .review, "daily review: one card at a time (⏎ next, k back)"),
        Binding(c("w"), "w", .draft, "write a draft in $VISUAL or $EDITOR", hint: "w draft", on: [.review], disabled: Disabled.noTask),
        Binding([], "", nil, "", hint: "⏎ next", on: [.review]),
        Binding([], "", nil, "", hint: "k back", on: [.review]),
        Binding([], "", nil, "", hint: "Esc leave", on: [.review]),
        Binding(c("/"), "/", .filter, "filter by employer, role, person, note or event text (accents and case aside) or task kind",
                hint: "/ filter", on: [.lists, .applications, .putAside]),
        // On the main screen, the views of the whole search in a few letters, after the task keys.
        Binding([], "", nil, "", hint: "A apps", on: [.lists]),
        Binding([], "", nil, "", hint: "z aside", on: [.lists]),
        Binding([], "", nil, "", hint: "W weeks", on: [.lists]),
        Binding(c("?"), "?", .help, "this help"),
        Binding([], "Ctrl-Z", nil, "suspend to the shell (fg comes back)"),
        Binding(c("q"), "q", .quit, "quit"),
    ]

    /// Why an action cannot be taken now, from its binding.
    public static func whyDisabled(_ action: Action, in state: DashboardState) -> String? {
        bindings.first { $0.action == action }?.whyDisabled(state)
    }

    /// What the footer offers on a screen, in table order.
    public static func hints(on place: Place) -> [String] {
        bindings.compactMap { $0.places.contains(place) ? $0.hint : nil }
    }

    /// The bindings help lists: those with words of their own.
    public static var helpLines: [(keys: String, text: String)] {
        bindings.filter { !$0.label.isEmpty }.map { ($0.label, $0.help) }
    }

    /// The action a key asks for. While a prompt waits, characters and editing keys go to it.
    public static func action(for key: Key, prompting: Bool) -> Action? {
        switch key {
        case let .resize(rows, columns): return .resize(rows: rows, columns: columns)
        case .hangup: return .quit
        case .clearLine: return prompting ? .clearField : nil
        case .suspend, .wake: return nil
        default: break
        }
        if prompting {
            switch key {
            case let .character(c): return .character(c)
            case .enter: return .enter
            case .escape: return .escape
            case .backspace: return .backspace
            case .left: return .cursorLeft
            case .right: return .cursorRight
            case .tab: return .nextPane
            case .backTab: return .previousPane
            default: break
            }
        }
        return byKey[key]
    }

    static let byKey: [Key: Action] = {
        var table: [Key: Action] = [:]
        for binding in bindings {
            guard let action = binding.action else { continue }
            for key in binding.keys where table[key] == nil { table[key] = action }
        }
        return table
    }()
}
