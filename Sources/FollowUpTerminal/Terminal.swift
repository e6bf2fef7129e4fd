#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import FollowUpUI
import Platform

/// The only code that talks to ncurses: starts and ends curses mode, draws a `Screen` (only the
/// rows that changed), reads keys. The terminal's settings are saved at start and restored on
/// exit and on SIGINT, SIGTERM and SIGHUP (calling `endwin` in a signal handler is not safe;
/// `tcsetattr` is).
public final class Terminal {
    public private(set) var rows = 0
    public private(set) var columns = 0
    private var active = false
    private var drawn: Screen?
    private var attributes: [CellStyle: Int32] = [:]
    /// Reads that found nothing though input was "ready": many in a row mean the end of input.
    private var emptyReads = 0
    /// Whether Ctrl-Z may stop the dashboard (the shell that started it has job control).
    private var suspendable = false

    /// Whether stdin and stdout are a terminal the dashboard can run in.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Why the dashboard cannot draw here, or nil when it can: it needs a terminal that can move
    /// the cursor (not TERM=dumb, not one terminfo does not know: initscr would exit with its own
    /// message) and a UTF-8 locale (names in any script), falling back to C.UTF-8 when the
    /// environment names none.
    public static func whyCannotDraw(term: String?) -> String? {
        setlocale(LC_ALL, "")
        if !localeIsUTF8() {
            setlocale(LC_CTYPE, "C.UTF-8")
            if !localeIsUTF8() { return "the dashboard needs a UTF-8 locale (e.g. LANG=C.UTF-8) to show names in any script" }
        }
        guard let term, !term.isEmpty else { return "TERM is not set: the dashboard needs to know the terminal" }
        switch fu_terminal_usable() {
        case 1: return nil
        case 0: return "TERM=\(term) is not a terminal the dashboard can draw in (unknown to terminfo, or it cannot move the cursor); set TERM, e.g. TERM=xterm-256color, or use the subcommands (followup agenda)"
        default: return "no terminfo database was found for TERM=\(term); install ncurses-base, or use the subcommands (followup agenda)"
        }
    }

    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    public init() {}

    /// Files (then a folder, last) to remove should a signal end the program: the demo's
    /// temporary copy. Kept as C strings so the signal handler can unlink them safely.
    public static func removeOnSignal(_ paths: [String]) {
        cleanupPaths = paths.map { strdup($0) }
    }

    /// Enters curses mode; colour only when `colour` (NO_COLOR unset) and the terminal has it.
    public func start(colour: Bool) {
        savedTermiosValid = tcgetattr(0, &savedTermios) == 0 ? 1 : 0
        // A crash too (a Swift runtime trap is SIGILL) must not leave the terminal raw.
        // Every signal whose default action ends the process (SIGTSTP, SIGCONT and SIGWINCH
        // keep suspending, resuming and resizing).
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV,
                    SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGSYS, SIGPOLL] {
            signal(sig, terminalSignalHandler)
        }
        // A parent may have started this with signals blocked (they stay blocked across exec):
        // Ctrl-Z, resizes and the signals that restore the terminal must get through.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH, SIGUSR1, SIGUSR2, SIGALRM] { sigaddset(&wanted, sig) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
        takeSuspendKey()
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(fu_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        wakeOnResize()
        active = true
        setUpStyles(colour: colour && has_colors())
        refreshSize()
    }

    /// A resize must interrupt the blocked read at once: the handler only sets a flag (async-signal
    /// safe) and is installed without SA_RESTART, so `get_wch` returns and `readKey` resizes.
    func wakeOnResize() {
        Platform.set(SIGWINCH, Platform.action { _ in resizePending = 1 })
    }

    /// Applies a pending resize: the new size from the terminal, told to ncurses.
    func takeResize() -> Key? {
        guard resizePending != 0 else { return nil }
        resizePending = 0
        if let size = Platform.terminalSize(1) { resizeterm(Int32(size.rows), Int32(size.columns)) }
        refreshSize()
        return .resize(rows: rows, columns: columns)
    }

