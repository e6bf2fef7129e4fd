/// A key as the terminal layer reads it.
public enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace
    case resize(rows: Int, columns: Int)
    /// The terminal went away (its window closed): time to leave.
    case hangup
    /// Ctrl-Z: the shell stops the dashboard, whatever screen or prompt is open.
    case suspend
}

/// Keys to actions, in one table: the help screen is generated from the same list.
public enum Keymap {
    /// Each binding once, in the order the help shows them.
    public static let bindings: [(keys: String, action: String)] = [
        ("j k ↓ ↑", "move"), ("g G", "first, last"), ("Tab ⇧Tab 1 2 3", "switch pane"),
        ("⏎", "open the application's timeline"), ("Esc", "back"),
        ("D  e", "in a timeline: delete, change what is selected"),
        ("d", "done (a check-in asks: c call, v voicemail, e email, l letter)"),
        ("s", "snooze: 1, 3 or 7 days, or t to type a date"), ("x", "dismiss"),
        ("r", "a reply came from this employer"), ("u", "undo this session's last change"),
        ("R", "daily review: one card at a time (⏎ next, k back)"), ("w", "write a draft in $VISUAL or $EDITOR"),
        ("/", "filter by employer, person or kind"), ("?", "this help"), ("Ctrl-Z", "suspend to the shell (fg comes back)"), ("q", "quit"),
    ]

    public static func action(for key: Key, prompting: Bool) -> Action? {
        switch key {
        case let .resize(rows, columns): return .resize(rows: rows, columns: columns)
        case .hangup: return .quit
        case .suspend: return nil
        case .enter: return prompting ? .enter : .open
        case .escape: return .escape
        case .backspace: return prompting ? .backspace : .back
        case .up: return .up
        case .down: return .down
        case .left: return prompting ? nil : .back
        case .right: return prompting ? nil : .open
        case .home: return .top
        case .end: return .bottom
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .tab: return prompting ? nil : .nextPane
        case .backTab: return prompting ? nil : .previousPane
        case let .character(c):
            if prompting { return .character(c) }
            switch c {
            case "j": return .down
            case "k": return .up
            case "g": return .top
            case "G": return .bottom
            case "1": return .pane(.thanks)
            case "2": return .pane(.todos)
            case "3": return .pane(.strikes)
            case "h": return .back
            case "l": return .open
            case "d": return .done
            case "s": return .snooze
            case "x": return .dismiss
            case "r": return .reply
            case "u": return .undo
            case "/": return .filter
            case "R": return .review
            case "D": return .delete
            case "e": return .edit
            case "w": return .draft
            case "?": return .help
            case "q": return .quit
            default: return nil
            }
        }
    }
}
