import ArgumentParser
import FollowUpActions
import FollowUpCore
import FollowUpStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the data file, or change its preset.",
        discussion: "Presets: standard (000, 003), gentle (001), persistent (004). Optional: any command creates the file on its first write.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The follow-up policy: standard, gentle or persistent.") var preset: PresetName?

    func run() throws {
        let ctx = try common.context()
        let existed = ctx.file.exists
        if existed, preset == nil {
            _ = try ctx.load(quiet: true, repairing: true)
            output("\(ctx.file.path) already exists")
            return
        }
        if let preset {
            try ctx.apply(.settings(.preset(preset)))
        } else {
            // Creates the file, changing nothing in it.
            ctx.tell(try ctx.file.transaction(today: ctx.today) { _ in })
        }
        let chosen = (try ctx.load(quiet: true, repairing: true)).settings.preset
        output(existed ? "\(ctx.file.path): preset \(chosen.rawValue)" : "created \(ctx.file.path) (preset \(chosen.rawValue))")
    }
}

struct AppCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app", abstract: "Add, change or delete applications.", subcommands: [Add.self, Edit.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
        commandName: "add",abstract: "Add an application; prints its id.")

        @OptionGroup var common: CommonOptions
        @Option(help: "Who you applied to.") var employer: String
        @Option(help: "The job title.") var role: String
        @Option(name: .customLong("decision-by"), help: ArgumentHelp("The date they said they would decide by.", valueName: "date"))
        var decisionBy: Day?
        @Option(help: ArgumentHelp("The employer's time zone, e.g. Europe/Berlin.", valueName: "zone")) var tz: ZoneName?
        @Option(help: ArgumentHelp("The day you applied (YYYY-MM-DD).", valueName: "date")) var applied: Day?
        @Option(help: ArgumentHelp("Where the job is.", valueName: "text")) var location: String?
        @Option(help: ArgumentHelp("The job posting's address.", valueName: "url")) var link: String?

        func run() throws {
            let ctx = try common.context()
            let new = NewApplication(employer: employer, role: role, decisionBy: decisionBy, timeZone: tz?.identifier, applied: applied,
                                     location: location, link: link)
            output(try ctx.apply(.addApplication(new)).value.id ?? "")
        }
    }
}

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Add, change or delete contacts.", subcommands: [Add.self, Edit.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
        commandName: "add",abstract: "Add a person at an employer; prints their id.")

        @OptionGroup var common: CommonOptions
        @Option(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
        @Option(help: "Their name.") var name: String
        @Option(help: ArgumentHelp("Their job title.", valueName: "title")) var title: String?
        @Option(help: "recruiter, hiring-manager, interviewer, assistant or reference.") var role: ContactRole?
        @Option(help: ArgumentHelp("Their e-mail address.", valueName: "address")) var email: String?
        @Option(help: ArgumentHelp("Their phone number.", valueName: "number")) var phone: String?
        @Option(help: ArgumentHelp("Their postal business address, for letters.", valueName: "text")) var address: String?
        @Option(help: ArgumentHelp("Their time zone, e.g. America/Chicago.", valueName: "zone")) var tz: ZoneName?
        @Flag(name: .customLong("may-call"), help: "They said you may call them.") var mayCall = false

        func run() throws {
            let ctx = try common.context()
            let new = NewContact(name: name, title: title, role: role, email: email, phone: phone, address: address,
                                 timeZone: tz?.identifier, mayCall: mayCall)
            output(try ctx.apply(.addContact(app: app, new)).value.id ?? "")
        }
    }
}

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview", abstract: "Add, reschedule, cancel or delete interviews.", subcommands: [Add.self, Edit.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
        commandName: "add",abstract: "Add an interview, past or scheduled; prints its id.")

        @OptionGroup var common: CommonOptions
        @Option(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
        @Option(help: ArgumentHelp("When it starts, local time YYYY-MM-DDTHH:MM.", valueName: "datetime")) var at: String
        @Option(help: "phone, video or onsite.") var kind: InterviewKind?
        @Option(help: ArgumentHelp("How long it lasts (default 60).", valueName: "n")) var minutes: Int?
        @Option(help: ArgumentHelp("Which round (1 = first).", valueName: "n")) var round: Int?
        @Option(help: ArgumentHelp("Who interviewed you (repeat for several): id or name.", valueName: "contact"), completion: .custom(Completions.contacts))
        var with: [String] = []
        @Option(name: .customLong("decision-by"), help: ArgumentHelp("The date they said they would decide by.", valueName: "date"))
        var decisionBy: Day?
        @Flag(help: "You travelled for it: expenses to claim.") var travel = false

        func run() throws {
            let ctx = try common.context()
            let new = NewInterview(at: try ctx.instant(at), kind: kind, minutes: minutes, round: round, with: with,
                                   decisionBy: decisionBy, travel: travel)
            output(try ctx.apply(.addInterview(app: app, new)).value.id ?? "")
        }
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log what happened; prints the event's id.",
        discussion: """
        KIND is one of: \(EventKind.allCases.map(\.rawValue).joined(separator: " ")).
        Examples:
          followup log check-in --app Globex --contact Sam --channel voicemail
          followup log response --app Initech --decision-by 2026-12-04
          followup log request --app Hooli --about references --due 2026-11-27
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("What happened.", valueName: "kind")) var kind: EventKind
    @Option(help: ArgumentHelp("The application: its id or employer name.", valueName: "app"), completion: .custom(Completions.applications)) var app: String
    @Option(help: ArgumentHelp("Who it was with: id or name.", valueName: "contact"), completion: .custom(Completions.contacts)) var contact: String?
    @Option(help: ArgumentHelp("When, local time YYYY-MM-DDTHH:MM (default: now).", valueName: "datetime")) var at: String?
    @Option(help: "call, voicemail, email or letter.") var channel: Channel?
    @Option(name: .customLong("decision-by"), help: ArgumentHelp("A new date they said they would decide by.", valueName: "date"))
    var decisionBy: Day?
    @Option(help: ArgumentHelp("When a request must be answered.", valueName: "date")) var due: Day?
    @Option(help: "What a request is about: references, documents, availability, callback or other.") var about: RequestTopic?
    @Option(parsing: .unconditional, help: ArgumentHelp("A note in your words (may start with a dash).", valueName: "text")) var text: String?
    @Flag(help: "A check-in call where you spoke with them: the attempt and their reply at once (no strike).") var answered = false

    func run() throws {
        try Log.run(file: common.file, now: common.now, kind: kind, app: app, contact: contact, at: at, channel: channel,
                    decisionBy: decisionBy, due: due, about: about, text: text, answered: answered)
    }

    static func run(
        file: String?, now: String?, kind: EventKind, app: String, contact: String?, at: String?, channel: Channel?,
        decisionBy: Day?, due: Day?, about: RequestTopic?, text: String?, answered: Bool
    ) throws {
        let ctx = try Context.make(file: file, now: now, noticing: true)
        let new = NewEvent(kind: kind, at: try at.map { try ctx.instant($0) }, contact: contact, channel: channel,
                           decisionBy: decisionBy, due: due, about: about, text: text, answered: answered)
        output(try ctx.apply(.log(app: app, new)).value.id ?? "")
    }

    /// `log KIND --app APP` and its options in their plain form (KIND first, each option at most
    /// once, no value starting with a dash), for `Followup.plain`; nil for any other form, or a
    /// value the argument parser would refuse (it then reads and explains them).
    static func plain(_ words: ArraySlice<String>) -> (() throws -> Void)? {
        guard let first = words.first, let kind = EventKind(argument: first),
              let o = PlainOptions(words.dropFirst(), flags: ["--answered"],
                                   options: ["--file", "--now", "--app", "--contact", "--at", "--channel", "--decision-by", "--due", "--about", "--text"]),
              let app = o["--app"] else { return nil }
        func parsed<T: ExpressibleByArgument>(_ option: String, _: T.Type) -> T?? {
            guard let text = o[option] else { return .some(nil) }
            return T(argument: text).map { .some($0) }
        }
        guard let channel = parsed("--channel", Channel.self), let decisionBy = parsed("--decision-by", Day.self),
              let due = parsed("--due", Day.self), let about = parsed("--about", RequestTopic.self) else { return nil }
        return {
            try Log.run(file: o["--file"], now: o["--now"], kind: kind, app: app, contact: o["--contact"], at: o["--at"], channel: channel,
                        decisionBy: decisionBy, due: due, about: about, text: o["--text"], answered: o.has("--answered"))
        }
    }
}
