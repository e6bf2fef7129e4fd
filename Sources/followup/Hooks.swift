import Foundation
import FollowUpCore
import FollowUpStore
import JSON

/// The user's hooks: executables in `$XDG_CONFIG_HOME/followup/hooks/` (else
/// `~/.config/followup/hooks/`). `post-change` runs after every committed change, `post-merge`
/// after a merge: a JSON summary on stdin, the data file's path in `FOLLOWUP_FILE`. Each runs
/// with a time limit (10 s; `FOLLOWUP_HOOK_TIMEOUT` seconds); a failure or a hook that takes too
/// long is reported and never undoes the change.
enum Hooks {
    static var folder: String {
        if let config = Shell.variable("XDG_CONFIG_HOME"), config.hasPrefix("/") { return config + "/followup/hooks" }
        return (Shell.variable("HOME") ?? ".") + "/.config/followup/hooks"
    }

    static var timeout: Double {
        Shell.variable("FOLLOWUP_HOOK_TIMEOUT").flatMap(Double.init).map { min(max($0, 0.1), 600) } ?? 10
    }

    /// Runs the hook `name` when it is there, with `input` on its stdin. Its output goes to our
    /// stderr, or nowhere when the screen is the dashboard's (`quiet`). Returns why it failed,
    /// in a sentence, or nil.
    static func run(_ name: String, input: JSONValue, dataPath: String, quiet: Bool) -> String? {
        let path = folder + "/" + name
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard access(path, X_OK) == 0 else { return "hook \(name) is not executable (chmod +x \(path)); the change is saved" }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return "hook \(name) could not be started: \(String(cString: strerror(errno)))" }
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        } else {
            // Its output is ours for a person to read, never mixed into what a script parses.
            posix_spawn_file_actions_adddup2(&actions, 2, 1)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        // A group of its own, so that a hook that takes too long is stopped with what it started.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        var env = Shell.environment
        env["FOLLOWUP_FILE"] = dataPath
        env["FOLLOWUP_HOOK"] = name
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in envp { free(e) } }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return "hook \(name) could not be started: \(String(cString: strerror(spawned))); the change is saved"
        }
        // The summary, without waiting on a hook that does not read it.
        let previous = signal(SIGPIPE, SIG_IGN)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        let bytes = Array((JSONWriter.canonicalString(input) + "\n").utf8)
        var offset = 0
        let start = Date()
        while offset < bytes.count, Date().timeIntervalSince(start) < timeout {
            let n = bytes[offset...].withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if n > 0 { offset += n; continue }
            if n < 0, errno != EAGAIN, errno != EINTR { break }
            usleep(5_000)
        }
        close(fds[1])
        signal(SIGPIPE, previous)

        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0, errno != EINTR { return nil }
            if Date().timeIntervalSince(start) >= timeout {
                kill(-pid, SIGTERM)
                usleep(200_000)
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                let limit = timeout == timeout.rounded() ? "\(Int(timeout))" : "\(timeout)"
                return "hook \(name) took longer than \(limit) s and was stopped; the change is saved"
            }
            usleep(10_000)
        }
        if status & 0x7f != 0 { return "hook \(name) was killed by signal \(status & 0x7f); the change is saved" }
        let code = (status >> 8) & 0xff
        return code == 0 ? nil : "hook \(name) failed (exit \(code)); the change is saved"
    }

    /// The summary a `post-change` hook reads: what the change was and the records it touched.
    static func summary(_ summary: String, recorded: String?, changes: [RecordChange], file: String, now: Instant) -> JSONValue {
        .object([
            "file": .string(file),
            "at": .string(now.description),
            "summary": .string(summary),
            "change": recorded.map(JSONValue.string) ?? .null,
            "records": .array(changes.map { c in
                let action = c.before == nil ? "added" : (c.after == .null ? "removed" : "changed")
                return .object([
                    "record": .string(c.record.rawValue), "id": .string(c.id),
                    "app": c.app.map(JSONValue.string) ?? (c.record == .application ? .string(c.id) : .null),
                    "action": .string(action),
                ])
            }),
        ])
    }
}

extension Context {
    /// After a change is committed: the `post-change` hook. Returns its failure, said on stderr
    /// unless `quiet` (the dashboard shows it on its status line).
    @discardableResult
    func changed<T>(_ result: Committed<T>, quiet: Bool = false) -> String? {
        guard result.wrote else { return nil }
        return changed(result.summary ?? "", recorded: result.recorded, changes: result.changes, quiet: quiet)
    }

    /// After undo took a change back: the `post-change` hook, with what it put back.
    @discardableResult
    func changed(by undone: Undone, quiet: Bool = false) -> String? {
        let left = Set(undone.left.map { $0.record.rawValue + ":" + $0.id })
        let back = undone.entry.changes.filter { !left.contains($0.record.rawValue + ":" + $0.id) }
        guard !back.isEmpty else { return nil }
        // As the records went: what the change added is removed again, and so on.
        let reverted = back.map { RecordChange(record: $0.record, id: $0.id, app: $0.app, before: $0.after == .null ? nil : $0.after, after: $0.before ?? .null) }
        return changed("undo: " + undone.entry.summary, recorded: nil, changes: reverted, quiet: quiet)
    }

    func changed(_ summary: String, recorded: String?, changes: [RecordChange], quiet: Bool) -> String? {
        let input = Hooks.summary(summary, recorded: recorded, changes: changes, file: file.path, now: now)
        let failure = Hooks.run("post-change", input: input, dataPath: file.path, quiet: quiet)
        if let failure, !quiet { printError("followup: " + failure) }
        return failure
    }
}
