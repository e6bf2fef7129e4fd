import FollowUpCore

/// Where an application stood in the spreadsheet it came from.
public enum ImportedStatus: String, Equatable, Sendable {
    case active, offer, rejected, withdrawn, closed

    /// The event that puts an application there; nil for one still open.
    var event: EventKind? {
        switch self {
        case .active: return nil
        case .offer: return .offer
        case .rejected: return .rejected
        case .withdrawn: return .withdrawn
        case .closed: return .closed
        }
    }
}

/// One usable row of a spreadsheet: an application, perhaps with a person and where it stands.
public struct ImportedApplication: Equatable, Sendable {
    /// The row's first line in the file, for messages.
    public var line: Int
    public var employer: String
    public var role: String
    public var applied: Day?
    public var contact: String?
    public var contactRole: ContactRole?
    public var email: String?
    public var phone: String?
    public var status: ImportedStatus
    /// The status as the spreadsheet said it ("Phone screen"), for the note.
    public var statusText: String?
    public var notes: String?
    public var link: String?
    public var location: String?

    public init(line: Int, employer: String, role: String, applied: Day? = nil, contact: String? = nil, contactRole: ContactRole? = nil,
                email: String? = nil, phone: String? = nil, status: ImportedStatus = .active, statusText: String? = nil,
                notes: String? = nil, link: String? = nil, location: String? = nil) {
        self.line = line
        self.employer = employer
        self.role = role
        self.applied = applied
        self.contact = contact
        self.contactRole = contactRole
        self.email = email
        self.phone = phone
        self.status = status
        self.statusText = statusText
        self.notes = notes
        self.link = link
        self.location = location
    }

    /// Employer and role, case and spaces aside: what makes two rows, or a row and an
    /// application already in the file, the same application.
    public var key: String { Spreadsheet.key(employer: employer, role: role) }
}

/// A row that could not be used, and why, in words for the person who made the spreadsheet.
public struct SkippedRow: Error, Equatable, Sendable {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// Reading a spreadsheet's rows as applications: which column is which, and what each cell means.
/// Pure: the file is read and split into cells by the caller.
public enum Spreadsheet {
    /// What a column holds.
    public enum Column: String, CaseIterable, Sendable {
        case employer, role, applied, contact, recruiter, hiringManager, email, phone, status, notes, link, location
    }

    /// Header names, case, spaces and punctuation aside, for each column.
    static let names: [Column: [String]] = [
        .employer: ["company", "employer", "organization", "organisation", "companyname", "employername"],
        .role: ["position", "role", "title", "job", "jobtitle", "positiontitle", "roletitle"],
        .applied: ["dateapplied", "applied", "appliedon", "applicationdate", "dateofapplication", "applieddate"],
        .contact: ["contact", "contactname", "contactperson"],
        .recruiter: ["recruiter", "recruitername"],
        .hiringManager: ["hiringmanager", "manager"],
        .email: ["email", "emailaddress", "contactemail"],
        .phone: ["phone", "phonenumber", "telephone", "contactphone", "tel"],
        .status: ["status", "stage", "applicationstatus"],
        .notes: ["notes", "note", "comments", "comment"],
        .link: ["link", "url", "joblink", "joburl", "posting", "jobposting"],
        .location: ["location", "city", "place"],
    ]

