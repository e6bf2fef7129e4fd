import ArgumentParser
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpStore
import FollowUpUI
import JSON

extension Context {
    /// The data and everything the rules derive from it now.
    /// `toDoOnly`: the data without the applications that are closed and owe nothing, which
    /// change no task and no strike (see `load`); only for showing what is to be done.
    func agenda(quiet: Bool = false, toDoOnly: Bool = false) throws -> (FollowUpData, Agenda) {
        let data = try load(quiet: quiet, toDoOnly: toDoOnly)
        let agenda = Rules.schedule(data, zone: zone, now: now)
        Shell.keepUntilExit(agenda)
        return (data, agenda)
    }
}

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "What to do: overdue, due, and upcoming within N days.")

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp("Also list tasks due within this many days.", valueName: "n")) var days = AgendaCommand.defaultDays
    @Flag(help: "Print JSON (the contract of SPEC §4).") var json = false
    @Flag(help: "Print one number: the tasks now overdue or due (not upcoming, snoozed, dismissed or missed).") var count = false

    /// How far ahead upcoming tasks are listed without `--days`.
    static let defaultDays = 7

    /// What `--days` may be.
    static let dayRange = 0...3660

    func validate() throws {
        guard AgendaCommand.dayRange.contains(days) else {
            throw ValidationError("--days must be from \(AgendaCommand.dayRange.lowerBound) to \(AgendaCommand.dayRange.upperBound)")
        }
    }

    func run() throws {
        try AgendaCommand.run(file: common.file, now: common.now, days: days, json: json, count: count)
    }

    static func run(file: String?, now: String?, days: Int, json: Bool, count: Bool) throws {
        let ctx = try Context.make(file: file, now: now, noticing: true)
        if count {
            output(String(try AgendaCommand.count(ctx)))
            return
        }
        let (_, agenda) = try ctx.agenda(quiet: json, toDoOnly: true)
        let horizon = ctx.today.adding(days: days)
        // Visible (`Agenda.visible`) and within the horizon, in one pass: each task kept is copied.
        let tasks = agenda.tasks.filter { !$0.isHidden && ($0.status != .upcoming || $0.due <= horizon) }
        if json {
            // {"now": …, "tasks": [ … ]} in the canonical form, each task written straight.
            var out = Array("{\n  \"now\": ".utf8)
            JSONWriter.appendString(ctx.now.description, to: &out)
            out.append(contentsOf: ",\n  \"tasks\": ".utf8)
            if tasks.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(UInt8(ascii: "["))
                func written(_ range: Range<Int>, zone: Zone) -> [UInt8] {
                    var out: [UInt8] = []
                    out.reserveCapacity(range.count * 900)
                    for i in range {
                        out.append(contentsOf: (i == 0 ? "\n    " : ",\n    ").utf8)
                        TaskJSON.appendCanonical(tasks[i], zone: zone, depth: 2, to: &out)
                    }
                    return out
                }
                // Many: the later half written on another core meanwhile.
                out += Concurrently.inHalves(tasks.count, zone: ctx.zone, written)
                out.append(contentsOf: "\n  ]".utf8)
            }
            out.append(contentsOf: "\n}\n".utf8)
            outputJSON(bytes: out)
            return
        }
        if tasks.isEmpty {
            output("Nothing due in the next \(days) day\(days == 1 ? "" : "s").")
            return
        }
        let style = Style.forStdout()
        let rows = tasks.map { task -> [String] in
            let day = TaskText.day(task, zone: ctx.zone)
            // A task due since an earlier day (a check-in in its window) is due now.
            let when = day == ctx.today || (task.status == .due && day < ctx.today) ? "today" : day.short
            return [task.status.rawValue, when, task.employer,
                    TaskText.what(task, zone: ctx.zone), task.contactName ?? ""]
        }
        let widths = Columns.widths(rows, limits: [8, 10, 18, 34, 20])
        for (task, row) in zip(tasks, rows) {
            let line = Columns.line(row, widths: widths)
            output(style.paint(line, task.status))
            output("    " + task.reason)
            output(style.dim("    id " + task.id))
        }
    }
}

