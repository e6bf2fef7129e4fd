import ArgumentParser
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpDrafts
import FollowUpStore
import FollowUpTerminal
import FollowUpUI
import Platform

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default).",
        discussion: "Every change is saved at once through the same write path as the command line. Press ? inside for the keys.")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Open on built-in sample data dated around today, in a temporary copy.") var demo = false

    func run() throws {
        var ctx = try common.context(noticing: false)
        guard Terminal.isInteractive else {
            throw UserError("the dashboard needs a terminal; for scripts use the subcommands (followup --help)")
        }
        if let reason = Terminal.whyCannotDraw(term: Shell.variable("TERM")) { throw UserError(reason) }
        var scratch: String?
        if demo {
            let folder = try DemoCopy.make(today: ctx.today, zone: ctx.zone)
            scratch = folder
            let file = folder + "/followup.json"
            // The demo's undo history stays in its folder, never in the user's state folder.
            let demoFile = DataFile(path: file, stateFolder: folder)
            Terminal.removeOnSignal([file, file + ".lock", file + "." + ctx.today.description, file + ".pre-restore",
                                     demoFile.historyFile?.path ?? "", folder])
            ctx = Context(file: demoFile, zone: ctx.zone, now: ctx.now)
        }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        let fixedNow = common.now != nil || Shell.variable("FOLLOWUP_NOW") != nil
        var session = DashboardSession(ctx: ctx, fixedNow: fixedNow, label: demo ? "demo" : Dashboard.shortPath(ctx.file.path))
        try session.run()
    }

    /// The file's path with the home folder as ~.
    static func shortPath(_ path: String) -> String {
        guard let home = Shell.variable("HOME"), path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}

/// The imperative shell around the dashboard's pure state: keys in, effects out through the
/// write path, the file re-read when another process changed it.
struct DashboardSession {
    var ctx: Context
    let fixedNow: Bool
    let label: String
    var stamp: FileStamp?
    var terminal: Terminal?
    let saves = SaveQueue()

    init(ctx: Context, fixedNow: Bool, label: String) {
        self.ctx = ctx
        self.fixedNow = fixedNow
        self.label = label
    }

