import FollowUpCore
import Foundation

extension CharacterSet {
    static let phone = CharacterSet(charactersIn: "0123456789 +-().")
}

/// The log of every application as CSV (RFC 4180): one row per interview or event.
enum CSVExport {
    static let header = ["app", "employer", "role", "status", "record", "id", "kind", "at", "contact", "channel",
                         "decision_by", "due", "about", "text"]

    static func text(_ data: FollowUpData, agenda: Agenda, zone: Zone) -> String {
        var rows = [header]
        for app in data.applications {
            let status = agenda.statuses[app.id]?.rawValue ?? ""
            let names = Dictionary(app.contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let base = [app.id, app.employer, app.role, status]
            var lines: [(Instant, [String])] = []
            for i in app.interviews {
                let kind = (i.kind?.rawValue ?? "interview") + (i.cancelled ? " (cancelled)" : "")
                lines.append((i.at, base + ["interview", i.id, kind, zone.localize(i.at).description,
                                            i.with.map { names[$0] ?? $0 }.joined(separator: "; "), "",
                                            i.decisionBy?.description ?? "", "", "", i.round.map { "round \($0)" } ?? ""]))
            }
            for e in app.events {
                lines.append((e.at, base + ["event", e.id, e.kind.rawValue, zone.localize(e.at).description,
                                            e.contact.map { names[$0] ?? $0 } ?? "", e.channel?.rawValue ?? "",
                                            e.decisionBy?.description ?? "", e.due?.description ?? "", e.about?.rawValue ?? "",
                                            e.text ?? ""]))
            }
            rows += lines.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One cell: neutralised against formulas, quoted per RFC 4180 when it holds a comma, a
    /// quote or a line break (checked by scalar: "\r\n" is one Swift character).
    static func field(_ raw: String) -> String {
        let value = neutralised(raw)
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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

/// Interviews and what is to do as an iCalendar file (RFC 5545), for a calendar app.
enum ICSExport {
    static func text(_ data: FollowUpData, agenda: Agenda, zone: Zone, now: Instant) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//followup//followup//EN", "CALSCALE:GREGORIAN"]
        let stamp = utc(now)
        let policy = Policy(settings: data.settings)
        for app in data.applications {
            for i in app.interviews where !i.cancelled {
                let what = (i.kind.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() + " interview" } ?? "Interview")
                    + (i.round.map { " (round \($0))" } ?? "")
                lines += ["BEGIN:VEVENT", "UID:\(i.id)@followup", "DTSTAMP:\(stamp)", "DTSTART:\(utc(i.at))",
                          "DTEND:\(utc(policy.end(of: i)))", "SUMMARY:" + escape("\(what): \(app.employer) — \(app.role)"), "END:VEVENT"]
            }
        }
        for task in agenda.visible {
            var event = ["BEGIN:VEVENT", "UID:" + escape(task.id) + "@followup", "DTSTAMP:\(stamp)"]
            if let call = task.callWindow {
                event += ["DTSTART:\(utc(call.lowerBound))", "DTEND:\(utc(call.upperBound))"]
            } else {
                event += ["DTSTART;VALUE=DATE:\(compact(task.due))", "DTEND;VALUE=DATE:\(compact(task.due.adding(days: 1)))"]
            }
            let who = task.contactName.map { " \($0)" } ?? ""
            event += ["SUMMARY:" + escape("\(task.kind.rawValue)\(who) (\(task.employer))"),
                      "DESCRIPTION:" + escape(task.reason + (task.advice.map { " " + $0 } ?? "")), "END:VEVENT"]
            lines += event
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
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
