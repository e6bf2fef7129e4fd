import ArgumentParser
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpStore
import FollowUpTerminal

struct EditFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit the data file in $VISUAL or $EDITOR, checked before it is saved.",
        discussion: """
        You edit a copy. When the editor exits the copy is validated and only then saved through the \
        write path (as visudo does); a mistake is shown with its line and column and you may re-open \
        the editor. Nothing is lost: a copy that is not saved is kept and its path is shown.
        """)

    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try common.context()
        // Without a terminal a terminal editor (vi, the default) would wait for ever.
        guard Terminal.isInteractive else {
            throw UserError("edit needs a terminal for the editor; to change the file from a script use the subcommands (followup --help)")
        }
        let file = ctx.file
        let original = try file.readBytes()
        let start = try original.map { try file.decode($0) } ?? FollowUpData()
        if start.version > FollowUpData.currentVersion {
            throw StoreError.newerVersion(path: file.path, version: start.version, supported: FollowUpData.currentVersion)
        }
        try FileManager.default.createDirectory(atPath: file.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let copy = file.folder + "/.followup-edit-\(getpid()).json"
        let initial = original ?? DataFile.encode(start)
        guard FileManager.default.createFile(atPath: copy, contents: Data(initial), attributes: [.posixPermissions: 0o600]) else {
            throw UserError("cannot write a copy to edit in \(file.folder)")
        }
        let editor = Editor(environment: Shell.environment)
        while true {
            let status = editor.run(on: copy)
            guard status == 0 else {
                throw UserError("the editor (\(editor.command)) failed with status \(status); your copy is kept at \(copy)")
            }
            let edited = [UInt8](FileManager.default.contents(atPath: copy) ?? Data())
            if edited == initial {
                try? FileManager.default.removeItem(atPath: copy)
                output("no changes")
                return
            }
            do {
                let data = try file.decode(edited)
                if data.version > FollowUpData.currentVersion {
                    throw StoreError.invalid(path: copy, field: "version", message: "\(data.version) is newer than this followup writes (\(FollowUpData.currentVersion))")
                }
                try Context.refuseNumbersOutOfRange(data, path: copy)
                let twice = data.duplicateIDs()
                if !twice.isEmpty {
                    throw StoreError.invalid(path: copy, field: "", message: "ids used by more than one record: " + twice.joined(separator: ", ") + "; every id must be unique")
                }
                let result = try file.recording(today: ctx.today, at: ctx.now) { current in
                    // Someone else wrote meanwhile (checked under the lock): replacing the file
                    // would lose their change.
                    if (try file.readBytes()) != original {
                        throw UserError("the file changed while you were editing; your copy is kept at \(copy); run followup edit again")
                    }
                    let applied = try Actions.apply(.replace(data), to: &current, at: ctx.now, zone: ctx.zone)
                    return (applied, applied.summary)
                }
                ctx.tell(result)
                ctx.changed(result)
                try? FileManager.default.removeItem(atPath: copy)
                for problem in data.problems() { printError("followup: warning: \(problem)") }
                output("saved \(file.path)")
                return
            } catch let StoreError.corrupt(_, line, column, message) {
                printError("followup: \(copy):\(line):\(column): not valid JSON: \(message)")
            } catch let StoreError.invalid(_, field, message) {
                printError("followup: \(copy): \(field) \(message)")
            }
            guard canAskUser(), EditFile.ask("Re-open the editor? [Y/n] ") else {
                throw UserError("not saved; your copy is kept at \(copy)")
            }
        }
    }

    static func ask(_ question: String) -> Bool {
        FileHandleOutput.write(Array(question.utf8), to: 2)
        guard let answer = readLine() else { return false }
        let a = answer.trimmingCharacters(in: .whitespaces).lowercased()
        return a.isEmpty || a == "y" || a == "yes"
    }
}

/// Whether a person is at the keyboard to answer a question.
func canAskUser() -> Bool { isatty(0) == 1 && isatty(2) == 1 }
