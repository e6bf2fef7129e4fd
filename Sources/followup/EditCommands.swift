import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpStore

/// A date, or `none` to clear it.
enum DateOrNone: ExpressibleByArgument {
    case day(Day)
    case none

    init?(argument: String) {
        if argument == "none" { self = .none } else if let day = Day(argument) { self = .day(day) } else { return nil }
    }

    var value: Day? { if case let .day(d) = self { d } else { nil } }
}

/// A time zone, or `none` to clear it.
enum ZoneOrNone: ExpressibleByArgument {
    case zone(String)
    case none

    init?(argument: String) {
        if argument == "none" { self = .none } else if let z = Zone(identifier: argument) { self = .zone(z.identifier) } else { return nil }
    }

    var value: String? { if case let .zone(z) = self { z } else { nil } }
}

extension FollowUpData {
    /// Where a contact, interview or event lives: by id anywhere, or by name within `app`.
    func locateContact(_ query: String, app: String?) throws -> (app: Int, index: Int) {
        if let app {
            let i = try findApplicationIndex(app)
            let application = applications[i]
            let contact = try application.findContact(query)
            return (i, applications[i].contacts.firstIndex { $0.id == contact.id }!)
        }
        for (i, a) in applications.enumerated() {
            if let j = a.contacts.firstIndex(where: { $0.id == query }) { return (i, j) }
        }
        throw UserError("no contact has the id \"\(query)\"; give its id, or --app with a name")
    }

    func locateInterview(_ id: String) throws -> (app: Int, index: Int) {
        for (i, a) in applications.enumerated() {
            if let j = a.interviews.firstIndex(where: { $0.id == id }) { return (i, j) }
        }
        throw UserError("no interview has the id \"\(id)\" (followup show APP lists them)")
    }

    func locateEvent(_ id: String) throws -> (app: Int, index: Int) {
        for (i, a) in applications.enumerated() {
            if let j = a.events.firstIndex(where: { $0.id == id }) { return (i, j) }
        }
        throw UserError("no event has the id \"\(id)\" (followup show APP lists them)")
    }

    /// Removes records for good, leaving tombstones so a merged copy cannot bring them back.
    mutating func bury(_ ids: [String], at now: Instant) {
        for id in ids where !tombstones.contains(where: { $0.id == id }) {
            tombstones.append(Tombstone(id: id, deletedAt: now))
        }
    }
}

extension AppCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
        commandName: "edit",abstract: "Change an application.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
        @Option(help: "Who you applied to.") var employer: String?
        @Option(help: "The job title.") var role: String?
        @Option(name: .customLong("decision-by"), help: ArgumentHelp("The date they will decide by, or none.", valueName: "date"))
        var decisionBy: DateOrNone?
        @Option(help: ArgumentHelp("The employer's time zone, or none.", valueName: "zone")) var tz: ZoneOrNone?

        func run() throws {
            if let employer, employer.nonBlank == nil { throw UserError("--employer must not be empty") }
            if let role, role.nonBlank == nil { throw UserError("--role must not be empty") }
            let ctx = try common.context()
            try ctx.change("app edit \(app)") { data in
                let i = try data.findApplicationIndex(app)
                var a = data.applications[i]
                if let employer = employer?.nonBlank { a.employer = employer }
                if let role = role?.nonBlank { a.role = role }
                if let decisionBy, decisionBy.value != a.decisionBy {
                    a.decisionBy = decisionBy.value
                    a.decisionGivenAt = ctx.now
                }
                if let tz { a.timeZone = tz.value }
                if a != data.applications[i] { a.updatedAt = ctx.now }
                data.applications[i] = a
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete an application with its contacts, interviews and events (followup undo brings it back).")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String

        func run() throws {
            let ctx = try common.context()
            let gone = try ctx.change("app rm \(app)") { data -> Application in
                let application = try data.findApplication(app)
                data.applications.removeAll { $0.id == application.id }
                data.bury([application.id] + application.contacts.map(\.id) + application.interviews.map(\.id) + application.events.map(\.id), at: ctx.now)
                return application
            }
            printError("deleted \(gone.employer) — \(gone.role) (\(gone.id)); followup undo brings it back")
        }
    }
}

