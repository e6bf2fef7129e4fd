import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpStore
import JSON

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the data file and report problems.",
        discussion: "Exits 0 when the file is sound, 1 when it has problems, 3 when it cannot be read.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try common.context(noticing: false)
        guard try ctx.file.existence() else {
            output("\(ctx.file.path) does not exist yet; it is created on the first change.")
            return
        }
        let data = try ctx.load(repairing: true)
        let problems = data.problems() + ctx.file.permissionWarnings() + ctx.file.conflictCopies().map(Context.conflictNotice)
        if problems.isEmpty {
            let apps = data.applications.count
            output("\(ctx.file.path): ok (\(apps) application\(apps == 1 ? "" : "s"))")
            return
        }
        for problem in problems { output("\(ctx.file.path): \(problem)") }
        throw ExitCode(1)
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",abstract: "Print the data to stdout: json, csv or ics.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case ics, csv, json }

    @OptionGroup var common: CommonOptions
    @Argument(help: "json: the data file, canonical; csv: every interview and event, a row each; ics: interviews and what is due, for a calendar.")
    var format: Format

    func run() throws {
        let ctx = try common.context()
        // The file as it is (json) can always be exported; the others run the rules.
        let data = try ctx.load(quiet: true, repairing: format == .json)
        switch format {
        case .json:
            FileHandleOutput.write(DataFile.encode(data))
        case .csv:
            let agenda = Rules.schedule(data, zone: ctx.zone, now: ctx.now)
            FileHandleOutput.write(Array(CSVExport.text(data, agenda: agenda, zone: ctx.zone).utf8))
        case .ics:
            let agenda = Rules.schedule(data, zone: ctx.zone, now: ctx.now)
            FileHandleOutput.write(Array(ICSExport.text(data, agenda: agenda, zone: ctx.zone, now: ctx.now).utf8))
        }
    }
}

struct Backups: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backups",
        abstract: "List the daily backups of the data file.",
        discussion: "Before the first change of each day the file is hard-linked to followup.json.YYYY-MM-DD; the last 7 are kept.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try common.context()
        let backups = ctx.file.backups()
        if backups.isEmpty {
            output("No backups yet: one is made before the first change of each day.")
            return
        }
        for backup in backups {
            output(Columns.line([backup.day.description, backup.day.short, byteCount(backup.size), backup.path], widths: [10, 10, 9, 0]))
        }
        if access(ctx.file.preRestorePath, F_OK) == 0 {
            output("Before the last restore: \(ctx.file.preRestorePath) (followup restore pre-restore)")
        }
    }

    func byteCount(_ n: Int) -> String {
        n < 10_000 ? "\(n) B" : (n < 10_000_000 ? "\(n / 1000) KB" : "\(n / 1_000_000) MB")
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Bring back a daily backup.",
        discussion: "The file it replaces is kept as followup.json.pre-restore, so `followup restore pre-restore` undoes a restore.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The backup's date (YYYY-MM-DD), or pre-restore.", valueName: "date")) var date: String

    func run() throws {
        let ctx = try common.context()
        let backup: Backup
        if date == "pre-restore" {
            guard access(ctx.file.preRestorePath, F_OK) == 0 else { throw UserError("there is no pre-restore copy: nothing was restored yet") }
            backup = Backup(day: ctx.today, path: ctx.file.preRestorePath, size: 0)
        } else {
            guard let day = Day(date) else { throw UserError("\"\(date)\" is not a date YYYY-MM-DD (followup backups lists them)") }
            guard let found = ctx.file.backups().first(where: { $0.day == day }) else {
                let days = ctx.file.backups().map(\.day.description)
                throw UserError("no backup of \(day)" + (days.isEmpty ? "; there are none yet" : "; there are: " + days.joined(separator: ", ")))
            }
            backup = found
        }
        let data = try ctx.file.restore(backup, today: ctx.today)
        let n = data.applications.count
        output("restored \(backup.path) (\(n) application\(n == 1 ? "" : "s")); the replaced file is \(ctx.file.preRestorePath)")
        ctx.changed("restore \(backup.path)", recorded: nil, changes: [], quiet: false)
    }
}
