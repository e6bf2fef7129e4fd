import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpUI

struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Today's overdue and due items, for cron or a systemd timer (prints nothing when there are none).",
        discussion: """
        Exits 0 whether or not there is anything to do. With --notify, also sends one desktop \
        notification through notify-send (Debian: libnotify-bin).
        crontab:  0 9 * * 1-5  followup remind --notify
        """)

    @OptionGroup var common: CommonOptions
    @Flag(help: "Also send a desktop notification (notify-send).") var notify = false

    func run() throws {
        let ctx = try common.context(noticing: false)
        let (_, agenda) = try ctx.agenda(quiet: true, toDoOnly: true)
        let tasks = agenda.visible.filter { $0.status.isOpen }
        guard !tasks.isEmpty else { return }
        let lines = tasks.map { task -> String in
            let day = TaskText.day(task, zone: ctx.zone)
            let when = task.status == .overdue ? "overdue (\(task.due.short))"
                : (day <= ctx.today ? "today" : "due \(day == ctx.today.adding(days: 1) ? "tomorrow" : day.short)")
            let who = task.contactName.map { " — \($0)" } ?? ""
            return "\(when): \(task.employer): \(TaskText.what(task, zone: ctx.zone))\(who)"
        }
        for line in lines { output(line) }
        if notify {
            let title = "followup: \(tasks.count) to do today"
            let body = lines.prefix(8).joined(separator: "\n") + (lines.count > 8 ? "\n… and \(lines.count - 8) more" : "")
            if let problem = Notifier.send(title: title, body: body) { printError("followup: " + problem) }
        }
    }
}

/// One desktop notification through `notify-send`, when it is installed.
enum Notifier {
    static func send(title: String, body: String) -> String? {
        guard let program = findOnPath("notify-send") else {
            return "notify-send is not installed (Debian: apt install libnotify-bin); no notification was sent"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--app-name=followup", title, TerminalText.safe(body)]
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "notify-send could not be started: \(error.localizedDescription)"
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "notify-send failed (exit \(process.terminationStatus))"
    }

    static func findOnPath(_ name: String) -> String? {
        for folder in (Shell.variable("PATH") ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
