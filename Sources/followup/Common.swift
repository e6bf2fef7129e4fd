import ArgumentParser
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpStore
import FollowUpUI

/// Options every subcommand takes: which file, and what time it is.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data file (default: $FOLLOWUP_FILE, else $XDG_DATA_HOME/followup/followup.json).", valueName: "path"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Act as if it were this local time, YYYY-MM-DDTHH:MM (default: $FOLLOWUP_NOW, else the clock).", valueName: "datetime"))
    var now: String?

    /// Resolves the file, the zone and the time, once per command. On a terminal, a sync tool's
    /// conflict copy beside the file is pointed out first (unless `noticing` is false: the
    /// dashboard shows it in its header, merge is bringing one in).
    func context(noticing: Bool = true) throws -> Context {
        try Context.make(file: file, now: now, noticing: noticing)
    }

    /// A data file that is a symbolic link is written through to its target: saving replaces
    /// the file by rename, which would otherwise replace the link.
    static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // A link to a file not made yet: its target, relative to the link's folder.
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return path }
        let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return folder + "/" + target
    }

}

/// What a command runs against: the data file, the user's zone, and now.
struct Context: Sendable {
    let file: DataFile
    let zone: Zone
    let now: Instant

    /// Resolves the file, the zone and the time (see `CommonOptions.context`).
    static func make(file: String?, now: String?, noticing: Bool) throws -> Context {
        let zone = try Shell.zone()
        let nowText = now ?? Shell.variable("FOLLOWUP_NOW")
        let instant: Instant
        if let nowText {
            instant = try Fields.dateTime(.now, zone: zone).value(nowText)
        } else {
            instant = zone.localize(Shell.clock())
        }
        let (dataFile, named) = Context.dataFile(file, clockDay: zone.day(of: Shell.clock()))
        if noticing { noticeConflictCopies(of: dataFile, named: named) }
        return Context(file: dataFile, zone: zone, now: instant)
    }

    /// The data file `--file` names, else `$FOLLOWUP_FILE`, else the default one (its real path,
    /// its undo history in the state folder); `named`: it is not the default one.
    static func dataFile(_ file: String?, clockDay: Day? = nil) -> (file: DataFile, named: Bool) {
        let env = Shell.environment
        let path = file ?? Shell.variable("FOLLOWUP_FILE") ?? DataFile.defaultPath(environment: env)
        let dataFile = DataFile(path: CommonOptions.resolved(absolutePath(path)),
                                stateFolder: HistoryFile.defaultStateFolder(environment: env), clockDay: clockDay,
                                indexKey: Shell.programStamp())
        return (dataFile, path != DataFile.defaultPath(environment: env))
    }

    /// On a terminal, points out a sync tool's conflict copy beside the file (`named`: the file
    /// was not the default one, so the hint names it).
    static func noticeConflictCopies(of file: DataFile, named: Bool) {
        guard isatty(2) == 1 else { return }
        for copy in file.conflictCopies() { printError("followup: " + Context.conflictNotice(copy, into: named ? file.path : nil)) }
    }

    var today: Day { zone.day(of: now) }

    /// What to say about a sync tool's conflict copy beside the file.
    static func conflictNotice(_ copy: String, into file: String? = nil) -> String {
        let target = file.map { " --file \"\($0)\"" } ?? ""
        return "a sync conflict copy is beside the data file: \(copy); bring its changes in with: followup merge \"\(copy)\"\(target)"
    }

    /// Reads the file for a command that only looks; a missing file reads as empty, and unless
    /// `quiet` the user is told where it will be and how to start.
    /// A number in the file's settings outside its range is refused here, with the one line that
    /// says how to fix it; `repairing` reads such a file anyway (check, settings, export json).
    /// What was read is held until the process exits (see `Shell.keepUntilExit`) unless
    /// `lasting`: the dashboard lives on and reads again, and must let old data go.
    /// The file's data. `toDoOnly`: without the applications that are closed and owe nothing
    /// (for agenda, strikes and remind, which show only what is to be done; never for a change).
    func load(quiet: Bool = false, repairing: Bool = false, lasting: Bool = false, toDoOnly: Bool = false) throws -> FollowUpData {
        let keep: ((Any) -> Void)? = lasting ? nil : { Shell.keepUntilExit($0) }
        let loaded = toDoOnly
            ? try file.loadLeavingOutQuiet(at: now, clock: Shell.clock().seconds, keeping: keep)
            : try file.load(keeping: keep)
        guard let data = loaded else {
            if !quiet {
                printError("followup: no data yet; \(file.path) is created when you add your first application: followup app add --employer NAME --role TITLE")
            }
            return FollowUpData()
        }
        if !repairing { try Context.refuseNumbersOutOfRange(data, path: file.path) }
        if !lasting { Shell.keepUntilExit(data) }
        return data
    }