extension ContactCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
        commandName: "edit",abstract: "Change a contact. An empty value clears a field.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The contact: id, or name with --app.", valueName: "contact"), completion: .custom(Completions.contacts)) var contact: String
        @Option(help: ArgumentHelp("The application, to find the contact by name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String?
        @Option(help: "Their name.") var name: String?
        @Option(help: "Their job title.") var title: String?
        @Option(help: "recruiter, hiring-manager, interviewer, assistant or reference.") var role: ContactRole?
        @Option(help: "Their e-mail address.") var email: String?
        @Option(help: "Their phone number.") var phone: String?
        @Option(help: "Their postal business address.") var address: String?
        @Option(help: ArgumentHelp("Their time zone, or none.", valueName: "zone")) var tz: ZoneOrNone?
        @Flag(inversion: .prefixedNo, help: "Whether they said you may call them.") var mayCall: Bool?

        func run() throws {
            if let name, name.nonBlank == nil { throw UserError("--name must not be empty") }
            if let email, !email.isEmpty, !email.contains("@") { throw UserError("--email: \"\(email)\" is not an e-mail address") }
            let ctx = try common.context()
            try ctx.change("contact edit \(contact)") { data in
                let (i, j) = try data.locateContact(contact, app: app)
                var c = data.applications[i].contacts[j]
                if let name = name?.nonBlank { c.name = name }
                if let title { c.title = title.nonBlank }
                if let role { c.role = role }
                if let email { c.email = email.nonBlank }
                if let phone { c.phone = phone.nonBlank }
                if let address { c.address = address.nonBlank }
                if let tz { c.timeZone = tz.value }
                if let mayCall { c.mayCall = mayCall }
                if c != data.applications[i].contacts[j] { c.updatedAt = ctx.now }
                data.applications[i].contacts[j] = c
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete a contact; interviews and events that named them keep their other details.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The contact: id, or name with --app.", valueName: "contact"), completion: .custom(Completions.contacts)) var contact: String
        @Option(help: ArgumentHelp("The application, to find the contact by name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String?

        func run() throws {
            let ctx = try common.context()
            try ctx.change("contact rm \(contact)") { data in
                let (i, j) = try data.locateContact(contact, app: app)
                let id = data.applications[i].contacts.remove(at: j).id
                for k in data.applications[i].interviews.indices where data.applications[i].interviews[k].with.contains(id) {
                    data.applications[i].interviews[k].with.removeAll { $0 == id }
                    data.applications[i].interviews[k].updatedAt = ctx.now
                }
                for k in data.applications[i].events.indices where data.applications[i].events[k].contact == id {
                    data.applications[i].events[k].contact = nil
                    data.applications[i].events[k].updatedAt = ctx.now
                }
                data.bury([id], at: ctx.now)
            }
        }
    }
}

extension InterviewCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change an interview: reschedule it with --at, call it off with --cancelled.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The interview's id.", valueName: "interview"), completion: .custom(Completions.interviews)) var interview: String
        @Option(help: ArgumentHelp("When it starts, local time YYYY-MM-DDTHH:MM.", valueName: "datetime")) var at: String?
        @Option(help: "phone, video or onsite.") var kind: InterviewKind?
        @Option(help: ArgumentHelp("How long it lasts.", valueName: "n")) var minutes: Int?
        @Option(help: ArgumentHelp("Which round.", valueName: "n")) var round: Int?
        @Option(help: ArgumentHelp("Who interviewed you (replaces the list; repeat for several).", valueName: "contact"))
        var with: [String] = []
        @Option(name: .customLong("decision-by"), help: ArgumentHelp("The date they will decide by, or none.", valueName: "date"))
        var decisionBy: DateOrNone?
        @Flag(inversion: .prefixedNo, help: "Whether you travelled for it.") var travel: Bool?
        @Flag(inversion: .prefixedNo, help: "Whether it was called off.") var cancelled: Bool?

        func run() throws {
            if let minutes, !(1...1440).contains(minutes) { throw UserError("--minutes must be from 1 to 1440") }
            if let round, !(1...99).contains(round) { throw UserError("--round must be from 1 to 99") }
            let ctx = try common.context()
            let start = try at.map { try ctx.parseInstant($0, option: "--at") }
            try ctx.change("interview edit \(interview)") { data in
                let (i, j) = try data.locateInterview(interview)
                var v = data.applications[i].interviews[j]
                if let start { v.at = start }
                if let kind { v.kind = kind }
                if let minutes { v.minutes = minutes }
                if let round { v.round = round }
                if !with.isEmpty {
                    var people: [String] = []
                    for query in with {
                        let id = try data.applications[i].findContact(query).id
                        if !people.contains(id) { people.append(id) }
                    }
                    v.with = people
                }
                if let decisionBy, decisionBy.value != v.decisionBy {
                    v.decisionBy = decisionBy.value
                    v.decisionGivenAt = ctx.now
                }
                if let travel { v.travel = travel }
                if let cancelled { v.cancelled = cancelled }
                if v != data.applications[i].interviews[j] { v.updatedAt = ctx.now }
                data.applications[i].interviews[j] = v
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete an interview entered by mistake (to call one off, use edit --cancelled).")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The interview's id.", valueName: "interview"), completion: .custom(Completions.interviews)) var interview: String

        func run() throws {
            let ctx = try common.context()
            try ctx.change("interview rm \(interview)") { data in
                let (i, j) = try data.locateInterview(interview)
                data.applications[i].interviews.remove(at: j)
                data.bury([interview], at: ctx.now)
            }
        }
    }
}

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Fix or delete a logged event.", subcommands: [Edit.self, Remove.self])

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
        commandName: "edit",abstract: "Change a logged event. An empty --text clears it.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The event's id.", valueName: "event"), completion: .custom(Completions.events)) var event: String
        @Option(help: "What happened.") var kind: EventKind?
        @Option(help: ArgumentHelp("When, local time YYYY-MM-DDTHH:MM.", valueName: "datetime")) var at: String?
        @Option(help: ArgumentHelp("Who it was with: id or name, or none.", valueName: "contact")) var contact: String?
        @Option(help: "call, voicemail, email or letter.") var channel: Channel?
        @Option(name: .customLong("decision-by"), help: ArgumentHelp("A date they will decide by, or none.", valueName: "date"))
        var decisionBy: DateOrNone?
        @Option(help: ArgumentHelp("When a request must be answered, or none.", valueName: "date")) var due: DateOrNone?
        @Option(help: "What a request is about.") var about: RequestTopic?
        @Option(help: ArgumentHelp("A note in your words.", valueName: "text")) var text: String?

        func run() throws {
            let ctx = try common.context()
            let when = try at.map { try ctx.parseInstant($0, option: "--at") }
            try ctx.change("event edit \(event)") { data in
                let (i, j) = try data.locateEvent(event)
                var e = data.applications[i].events[j]
                if let kind { e.kind = kind }
                if let when { e.at = when }
                if let contact { e.contact = contact == "none" ? nil : try data.applications[i].findContact(contact).id }
                if let channel { e.channel = channel }
                if let decisionBy { e.decisionBy = decisionBy.value }
                if let due { e.due = due.value }
                if let about { e.about = about }
                if let text { e.text = text.nonBlank }
                if e != data.applications[i].events[j] { e.updatedAt = ctx.now }
                data.applications[i].events[j] = e
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a logged event.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The event's id.", valueName: "event"), completion: .custom(Completions.events)) var event: String

        func run() throws {
            let ctx = try common.context()
            try ctx.change("event rm \(event)") { data in
                let (i, j) = try data.locateEvent(event)
                data.applications[i].events.remove(at: j)
                data.bury([event], at: ctx.now)
            }
        }
    }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",abstract: "Close an application: no more tasks but closing ones (logs closed).")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
    @Option(help: ArgumentHelp("Why, in your words.", valueName: "text")) var reason: String?

    func run() throws {
        let ctx = try common.context()
        let id = try ctx.change("close \(app)") { data in
            let i = try data.findApplicationIndex(app)
            let application = data.applications[i]
            let status = Rules.schedule(data, zone: ctx.zone, now: ctx.now).statuses[application.id] ?? .active
            if status.isClosed { throw UserError("\(application.employer) is already closed (\(status.rawValue)); followup reopen \(application.id) opens it again") }
            let id = ctx.mint("closed", fallback: "event", in: data)
            data.applications[i].events.append(Event(
                id: id, kind: .closed, at: ctx.now, text: reason?.nonBlank, createdAt: ctx.now))
            return id
        }
        output(id)
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",abstract: "Open a closed, rejected, withdrawn or offered application again (logs reopened).")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String

    func run() throws {
        let ctx = try common.context()
        let id = try ctx.change("reopen \(app)") { data in
            let i = try data.findApplicationIndex(app)
            let application = data.applications[i]
            let status = Rules.schedule(data, zone: ctx.zone, now: ctx.now).statuses[application.id] ?? .active
            if !status.isClosed { throw UserError("\(application.employer) is open (\(status.rawValue)); nothing to reopen") }
            let id = ctx.mint("reopened", fallback: "event", in: data)
            data.applications[i].events.append(Event(
                id: id, kind: .reopened, at: ctx.now, createdAt: ctx.now))
            return id
        }
        output(id)
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the last change made to the file (by any followup); repeat to go further back.",
        discussion: "Only the records that change touched, and still as it left them, are put back: whatever else was written since is kept, and named. The last \(FollowUpData.historyLimit) changes are remembered in $XDG_STATE_HOME/followup (else ~/.local/state/followup), outside the data file.")

    @OptionGroup var common: CommonOptions
    @Flag(help: "List what would be undone, newest first.") var list = false

    func run() throws {
        let ctx = try common.context()
        if list {
            let history = try ctx.file.history()
            if history.isEmpty { output("Nothing to undo."); return }
            for entry in history.reversed() {
                let local = ctx.zone.localize(entry.at)
                output("\(local.wallClock.day.short) \(ctx.zone.clock(entry.at))  \(entry.summary)")
            }
            return
        }
        guard ctx.file.exists, let undone = try ctx.file.undo(today: ctx.today) else {
            throw UserError("nothing to undo")
        }
        output(undone.sentence)
    }
}