    mutating func run() throws {
        let data = try ctx.load(quiet: true, lasting: true)
        stamp = FileStamp(ctx.file.path)
        let env = Shell.environment
        let colour = (env["NO_COLOR"] ?? "").isEmpty
        let terminal = Terminal()
        self.terminal = terminal
        terminal.start(colour: colour)
        defer { terminal.stop() }
        // The state holds the data alone: a change is then made where it lies.
        let agenda = Rules.schedule(data, zone: ctx.zone, now: ctx.now)
        var state = DashboardState(
            data: consume data, agenda: consume agenda, zone: ctx.zone, now: ctx.now,
            fileLabel: label, rows: terminal.rows, columns: terminal.columns, colour: colour)
        state.notice = conflictNotice()
        state.drafts = TemplateFiles.load(reporting: false)
        var failures: [String] = []
        defer {
            // Quitting waits for the saves on their way; one that failed is said on the way out.
            saves.waitForAll()
            for finished in saves.finished() where finished.change != nil {
                if let error = finished.error { failures.append(error) }
            }
            terminal.stop()
            for failure in failures { printError("followup: not saved: \(failure)") }
        }
        while true {
            terminal.draw(state.render())
            // A minute at most between looks at the clock and the file.
            let key = terminal.readKey(timeout: 30_000, wake: saves.wake)
            if key == .suspend {
                terminal.suspendToShell()
                continue
            }
            var effects: [Effect] = []
            for result in savesFinished() {
                switch result {
                case .loaded, .scheduled:
                    // The old copy goes on the save queue.
                    let leftovers = Leftovers(state)
                    effects += state.update(result)
                    saves.letGo(leftovers)
                default:
                    effects += state.update(result)
                }
            }
            // While a save of ours is on its way, what is on screen is ahead of the file.
            if !saves.pending { refresh(&state) }
            if let key, let action = Keymap.action(for: key, prompting: state.prompt != nil || state.form != nil) {
                effects += state.update(action)
            }
            // Each effect's result goes back into update, which may ask for more.
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit { return }
                for result in perform(effect, state: &state) {
                    effects += state.update(result)
                }
            }
        }
    }

    /// What the saves that finished mean for the screen: saved (the data as saved, once the last
    /// one on its way is done), or failed (the file as it is, and why).
    mutating func savesFinished() -> [Action] {
        var actions: [Action] = []
        for finished in saves.finished() {
            guard let change = finished.change else {
                // A read of the file: what another process wrote.
                stamp = finished.stamp
                if let error = finished.error { actions.append(.unreadable(error)) }
                if let data = finished.data { actions.append(loaded(data, finished)) }
                continue
            }
            if let error = finished.error {
                actions += [reload(), .failed(error)]
                continue
            }
            if !saves.pending, let data = finished.data {
                stamp = FileStamp(ctx.file.path)
                actions.append(loaded(data, finished))
            }
            actions.append(.applied(change, recorded: finished.recorded))
            if let hook = finished.hook { actions.append(.failed(hook)) }
        }
        return actions
    }

    /// The data a save or a read brought, with the agenda it worked out when that is still now.
    func loaded(_ data: FollowUpData, _ finished: SaveQueue.Finished) -> Action {
        if let agenda = finished.agenda, let taken = finished.taken, finished.now == ctx.now {
            return .scheduled(data, agenda, taken, now: ctx.now)
        }
        return .loaded(data, now: ctx.now)
    }

    /// Picks up the clock and changes other processes made, cheaply (a stat per key).
    mutating func refresh(_ state: inout DashboardState) {
        var moved = false
        if !fixedNow {
            let clock = ctx.zone.localize(Shell.clock())
            if clock.seconds / 60 != ctx.now.seconds / 60 {
                ctx = Context(file: ctx.file, zone: ctx.zone, now: clock)
                moved = true
            }
        }
        // Read again off the input path: keys are answered meanwhile from what is on screen.
        let current = FileStamp(ctx.file.path)
        if current != stamp || moved {
            state.notice = conflictNotice()
            saves.reload(ctx)
        }
    }

    /// A sync tool's conflict copy beside the file, said in the header until it is merged.
    func conflictNotice() -> String? {
        let copies = ctx.file.conflictCopies()
        guard let first = copies.first else { return nil }
        let name = String(first[first.index(after: first.lastIndex(of: "/") ?? first.startIndex)...])
        return "conflict copy: followup merge \"\(name)\"" + (copies.count > 1 ? " (+\(copies.count - 1))" : "")
    }

    /// The file as it is now, as an action for `update`.
    mutating func reload() -> Action {
        do {
            stamp = FileStamp(ctx.file.path)
            let data = try ctx.file.load() ?? FollowUpData()
            try Context.refuseNumbersOutOfRange(data, path: ctx.file.path)
            return .loaded(data, now: ctx.now)
        } catch {
            // Shown until the file reads again; what is on screen is the last good state.
            return .unreadable(Sentence.of(error, for: .screen))
        }
    }

    /// Performs one effect through the actions layer and the write path; what happened comes
    /// back as actions (the data as saved, then the result). Composes no message of its own.
    mutating func perform(_ effect: Effect, state: inout DashboardState) -> [Action] {
        do {
            switch effect {
            case let .apply(change):
                // Drawn at once from memory; the durable save runs off the input path. A change
                // the actions layer refuses is never sent. The data is taken out of the state
                // so that, held once, the change is made where it lies (`update` puts it back).
                var shown = state.data
                state.takeData()
                do {
                    _ = try Actions.apply(change, to: &shown, at: ctx.now, zone: ctx.zone, taken: &state.takenIDs)
                } catch {
                    state.data = shown
                    return [.failed(Sentence.of(error, for: .screen))]
                }
                saves.submit(change, ctx)
                // A change to a task touches its application's employer only.
                if let app = change.taskApp, shown.application(id: app) != nil {
                    return [.changed(shown, employerOf: app, now: ctx.now)]
                }
                return [.loaded(shown, now: ctx.now)]
            case let .undo(changeID):
                saves.waitForAll()
                var done = savesFinished()
                let undone = try ctx.file.undo(today: ctx.today, id: changeID)
                let left = undone?.left.map { "\($0.record.rawValue) \($0.id)" } ?? []
                done += [reload(), .undone(changeID: changeID, summary: undone?.entry.summary, left: left)]
                if let undone, let hook = ctx.changed(by: undone, quiet: true) { done.append(.failed(hook)) }
                return done
            case let .writeDraft(taskID):
                guard let task = state.agenda.task(id: taskID) else { return [] }
                return [.draftWritten(path: Dashboard.shortPath(try writeDraft(task, data: state.data)))]
            case let .takeStock(taskID):
                guard let task = state.agenda.task(id: taskID) else { return [] }
                guard let note = try guidedNote(task, data: state.data) else { return [.nothingNoted] }
                return perform(.apply(.done(taskID: taskID, channel: nil, text: note)), state: &state)
            case .quit:
                return []
            }
        } catch {
            return [reload(), .failed(Sentence.of(error, for: .screen))]
        }
    }

    /// 002's questions in the user's editor; the answers, or nil when none was written.
    func guidedNote(_ task: FollowUpTask, data: FollowUpData) throws -> String? {
        var template = Array((FileManager.default.temporaryDirectory.path + "/followup-note-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw UserError("cannot make a temporary file for the note") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let questions = Array(Drafts.takeStockTemplate(for: task, in: data, zone: ctx.zone).utf8)
        let written = questions.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == questions.count else { throw UserError("cannot write the note's questions to \(path)") }
        let editor = Editor(environment: Shell.environment)
        let status = edit(path, with: editor)
        guard status == 0 else { throw UserError("the editor (\(editor.command)) failed with status \(status); nothing was logged") }
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        return Drafts.takeStockNote(from: text)
    }

    /// A first draft in the data's folder (drafts/, private), opened in the user's editor;
    /// returns its path.
    func writeDraft(_ task: FollowUpTask, data: FollowUpData) throws -> String {
        let folder = ctx.file.folder + "/drafts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = task.id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        let path = folder + "/" + String(name) + ".txt"
        if !FileManager.default.fileExists(atPath: path) {
            let text = TemplateFiles.load(reporting: false).text(for: task, in: data, zone: ctx.zone)
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw UserError("cannot write a draft in \(folder)")
            }
        }
        let editor = Editor(environment: Shell.environment)
        let status = edit(path, with: editor)
        guard status == 0 else { throw UserError("the editor (\(editor.command)) failed with status \(status); the draft is \(path)") }
        return path
    }

    /// The editor on `path`, the dashboard handing the terminal over meanwhile.
    func edit(_ path: String, with editor: Editor) -> Int32 {
        guard let terminal else { return editor.run(on: path) }
        return terminal.handOff { editor.run(on: path) }
    }
}

/// Enough of a file's identity to notice that another process replaced it.
struct FileStamp: Equatable, Sendable {
    let inode: UInt64
    let size: Int64
    let modified: Int

    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        modified = Platform.modified(st)
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