    /// Which column each header cell holds (the first of each kind wins).
    public static func columns(_ header: [String]) -> [Column: Int] {
        var found: [Column: Int] = [:]
        for (index, cell) in header.enumerated() {
            let name = String(cell.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
            for (column, aliases) in names where aliases.contains(name) && found[column] == nil {
                found[column] = index
            }
        }
        return found
    }

    static func key(employer: String, role: String) -> String {
        func fold(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return fold(employer) + "\u{1F}" + fold(role)
    }

    /// A row's cells as an application, or why it cannot be one.
    public static func application(_ cells: [String], line: Int, columns: [Column: Int]) -> Result<ImportedApplication, SkippedRow> {
        func cell(_ c: Column) -> String? {
            guard let i = columns[c], i < cells.count else { return nil }
            return cleaned(cells[i], multiline: c == .notes)
        }
        func skip(_ reason: String) -> Result<ImportedApplication, SkippedRow> { .failure(SkippedRow(line: line, reason: reason)) }
        guard let employer = cell(.employer) else { return skip("no employer (the Company column is empty)") }
        guard let role = cell(.role) else { return skip("no role for \(employer) (the Position column is empty)") }
        var row = ImportedApplication(line: line, employer: employer, role: role)
        if let text = cell(.applied) {
            switch day(text) {
            case let .success(d): row.applied = d
            case let .failure(problem): return skip("the date applied \"\(text)\" \(problem.reason)")
            }
        }
        if let text = cell(.status) {
            guard let status = status(text) else {
                return skip("the status \"\(text)\" is not one followup knows: applied, interviewing, offer, rejected, withdrawn or closed")
            }
            row.status = status
            row.statusText = text
        }
        if let name = cell(.hiringManager) {
            row.contact = name
            row.contactRole = .hiringManager
        } else if let name = cell(.recruiter) {
            row.contact = name
            row.contactRole = .recruiter
        } else {
            row.contact = cell(.contact)
        }
        if let email = cell(.email) {
            guard email.contains("@") else { return skip("\"\(email)\" is not an e-mail address") }
            row.email = email
        }
        row.phone = cell(.phone)
        if row.contact == nil, let address = row.email ?? row.phone {
            // Someone to write to, without a name: named after how to reach them.
            row.contact = address
        }
        row.notes = cell(.notes)
        row.link = cell(.link)
        row.location = cell(.location)
        return .success(row)
    }

    /// A cell as a value: spaces around it and quotes around it (`, "QA"` in a hand-made file)
    /// taken off, the apostrophe followup's own export puts before a formula-like cell taken off
    /// again, and line breaks and tabs made spaces in a one-line field (kept, as LF, in notes).
    static func cleaned(_ raw: String, multiline: Bool) -> String? {
        var v = raw.trimmed
        if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") {
            v = String(v.dropFirst().dropLast()).replacing("\"\"", with: "\"").trimmed
        }
        if v.hasPrefix("'"), let next = v.dropFirst().first, "=+-@".contains(next) { v.removeFirst() }
        if multiline {
            v = v.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        } else {
            v = v.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        }
        return v.nonBlank
    }

    /// Statuses as spreadsheets word them: phrases first ("no offer", "offer declined",
    /// "waiting for offer"), then single words, each matched as whole words from its start.
    static func status(_ text: String) -> ImportedStatus? {
        let t = " " + text.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
        let table: [(String, ImportedStatus)] = [
            ("offer declined", .withdrawn), ("declined offer", .withdrawn), ("declined the offer", .withdrawn),
            ("turned down offer", .withdrawn), ("turned down the offer", .withdrawn),
            ("no offer", .rejected), ("not selected", .rejected), ("not successful", .rejected), ("not moving forward", .rejected),
            ("company not interested", .rejected), ("employer not interested", .rejected), ("they declined", .rejected),
            ("not interested", .withdrawn), ("no response", .closed), ("no answer", .closed), ("no reply", .closed),
            ("waiting", .active), ("awaiting", .active), ("pending", .active), ("in progress", .active), ("to apply", .active),
            ("reject", .rejected), ("declined", .rejected), ("turned down", .rejected), ("unsuccessful", .rejected), ("denied", .rejected),
            ("offer", .offer), ("accepted", .offer), ("hired", .offer), ("signed", .offer),
            ("withdr", .withdrawn), ("pulled out", .withdrawn),
            ("closed", .closed), ("ghost", .closed), ("archiv", .closed), ("expired", .closed), ("filled", .closed),
            ("cancel", .closed), ("dead", .closed), ("inactive", .closed),
            ("appl", .active), ("submit", .active), ("sent", .active), ("screen", .active), ("interview", .active),
            ("progress", .active), ("open", .active), ("active", .active), ("assessment", .active), ("test", .active),
            ("take home", .active), ("onsite", .active), ("on site", .active), ("round", .active), ("final", .active),
            ("reference", .active), ("wishlist", .active), ("saved", .active), ("new", .active), ("contacted", .active),
            ("networking", .active), ("phone", .active), ("call", .active), ("video", .active),
        ]
        return table.first { t.contains(" " + $0.0) }?.1
    }

    /// A date as spreadsheets write it: 2026-03-01 (perhaps with a time), 2026/03/01, or a
    /// day and month in either order when the numbers say which is which (13/03/2026).
    static func day(_ text: String) -> Result<Day, DateProblem> {
        let t = text.trimmed
        let datePart = String(t.prefix { $0 != " " && $0 != "T" })
        if let d = Day(datePart) { return .success(d) }
        let parts = datePart.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else {
            return .failure(DateProblem(reason: "is not a date; use YYYY-MM-DD"))
        }
        func made(_ y: Int, _ m: Int, _ d: Int) -> Day? {
            func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
            return Day(pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2))
        }
        if parts[0].count == 4, let d = made(a, b, c) { return .success(d) }
        guard parts[2].count == 4 else { return .failure(DateProblem(reason: "is not a date; use YYYY-MM-DD")) }
        if a > 12, let d = made(c, b, a) { return .success(d) }
        if b > 12, let d = made(c, a, b) { return .success(d) }
        if a == b, let d = made(c, a, b) { return .success(d) }
        return .failure(DateProblem(reason: "could be day/month or month/day; use YYYY-MM-DD"))
    }