extension AgendaCommand {
    /// The tasks overdue or due now, counted by the rules; the count is kept for the file as it is
    /// (see `DueCountFile`) when the file had settled before it was read.
    static func count(_ ctx: Context) throws -> Int {
        let stamp = DueCountFile.Stamp.of(ctx.file.path)
        let (data, agenda) = try ctx.agenda(quiet: true)
        let count = agenda.visible.filter { $0.status.isOpen }.count
        if let stamp, let folder = ctx.file.stateFolder, stamp.isSettled(clock: Shell.clock().seconds),
           DueCountFile.Stamp.of(ctx.file.path) == stamp {
            DueCountFile(dataPath: ctx.file.path, stateFolder: folder)
                .write(Rules.dueCount(data, agenda, zone: ctx.zone, now: ctx.now), for: stamp, zone: keptFor(Shell.zoneKey(of: ctx.zone)))
        }
        return count
    }

    /// What a kept count is for besides the file: the zone and this build of the rules.
    static func keptFor(_ zoneKey: String) -> String { zoneKey + " " + Shell.programStamp() }

    /// `agenda --count` answered from the kept count without reading the data file, before the
    /// command line is parsed in full (a shell prompt runs it every time): only for the plain
    /// forms (`--count`, `--file`, `--now`), and only when the kept count is for the file as it
    /// is now, in this zone, and spans `now`. Nil: the command runs as usual.
    static func quickCount(_ arguments: [String]) -> Int? {
        guard arguments.count >= 3, arguments[1] == "agenda",
              let plain = PlainOptions(arguments[2...], flags: ["--count"], options: ["--file", "--now"]) else { return nil }
        let count = plain.has("--count")
        let fileText = plain["--file"]
        let nowText = plain["--now"]
        guard count else { return nil }
        let (file, named) = Context.dataFile(fileText)
        let now: Instant
        let zoneKey: String
        if nowText ?? Shell.variable("FOLLOWUP_NOW") == nil, let key = Shell.zoneKey() {
            // The clock's second is all the count needs of now: no zone to look up.
            (now, zoneKey) = (Shell.clock(), key)
        } else {
            guard let ctx = try? Context.make(file: fileText, now: nowText, noticing: false) else { return nil }
            (now, zoneKey) = (ctx.now, Shell.zoneKey(of: ctx.zone))
        }
        guard let folder = file.stateFolder, let stamp = DueCountFile.Stamp.of(file.path),
              let answer = DueCountFile(dataPath: file.path, stateFolder: folder)
                  .read(for: stamp, zone: keptFor(zoneKey))?.count(at: now)
        else { return nil }
        Context.noticeConflictCopies(of: file, named: named)
        return answer
    }
}

