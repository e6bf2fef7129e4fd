import CSV
import FollowUpActions
import FollowUpCore
import FollowUpStore
import Foundation

extension CharacterSet {
    static let phone = CharacterSet(charactersIn: "0123456789 +-().")
}

/// The applications (or the people) as a spreadsheet (RFC 4180, CRLF), written by the CSV library:
/// one row per application, with or without events, so that nothing disappears.
enum CSVExport {
    static let header = ["app", "employer", "role", "status", "stage", "applied", "decision_by", "contact", "email", "phone",
                         "strikes", "max_strikes", "next_task", "next_due", "location", "link"]

    static let contactsHeader = ["app", "employer", "role", "name", "title", "contact_role", "email", "phone", "address", "tz",
                                 "may_call", "main_contact"]

    static func applications(_ data: FollowUpData, agenda: Agenda, zone: Zone, now: Instant) throws -> String {
        let strikes = Dictionary(agenda.employers.flatMap { e in e.apps.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        var next: [String: FollowUpTask] = [:]
        for task in agenda.visible where task.status != .missed && next[task.app] == nil { next[task.app] = task }
        var rows = [header]
        for app in data.applications {
            let status = agenda.statuses[app.id] ?? .active
            let main = Rules.mainContact(of: app)
            let e = strikes[app.id]
            let task = next[app.id]
            rows.append([
                app.id, app.employer, app.role, status.rawValue, stage(of: app, status: status, now: now, zone: zone),
                app.applied?.description ?? "",
                Rules.decisionDate(of: app, settings: data.settings, zone: zone, now: now)?.description ?? "",
                main?.name ?? "", main?.email ?? "", main?.phone ?? "",
                e.map { String($0.strikes) } ?? "", e?.max.map(String.init) ?? "",
                task.map { $0.kind.rawValue + ($0.contactName.map { " " + $0 } ?? "") } ?? "", task?.due.description ?? "",
                app.location ?? "", app.link ?? "",
            ])
        }
        return try write(rows)
    }

    static func contacts(_ data: FollowUpData) throws -> String {
        var rows = [contactsHeader]
        for app in data.applications {
            let main = Rules.mainContact(of: app)?.id
            for c in app.contacts {
                rows.append([app.id, app.employer, app.role, c.name, c.title ?? "", c.role?.rawValue ?? "", c.email ?? "", c.phone ?? "",
                             c.address ?? "", c.timeZone ?? "", c.mayCall ? "yes" : "no", c.id == main ? "yes" : "no"])
            }
        }
        return try write(rows)
    }

    /// Every cell neutralised against formulas, then quoted by the library where it must be.
    static func write(_ rows: [[String]]) throws -> String {
        let stream = OutputStream.toMemory()
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
        for row in rows { try writer.write(row: row.map(neutralised)) }
        stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw UserError("the spreadsheet could not be written")
        }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// A spreadsheet evaluates a cell that starts with = + - @ (or a tab or CR before one): such
    /// a cell gets a leading apostrophe, so `=HYPERLINK(…)` from a note stays text. A phone number
    /// (`+1 312 555 0100`: digits, spaces and + - ( ) . only) cannot call anything and stays as it is.
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        let phone = value.unicodeScalars.allSatisfy { CharacterSet.phone.contains($0) }
            && value.unicodeScalars.filter({ ("0"..."9").contains($0) }).count >= 5
        return phone ? value : "'" + value
    }
}

/// Interviews and what is to do as iCalendar (RFC 5545), for a calendar or task app: interviews
/// as VEVENTs (a cancelled one `STATUS:CANCELLED`), open tasks as VTODOs with a DUE (and a
/// reminder at a call's suggested time). Each item keeps its UID, and its SEQUENCE, DTSTAMP and
/// LAST-MODIFIED come from the records' `updatedAt`, so they grow with every change and stay put
/// otherwise: a calendar importing the file again updates its entries instead of adding them twice.
struct ICSExport {
    let data: FollowUpData
    let agenda: Agenda
    let zone: Zone
    let now: Instant

    /// One interview or task: its UID and its component's lines.
    struct Item {
        var uid: String
        var lines: [String]
    }

    /// SEQUENCE counts seconds since 2020 (the first followup files are later): a number that
    /// only grows as records are changed, with no state kept anywhere else.
    static let sequenceEpoch: Int64 = 1_577_836_800

    static func sequence(_ t: Instant) -> Int { Int(max(0, t.seconds - sequenceEpoch)) }