    /// What an import would do with each row against the data: add it, or find it already there.
    public static func plan(_ rows: [ImportedApplication], against data: FollowUpData) -> (new: [ImportedApplication], present: [(ImportedApplication, String)]) {
        var known = Dictionary(data.applications.map { (key(employer: $0.employer, role: $0.role), $0.id) }, uniquingKeysWith: { a, _ in a })
        var new: [ImportedApplication] = []
        var present: [(ImportedApplication, String)] = []
        for row in rows {
            if let id = known[row.key] {
                present.append((row, id))
            } else {
                new.append(row)
                known[row.key] = "line \(row.line)"
            }
        }
        return (new, present)
    }
}

/// Why a cell is not a date.
struct DateProblem: Error {
    let reason: String
}

extension Context {
    /// Adds the rows not in the data yet (by employer and role), each with its person, its note
    /// and where it stands as of now. A status that closes an application raises no task about
    /// the past: the closing thank-you a rejection would ask for is dismissed with it.
    mutating func importRows(_ rows: [ImportedApplication], into data: inout FollowUpData) throws(ActionError) -> Applied {
        let (new, present) = Spreadsheet.plan(rows, against: data)
        var ids: [String] = []
        // Every id in use, once: looking through the whole file for each new one would make a
        // large import quadratic.
        if taken == nil { taken = TakenIDs(data) }
        for row in new {
            let employer = try required(.employer, row.employer)
            let role = try required(.role, row.role)
            let email = try email(row.email)
            let id = mint(employer, fallback: "app", in: data)
            var app = Application(id: id, employer: employer, role: role, createdAt: now)
            app.applied = row.applied
            app.location = row.location
            app.link = row.link
            data.applications.append(app)
            let index = data.applications.count - 1
            if let name = row.contact {
                let contact = mint(name, fallback: "contact", in: data)
                data.applications[index].contacts.append(Contact(
                    id: contact, name: name, role: row.contactRole, email: email, phone: row.phone, createdAt: now))
            }
            if let notes = row.notes {
                let note = mint("note", fallback: "event", in: data)
                data.applications[index].events.append(Event(id: note, kind: .note, at: now, text: notes, createdAt: now))
            }
            if row.status == .active, let status = row.statusText {
                // Where an open application stood ("Interviewing", "Phone screen"), in its timeline.
                let note = mint("note", fallback: "event", in: data)
                data.applications[index].events.append(Event(id: note, kind: .note, at: now, text: "Imported as \"\(status)\"", createdAt: now))
            }
            if let kind = row.status.event {
                let event = mint(kind.rawValue, fallback: "event", in: data)
                let text = row.statusText.map { "Imported as \"\($0)\"" }
                data.applications[index].events.append(Event(id: event, kind: kind, at: now, text: text, createdAt: now))
                // The tasks the new application raises depend on it alone.
                let alone = FollowUpData(settings: data.settings, applications: [data.applications[index]])
                let agenda = Rules.schedule(alone, zone: zone, now: now)
                for task in agenda.tasks where task.app == id && task.anchor == event {
                    data.dismissals.append(Dismissal(taskID: task.id, updatedAt: now))
                }
            }
            ids.append(id)
        }
        let n = ids.count
        var summary = "import \(n) application\(n == 1 ? "" : "s")"
        if !present.isEmpty { summary += " (\(present.count) already there)" }
        return Applied(id: ids.first, summary: summary, ids: ids)
    }
}
