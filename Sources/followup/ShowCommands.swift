import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpStore
import JSON

/// Where an application has got to, in a few words.
func stage(of app: Application, status: ApplicationStatus, now: Instant, zone: Zone) -> String {
    if status.isClosed { return status.rawValue }
    let live = app.interviews.filter { !$0.cancelled }.sorted { $0.at < $1.at }
    if let next = live.first(where: { $0.at > now }) {
        let round = next.round.map { "round \($0)" } ?? "interview"
        return "\(round) on \(zone.day(of: next.at).short)"
    }
    let held = live.filter { $0.at <= now }
    if held.isEmpty { return "applied" }
    let round = max(held.count, held.compactMap(\.round).max() ?? 0)
    return round == 1 ? "interviewed" : "after round \(round)"
}

struct Apps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",abstract: "List applications (open ones unless --all).")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Include closed applications (offer, rejected, withdrawn, closed).") var all = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try Apps.run(file: common.file, now: common.now, all: all, json: json)
    }

    static func run(file: String?, now: String?, all: Bool, json: Bool) throws {
        let ctx = try Context.make(file: file, now: now, noticing: true)
        // Without --all only open applications are listed: those closed and owing nothing need
        // not be read.
        var (data, agenda) = try ctx.agenda(quiet: json, toDoOnly: !all)
        if !all, data.applications.isEmpty, !json {
            // Whether the file has none at all or only closed ones is worth a different sentence.
            (data, agenda) = try ctx.agenda(quiet: json)
        }
        let strikes = Dictionary(agenda.employers.flatMap { e in e.apps.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        let apps = data.applications.filter { all || !(agenda.statuses[$0.id] ?? .active).isClosed }
        // Each application's first visible task, found in one pass (not one pass per application).
        var firstTask: [String: FollowUpTask] = [:]
        for task in agenda.tasks where !task.isHidden && firstTask[task.app] == nil { firstTask[task.app] = task }
        let next = { (id: String) in firstTask[id] }
        if json {
            // {"apps": [ … ]} in the canonical form (keys in order), each written straight.
            var out = Array("{\n  \"apps\": ".utf8)
            if apps.isEmpty { out.append(contentsOf: "[]".utf8) }
            let now = ctx.now
            func written(_ range: Range<Int>, zone: Zone) -> [UInt8] {
                var out: [UInt8] = []
                out.reserveCapacity(range.count * 1_200)
                for i in range {
                    let a = apps[i]
                    out.append(contentsOf: (i == 0 ? "[\n    {" : ",\n    {").utf8)
                    let status = agenda.statuses[a.id] ?? .active
                    let e = strikes[a.id]
                    func key(_ name: String) { out.append(contentsOf: "\n      \"\(name)\": ".utf8) }
                    key("applied")
                    if let day = a.applied { JSONWriter.appendString(day.description, to: &out) } else { out.append(contentsOf: "null".utf8) }
                    out.append(UInt8(ascii: ","))
                    key("employer"); JSONWriter.appendString(a.employer, to: &out); out.append(UInt8(ascii: ","))
                    key("id"); JSONWriter.appendString(a.id, to: &out); out.append(UInt8(ascii: ","))
                    key("maxStrikes"); out.append(contentsOf: (e?.max.map(String.init) ?? "null").utf8); out.append(UInt8(ascii: ","))
                    key("next")
                    if let task = next(a.id) { TaskJSON.appendCanonical(task, zone: zone, depth: 3, to: &out) } else { out.append(contentsOf: "null".utf8) }
                    out.append(UInt8(ascii: ","))
                    key("role"); JSONWriter.appendString(a.role, to: &out); out.append(UInt8(ascii: ","))
                    key("stage"); JSONWriter.appendString(stage(of: a, status: status, now: now, zone: zone), to: &out); out.append(UInt8(ascii: ","))
                    key("status"); JSONWriter.appendString(status.rawValue, to: &out); out.append(UInt8(ascii: ","))
                    key("strikes"); out.append(contentsOf: String(e?.strikes ?? 0).utf8)
                    out.append(contentsOf: "\n    }".utf8)
                    if i == apps.count - 1 { out.append(contentsOf: "\n  ]".utf8) }
                }
                return out
            }
            // Many: the later half written on another core meanwhile.
            out += Concurrently.inHalves(apps.count, zone: ctx.zone, written)
            out.append(contentsOf: "\n}\n".utf8)
            outputJSON(bytes: out)
            return
        }
        if apps.isEmpty {
            output(data.applications.isEmpty
                ? "No applications yet. Add one: followup app add --employer NAME --role TITLE"
                : "No open applications (followup apps --all lists the closed ones).")
            return
        }
        let rows = apps.map { a -> [String] in
            let status = agenda.statuses[a.id] ?? .active
            let e = strikes[a.id]
            let count = e.map { "\($0.strikes)" + ($0.max.map { "/\($0)" } ?? "") } ?? ""
            let task = next(a.id).map { "\($0.kind.rawValue) \($0.due == ctx.today ? "today" : $0.due.short)" } ?? ""
            return [a.id, a.employer, a.role, status.rawValue, stage(of: a, status: status, now: ctx.now, zone: ctx.zone),
                    a.applied?.description ?? "", count, task]
        }
        let header = ["ID", "EMPLOYER", "ROLE", "STATUS", "STAGE", "APPLIED", "STRIKES", "NEXT"]
        let widths = Columns.widths([header] + rows, limits: [26, 20, 24, 10, 22, 10, 7, 30])
        output(Columns.line(header, widths: widths))
        for row in rows { output(Columns.line(row, widths: widths)) }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",abstract: "One application: its people, interviews, events (with ids) and what is due.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let ctx = try common.context()
        let (data, agenda) = try ctx.agenda(quiet: json)
        let a = try data.findApplication(app)
        let status = agenda.statuses[a.id] ?? .active
        let tasks = agenda.visible.filter { $0.app == a.id }
        if json {
            outputJSON(JSONWriter.canonicalString(.object([
                "app": DataCodec.encode(a), "status": .string(status.rawValue),
                "stage": .string(stage(of: a, status: status, now: ctx.now, zone: ctx.zone)),
                "tasks": .array(tasks.map { TaskJSON.encode($0, zone: ctx.zone) }),
            ])))
            return
        }
        let names = Dictionary(a.contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
        let when = { (t: Instant) in ctx.zone.localize(t).wallClock.day.short + " " + ctx.zone.clock(t) }
        output("\(a.employer) — \(a.role)  (\(a.id))")
        var facts = ["status \(status.rawValue)", stage(of: a, status: status, now: ctx.now, zone: ctx.zone)]
        if let d = a.decisionBy { facts.append("decision by \(d.short)") }
        if let tz = a.timeZone { facts.append(tz) }
        output(facts.joined(separator: " · "))
        output("")
        output("Contacts")
        if a.contacts.isEmpty { output("  none: followup contact add --app \(a.id) --name NAME") }
        for c in a.contacts {
            var parts = [c.name, c.role?.rawValue, c.title, c.email, c.phone, c.mayCall ? "may call" : nil, c.timeZone].compactMap { $0 }
            parts.insert(c.id, at: 0)
            output("  " + parts.joined(separator: " · "))
        }
        output("Interviews")
        if a.interviews.isEmpty { output("  none") }
        for i in a.interviews.sorted(by: { $0.at < $1.at }) {
            var parts = [i.id, when(i.at), i.kind?.rawValue ?? "interview"]
            if let r = i.round { parts.append("round \(r)") }
            if !i.with.isEmpty { parts.append("with " + i.with.map { names[$0] ?? $0 }.joined(separator: ", ")) }
            if let d = i.decisionBy { parts.append("decision by \(d.short)") }
            if i.travel { parts.append("travel") }
            if i.cancelled { parts.append("CANCELLED") }
            output("  " + parts.joined(separator: " · "))
        }
        output("Events")
        if a.events.isEmpty { output("  none") }
        for e in a.events.sorted(by: { $0.at < $1.at }) {
            var parts = [e.id, when(e.at), e.kind.rawValue]
            if let c = e.contact { parts.append(names[c] ?? c) }
            if let ch = e.channel { parts.append(ch.rawValue) }
            if let d = e.decisionBy { parts.append("decision by \(d.short)") }
            if let d = e.due { parts.append("due \(d.short)") }
            if let t = e.text { parts.append(t) }
            output("  " + parts.joined(separator: " · "))
        }
        output("Due")
        if tasks.isEmpty { output("  nothing") }
        for t in tasks {
            output("  \(t.status.rawValue) \(t.due == ctx.today ? "today" : t.due.short) · \(TaskText.what(t, zone: ctx.zone))\(t.contactName.map { " · \($0)" } ?? "") · \(t.id)")
        }
    }
}
