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
        let problems = data.problems() + ctx.file.permissionWarnings() + ctx.file.conflictCopies().map { Context.conflictNotice($0, into: ctx.file.path) }
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
        commandName: "export",
        abstract: "Write the data out: json, csv or ics (to stdout unless --output or --dir).",
        discussion: """
        json: the data file in its canonical form.
        csv: one row per application (employer, role, status, stage, applied, decision date, main \
        contact with e-mail and phone, strikes, next task and its due day); --contacts: one row per person.
        ics: interviews as events (a cancelled one marked so) and open tasks as to-dos with a due \
        time (a reminder at a call's suggested time). UIDs stay the same and SEQUENCE grows with each \
        change, so a calendar that imports the file again updates its entries. --dir writes one .ics \
        per item (a vdir for khal, todoman or vdirsyncer) and removes those of items that are gone.

        Examples:
          followup export csv > applications.csv
          followup export ics --output ~/calendars/followup.ics
          followup export ics --dir ~/.local/share/vdir/followup
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case ics, csv, json }

    @OptionGroup var common: CommonOptions
    @Argument(help: "json, csv or ics.")
    var format: Format
    @Flag(help: "csv: the people (one row per contact) instead of the applications.") var contacts = false
    @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of stdout.", valueName: "file"), completion: .file())
    var output: String?
    @Option(help: ArgumentHelp("ics: one file per interview or task in this folder (a vdir).", valueName: "dir"), completion: .directory)
    var dir: String?

    func validate() throws {
        if contacts, format != .csv { throw ValidationError("--contacts is for export csv") }
        if dir != nil, format != .ics { throw ValidationError("--dir is for export ics") }
        if dir != nil, output != nil { throw ValidationError("give --output or --dir, not both") }
    }

    func run() throws {
        let ctx = try common.context()
        // The file as it is (json) can always be exported; the others run the rules.
        let data = try ctx.load(quiet: true, repairing: format == .json)
        let bytes: [UInt8]
        switch format {
        case .json:
            bytes = DataFile.encode(data)
        case .csv:
            let agenda = Rules.schedule(data, zone: ctx.zone, now: ctx.now)
            let text = contacts ? try CSVExport.contacts(data) : try CSVExport.applications(data, agenda: agenda, zone: ctx.zone, now: ctx.now)
            bytes = Array(text.utf8)
        case .ics:
            let agenda = Rules.schedule(data, zone: ctx.zone, now: ctx.now)
            let calendar = ICSExport(data: data, agenda: agenda, zone: ctx.zone, now: ctx.now)
            if let dir {
                let (written, removed) = try ExportFiles.vdir(calendar.items(), folder: dir)
                printError("\(dir): \(written) item\(written == 1 ? "" : "s") written, \(removed) removed")
                return
            }
            bytes = Array(calendar.text().utf8)
        }
        if let output {
            try ExportFiles.replace(output, with: bytes)
        } else {
            FileHandleOutput.write(bytes)
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
