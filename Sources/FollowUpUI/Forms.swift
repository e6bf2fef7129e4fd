import FollowUpActions
import FollowUpCore

/// What a form adds or changes.
public enum FormKind: Equatable, Sendable {
    case application(editing: String?)
    case contact(app: String, editing: String?)
    case interview(app: String, editing: String?)
    case event(app: String, editing: String?)
    /// A reply came, perhaps with a new decision date.
    case reply(app: String, contact: String?)
    case close(app: String)
}

/// How a field is filled in.
public enum FieldInput: Equatable, Sendable {
    case text
    /// A date as people type it (`fri`, `+3d`, `2026-12-04`), shown resolved beside the field.
    case date
    /// A date and time (`next mon 14:00`).
    case dateTime
    /// One of a few values; ← → or the first letter choose. `""` is none when the field is optional.
    case choice([String])
    /// Any of the application's people (id, name); ← → move, Space picks or drops.
    case people([Person])
    case yesNo

    public struct Person: Equatable, Sendable {
        public var id: String
        public var name: String
    }
}

/// One field: its rule (the key the field specs and the CLI share), what was typed, the cursor.
public struct FormField: Equatable, Sendable {
    public var key: FieldKey
    public var label: String
    public var input: FieldInput
    public var required: Bool
    /// What was typed; for a choice the value; for yes/no "yes" or "no"; for people the picked
    /// ids, comma-separated.
    public var text: String
    /// Where the cursor is, in characters (graphemes), for typed fields.
    public var cursor: Int
    /// The highlighted person of a people picker.
    public var pick = 0

    init(_ key: FieldKey, _ label: String, _ input: FieldInput = .text, required: Bool = false, _ text: String = "") {
        self.key = key
        self.label = label
        self.input = input
        self.required = required
        self.text = text
        self.cursor = text.count
    }

    var picked: [String] { text.split(separator: ",").map(String.init) }
}

/// A form on screen: its fields, the one with focus, and how its save went.
public struct Form: Equatable, Sendable {
    public var kind: FormKind
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    /// Saving: Enter was accepted and the change is on its way; the form closes once it is saved.
    public var saving = false
    /// Why the last save failed: the form stays, with everything typed.
    public var error: String?

    public subscript(key: FieldKey) -> String {
        fields.first { $0.key == key }?.text ?? ""
    }
}

extension DashboardState {
    // MARK: Opening forms

    /// The add menu's forms: an application; a contact, an interview or an event for `app`.
    func newForm(_ which: Character, app: String?) -> Form? {
        switch which {
        case "a":
            return Form(kind: .application(editing: nil), title: "New application", fields: [
                FormField(.employer, "Employer", required: true), FormField(.role, "Role", required: true),
                FormField(.decisionBy, "Decision by", .date), FormField(.applied, "Applied", .date), FormField(.tz, "Time zone"),
                FormField(.location, "Location"), FormField(.link, "Link"),
            ])
        case "c":
            guard let app else { return nil }
            return Form(kind: .contact(app: app, editing: nil), title: "New contact at " + employer(app), fields: contactFields(nil))
        case "i":
            guard let app else { return nil }
            return Form(kind: .interview(app: app, editing: nil), title: "New interview at " + employer(app), fields: interviewFields(app, nil))
        case "l":
            guard let app else { return nil }
            return Form(kind: .event(app: app, editing: nil), title: "Log at " + employer(app), fields: eventFields(app, nil))
        default:
            return nil
        }
    }

    func employer(_ app: String) -> String { data.application(id: app)?.employer ?? app }

    /// The form that logs an event for an application; for a note, the text has focus.
    func logForm(app: String, note: Bool) -> Form? {
        guard var form = newForm("l", app: app) else { return nil }
        if note {
            form.title = "Note at \(employer(app))"
            form.focus = form.fields.firstIndex { $0.key == .text } ?? 0
        }
        return form
    }

    /// The form that changes an interview or an event of an application, filled in.
    func editForm(app: String, ref: String) -> Form? {
        guard let a = data.application(id: app) else { return nil }
        if let i = a.interviews.first(where: { $0.id == ref }) {
            return Form(kind: .interview(app: app, editing: ref), title: "Interview at \(a.employer)", fields: interviewFields(app, i))
        }
        if let e = a.events.first(where: { $0.id == ref }) {
            return Form(kind: .event(app: app, editing: ref), title: "\(e.kind.rawValue) at \(a.employer)", fields: eventFields(app, e))
        }
        if let c = a.contacts.first(where: { $0.id == ref }) {
            return Form(kind: .contact(app: app, editing: ref), title: "\(c.name) at \(a.employer)", fields: contactFields(c))
        }
        return nil
    }

