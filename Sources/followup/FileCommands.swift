import ArgumentParser
import FollowUpCore
import FollowUpStore
import JSON

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the data file and report problems.",
        discussion: "Exits 0 when the file is sound, 1 when it has problems, 3 when it cannot be read.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try common.context()
        guard ctx.file.exists else {
            output("\(ctx.file.path) does not exist yet; it is created on the first change.")
            return
        }
        let data = try ctx.load()
        let problems = data.problems() + ctx.file.permissionWarnings()
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
    static let configuration = CommandConfiguration(abstract: "Print the data to stdout.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var common: CommonOptions
    @Argument(help: "The format: json.") var format: Format

    func run() throws {
        let ctx = try common.context()
        let data = try ctx.load()
        switch format {
        case .json:
            FileHandleOutput.write(DataFile.encode(data))
        }
    }
}