    func items() -> [Item] {
        var items: [Item] = []
        let policy = Policy(settings: data.settings)
        for app in data.applications {
            let names = Dictionary(app.contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            for i in app.interviews.sorted(by: { ($0.at.seconds, $0.id) < ($1.at.seconds, $1.id) }) {
                let kind = i.kind.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() + " interview" } ?? "Interview"
                let what = kind + (i.round.map { " (round \($0))" } ?? "")
                let uid = "\(i.id)@followup"
                var lines = ["BEGIN:VEVENT", "UID:" + ICSExport.escape(uid)] + ICSExport.stamps(created: i.createdAt, modified: i.updatedAt)
                lines += ["DTSTART:\(ICSExport.utc(i.at))", "DTEND:\(ICSExport.utc(policy.end(of: i)))",
                          "SUMMARY:" + ICSExport.escape((i.cancelled ? "Cancelled: " : "") + "\(what): \(app.employer) — \(app.role)")]
                let with = i.with.compactMap { names[$0] }
                if !with.isEmpty { lines.append("DESCRIPTION:" + ICSExport.escape("With " + with.joined(separator: ", ") + ".")) }
                if let location = app.location { lines.append("LOCATION:" + ICSExport.escape(location)) }
                lines += ["STATUS:" + (i.cancelled ? "CANCELLED" : "CONFIRMED"), "TRANSP:OPAQUE", "END:VEVENT"]
                items.append(Item(uid: uid, lines: lines))
            }
        }
        // A task changes when anything in its application does: it is stamped with the latest change there.
        var changed: [String: Instant] = [:]
        for app in data.applications {
            var latest = app.updatedAt
            for c in app.contacts { latest = max(latest, c.updatedAt) }
            for i in app.interviews { latest = max(latest, i.updatedAt) }
            for e in app.events { latest = max(latest, e.updatedAt) }
            changed[app.id] = latest
        }
        for s in data.snoozes { if let app = Change.snooze(taskID: s.taskID, until: s.until).taskApp, let was = changed[app] { changed[app] = max(was, s.updatedAt) } }
        for task in agenda.visible where task.status != .missed {
            let uid = task.id + "@followup"
            let modified = changed[task.app] ?? now
            var lines = ["BEGIN:VTODO", "UID:" + ICSExport.escape(uid)] + ICSExport.stamps(created: nil, modified: modified)
            if let at = task.dueAt {
                lines.append("DUE:\(ICSExport.utc(at))")
            } else {
                lines.append("DUE;VALUE=DATE:\(ICSExport.compact(task.due))")
            }
            let who = task.contactName.map { " \($0)" } ?? ""
            lines += ["SUMMARY:" + ICSExport.escape("\(task.kind.rawValue)\(who) (\(task.employer))"),
                      "DESCRIPTION:" + ICSExport.escape(task.reason + (task.advice.map { " " + $0 } ?? "")),
                      "STATUS:NEEDS-ACTION"]
            if task.status == .overdue { lines.append("PRIORITY:1") }
            if let call = task.callWindow {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + ICSExport.escape("Call\(who) (\(task.employer))"),
                          "TRIGGER;VALUE=DATE-TIME:\(ICSExport.utc(call.lowerBound))", "END:VALARM"]
            }
            lines.append("END:VTODO")
            items.append(Item(uid: uid, lines: lines))
        }
        return items
    }

    /// Every item in one calendar.
    func text() -> String { ICSExport.calendar(items().flatMap(\.lines)) }

    static func calendar(_ components: [String]) -> String {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//followup//followup//EN", "CALSCALE:GREGORIAN"] + components + ["END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func stamps(created: Instant?, modified: Instant) -> [String] {
        var lines = ["DTSTAMP:\(utc(modified))"]
        if let created { lines.append("CREATED:\(utc(created))") }
        lines += ["LAST-MODIFIED:\(utc(modified))", "SEQUENCE:\(sequence(modified))"]
        return lines
    }

    static func utc(_ t: Instant) -> String {
        let w = t.with(offset: 0).wallClock
        return compact(w.day) + "T" + two(w.hour) + two(w.minute) + two(w.second) + "Z"
    }

    static func compact(_ d: Day) -> String { d.description.replacingOccurrences(of: "-", with: "") }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// TEXT as RFC 5545 wants it: backslash, semicolon, comma and line breaks escaped; a bare CR
    /// or any other control character (which strict parsers reject) never written.
    static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out
    }
}

/// Where exports go when not to stdout: a file replaced atomically, or a vdir.
enum ExportFiles {
    /// An output file the user named: a problem with it is bad input (exit 2), in its own name.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        do {
            try DurableFile.write(bytes, to: path)
        } catch let error as StoreError {
            let folder = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                throw UserError("cannot write \(path): the folder \(folder) does not exist")
            }
            throw UserError("cannot write \(path): " + Sentence.of(error))
        }
    }

    /// One `.ics` per item in `folder` (made if missing), named after its UID; an item whose
    /// file already says the same is not rewritten (a sync tool sees no change), and the files
    /// of items that are gone are removed. Only files followup named (`…@followup.ics`) are touched.
    static func vdir(_ items: [ICSExport.Item], folder: String) throws -> (written: Int, removed: Int) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw UserError("\(folder) is not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw UserError("cannot make the folder \(folder): \(error.localizedDescription)")
            }
        }
        var keep = Set<String>()
        var written = 0
        for item in items {
            let name = fileName(item.uid)
            keep.insert(name)
            let path = folder + "/" + name
            let bytes = Array(ICSExport.calendar(item.lines).utf8)
            if let old = FileManager.default.contents(atPath: path), Array(old) == bytes { continue }
            try DurableFile.write(bytes, to: path)
            written += 1
        }
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasSuffix("@followup.ics") && !keep.contains(name) {
            if unlink(folder + "/" + name) == 0 { removed += 1 }
        }
        return (written, removed)
    }

    /// A UID as a file name: letters, digits, `-`, `_`, `.` and `@` kept, anything else `_`.
    static func fileName(_ uid: String) -> String {
        String(uid.unicodeScalars.map { s -> Character in
            let keep = ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "-_.@".unicodeScalars.contains(s)
            return keep ? Character(s) : "_"
        }) + ".ics"
    }
}