    func editApplicationForm(_ app: Application) -> Form {
        Form(kind: .application(editing: app.id), title: "Application: \(app.employer)", fields: [
            FormField(.employer, "Employer", required: true, app.employer), FormField(.role, "Role", required: true, app.role),
            FormField(.decisionBy, "Decision by", .date, app.decisionBy?.description ?? ""),
            FormField(.applied, "Applied", .date, app.applied?.description ?? ""),
            FormField(.tz, "Time zone", .text, app.timeZone ?? ""),
            FormField(.location, "Location", .text, app.location ?? ""), FormField(.link, "Link", .text, app.link ?? ""),
        ])
    }

    func contactFields(_ c: Contact?) -> [FormField] {
        [
            FormField(.name, "Name", required: true, c?.name ?? ""), FormField(.title, "Title", .text, c?.title ?? ""),
            FormField(.role, "Role", .choice([""] + ContactRole.allCases.map(\.rawValue)), c?.role?.rawValue ?? ""),
            FormField(.email, "Email", .text, c?.email ?? ""), FormField(.phone, "Phone", .text, c?.phone ?? ""),
            FormField(.address, "Address", .text, c?.address ?? ""), FormField(.tz, "Time zone", .text, c?.timeZone ?? ""),
            FormField(.mayCall, "May call", .yesNo, (c?.mayCall ?? false) ? "yes" : "no"),
        ]
    }

    func people(_ app: String) -> [FieldInput.Person] {
        (data.application(id: app)?.contacts ?? []).map { FieldInput.Person(id: $0.id, name: $0.name) }
    }

    func interviewFields(_ app: String, _ i: Interview?) -> [FormField] {
        [
            FormField(.at, "When", .dateTime, i.map { local($0.at) } ?? ""),
            FormField(.kind, "Kind", .choice([""] + InterviewKind.allCases.map(\.rawValue)), i?.kind?.rawValue ?? ""),
            FormField(.minutes, "Minutes", .text, i?.minutes.map(String.init) ?? ""),
            FormField(.round, "Round", .text, i?.round.map(String.init) ?? ""),
            FormField(.with, "With", .people(people(app)), i?.with.joined(separator: ",") ?? ""),
        ] + (i == nil ? [FormField(.contact, "New person")] : []) + [
            FormField(.decisionBy, "Decision by", .date, i?.decisionBy?.description ?? ""),
            FormField(.travel, "Travel", .yesNo, (i?.travel ?? false) ? "yes" : "no"),
        ]
    }

    func eventFields(_ app: String, _ e: Event?) -> [FormField] {
        let contacts = data.application(id: app)?.contacts ?? []
        return [
            FormField(.kind, "Kind", .choice(EventKind.allCases.map(\.rawValue)), e?.kind.rawValue ?? EventKind.note.rawValue),
            FormField(.at, "When", .dateTime, e.map { local($0.at) } ?? ""),
            FormField(.contact, "Contact", .choice([""] + contacts.map(\.name)), e?.contact.flatMap { id in contacts.first { $0.id == id }?.name } ?? ""),
            FormField(.channel, "Channel", .choice([""] + Channel.allCases.map(\.rawValue)), e?.channel?.rawValue ?? ""),
            FormField(.decisionBy, "Decision by", .date, e?.decisionBy?.description ?? ""),
            FormField(.due, "Due", .date, e?.due?.description ?? ""),
            FormField(.about, "About", .choice([""] + RequestTopic.allCases.map(\.rawValue)), e?.about?.rawValue ?? ""),
            FormField(.text, "Text", .text, e?.text ?? ""),
        ]
    }

    /// A moment as a form shows it: `2026-11-24 14:00` in the user's zone.
    func local(_ at: Instant) -> String {
        let w = zone.localize(at).wallClock
        return "\(w.day) " + (w.hour < 10 ? "0" : "") + "\(w.hour):" + (w.minute < 10 ? "0" : "") + "\(w.minute)"
    }

    // MARK: Keys in a form

