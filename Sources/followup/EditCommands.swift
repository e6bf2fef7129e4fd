import ArgumentParser
import Foundation
import FollowUpActions
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
        @Option(help: ArgumentHelp("The day you applied, or none.", valueName: "date")) var applied: DateOrNone?
        @Option(help: ArgumentHelp("Where the job is (empty clears it).", valueName: "text")) var location: String?
        @Option(help: ArgumentHelp("The job posting's address (empty clears it).", valueName: "url")) var link: String?

        func run() throws {
            let ctx = try common.context()
            let edit = ApplicationEdit(employer: employer, role: role, decisionBy: decisionBy.map(\.value), timeZone: tz.map(\.value),
                                       applied: applied.map(\.value), location: location, link: link)
            try ctx.apply(.editApplication(app: app, edit))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete an application with its contacts, interviews and events (followup undo brings it back).")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String

        func run() throws {
            let ctx = try common.context()
            let gone = try ctx.load(quiet: true).findApplication(app)
            try ctx.apply(.delete(.application(gone.id)))
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
            let ctx = try common.context()
            let edit = ContactEdit(name: name, title: title, role: role, email: email, phone: phone, address: address,
                                   timeZone: tz.map(\.value), mayCall: mayCall)
            try ctx.apply(.editContact(contact: contact, app: app, edit))
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
            try ctx.apply(.delete(.contact(contact, app: app)))
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
            let ctx = try common.context()
            let edit = InterviewEdit(at: try at.map { try ctx.instant($0) }, kind: kind, minutes: minutes, round: round,
                                     with: with.isEmpty ? nil : with, decisionBy: decisionBy.map(\.value), travel: travel, cancelled: cancelled)
            try ctx.apply(.editInterview(id: interview, edit))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete an interview entered by mistake (to call one off, use edit --cancelled).")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The interview's id.", valueName: "interview"), completion: .custom(Completions.interviews)) var interview: String

        func run() throws {
            let ctx = try common.context()
            try ctx.apply(.delete(.interview(interview)))
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
        @Option(parsing: .unconditional, help: ArgumentHelp("A note in your words (may start with a dash).", valueName: "text")) var text: String?

        func run() throws {
            let ctx = try common.context()
            let edit = EventEdit(kind: kind, at: try at.map { try ctx.instant($0) }, contact: contact.map { $0 == "none" ? nil : $0 },
                                 channel: channel, decisionBy: decisionBy.map(\.value), due: due.map(\.value), about: about, text: text)
            try ctx.apply(.editEvent(id: event, edit))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a logged event.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The event's id.", valueName: "event"), completion: .custom(Completions.events)) var event: String

        func run() throws {
            let ctx = try common.context()
            try ctx.apply(.delete(.event(event)))
        }
    }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",abstract: "Close an application: no more tasks but closing ones (logs closed).")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Why, in your words (may start with a dash).", valueName: "text")) var reason: String?

    func run() throws {
        let ctx = try common.context()
        output(try ctx.apply(.close(app: app, reason: reason)).value.id ?? "")
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",abstract: "Open a closed, rejected, withdrawn or offered application again (logs reopened).")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String

    func run() throws {
        let ctx = try common.context()
        output(try ctx.apply(.reopen(app: app)).value.id ?? "")
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
        ctx.changed(by: undone)
    }
}

