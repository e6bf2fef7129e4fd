import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpDrafts

/// The user's templates: `NAME.mustache` in `$XDG_CONFIG_HOME/followup/templates/` (else
/// `~/.config/followup/templates/`), each over the built-in one of its name.
enum TemplateFiles {
    static var folder: String {
        if let xdg = Shell.variable("XDG_CONFIG_HOME"), xdg.hasPrefix("/") { return xdg + "/followup/templates" }
        return (Shell.variable("HOME") ?? ".") + "/.config/followup/templates"
    }

    /// The templates to draft with. A broken one is said in one line naming its file and line
    /// (on stderr when `reporting`), and its built-in one is used instead.
    static func load(reporting: Bool = true) -> DraftTemplates {
        var overrides: [(name: String, path: String, text: String)] = []
        for name in DraftTemplates.names {
            let path = folder + "/" + name + ".mustache"
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            overrides.append((name, path, String(decoding: bytes, as: UTF8.self)))
        }
        let (templates, problems) = DraftTemplates.with(overrides: overrides)
        if reporting {
            for p in problems {
                printError("followup: \(p.path):\(p.line):\(p.column): \(p.message); using the built-in template instead")
            }
        }
        return templates
    }
}

struct Draft: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Print the draft for a task (a thank-you note, a check-in e-mail or call script).",
        discussion: """
        The drafts come from Mustache templates: thank-you, closing-thank-you, check-in-email and \
        check-in-call. A file NAME.mustache in $XDG_CONFIG_HOME/followup/templates/ (else \
        ~/.config/followup/templates/) replaces the built-in one; --template NAME prints the \
        built-in one to start from. A template that does not parse is named with its line, and the \
        built-in one is used.

        Examples:
          followup draft thank-you:acme-7f3k:iv-q2m1:dana-lee-x81c | xclip -selection clipboard
          followup draft --template thank-you > ~/.config/followup/templates/thank-you.mustache
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The task's id (followup agenda --json lists them).", valueName: "task-id"), completion: .custom(Completions.tasks))
    var taskID: String?
    @Option(help: ArgumentHelp("Print a built-in template instead: thank-you, closing-thank-you, check-in-email or check-in-call.", valueName: "name"))
    var template: String?

    func validate() throws {
        if taskID == nil, template == nil { throw ValidationError("give a task id, or --template NAME") }
        if let template, DraftTemplates.builtIn(template) == nil {
            throw ValidationError("no template \"\(template)\"; the templates are: " + DraftTemplates.names.joined(separator: ", "))
        }
    }

    func run() throws {
        if let template, let text = DraftTemplates.builtIn(template) {
            outputData(text)
            return
        }
        guard let taskID else { return }
        let ctx = try common.context()
        let (data, agenda) = try ctx.agenda(quiet: true)
        guard let task = agenda.task(id: taskID) else {
            throw UserError("no task \(taskID) is open now; followup agenda lists them")
        }
        output(TemplateFiles.load().text(for: task, in: data, zone: ctx.zone))
    }
}