    mutating func formKey(_ action: Action) -> [Effect] {
        guard var form else { return [] }
        if form.saving { return [] }
        // A reply asked for as before (r, then y): y on the empty date saves it with no date.
        if case .reply = form.kind, action == .character("y"), form.fields.allSatisfy({ $0.text.isEmpty }) {
            return formKey(.enter)
        }
        var field = form.fields[form.focus]
        switch action {
        case .escape, .back:
            self.form = nil
            message = nil
            return []
        case .nextPane, .down:
            form.focus = (form.focus + 1) % form.fields.count
            self.form = form
            return []
        case .previousPane, .up:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
            self.form = form
            return []
        case .enter:
            switch build(form) {
            case let .failure(problem):
                form.focus = problem.field
                form.error = problem.words
                self.form = form
                return []
            case let .success((change, said)):
                form.saving = true
                form.error = nil
                self.form = form
                pending = said
                return [.apply(change)]
            }
        case .clearField:
            if case .people = field.input { field.text = "" } else if case .choice = field.input { field.text = "" } else {
                field.text = ""
                field.cursor = 0
            }
        case .cursorLeft, .cursorRight:
            let step = action == .cursorLeft ? -1 : 1
            switch field.input {
            case let .choice(options):
                let i = options.firstIndex(of: field.text) ?? 0
                field.text = options[(i + step + options.count) % options.count]
            case let .people(all):
                if !all.isEmpty { field.pick = (field.pick + step + all.count) % all.count }
            case .yesNo:
                field.text = field.text == "yes" ? "no" : "yes"
            default:
                field.cursor = min(field.text.count, max(0, field.cursor + step))
            }
        case .top:
            field.cursor = 0
        case .bottom:
            field.cursor = field.text.count
        case .backspace:
            if case .people = field.input { break }
            if case .choice = field.input { field.text = ""; break }
            if field.cursor > 0 {
                let i = field.text.index(field.text.startIndex, offsetBy: field.cursor - 1)
                field.text.remove(at: i)
                field.cursor -= 1
            }
        case let .character(c):
            switch field.input {
            case let .choice(options):
                // The first letter picks: again, the next value with that letter.
                let starting = options.filter { $0.lowercased().hasPrefix(String(c).lowercased()) && !$0.isEmpty }
                if let i = starting.firstIndex(of: field.text) {
                    field.text = starting[(i + 1) % starting.count]
                } else if let first = starting.first {
                    field.text = first
                }
            case let .people(all):
                guard c == " ", field.pick < all.count else { break }
                var ids = field.picked
                let id = all[field.pick].id
                if let i = ids.firstIndex(of: id) { ids.remove(at: i) } else { ids.append(id) }
                field.text = ids.joined(separator: ",")
            case .yesNo:
                if c == "y" || c == "Y" { field.text = "yes" } else if c == "n" || c == "N" { field.text = "no" } else if c == " " {
                    field.text = field.text == "yes" ? "no" : "yes"
                }
            default:
                let i = field.text.index(field.text.startIndex, offsetBy: min(field.cursor, field.text.count))
                field.text.insert(c, at: i)
                field.cursor += 1
            }
        case let .resize(rows, columns):
            self.rows = rows
            self.columns = columns
        default:
            return []
        }
        form.fields[form.focus] = field
        form.error = nil
        self.form = form
        return []
    }

    // MARK: Checking and saving

    struct FormProblem: Error {
        var field: Int
        var words: String
    }

    /// The problem with a field as typed, in words beside it; nil when it is fine (or empty and
    /// optional). The field specs are the ones the command line uses.
    func problem(_ field: FormField) -> String? {
        let text = field.text.trimmed
        if text.isEmpty { return field.required ? FieldProblem.empty.words(field: field.label) : nil }
        let result: FieldProblem?
        switch (field.input, field.key) {
        case (.date, _): result = fail(Fields.relativeDay(field.key, today: today).parse(text))
        case (.dateTime, _): result = fail(Fields.relativeDateTime(field.key, zone: zone, today: today).parse(text))
        case (.text, .email): result = fail(Fields.email.parse(text))
        case (.text, .tz): result = fail(Fields.zone.parse(text))
        case (.text, .minutes): result = fail(Fields.minutes.parse(text))
        case (.text, .round): result = fail(Fields.round.parse(text))
        default: result = nil
        }
        return result?.words(field: field.label)
    }

    func fail<T>(_ r: Result<T, FieldProblem>) -> FieldProblem? {
        if case let .failure(p) = r { return p }
        return nil
    }

    /// What a date field resolves to, shown beside it (`→ Fri 4 Dec`).
    func resolved(_ field: FormField) -> String? {
        let text = field.text.trimmed
        guard !text.isEmpty, problem(field) == nil else { return nil }
        switch field.input {
        case .date:
            guard case let .success(day) = Fields.relativeDay(field.key, today: today).parse(text) else { return nil }
            return day.short
        case .dateTime:
            guard case let .success(at) = Fields.relativeDateTime(field.key, zone: zone, today: today).parse(text) else { return nil }
            return zone.day(of: at).short + " " + zone.clock(at)
        default:
            return nil
        }
    }

