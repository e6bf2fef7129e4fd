import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpStore
import FollowUpUI

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the dashboard (the default).")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Open on built-in sample data dated around today, in a temporary copy.") var demo = false

    func run() throws {
        var ctx = try common.context()
        guard Terminal.isInteractive else {
            throw UserError("the dashboard needs a terminal; for scripts use the subcommands (followup --help)")
        }
        var scratch: String?
        if demo {
            let folder = try DemoCopy.make(today: ctx.today, zone: ctx.zone)
            scratch = folder
            ctx = Context(file: DataFile(path: folder + "/followup.json"), zone: ctx.zone, now: ctx.now)
        }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        let (data, agenda) = try ctx.agenda(quiet: true)
        let terminal = Terminal()
        terminal.start()
        defer { terminal.stop() }
        while true {
            draw(terminal, ctx: ctx, data: data, agenda: agenda)
            let key = terminal.readKey()
            if key == Int32(UInt8(ascii: "q")) || key == 27 { break }
        }
    }

    /// A read-only list of what is due until the full dashboard lands.
    func draw(_ terminal: Terminal, ctx: Context, data: FollowUpData, agenda: Agenda) {
        terminal.clear()
        let width = Int(terminal.columns)
        let tasks = agenda.visible.filter { $0.status != .upcoming || $0.due <= ctx.today.adding(days: 7) }
        let overdue = tasks.filter { $0.status == .overdue }.count
        let dueToday = tasks.filter { $0.status == .due }.count
        let active = agenda.statuses.values.filter { !$0.isClosed }.count
        terminal.put(TextWidth.truncate(" followup · \(ctx.today.long)    \(overdue) overdue · \(dueToday) due · \(active) active · \(demo ? "demo" : ctx.file.path)", to: width), row: 0, column: 0, bold: true)
        if data.applications.isEmpty {
            terminal.put(" No applications yet. Add one: followup app add --employer NAME --role TITLE", row: 2, column: 0)
        }
        var row: Int32 = 2
        for task in tasks where row < terminal.rows - 2 {
            let cells = [task.status.rawValue, task.due == ctx.today ? "today" : task.due.short, task.employer,
                         TaskText.what(task, zone: ctx.zone), task.contactName ?? ""]
            terminal.put(TextWidth.truncate(" " + Columns.line(cells, widths: [8, 10, 18, 34, 20]), to: width), row: row, column: 0)
            row += 1
        }
        terminal.put(TextWidth.truncate(" q quit · the interactive dashboard is on its way; the command line does everything today (followup --help)", to: width),
                     row: max(row + 1, terminal.rows - 1), column: 0)
        terminal.flush()
    }
}

/// The demo's data in a private temporary folder, so the demo never touches the user's file.
enum DemoCopy {
    static func make(today: Day, zone: Zone) throws -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/followup-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw UserError("cannot make a temporary folder for the demo") }
        let folder = String(cString: made)
        let file = DataFile(path: folder + "/followup.json")
        try file.transaction(today: today) { data in data = Demo.data(today: today, zone: zone) }
        return folder
    }
}
