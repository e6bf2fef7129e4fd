import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpStore
import JSON

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge another copy of the data file into this one (one change; undo takes it back).",
        discussion: """
        For two machines that share the file through a synced folder or git: records are brought \
        together by id; a record changed on both sides is merged field by field when the version \
        both started from is known (from the undo history), else the later change is kept; a \
        deletion wins over older edits. Merging the same copy again changes nothing. A sync tool's \
        conflict copy beside the file (Syncthing, Dropbox, Nextcloud, ownCloud) is renamed to \
        followup.json.merged-DATE once merged, and kept.
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The other copy.", valueName: "file"), completion: .file(extensions: ["json"])) var other: String
    @Flag(help: "Say what would change; write nothing.") var dryRun = false
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        let ctx = try common.context(noticing: false)
        let otherPath = absolutePath(other)
        guard realpath(otherPath, nil).map({ p in defer { free(p) }; return String(cString: p) }) != ctx.file.path, otherPath != ctx.file.path else {
            throw UserError("\(other) is the data file itself; name the other copy")
        }
        let otherFile = DataFile(path: otherPath)
        let theirs: FollowUpData
        do {
            guard let data = try otherFile.load() else { throw UserError("\(other) does not exist") }
            theirs = data
        } catch let error as StoreError {
            throw UserError("cannot merge \(other): " + Sentence.of(error))
        }
        if theirs.version > FollowUpData.currentVersion {
            throw UserError("cannot merge \(other): it is format version \(theirs.version), newer than this followup (\(FollowUpData.currentVersion))")
        }
        try Context.refuseNumbersOutOfRange(theirs, path: otherPath)
        // The other copy's own undo history, when it is on this machine.
        let otherHistory = ((try? HistoryFile(dataPath: otherPath, stateFolder: ctx.file.stateFolder ?? "").read()) ?? []) + theirs.history
        let name = otherFile.name

        if dryRun {
            let ours = try ctx.load(quiet: true)
            let (merged, report) = try Merge.merge(ours: ours, theirs: theirs, histories: [(try? ctx.file.history()) ?? [], otherHistory])
            let changed = DataFile.encode(merged) != DataFile.encode(ours)
            tellReport(report, changed: changed, names: [merged, ours, theirs], from: name, ctx: ctx, dryRun: true, recorded: nil, keptAs: nil)
            return
        }
        let before = (try? ctx.file.load()) ?? nil
        let result = try ctx.file.merge(theirs, otherHistory: otherHistory, summary: "merge \(name)", today: ctx.today, at: ctx.now)
        ctx.tell(result)
        var keptAs: String?
        if DataFile.isConflictCopy(name, of: ctx.file.name), otherFile.folder == ctx.file.folder {
            keptAs = try ctx.file.setAside(otherPath, today: ctx.today)
        }
        tellReport(result.value, changed: result.wrote, names: [result.data, theirs] + (before.map { [$0] } ?? []), from: name, ctx: ctx, dryRun: false,
                   recorded: result.recorded, keptAs: keptAs)
        ctx.changed(result)
        if result.wrote || keptAs != nil {
            let input = MergeText.json(result.value, changed: result.wrote, from: otherPath, into: ctx.file.path, dryRun: false,
                                       recorded: result.recorded, keptAs: keptAs, names: [result.data, theirs])
            if let failure = Hooks.run("post-merge", input: input, dataPath: ctx.file.path, quiet: false) {
                printError("followup: " + failure)
            }
        }
        for problem in result.data.problems() where result.wrote { printError("followup: warning: after the merge: \(problem)") }
    }

    func tellReport(_ report: MergeReport, changed: Bool, names: [FollowUpData], from: String, ctx: Context, dryRun: Bool, recorded: String?, keptAs: String?) {
        if json {
            outputJSON(JSONWriter.canonicalString(MergeText.json(report, changed: changed, from: absolutePath(other), into: ctx.file.path,
                                                                 dryRun: dryRun, recorded: recorded, keptAs: keptAs, names: names)))
            return
        }
        for line in MergeText.lines(report, changed: changed, from: from, into: ctx.file.name, dryRun: dryRun, names: names) { output(line) }
        if let keptAs { output("the copy is kept as \(keptAs); remove it when you no longer need it") }
    }
}

struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "git's three-way merge driver for the data file: followup merge-driver %O %A %B.",
        discussion: """
        Set up once per repository:
          echo 'followup.json merge=followup' >> .gitattributes
          git config merge.followup.driver "followup merge-driver %O %A %B"
        Writes the merged file, in canonical form, into OURS and exits 0; when the same field was \
        changed to different values on both sides it keeps the later change, lists the conflicts \
        on stderr and exits 1 (OURS is still a valid file). Touches nothing but the three files.
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The version both started from (%O).", valueName: "base")) var base: String
    @Argument(help: ArgumentHelp("Ours (%A): the merged result is written here.", valueName: "ours")) var ours: String
    @Argument(help: ArgumentHelp("Theirs (%B).", valueName: "theirs")) var theirs: String

    func run() throws {
        let baseData = try read(base, emptyIsNew: true)
        let oursData = try read(ours, emptyIsNew: false)
        let theirsData = try read(theirs, emptyIsNew: false)
        let (merged, report) = try Merge.merge(base: baseData, ours: oursData, theirs: theirsData)
        try DataFile(path: absolutePath(ours)).overwrite(with: merged)
        let conflicts = report.conflicts.filter(\.bothChanged)
        guard !conflicts.isEmpty else { return }
        for c in conflicts { printError("followup: conflict: " + MergeText.conflict(c, names: [merged, oursData, theirsData])) }
        printError("followup: \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s") in the data file: each kept as said above; the merged file is valid")
        throw ExitCode(1)
    }

    /// One of git's files; git hands an empty base when the two sides share no ancestor.
    func read(_ path: String, emptyIsNew: Bool) throws -> FollowUpData {
        let file = DataFile(path: absolutePath(path))
        do {
            guard let bytes = try file.readBytes() else { throw UserError("\(path) does not exist") }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) {
                if emptyIsNew { return FollowUpData() }
                throw UserError("\(path) is empty")
            }
            let data = try file.decode(bytes)
            if data.version > FollowUpData.currentVersion {
                throw UserError("\(path) is format version \(data.version), newer than this followup (\(FollowUpData.currentVersion))")
            }
            return data
        } catch let error as StoreError {
            throw UserError(Sentence.of(error))
        }
    }
}

