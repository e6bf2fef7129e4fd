#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Platform

/// The user's editor, run as a shell runs a job: in the terminal's foreground process group (so
/// it may read the terminal), with default signal dispositions and an empty signal mask. The
/// one place every hand-off to an editor goes through: `followup edit`, drafts, the guided note.
///
/// Foundation's `Process` cannot be used for this: it starts the child in a new process group,
/// where a terminal editor's reads fail (EIO) or stop it (SIGTTIN).
public struct Editor: Sendable {
    /// The command as the user gave it (`vim`, `code --wait`); run through `sh -c`.
    public let command: String

    /// `$VISUAL`, else `$EDITOR`, else `vi`.
    public init(environment: [String: String]) {
        let given = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        command = given ?? "vi"
    }

    /// Runs the editor on `path` and waits for it. Returns its exit status (128 + the signal
    /// when a signal ended it, 127 when it could not be started). The caller leaves curses
    /// first (`Terminal.handOff`).
    public func run(on path: String) -> Int32 {
        // While the editor runs, a Ctrl-C or Ctrl-\ typed into it reaches the whole foreground
        // group: this process ignores them, as system(3) does. A Ctrl-Z in the editor stops
        // this process too (the default), so the shell's `fg` brings both back.
        let oldInt = Platform.set(SIGINT, Platform.ignoring)
        let oldQuit = Platform.set(SIGQUIT, Platform.ignoring)
        let oldStop = Platform.set(SIGTSTP, Platform.action(nil))
        defer {
            Platform.set(SIGINT, oldInt)
            Platform.set(SIGQUIT, oldQuit)
            Platform.set(SIGTSTP, oldStop)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGHUP, SIGTERM, SIGPIPE, SIGCHLD, SIGWINCH, SIGCONT] {
            sigaddset(&defaults, sig)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        // No POSIX_SPAWN_SETPGROUP: the editor stays in this, the foreground, process group.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let words: [String] = ["sh", "-c", command + " \"$1\"", "sh", path]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