    /// The change a form asks for and what to say once it is saved, or the first field that is
    /// not right.
    func build(_ form: Form) -> Result<(Change, String), FormProblem> {
        for (i, field) in form.fields.enumerated() {
            if let words = problem(field) { return .failure(FormProblem(field: i, words: words)) }
        }
        func value(_ key: FieldKey) -> String { form[key].trimmed }
        func optional(_ key: FieldKey) -> String? {
            let v = value(key)
            return v.isEmpty ? nil : v
        }
        func day(_ key: FieldKey) -> Day? {
            optional(key).flatMap { text in
                if case let .success(d) = Fields.relativeDay(key, today: today).parse(text) { return d }
                return nil
            }
        }
        func instant(_ key: FieldKey) -> Instant? {
            optional(key).flatMap { text in
                if case let .success(at) = Fields.relativeDateTime(key, zone: zone, today: today).parse(text) { return at }
                return nil
            }
        }
        switch form.kind {
        case let .application(editing):
            let employer = value(.employer)
            if let editing {
                let edit = ApplicationEdit(employer: employer, role: value(.role), decisionBy: .some(day(.decisionBy)), timeZone: .some(optional(.tz)),
                                           applied: .some(day(.applied)), location: value(.location), link: value(.link))
                return .success((.editApplication(app: editing, edit), "Saved \(employer)"))
            }
            let new = NewApplication(employer: employer, role: value(.role), decisionBy: day(.decisionBy), timeZone: optional(.tz),
                                     applied: day(.applied), location: optional(.location), link: optional(.link))
            return .success((.addApplication(new), "Added \(employer)"))
        case let .contact(app, editing):
            let role = optional(.role).flatMap(ContactRole.init(rawValue:))
            let mayCall = value(.mayCall) == "yes"
            if let editing {
                let edit = ContactEdit(name: value(.name), title: value(.title), role: role, email: value(.email), phone: value(.phone),
                                       address: value(.address), timeZone: .some(optional(.tz)), mayCall: mayCall)
                return .success((.editContact(contact: editing, app: app, edit), "Saved \(value(.name))"))
            }
            let new = NewContact(name: value(.name), title: optional(.title), role: role, email: optional(.email), phone: optional(.phone),
                                 address: optional(.address), timeZone: optional(.tz), mayCall: mayCall)
            return .success((.addContact(app: app, new), "Added \(value(.name)) at \(employer(app))"))
        case let .interview(app, editing):
            guard let at = instant(.at) else {
                return .failure(FormProblem(field: 0, words: FieldProblem.empty.words(field: "When")))
            }
            let kind = optional(.kind).flatMap(InterviewKind.init(rawValue:))
            let minutes = optional(.minutes).flatMap { Int($0) }
            let round = optional(.round).flatMap { Int($0) }
            let with = (form.fields.first { $0.key == .with }?.picked) ?? []
            let travel = value(.travel) == "yes"
            if let editing {
                let edit = InterviewEdit(at: at, kind: kind, minutes: minutes, round: round, with: with.isEmpty ? nil : with,
                                         decisionBy: .some(day(.decisionBy)), travel: travel)
                return .success((.editInterview(id: editing, edit), "Saved the interview"))
            }
            let said = "Added an interview at \(employer(app)) on \(zone.day(of: at).short)"
            // A person met for the first time is added with the interview, in one change.
            if let person = optional(.contact) {
                let new = NewInterview(at: at, kind: kind, minutes: minutes, round: round, with: with + [person], decisionBy: day(.decisionBy), travel: travel)
                return .success((.all([.addContact(app: app, NewContact(name: person, role: .interviewer)), .addInterview(app: app, new)]),
                                 said + " with \(person), added to the contacts"))
            }
            let new = NewInterview(at: at, kind: kind, minutes: minutes, round: round, with: with, decisionBy: day(.decisionBy), travel: travel)
            return .success((.addInterview(app: app, new), said))
        case let .event(app, editing):
            let kind = EventKind(rawValue: value(.kind)) ?? .note
            let contacts = data.application(id: app)?.contacts ?? []
            let contact = optional(.contact).flatMap { name in contacts.first { $0.name == name }?.id }
            let channel = optional(.channel).flatMap(Channel.init(rawValue:))
            let about = optional(.about).flatMap(RequestTopic.init(rawValue:))
            if let editing {
                let edit = EventEdit(kind: kind, at: instant(.at), contact: .some(contact), channel: channel,
                                     decisionBy: .some(day(.decisionBy)), due: .some(day(.due)), about: about, text: value(.text))
                return .success((.editEvent(id: editing, edit), "Saved the \(kind.rawValue)"))
            }
            let new = NewEvent(kind: kind, at: instant(.at), contact: contact, channel: channel, decisionBy: day(.decisionBy),
                               due: day(.due), about: about, text: optional(.text))
            return .success((.log(app: app, new), "Logged \(kind.rawValue) at \(employer(app))"))
        case let .reply(app, contact):
            let decision = day(.decisionBy)
            return .success((.reply(app: app, contact: contact, decisionBy: decision),
                             "Logged a reply from \(employer(app)): strikes back to 0" + (decision.map { ", they decide by \($0.short)" } ?? "")))
        case let .close(app):
            return .success((.close(app: app, reason: optional(.reason)), "Closed \(employer(app))"))
        }
    }
}
