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
            var command = try direct(CommandLine.arguments) ?? parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(report(error))
        }
    }

    /// The commands scripts, prompts and status bars run most, parsed on their own: setting up
    /// the whole tree of subcommands costs more than some of them take to answer. Anything one
    /// of them does not accept (a mistake, `--help`) is parsed again the full way, which says
    /// it as always.
    static func direct(_ arguments: [String]) -> ParsableCommand? {
        let commands: [String: ParsableCommand.Type] = [
            "agenda": AgendaCommand.self, "strikes": StrikesCommand.self, "apps": Apps.self, "remind": Remind.self,
            "log": Log.self, "done": Done.self,
        ]
        guard arguments.count > 1, let type = commands[arguments[1]] else { return nil }
        return try? type.parseAsRoot(Array(arguments.dropFirst(2)))
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
