import ArgumentParser
import FollowUpCore
import FollowUpStore
import FollowUpUI

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the dashboard (the default).")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Open on built-in sample data, in a temporary copy.") var demo = false

    func run() throws {
        let ctx = try common.context()
        guard Terminal.isInteractive else {
            throw UserError("the dashboard needs a terminal; for scripts use the subcommands (followup --help)")
        }
        let data = demo ? FollowUpData() : try ctx.load()
        let terminal = Terminal()
        terminal.start()
        defer { terminal.stop() }
        while true {
            terminal.clear()
            terminal.put(" followup · \(ctx.today.long)", row: 0, column: 0, bold: true)
            let count = data.applications.count
            terminal.put(" \(count) application\(count == 1 ? "" : "s") in \(demo ? "the demo" : ctx.file.path)", row: 2, column: 0)
            terminal.put(" The dashboard is being built; the command line works today (followup --help).", row: 3, column: 0)
            terminal.put(" q quit", row: max(4, terminal.rows - 1), column: 0)
            terminal.flush()
            let key = terminal.readKey()
            if key == Int32(UInt8(ascii: "q")) || key == 27 { break }
        }
    }
}