struct StrikesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strikes", abstract: "Unanswered attempts per employer (three strikes and out).")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Print JSON (the contract of SPEC §4).") var json = false

    func run() throws {
        try StrikesCommand.run(file: common.file, now: common.now, json: json)
    }

    static func run(file: String?, now: String?, json: Bool) throws {
        let ctx = try Context.make(file: file, now: now, noticing: true)
        let data = try ctx.load(quiet: json, toDoOnly: true)
        let agenda = Rules.strikes(data, zone: ctx.zone, now: ctx.now)
        if json {
            outputJSON(JSONWriter.canonicalString(.object([
                "employers": .array(agenda.employers.map { e in
                    .object([
                        "employer": .string(e.employer), "apps": .array(e.apps.map(JSONValue.string)),
                        "strikes": .int(e.strikes), "max": e.max.map(JSONValue.int) ?? .null,
                        "struckOut": .bool(e.struckOut), "nextCheckIn": e.nextCheckIn.map { .string($0.description) } ?? .null,
                    ])
                }),
            ])))
            return
        }
        if agenda.employers.isEmpty {
            output("No active applications.")
            return
        }
        let style = Style.forStdout()
        let rows = agenda.employers.map { e -> [String] in
            let dots = e.max.map { max in String(repeating: "●", count: min(e.strikes, max)) + String(repeating: "○", count: max - min(e.strikes, max)) }
                ?? String(repeating: "●", count: e.strikes)
            let of = e.max.map { "\(e.strikes) of \($0) unanswered" } ?? "\(e.strikes) unanswered (no cap)"
            let next = e.struckOut ? "struck out — time to move on" : (e.nextCheckIn.map { "next try \($0 == ctx.today ? "today" : $0.short)" } ?? "")
            return [e.employer, dots, of, next]
        }
        let widths = Columns.widths(rows, limits: [24, 10, 26, 40])
        for (e, row) in zip(agenda.employers, rows) {
            let line = Columns.line(row, widths: widths)
            output(e.struckOut ? style.paint(line, .overdue) : line)
        }
    }
}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "One application's history and what comes next.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
    @Flag(help: "Print JSON (the contract of SPEC §4).") var json = false

    func run() throws {
        let ctx = try common.context()
        let (data, agenda) = try ctx.agenda(quiet: json)
        let application = try data.findApplication(app)
        let timeline = Rules.timeline(data, app: application, agenda: agenda, zone: ctx.zone, now: ctx.now)
        if json {
            outputJSON(JSONWriter.canonicalString(.object([
                "app": .string(application.id), "employer": .string(application.employer),
                "role": .string(application.role), "status": .string(timeline.status.rawValue),
                "entries": .array(timeline.entries.map { e in
                    .object([
                        "at": .string(ctx.zone.localize(e.at).description), "kind": .string(e.kind), "past": .bool(e.past),
                        "text": .string(e.text), "flags": .array(e.flags.map(JSONValue.string)), "ref": .string(e.ref),
                    ])
                }),
            ])))
            return
        }
        let style = Style.forStdout()
        output("\(application.employer) — \(application.role) (\(application.id)) · \(timeline.status.rawValue)")
        var shownNow = false
        // What happened, the line for now, then what is still to do (overdue tasks too).
        for entry in timeline.entries.filter(\.past) + timeline.entries.filter({ !$0.past }) {
            if !entry.past, !shownNow {
                output(style.dim("── now \(ctx.today.short) " + ctx.zone.clock(ctx.now) + " ──"))
                shownNow = true
            }
            let local = ctx.zone.localize(entry.at)
            let when = local.wallClock.day.short + " " + ctx.zone.clock(entry.at)
            let flags = entry.flags.isEmpty ? "" : " [" + entry.flags.joined(separator: ", ") + "]"
            let line = Columns.line([when, entry.kind, entry.text + flags], widths: [16, 19, 0])
            if entry.flags.contains("overdue") {
                output(style.paint(line, .overdue))
            } else if entry.flags.contains("due") {
                output(style.paint(line, .due))
            } else {
                output(line)
            }
        }
        if !shownNow { output(style.dim("── now ──")) }
    }
}

struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark a task done: logs the event that satisfies it; prints the event's id.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The task's id (followup agenda shows them).", valueName: "task-id"), completion: .custom(Completions.tasks)) var taskID: String
    @Option(help: ArgumentHelp("When you did it, local time YYYY-MM-DDTHH:MM (default: now).", valueName: "datetime")) var at: String?
    @Option(help: "How: call, voicemail, email or letter (required for a check-in).") var channel: Channel?
    @Option(parsing: .unconditional, help: ArgumentHelp("A note in your words (may start with a dash).", valueName: "text")) var text: String?
    @Flag(help: "A check-in call where you spoke with them: the attempt and their reply at once (no strike).") var answered = false

    func run() throws {
        let ctx = try common.context()
        let done = try ctx.apply(.done(taskID: taskID, channel: channel, at: try at.map { try ctx.instant($0) }, text: text, answered: answered))
        if let id = done.value.id { output(id) } else { printError("marked done: \(taskID)") }
    }
}

