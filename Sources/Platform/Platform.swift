#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's names that differ between C libraries, in one place (glibc spells a
/// signal handler `__sigaction_handler.sa_handler`, Darwin `__sigaction_u.__sa_handler`; a
/// modification time `st_mtim`, Darwin `st_mtimespec`). Everything else calls these.
public enum Platform {
    public typealias Handler = @convention(c) (Int32) -> Void

    /// A signal action that runs `handler` (nil: the default action), with no flags: a read
    /// the signal interrupts returns rather than restarting.
    public static func action(_ handler: Handler?) -> sigaction {
        var action = blank(flags: 0)
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        return action
    }

    /// An action with nothing to run yet, no signal blocked while it runs, and `flags`.
    private static func blank(flags: Int32) -> sigaction {
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        return action
    }

    public typealias InfoHandler = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void

    /// A signal action that runs `handler` with what the signal is about (`SA_SIGINFO`).
    public static func action(info handler: InfoHandler) -> sigaction {
        var action = blank(flags: SA_SIGINFO)
        #if canImport(Glibc)
        action.__sigaction_handler.sa_sigaction = handler
        #else
        action.__sigaction_u.__sa_sigaction = handler
        #endif
        return action
    }

    /// The address whose access raised a fault (SIGBUS, SIGSEGV).
    public static func faultAddress(_ info: UnsafeMutablePointer<siginfo_t>) -> UInt {
        #if canImport(Glibc)
        return UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)
        #else
        return UInt(bitPattern: info.pointee.si_addr)
        #endif
    }

    /// An action that ignores the signal.
    public static var ignoring: sigaction {
        var action = Platform.action(nil)
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = SIG_IGN
        #else
        action.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        return action
    }

    /// Sets a signal's action; returns the one it replaced.
    @discardableResult
    public static func set(_ sig: Int32, _ action: sigaction) -> sigaction {
        var new = action
        var old = sigaction()
        sigaction(sig, &new, &old)
        return old
    }

    /// Whether a signal has its default action now (not ignored, not handled).
    public static func isDefault(_ sig: Int32) -> Bool {
        var current = sigaction()
        sigaction(sig, nil, &current)
        #if canImport(Glibc)
        return current.__sigaction_handler.sa_handler == nil
        #else
        return current.__sigaction_u.__sa_handler == nil
        #endif
    }

    /// A file's modification time in nanoseconds.
    public static func modified(_ st: stat) -> Int {
        #if canImport(Glibc)
        return st.st_mtim.tv_sec * 1_000_000_000 + st.st_mtim.tv_nsec
        #else
        return st.st_mtimespec.tv_sec * 1_000_000_000 + st.st_mtimespec.tv_nsec
        #endif
    }

    /// The terminal's size in rows and columns, if `fd` is one.
    public static func terminalSize(_ fd: Int32) -> (rows: Int, columns: Int)? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_row), Int(size.ws_col))
    }
}
