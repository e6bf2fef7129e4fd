import FollowUpCore
import Mustache

/// First drafts a person edits before sending, from Mustache templates: a thank-you note (001:
/// brief, something learned, a skill not yet mentioned, some variety between interviewers; 003:
/// the talking points, your interest), a closing thank-you, a check-in e-mail or a call script
/// (001: short, positive, offer anything they need). The built-in templates are compiled in; a
/// user's files replace them (the shell reads them: this module touches no disk).
public struct DraftTemplates: Sendable {
    /// A template that could not be used: which, where, and why.
    public struct Problem: Equatable, Sendable {
        public var path: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The templates by name (`thank-you`, `closing-thank-you`, `check-in-email`, `check-in-call`).
    private var templates: [String: MustacheTemplate]

    /// The built-in templates only.
    public init() {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in BuiltInTemplates.all {
            // Compiled in and tested: a broken one is a bug caught by the tests, never shown.
            if let t = try? DraftTemplates.compile(text) { templates[name] = t }
        }
        self.templates = templates
    }

    public static var names: [String] { BuiltInTemplates.all.map(\.0) }

    /// The text of a built-in template, to copy and change.
    public static func builtIn(_ name: String) -> String? { BuiltInTemplates.all.first { $0.0 == name }?.1 }

    /// The built-ins with a user's templates over them (`name` → the file's path and text). A
    /// template that does not parse is left out (its built-in one stays) and reported.
    public static func with(overrides: [(name: String, path: String, text: String)]) -> (DraftTemplates, [Problem]) {
        var result = DraftTemplates()
        var problems: [Problem] = []
        for o in overrides {
            do {
                result.templates[o.name] = try compile(o.text)
                // Partials would need files of their own: said, not silently left empty.
                if let range = o.text.range(of: "{{>") {
                    let before = o.text[..<range.lowerBound]
                    let line = before.filter { $0 == "\n" }.count + 1
                    let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
                    problems.append(Problem(path: o.path, line: line, column: column,
                                            message: "partials ({{> name}}) are not supported: they draw nothing"))
                }
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Problem(path: o.path, line: error.context.lineNumber, column: error.context.columnNumber,
                                        message: describe(error.error)))
            } catch {
                problems.append(Problem(path: o.path, line: 1, column: 1, message: "\(error)"))
            }
        }
        return (result, problems)
    }

    /// Plain text, not HTML: nothing a contact's name holds is escaped. The pragma adds no line,
    /// so a parse error's line is the file's.
    static func compile(_ text: String) throws -> MustacheTemplate {
        try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with another name than it was opened"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished (a missing }})"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed ({{/name}})"
        case MustacheTemplate.Error.invalidSetDelimiter: return "the delimiters cannot be set that way"
        case _ where "\(error)" == "overflow": return "a tag runs to the end of the file (a missing }})"
        default: return "\(error)"
        }
    }

    /// Which template a task's draft comes from; nil for a task with no draft.
    public static func templateName(for task: FollowUpTask) -> String? {
        switch task.kind {
        case .thankYou: return "thank-you"
        case .closingThankYou: return "closing-thank-you"
        case .checkIn where task.channel == .call || task.channel == .voicemail: return "check-in-call"
        case .checkIn: return "check-in-email"
        default: return nil
        }
    }

    /// The draft for a task: its template filled in, or, for a task with none, its reason and advice.
    public func text(for task: FollowUpTask, in data: FollowUpData, zone: Zone) -> String {
        guard let name = DraftTemplates.templateName(for: task), let template = templates[name] else {
            return "\(task.reason)\n\n\(task.advice ?? "")\n"
        }
        let text = template.render(DraftValues.values(for: task, in: data, zone: zone))
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}

/// What a template can use, by name. Documented in the README (Drafts and templates).
enum DraftValues {
    static func values(for task: FollowUpTask, in data: FollowUpData, zone: Zone) -> [String: Any] {
        let app = data.application(id: task.app)
        let person = task.contact.flatMap { app?.contact(id: $0) }
        let name = person.map { PersonName($0.name) }
        let me = data.settings.name ?? "[your name]"
        let interview = app?.interviews.first { $0.id == task.anchor }
        let notes = app?.events.filter { e in e.kind == .note && interview.map { e.at >= $0.at } ?? true }.compactMap(\.text) ?? []
        // 001: some variety among the notes when several people interviewed you. Each
        // interviewer of one interview gets the next variant, in the order they are listed.
        var recipients = interview?.with ?? []
        if recipients.isEmpty, let id = person?.id { recipients = [id] }
        let position = person.flatMap { p in recipients.firstIndex(of: p.id) } ?? 0
        var values: [String: Any] = [
            "employer": task.employer,
            "role": app?.role ?? "the role",
            "me": me,
            "signature": data.settings.signature ?? me,
            "when": interview.map { "on \(zone.day(of: $0.at).short)" } ?? "recently",
            "to": person?.email ?? person?.name ?? task.employer,
            "greeting": name?.greeting ?? "there",
            "name": person?.name ?? task.employer,
            "firstName": name?.first ?? "",
            "lastName": name?.last ?? "",
            "notes": notes,
            "hasNotes": !notes.isEmpty,
            "variant1": position % 3 == 0,
            "variant2": position % 3 == 1,
            "variant3": position % 3 == 2,
            "interviewers": recipients.count,
            "severalInterviewers": recipients.count > 1,
        ]
        if let title = person?.title { values["title"] = title }
        if let email = person?.email { values["email"] = email }
        if let phone = person?.phone { values["phone"] = phone }
        if let window = task.callWindow {
            values["callWindow"] = "Between \(zone.clock(window.lowerBound)) and \(zone.clock(window.upperBound)), your time."
        }
        return values
    }
}

/// A person's name as a letter addresses them: by first name, or by title and surname when the
/// name starts with one ("Dr. Ana Cruz": Dr. Cruz).
public struct PersonName: Equatable, Sendable {
    public let first: String
    public let last: String
    /// "Dana", or "Dr. Cruz".
    public let greeting: String

    static let titles: Set<String> = ["dr", "dra", "prof", "profa", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "dott",
                                      "ing", "herr", "frau", "mme", "mlle", "m", "rev", "revd", "fr", "sr", "sra", "srta", "don", "doña"]
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "mba", "dds", "cpa"]

    public init(_ full: String) {
        var words = full.split(whereSeparator: \.isWhitespace).map(String.init)
        func bare(_ w: String) -> String { w.lowercased().filter { $0.isLetter } }
        var title: String?
        // A known title, or any short abbreviation with a full stop that is not an initial
        // ("Dra.", "Rev.", "Ing."; not "J.").
        let abbreviation = { (w: String) in w.hasSuffix(".") && (2...5).contains(bare(w).count) && bare(w).count == w.count - 1 }
        if words.count > 1, let w = words.first, PersonName.titles.contains(bare(w)) || abbreviation(w), bare(w) != "m" || w == "M." {
            title = w
            words.removeFirst()
        }
        // "Ana Cruz, PhD", "John Smith Jr.": the surname is before the suffix.
        while words.count > 1, let w = words.last, PersonName.suffixes.contains(bare(w)) { words.removeLast() }
        if let w = words.last, w.hasSuffix(",") { words[words.count - 1] = String(w.dropLast()) }
        first = words.first ?? full
        last = words.count > 1 ? words.last ?? "" : ""
        if let title, !last.isEmpty || words.count == 1 {
            greeting = title + " " + (last.isEmpty ? first : last)
        } else {
            greeting = first
        }
    }
}