struct Snooze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",abstract: "Hide a task until a date.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The task's id.", valueName: "task-id"), completion: .custom(Completions.tasks)) var taskID: String
    @Option(help: ArgumentHelp("The day it shows again, YYYY-MM-DD.", valueName: "date")) var until: Day

    func run() throws {
        let ctx = try common.context()
        try ctx.apply(.snooze(taskID: taskID, until: until))
        output("snoozed until \(until.short): \(taskID)")
    }
}

struct Dismiss: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Hide a task for good.",
        discussion: "Dismissing a check-in stops check-ins for that application until a new interview, reply or decision date.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The task's id.", valueName: "task-id"), completion: .custom(Completions.tasks)) var taskID: String

    func run() throws {
        let ctx = try common.context()
        try ctx.apply(.dismiss(taskID: taskID))
        output("dismissed: \(taskID)")
    }
}

/// The JSON shape of a task (SPEC §4).
enum TaskJSON {
    static func encode(_ t: FollowUpTask, zone: Zone) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(t.id), "kind": .string(t.kind.rawValue), "app": .string(t.app), "employer": .string(t.employer),
            "contact": t.contact.map(JSONValue.string) ?? .null, "contactName": t.contactName.map(JSONValue.string) ?? .null,
            "due": .string(t.due.description), "dueAt": t.dueAt.map { .string(zone.localize($0).description) } ?? .null,
            "status": .string(t.status.rawValue), "channel": t.channel.map { .string($0.rawValue) } ?? .null,
            "attempt": t.attempt.map(JSONValue.int) ?? .null, "reason": .string(t.reason),
            "anchor": .string(t.anchor),
            "opensAt": .string(zone.localize(t.opensAt).description),
            "deadline": .string(zone.localize(t.deadline).description),
        ]
        if t.kind == .checkIn { o["maxAttempts"] = t.maxAttempts.map(JSONValue.int) ?? .null }
        if let w = t.windowEnd { o["windowEnd"] = .string(w.description) }
        if let c = t.callWindow {
            o["callWindow"] = .object(["start": .string(zone.localize(c.lowerBound).description), "end": .string(zone.localize(c.upperBound).description)])
        }
        if let a = t.advice { o["advice"] = .string(a) }
        if let r = t.channelReason { o["channelReason"] = .string(r) }
        if let s = t.snoozedUntil { o["snoozedUntil"] = .string(s.description) }
        return .object(o)
    }
}