/// A path as typed, made absolute against the current folder.
func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~/"), let home = Shell.variable("HOME") { return home + path.dropFirst(1) }
    return FileManager.default.currentDirectoryPath + "/" + path
}

/// A merge's report in words and as JSON.
enum MergeText {
    static func lines(_ report: MergeReport, changed: Bool, from: String, into: String, dryRun: Bool, names: [FollowUpData]) -> [String] {
        guard changed || !report.conflicts.isEmpty else {
            return ["nothing to merge: \(into) already holds everything in \(from)"]
        }
        var counts: [String] = []
        if !report.added.isEmpty { counts.append("\(report.added.count) added") }
        if !report.updated.isEmpty { counts.append("\(report.updated.count) updated") }
        if !report.deleted.isEmpty { counts.append("\(report.deleted.count) deleted") }
        if !report.revived.isEmpty { counts.append("\(report.revived.count) back again") }
        if !report.conflicts.isEmpty { counts.append("\(report.conflicts.count) conflict\(report.conflicts.count == 1 ? "" : "s")") }
        var lines = ["\(dryRun ? "would merge" : "merged") \(from) into \(into): " + (counts.isEmpty ? "no record changed" : counts.joined(separator: ", "))]
        for item in report.added { lines.append("  + \(label(item, names))   (from \(from))") }
        for item in report.revived { lines.append("  + \(label(item, names))   (deleted here, changed there later: back again)") }
        for item in report.updated { lines.append("  ~ \(label(item, names)): \(item.fields.joined(separator: ", "))   (from \(from))") }
        for item in report.deleted { lines.append("  - \(label(item, names))   (deleted in \(from))") }
        for c in report.conflicts { lines.append("  ! " + conflict(c, names: names)) }
        return lines
    }

