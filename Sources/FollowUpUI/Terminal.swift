#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses

/// The only code that talks to ncurses: starts and ends curses mode, draws lines, reads keys.
/// The terminal's settings are saved at start and restored on exit and on SIGINT, SIGTERM and
/// SIGHUP (calling `endwin` in a signal handler is not safe; `tcsetattr` is).
public final class Terminal {
    public private(set) var rows: Int32 = 0
    public private(set) var columns: Int32 = 0
    private var active = false

    /// Whether stdin and stdout are a terminal the dashboard can run in.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    public init() {}

    public func start() {
        savedTermiosValid = tcgetattr(0, &savedTermios) == 0 ? 1 : 0
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, terminalSignalHandler) }
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        keypad(fu_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        active = true
        refreshSize()
    }

    public func stop() {
        guard active else { return }
        endwin()
        active = false
    }

    public func refreshSize() {
        rows = fu_lines()
        columns = fu_cols()
    }

    public func clear() { erase() }

    public func put(_ text: String, row: Int32, column: Int32, bold: Bool = false) {
        if bold { attron(Int32(fu_a_bold())) }
        var scalars = Array(text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        scalars.append(0)
        mvaddwstr(row, column, scalars)
        if bold { attroff(Int32(fu_a_bold())) }
    }

    public func flush() { refresh() }

    /// The next key: a character, or a special key code; nil on a resize.
    public func readKey() -> Int32? {
        var ch: wint_t = 0
        let kind = get_wch(&ch)
        if kind == fu_key_code_yes(), Int32(ch) == fu_key_resize() {
            refreshSize()
            return nil
        }
        if kind == fu_err() { return -1 }
        return Int32(bitPattern: UInt32(ch))
    }
}

nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var savedTermiosValid: sig_atomic_t = 0

private func terminalSignalHandler(_ sig: Int32) {
    if savedTermiosValid != 0 { tcsetattr(0, TCSANOW, &savedTermios) }
    // Leave the alternate screen and show the cursor again: async-signal-safe writes only.
    let reset: [UInt8] = Array("\u{1B}[?1049l\u{1B}[?25h\r\n".utf8)
    _ = reset.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    signal(sig, SIG_DFL)
    raise(sig)
}