    /// Ctrl-Z is caught as a key (the handler only sets a flag) so that the dashboard leaves
    /// curses before it stops, whatever screen or prompt is open. Installed before `initscr`,
    /// which then leaves SIGTSTP alone; not when the shell has no job control (SIGTSTP ignored).
    func takeSuspendKey() {
        suspendable = Platform.isDefault(SIGTSTP)
        guard suspendable else { return }
        Platform.set(SIGTSTP, Platform.action { _ in suspendPending = 1 })
    }

    /// Leaves curses for a program that needs the terminal (an editor) and comes back as a shell
    /// would: the terminal in its cooked state while `body` runs, then input typed meanwhile
    /// discarded (never taken as keys), curses restored and the whole screen drawn again.
    public func handOff<T>(_ body: () -> T) -> T {
        leave()
        let result = body()
        comeBack()
        return result
    }

    /// Stops the dashboard as Ctrl-Z stops any job: the terminal restored, SIGTSTP to itself.
    /// `fg` continues here, and the screen is drawn again.
    public func suspendToShell() {
        guard suspendable else { return }
        leave()
        Platform.set(SIGTSTP, Platform.action(nil))
        kill(getpid(), SIGTSTP)
        // Stopped here until the shell continues the job.
        takeSuspendKey()
        comeBack()
    }

    private func leave() {
        def_prog_mode()
        endwin()
        if savedTermiosValid != 0 { tcsetattr(0, TCSADRAIN, &savedTermios) }
    }

    private func comeBack() {
        reset_prog_mode()
        discardTypeahead()
        clearok(fu_stdscr(), true)
        drawn = nil
        if sizeChanged() { resizePending = 1 }
    }