    static func conflict(_ c: MergeReport.Conflict, names: [FollowUpData]) -> String {
        let item = MergeReport.Item(record: c.record, id: c.id, app: nil)
        let why = c.bothChanged ? "changed on both sides" : "no common version known"
        let kept = c.kept == "theirs" ? "theirs (changed later)" : "ours"
        return "\(label(item, names)) \(c.field): ours \(show(c.ours)), theirs \(show(c.theirs)) — \(why); kept \(kept)"
    }

    /// A value on one line: a string quoted, anything else as compact JSON.
    static func show(_ value: JSONValue?) -> String {
        guard let value, value != .null else { return "(none)" }
        return JSONWriter.canonicalString(value).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A record in words: "application Acme Corp — Engineer", "contact Dana Lee (Acme Corp)".
    static func label(_ item: MergeReport.Item, _ datas: [FollowUpData]) -> String {
        // With the application known, only it is looked through (a large merge names thousands).
        if let app = item.app, item.record != .application {
            for data in datas {
                guard let a = data.application(id: app) else { continue }
                let found = label(item, [FollowUpData(applications: [a])], searching: true)
                if let found { return found }
            }
        }
        return label(item, datas, searching: false) ?? "\(item.record.rawValue) \(item.id)"
    }

    static func label(_ item: MergeReport.Item, _ datas: [FollowUpData], searching: Bool) -> String? {
        for data in datas {
            switch item.record {
            case .application:
                if let a = data.application(id: item.id) { return "application \(a.employer) — \(a.role)" }
            case .contact, .interview, .event:
                for a in data.applications {
                    if let c = a.contacts.first(where: { $0.id == item.id }) { return "contact \(c.name) (\(a.employer))" }
                    if let i = a.interviews.first(where: { $0.id == item.id }) { return "interview \(i.at.description.prefix(16)) (\(a.employer))" }
                    if let e = a.events.first(where: { $0.id == item.id }) { return "\(e.kind.rawValue) \(e.at.description.prefix(10)) (\(a.employer))" }
                }
            case .snooze: return "snooze of \(item.id)"
            case .dismissal: return "dismissal of \(item.id)"
            case .settings, .extra: return item.record.rawValue
            case .tombstone: return "deletion of \(item.id)"
            }
        }
        return searching ? nil : "\(item.record.rawValue) \(item.id)"
    }

    static func json(_ report: MergeReport, changed: Bool, from: String, into: String, dryRun: Bool, recorded: String?, keptAs: String?, names: [FollowUpData]) -> JSONValue {
        func items(_ list: [MergeReport.Item]) -> JSONValue {
            .array(list.map { i in
                .object(["record": .string(i.record.rawValue), "id": .string(i.id), "app": i.app.map(JSONValue.string) ?? .null,
                         "label": .string(label(i, names)), "fields": .array(i.fields.map(JSONValue.string))])
            })
        }
        return .object([
            "from": .string(from), "into": .string(into), "dryRun": .bool(dryRun), "changed": .bool(changed),
            "change": recorded.map(JSONValue.string) ?? .null, "keptAs": keptAs.map(JSONValue.string) ?? .null,
            "added": items(report.added), "updated": items(report.updated), "deleted": items(report.deleted), "revived": items(report.revived),
            "conflicts": .array(report.conflicts.map { c in
                .object(["record": .string(c.record.rawValue), "id": .string(c.id), "field": .string(c.field),
                         "ours": c.ours ?? .null, "theirs": c.theirs ?? .null, "kept": .string(c.kept), "bothChanged": .bool(c.bothChanged)])
            }),
        ])
    }
}