extension TaskJSON {
    /// The bytes `JSONWriter.appendCanonical(encode(t, zone:), depth:)` appends, written straight
    /// from the task (an agenda prints hundreds; building and sorting each object cost more than
    /// the rest of printing).
    static func appendCanonical(_ t: FollowUpTask, zone: Zone, depth: Int, to out: inout [UInt8]) {
        var first = true
        func key(_ name: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            newline(depth + 1)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: " "))
        }
        func newline(_ level: Int) {
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<2 * level { out.append(UInt8(ascii: " ")) }
        }
        func string(_ s: String?) {
            if let s { JSONWriter.appendString(s, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        func instant(_ i: Instant) {
            out.append(UInt8(ascii: "\""))
            zone.localize(i).appendDescription(to: &out)
            out.append(UInt8(ascii: "\""))
        }
        func day(_ d: Day) {
            out.append(UInt8(ascii: "\""))
            d.appendDescription(to: &out)
            out.append(UInt8(ascii: "\""))
        }
        func int(_ n: Int?) { out.append(contentsOf: (n.map(String.init) ?? "null").utf8) }

        if let a = t.advice { key("advice"); string(a) }
        key("anchor"); string(t.anchor)
        key("app"); string(t.app)
        key("attempt"); int(t.attempt)
        if let c = t.callWindow {
            key("callWindow")
            out.append(UInt8(ascii: "{"))
            newline(depth + 2)
            out.append(contentsOf: "\"end\": ".utf8)
            instant(c.upperBound)
            out.append(UInt8(ascii: ","))
            newline(depth + 2)
            out.append(contentsOf: "\"start\": ".utf8)
            instant(c.lowerBound)
            newline(depth + 1)
            out.append(UInt8(ascii: "}"))
        }
        key("channel"); string(t.channel?.rawValue)
        if let r = t.channelReason { key("channelReason"); string(r) }
        key("contact"); string(t.contact)
        key("contactName"); string(t.contactName)
        key("deadline"); instant(t.deadline)
        key("due"); day(t.due)
        key("dueAt")
        if let d = t.dueAt { instant(d) } else { out.append(contentsOf: "null".utf8) }
        key("employer"); string(t.employer)
        key("id"); string(t.id)
        key("kind"); string(t.kind.rawValue)
        if t.kind == .checkIn { key("maxAttempts"); int(t.maxAttempts) }
        key("opensAt"); instant(t.opensAt)
        key("reason"); string(t.reason)
        if let s = t.snoozedUntil { key("snoozedUntil"); day(s) }
        key("status"); string(t.status.rawValue)
        if let w = t.windowEnd { key("windowEnd"); day(w) }
        newline(depth)
        out.append(UInt8(ascii: "}"))
    }
}

/// Short words for a task, as a list column shows them.
enum TaskText {
    /// The day a task is listed on: a call's on the user's day, which for a far-away contact may
    /// not be theirs; else its due day.
    static func day(_ t: FollowUpTask, zone: Zone) -> Day {
        t.callWindow.map { zone.day(of: $0.lowerBound) } ?? t.due
    }

    static func what(_ t: FollowUpTask, zone: Zone) -> String {
        switch t.kind {
        case .checkIn:
            var s = (t.channel?.rawValue ?? "check-in")
            if t.channel == .call, let w = t.callWindow {
                s += " " + zone.clock(w.lowerBound) + "–" + zone.clock(w.upperBound)
            }
            s += " #\(t.attempt ?? 1)" + (t.maxAttempts.map { " of \($0)" } ?? "")
            return "check-in: " + s
        case .respond: return "respond"
        default: return t.kind.rawValue
        }
    }
}


/// Aligned columns, measured in terminal cells so accents and CJK line up.
enum Columns {
    static func widths(_ rows: [[String]], limits: [Int]) -> [Int] {
        limits.enumerated().map { i, limit in
            min(limit, rows.map { i < $0.count ? TextWidth.of($0[i]) : 0 }.max() ?? 0)
        }
    }

    /// A width of 0 means "the rest, as it is".
    static func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (i, cell) in cells.enumerated() {
            let w = i < widths.count ? widths[i] : 0
            parts.append(w == 0 ? cell : TextWidth.pad(cell, to: w))
        }
        var line = parts.joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}

/// Colour on a terminal only, never with NO_COLOR; the words carry the meaning either way.
struct Style {
    let enabled: Bool

    static func forStdout() -> Style {
        let env = Shell.environment
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        return Style(enabled: isatty(1) == 1 && !noColor && env["TERM"] != "dumb")
    }

    func paint(_ text: String, _ status: TaskStatus) -> String {
        guard enabled else { return text }
        switch status {
        case .overdue: return "\u{1B}[31m" + text + "\u{1B}[0m"
        case .due: return "\u{1B}[33m" + text + "\u{1B}[0m"
        case .upcoming: return text
        case .missed: return dim(text)
        }
    }

    func dim(_ text: String) -> String {
        enabled ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
    }
}