    /// Drops what is waiting to be read: keys typed while the editor ran, and late replies of the
    /// terminal to the editor's queries (a cursor report ends in `R`, which must not start the
    /// review).
    private func discardTypeahead() {
        flushinp()
        var buffer = [UInt8](repeating: 0, count: 256)
        for _ in 0..<5 {
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 20) > 0, descriptor.revents & Int16(POLLIN) != 0 else { break }
            guard read(0, &buffer, buffer.count) > 0 else { break }
        }
        flushinp()
    }

    public func stop() {
        guard active else { return }
        endwin()
        active = false
    }

    public func refreshSize() {
        rows = Int(fu_lines())
        columns = Int(fu_cols())
        drawn = nil
    }

    /// Each meaning gets its look once. Without colour the words and plain attributes remain.
    func setUpStyles(colour: Bool) {
        let bold = Int32(fu_a_bold())
        let dim = Int32(fu_a_dim())
        let reverse = Int32(fu_a_reverse())
        attributes = [.normal: 0, .dim: dim, .bold: bold, .title: bold, .border: 0, .paneTitle: bold,
                      .selected: reverse, .overdue: bold, .due: 0, .upcoming: 0, .struckOut: dim,
                      .key: 0, .message: bold, .error: bold]
        guard colour else { return }
        start_color()
        use_default_colors()
        let pairs: [(CellStyle, Int16, Int32)] = [
            (.overdue, Int16(COLOR_RED), bold), (.due, Int16(COLOR_YELLOW), 0), (.struckOut, Int16(COLOR_MAGENTA), 0),
            (.key, Int16(COLOR_CYAN), 0), (.message, Int16(COLOR_GREEN), bold), (.error, Int16(COLOR_RED), bold),
            (.paneTitle, Int16(COLOR_CYAN), bold), (.title, Int16(COLOR_CYAN), bold),
        ]
        for (i, (style, fg, extra)) in pairs.enumerated() {
            init_pair(Int16(i + 1), fg, -1)
            attributes[style] = fu_color_pair(Int32(i + 1)) | extra
        }
    }

    /// Draws a screen, writing only the rows that changed since the last one.
    public func draw(_ screen: Screen) {
        for r in screen.changedRows(since: drawn) {
            move(Int32(r), 0)
            var column = 0
            while column < screen.columns {
                let style = screen[r, column].style
                var text: [wchar_t] = []
                while column < screen.columns, screen[r, column].style == style {
                    for scalar in screen[r, column].text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                    column += 1
                }
                text.append(0)
                attrset(attributes[style] ?? 0)
                addwstr(text)
            }
        }
        attrset(0)
        drawn = screen
        refresh()
    }

    /// Waits up to `timeout` milliseconds for the next key or a resize; nil when none came.
    /// ncurses restarts its read after a signal, so a resize would wait for the next key: instead
    /// the wait is a `poll` that SIGWINCH interrupts, and keys are then read without blocking.
    /// Some terminals never send SIGWINCH to a session leader, so the size is also looked at
    /// five times a second while waiting.
    /// `wake`: a descriptor whose becoming readable (a save finished off the input path) ends
    /// the wait with `.wake`.
    public func readKey(timeout: Int32, wake: Int32? = nil) -> Key? {
        if suspendPending != 0 {
            suspendPending = 0
            return .suspend
        }
        if let resized = takeResize() { return resized }
        nodelay(fu_stdscr(), true)
        if let key = nextKey() { return key }
        var waited: Int32 = 0
        while waited < timeout {
            var descriptors = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wake ?? -1, events: Int16(POLLIN), revents: 0)]
            let slice = min(200, timeout - waited)
            let ready = poll(&descriptors, wake == nil ? 1 : 2, slice)
            if ready > 0, wake != nil, descriptors[1].revents & Int16(POLLIN) != 0 { return .wake }
            let descriptor = descriptors[0]
            if suspendPending != 0 {
                suspendPending = 0
                return .suspend
            }
            if sizeChanged() { resizePending = 1 }
            if let resized = takeResize() { return resized }
            // A closed terminal does not always send SIGHUP: a hang-up seen here ends the loop
            // instead of spinning on a descriptor that is always "ready".
            if ready > 0, descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
            if ready > 0 {
                if let key = nextKey() { return key }
                emptyReads += 1
                if emptyReads > 100 { return .hangup }
                continue
            }
            emptyReads = 0
            waited += slice
        }
        return nil
    }

    /// Whether the terminal's size differs from the one drawn for.
    func sizeChanged() -> Bool {
        guard let size = Platform.terminalSize(1) else { return false }
        return size.rows != rows || size.columns != columns
    }

    /// The next key ncurses has or can read at once.
    func nextKey() -> Key? {
        var ch: wint_t = 0
        let kind = get_wch(&ch)
        if kind == fu_err() { return nil }
        emptyReads = 0
        let code = Int32(bitPattern: UInt32(ch))
        if kind == fu_key_code_yes() {
            switch code {
            case fu_key_resize():
                refreshSize()
                return .resize(rows: rows, columns: columns)
            case fu_key_up(): return .up
            case fu_key_down(): return .down
            case fu_key_left(): return .left
            case fu_key_right(): return .right
            case fu_key_home(): return .home
            case fu_key_end(): return .end
            case fu_key_ppage(): return .pageUp
            case fu_key_npage(): return .pageDown
            case fu_key_enter(): return .enter
            case fu_key_backspace(), fu_key_dc(): return .backspace
            case fu_key_btab(): return .backTab
            default: return nil
            }
        }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 21: return .clearLine
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), code >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }
}

nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var savedTermiosValid: sig_atomic_t = 0
nonisolated(unsafe) private var resizePending: sig_atomic_t = 0
nonisolated(unsafe) private var suspendPending: sig_atomic_t = 0

nonisolated(unsafe) private var cleanupPaths: [UnsafeMutablePointer<CChar>?] = []

private func terminalSignalHandler(_ sig: Int32) {
    if savedTermiosValid != 0 { tcsetattr(0, TCSANOW, &savedTermios) }
    for path in cleanupPaths {
        if let path, unlink(path) != 0 { rmdir(path) }
    }
    // Leave the alternate screen and show the cursor again: async-signal-safe writes only.
    // Keypad back to normal (rmkx), the alternate screen left, the cursor shown.
    let reset: [UInt8] = Array("\u{1B}[?1l\u{1B}>\u{1B}[?1049l\u{1B}[?25h\r\n".utf8)
    _ = reset.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    signal(sig, SIG_DFL)
    raise(sig)
}