    static func refuseNumbersOutOfRange(_ data: FollowUpData, path: String) throws {
        if let bad = data.settings.numbersOutOfRange.first {
            throw StoreError.invalid(
                path: path, field: "settings.\(bad.key)",
                message: "is \(bad.value), out of range: it must be from \(bad.range.lowerBound) to \(bad.range.upperBound); followup settings \(bad.key) VALUE (or default) fixes it")
        }
    }

    /// Makes one change through the actions layer and the one write path, recorded for undo;
    /// returns what it did. For a command, which exits next (the dashboard, which lives on,
    /// saves through `applyTelling`). `quiet` keeps notes off stderr.
    @discardableResult
    func apply(_ change: Change, quiet: Bool = false) throws -> Committed<Applied> {
        let result = try applyTelling(change, quiet: quiet, readingPart: true).result
        // A command exits next: the data is held until then rather than freed record by record.
        Shell.keepUntilExit(result.data)
        return result
    }

    /// `apply`, with the `post-change` hook's failure when it failed (its change is saved).
    /// `readingPart`: a change to one employer's applications may read and write only theirs,
    /// and the data it hands back then holds only them — for a command, which exits next; the
    /// dashboard takes the whole data a save brings.
    func applyTelling(_ change: Change, quiet: Bool, readingPart: Bool = false) throws -> (result: Committed<Applied>, hook: String?) {
        let part: (([ApplicationHeading]) -> [Int]?)? = readingPart ? { Actions.part(of: change, among: $0) } : nil
        let result = try file.recording(today: today, at: now, part: part) { data, mayHold in
            try Actions.apply(change, to: &data, at: now, zone: zone, partOfFile: mayHold).map { ($0, $0.summary) }
        }
        if !quiet { tell(result) }
        return (result, changed(result, quiet: quiet))
    }

    /// Notes for the person at the terminal after a write: the file made, modes too wide.
    func tell<T>(_ result: Committed<T>) {
        if result.created { printError("created \(file.path)") }
        // The save itself made the file 0600; a folder left open to others is worth a word.
        if result.wrote {
            for warning in file.permissionWarnings() { printError("followup: warning: \(file.path): \(warning)") }
        }
    }

    /// A local date-time typed by the user (`YYYY-MM-DDTHH:MM`, or RFC 3339 with an offset),
    /// placed in the user's zone; a time the clocks skip is an error.
    func instant(_ text: String, _ key: FieldKey = .at) throws -> Instant {
        try Fields.dateTime(key, zone: zone).value(text)
    }

}

extension Undone {
    /// What undo did, in one line: the change taken back, and the records it left because they
    /// changed since.
    var sentence: String {
        guard !left.isEmpty else { return "undone: \(entry.summary)" }
        let names = left.prefix(3).map { "\($0.record.rawValue) \($0.id)" }.joined(separator: ", ")
        let more = left.count > 3 ? " and \(left.count - 3) more" : ""
        if left.count == entry.changes.count {
            return "nothing of \"\(entry.summary)\" taken back: it all changed since (\(names)\(more)), kept as it is now"
        }
        return "undone: \(entry.summary); kept as they are now, changed since: \(names)\(more)"
    }
}

/// A mistake in what the user asked for: shown as one line, nothing written.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { self.description = message }
}

/// A line for the person at the terminal, on stderr; what came from the data cannot drive it.
func printError(_ line: String) {
    FileHandleOutput.write(Array((TerminalText.safe(line) + "\n").utf8), to: 2)
}

/// Text for a person on stdout: control characters from the data shown as escapes.
func output(_ text: String) {
    let safe = TerminalText.safe(text)
    FileHandleOutput.write(Array((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}

/// JSON on stdout: the same data, with control and bidi characters written as `\u` escapes.
func outputJSON(_ json: String) {
    outputData(TerminalText.jsonSafe(json))
}

/// `outputJSON` for JSON written as bytes, ending with a line break.
func outputJSON(bytes json: [UInt8]) {
    FileHandleOutput.write(TerminalText.jsonSafe(bytes: json))
}

/// A machine format on stdout (JSON, CSV, ICS) as it is: its own escaping applies.
func outputData(_ text: String) {
    FileHandleOutput.write(Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

// MARK: Values the options take

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension ContactRole: ExpressibleByArgument {}
extension InterviewKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension RequestTopic: ExpressibleByArgument {}
extension EventKind: ExpressibleByArgument {}
extension PresetName: ExpressibleByArgument {}

/// A time zone given by its IANA name (`Europe/Berlin`).
struct ZoneName: ExpressibleByArgument {
    let identifier: String
    init?(argument: String) {
        guard let zone = Zone(identifier: argument) else { return nil }
        identifier = zone.identifier
    }
}


/// Output with write(2), not FileHandle: a reader that went away (`| head`) ends the output
/// quietly, exit 0, rather than crashing when SIGPIPE is ignored (as under systemd).
enum FileHandleOutput {
    static func write(_ bytes: [UInt8], to fd: Int32 = 1) {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < buffer.count {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE, fd == 1 { exit(0) }
                    return
                }
                offset += n
            }
        }
    }
}
