import ArgumentParser
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpStore

@main
struct Followup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "What to do after a job interview: thank-you notes, check-ins, three strikes.",
        discussion: """
        With no subcommand, opens the dashboard.

        Exit codes: 0 success; 1 the file has problems (check); 2 bad input or an unknown name or task \
        (nothing was written); 3 the data file cannot be read or written (corrupt, newer version, \
        permissions); 4 another followup is changing the file.
        """,
        version: "0.1.0",
        subcommands: [
            Dashboard.self, Init.self, AppCommand.self, ContactCommand.self, InterviewCommand.self, Log.self, EventCommand.self, Close.self, Reopen.self, Undo.self,
            Apps.self, Show.self, AgendaCommand.self, StrikesCommand.self, SettingsCommand.self, TimelineCommand.self, Done.self, Snooze.self, Dismiss.self,
            Draft.self, EditFile.self, Check.self, Export.self, Import.self, Backups.self, Restore.self, MergeCommand.self, MergeDriver.self, Remind.self,
        ],
        defaultSubcommand: Dashboard.self)

    static func main() {
        if let count = AgendaCommand.quickCount(CommandLine.arguments) {
            output(String(count))
            return
        }
        do {
            if let run = plain(CommandLine.arguments) {
                try run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(report(error))
        }
    }

    /// The plain forms of the commands that show what is to be done — their own flags, `--file`
    /// and `--now`, each at most once — and of `log`, run without the argument parser, whose
    /// setting up costs more than some of them take to answer (~2.5 ms a run). Anything else (help, a mistake, another form) is
    /// parsed the usual way. Nil: not a plain form.
    static func plain(_ arguments: [String]) -> (() throws -> Void)? {
        guard arguments.count >= 2 else { return nil }
        let words = arguments[2...]
        let place: Set<String> = ["--file", "--now"]
        switch arguments[1] {
        case "agenda":
            guard let o = PlainOptions(words, flags: ["--json", "--count"], options: place.union(["--days"])) else { return nil }
            var days = AgendaCommand.defaultDays
            if let text = o["--days"] {
                guard let n = Int(text), AgendaCommand.dayRange.contains(n) else { return nil }
                days = n
            }
            return { try AgendaCommand.run(file: o["--file"], now: o["--now"], days: days, json: o.has("--json"), count: o.has("--count")) }
        case "strikes":
            guard let o = PlainOptions(words, flags: ["--json"], options: place) else { return nil }
            return { try StrikesCommand.run(file: o["--file"], now: o["--now"], json: o.has("--json")) }
        case "apps":
            guard let o = PlainOptions(words, flags: ["--json", "--all"], options: place) else { return nil }
            return { try Apps.run(file: o["--file"], now: o["--now"], all: o.has("--all"), json: o.has("--json")) }
        case "log":
            return Log.plain(words)
        default:
            return nil
        }
    }

    /// Turns any error into the one line a user reads and the documented exit code.
    static func report(_ error: Error) -> Int32 {
        if let code = error as? ExitCode { return code.rawValue }
        if error is ActionError || error is UserError || error is LookupError || error is StoreError {
            printError("followup: " + Sentence.of(error))
            return Sentence.exitCode(error)
        }
        let code = exitCode(for: error)
        if code == .success {
            // --help and --version ("followup 0.1.0", as other tools say it).
            let text = fullMessage(for: error)
            output(text == configuration.version ? "followup \(text)" : text)
            return 0
        }
        // ArgumentParser may spread one message over several lines (a list of allowed values);
        // a script reads one line.
        let lines = message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let oneLine = lines.filter { !$0.isEmpty }.joined(separator: " ")
            .replacingOccurrences(of: ": - ", with: ": ").replacingOccurrences(of: " - ", with: ", ")
        printError("followup: \(oneLine)")
        return 2
    }
}

/// A command line of long flags and options with values, read strictly: each flag or option
/// at most once, a value after its option or joined to it by `=`, never empty and never starting
/// with a dash. Anything else makes it nil, for the argument parser to read (and explain).
struct PlainOptions {
    private var flags: Set<String> = []
    private var values: [String: String] = [:]

    init?(_ words: ArraySlice<String>, flags known: Set<String>, options: Set<String>) {
        var rest = words
        while let word = rest.popFirst() {
            if known.contains(word) {
                guard flags.insert(word).inserted else { return nil }
                continue
            }
            var name = word
            var value: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            }
            guard options.contains(name), values[name] == nil else { return nil }
            guard let given = value ?? rest.popFirst(), !given.isEmpty, !given.hasPrefix("-") else { return nil }
            values[name] = given
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    subscript(option: String) -> String? { values[option] }
}
