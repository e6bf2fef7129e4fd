import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpStore
import JSON

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic, deterministic data file with N applications.",
        discussion: """
            Per application about 3 contacts, 2 interviews and 10 events over two years; 80% closed, \
            the rest at every stage (thank-yous owed, check-ins with 0–3 strikes, open requests, \
            travel expenses, interviews ahead). Same seed, --now and TZ: same bytes.
            """)

    @Option(help: ArgumentHelp("How many applications.", valueName: "n")) var apps: Int
    @Option(help: ArgumentHelp("Where to write the data file (mode 0600).", valueName: "path")) var file: String
    @Option(help: ArgumentHelp("Also write DIR/tasks.json for `task import`: one pending task per application.", valueName: "dir"))
    var taskwarrior: String?
    @Option(help: "The seed of the generator.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The local time the data is dated around, YYYY-MM-DDTHH:MM (in TZ).", valueName: "datetime"))
    var now = "2026-11-24T09:00"

    func validate() throws {
        guard apps >= 0 else { throw ValidationError("--apps must be 0 or more") }
    }

    func run() throws {
        let zone = Zone(TimeZone.current)
        let instant = try parseNow(now, zone: zone)
        var generator = Generator(seed: seed, zone: zone, now: instant)
        let (data, pending) = generator.make(apps: apps)
        let bytes = DataFile.encode(data)
        try writeFile(file, bytes)
        let counts = Counts(data)
        print("\(file): \(counts.summary), \(bytes.count) bytes")
        if let dir = taskwarrior {
            let tasks = Taskwarrior.tasks(pending, seed: seed)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try writeFile(dir + "/tasks.json", tasks)
            print("\(dir)/tasks.json: \(pending.count) pending tasks")
        }
    }
}

/// A failure outside the arguments (a file that cannot be read or written): one line, no usage.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The `--now` text as the CLI reads it: a local time in TZ, or RFC 3339 with an offset.
func parseNow(_ text: String, zone: Zone) throws -> Instant {
    if let local = LocalDateTime(text) {
        do {
            return try zone.instant(local)
        } catch {
            throw ValidationError("--now: \(text) does not exist in \(zone.identifier)")
        }
    }
    if let exact = Instant(rfc3339: text) { return zone.localize(exact) }
    throw ValidationError("--now: \"\(text)\" is not YYYY-MM-DDTHH:MM")
}

/// Writes bytes to a new file, mode 0600 as followup's own saves leave it (so `followup check`
/// has no permission warning to report).
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var written = 0
    try bytes.withUnsafeBytes { buf in
        guard let base = buf.baseAddress else { return }
        while written < buf.count {
            let n = write(fd, base + written, buf.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
    }
    _ = fchmod(fd, 0o600)
}

/// How many records a file holds.
struct Counts {
    var apps = 0, contacts = 0, interviews = 0, events = 0

    init(_ data: FollowUpData) {
        apps = data.applications.count
        for app in data.applications {
            contacts += app.contacts.count
            interviews += app.interviews.count
            events += app.events.count
        }
    }

    var summary: String {
        "\(apps) applications, \(contacts) contacts, \(interviews) interviews, \(events) events"
    }
}

/// The one pending taskwarrior task that stands for an application, so that both tools hold as
/// many items.
struct PendingTask {
    let description: String
    let due: Instant
    let entry: Instant
    let project: String
    let tags: [String]
}

/// Builds a job search of N applications dated around `now`, from a seed.
///
/// Every application is a story told forwards in time: applied, screened, interviewed, thanked,
/// checked in, answered, closed. Nothing is logged after `now`; what lies ahead is only scheduled
/// interviews, as a user's file would hold.
struct Generator {
    private var rng: SplitMix64
    let zone: Zone
    let now: Instant
    let today: Day
    private var taken: Set<String> = []
    private var slugs: [String: String] = [:]
    private var employers: [Employer] = []
    private var employerNames: Set<String> = []
    private var openCount = 0
    private var checkInCount = 0

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    struct Employer {
        let name: String
        let domain: String
        let timeZone: String?
    }

    /// Where an application still open stands at `now`: one of each in turn, so that even a small
    /// file has every stage.
    enum Stage: CaseIterable {
        case applied, screened, thankYouOwed, interviewAhead, checkingIn, struckOut, requestOpen, invited
        case expensesOwed, reimbursementDue, replied
    }

    init(seed: UInt64, zone: Zone, now: Instant) {
        rng = SplitMix64(seed: seed)
        self.zone = zone
        self.now = zone.localize(now)
        today = zone.day(of: now)
    }

    mutating func make(apps count: Int) -> (FollowUpData, [PendingTask]) {
        var applications: [Application] = []
        var pending: [PendingTask] = []
        applications.reserveCapacity(count)
        for _ in 0..<count {
            let (app, task) = application()
            applications.append(app)
            pending.append(task)
        }
        var data = FollowUpData(
            settings: Settings(
                preset: .standard, holidays: holidays(), name: "Zoë Ångström-Nakamura",
                signature: "Best regards,\nZoë — +1 212 555 0199"),
            applications: applications)
        data.tombstones = tombstones(applications)
        decide(&data)
        return (data, pending)
    }

    // MARK: One application

    mutating func application() -> (Application, PendingTask) {
        let employer = nextEmployer()
        let role = rng.pick(Names.roles)
        if rng.chance(0.8) { return closedApplication(employer, role) }
        let stage = Stage.allCases[openCount % Stage.allCases.count]
        openCount += 1
        return openApplication(employer, role, stage)
    }

    /// A story that ended: one to three rounds, notes, check-ins, maybe a request, then an offer,
    /// a rejection, a withdrawal or silence.
    mutating func closedApplication(_ employer: Employer, _ role: String) -> (Application, PendingTask) {
        let start = weekdayOnOrBefore(today.adding(days: -rng.int(80...730)))
        var app = newApplication(employer, role, createdAt: at(start, rng.int(8...21), rng.int(0...59)))
        let recruiter = addContact(.recruiter, to: &app, employer, createdAt: app.createdAt.adding(hours: rng.int(20...120)))
        let manager = rng.chance(0.85) ? addContact(.hiringManager, to: &app, employer, createdAt: recruiter.createdAt.adding(hours: rng.int(24...200))) : nil
        var panel: [Contact] = []
        for _ in 0..<rng.pick([0, 1, 1, 2, 2]) {
            panel.append(addContact(.interviewer, to: &app, employer, createdAt: recruiter.createdAt.adding(hours: rng.int(48...300))))
        }
        if rng.chance(0.4) { log(.note, &app, at: app.createdAt.adding(minutes: 5), text: "Applied via \(rng.pick(["referral", "LinkedIn", "their careers page", "a meetup", "un salon"])).") }

        var day = weekdayOnOrAfter(start.adding(days: rng.int(7...16)))
        var last = hold(&app, day: day, kind: rng.chance(0.6) ? .phone : .video, minutes: rng.pick([30, 30, 45]), round: 1,
                        with: [manager ?? recruiter], decisionBy: nil, travel: false, thanks: 0.95, notes: 0.8)
        let rounds = rng.chance(0.85) ? (rng.chance(0.12) ? 3 : 2) : 1
        var stated: Day?
        var travelled = false
        if rounds >= 2 {
            for round in 2...rounds {
                log(.invited, &app, at: last.end(defaultMinutes: 60).adding(hours: rng.int(20...70)), contact: recruiter, text: "Round \(round): \(rng.pick(["on site", "with the team", "final round"])).")
                day = weekdayOnOrAfter(day.adding(days: rng.int(6...13)))
                let onsite = rng.chance(0.55)
                let travel = onsite && rng.chance(0.3)
                travelled = travelled || travel
                stated = round == rounds && rng.chance(0.7) ? day.adding(days: rng.int(5...10)) : nil
                last = hold(&app, day: day, kind: onsite ? .onsite : .video, minutes: rng.pick([60, 90, 120, 240]), round: round,
                            with: [manager].compactMap { $0 } + panel, decisionBy: stated, travel: travel, thanks: 0.95, notes: 0.75)
                if travel {
                    let submitted = last.end(defaultMinutes: 60).adding(hours: rng.int(24...96))
                    log(.expensesSubmitted, &app, at: submitted, text: "Train and hotel: \(rng.int(120...640)) €")
                    if rng.chance(0.97) {
                        let days = rng.int(10...45)
                        if days > 30 { log(.expensesChased, &app, at: submitted.adding(hours: 24 * 31), contact: recruiter, channel: .email) }
                        log(.reimbursed, &app, at: submitted.adding(hours: 24 * days))
                    }
                }
            }
        }
        var cursor = last.end(defaultMinutes: 60)
        if rng.chance(0.3) {
            let asked = last.end(defaultMinutes: 60).adding(hours: rng.int(20...60))
            log(.request, &app, at: asked, contact: recruiter, about: .references, text: rng.pick(Names.requestTexts))
            log(.referencesBriefed, &app, at: asked.adding(hours: rng.int(2...20)), text: "Briefed both references on the role.")
            log(.requestDone, &app, at: asked.adding(hours: rng.int(21...30)), contact: recruiter)
            cursor = asked.adding(hours: 30)
        }
        let firstCheckIn = weekdayOnOrAfter((stated ?? zone.day(of: last.end(defaultMinutes: 60)).adding(days: 6)).adding(days: 1))
        let checkIns = rng.pick([0, 0, 1, 1, 2, 3])
        let target = manager ?? recruiter
        for attempt in 0..<checkIns {
            let when = at(weekdayOnOrAfter(firstCheckIn.adding(days: 7 * attempt)), 10, rng.int(0...50))
            log(.checkIn, &app, at: when, contact: target, channel: target.mayCall && target.phone != nil ? rng.pick([.call, .voicemail]) : .email)
            cursor = when
        }
        let ending = rng.int(0...99)
        let kind: EventKind = ending < 55 ? .rejected : ending < 70 ? .closed : ending < 82 ? .withdrawn : .offer
        if kind != .closed, rng.chance(0.6) {
            cursor = cursor.adding(hours: rng.int(24...120))
            log(.response, &app, at: cursor, contact: target, text: rng.pick(Names.responseTexts))
        }
        let closedAt = min(cursor.adding(hours: rng.int(48...360)), now.adding(hours: -48))
        let reason: String
        switch kind {
        case .rejected: reason = "They went with another candidate."
        case .withdrawn: reason = "Withdrew: accepted another offer."
        case .offer: reason = "Offer: \(rng.int(60...160))k, start in \(rng.int(2...8)) weeks."
        default: reason = "No reply after \(checkIns) check-ins; closing."
        }
        log(kind, &app, at: closedAt, contact: kind == .closed ? nil : target, text: reason)
        if kind == .rejected, rng.chance(0.93) {
            log(.thankYou, &app, at: closedAt.adding(hours: rng.int(3...22)), contact: target, channel: .email,
                text: "Thanked them for their time and asked to be kept in mind.")
        }
        app.updatedAt = app.events.map(\.createdAt).max() ?? app.createdAt
        let task = PendingTask(
            description: "Review notes from \(employer.name) (\(kind.rawValue)) before similar interviews",
            due: at(zone.day(of: closedAt).adding(days: 30), 9, 0), entry: closedAt, project: slug(employer.name, "employer"),
            tags: ["jobsearch", "closed"])
        return (app, task)
    }

    /// An application still in flight, at `stage`.
    mutating func openApplication(_ employer: Employer, _ role: String, _ stage: Stage) -> (Application, PendingTask) {
        // How far back the story starts: long enough for the stage to have happened.
        let age: Int
        switch stage {
        case .applied: age = rng.int(1...20)
        case .reimbursementDue: age = rng.int(60...80)
        case .checkingIn, .struckOut: age = rng.int(45...60)
        default: age = rng.int(20...40)
        }
        let start = weekdayOnOrBefore(today.adding(days: -age))
        var app = newApplication(employer, role, createdAt: at(start, rng.int(8...21), rng.int(0...59)))
        if rng.chance(0.2) { app.decisionBy = today.adding(days: rng.int(10...30)) }
        let recruiter = addContact(.recruiter, to: &app, employer, createdAt: app.createdAt.adding(hours: rng.int(2...24)))
        let employerSlug = slug(employer.name, "employer")
        func pendingTask(_ description: String, _ due: Instant, _ tag: String) -> PendingTask {
            PendingTask(description: description, due: due, entry: app.createdAt, project: employerSlug, tags: ["jobsearch", tag])
        }
        if stage == .applied {
            log(.note, &app, at: app.createdAt.adding(minutes: 10), text: "Applied; cover letter v3. Recruiter: \(recruiter.name).")
            app.updatedAt = app.events.map(\.createdAt).max() ?? recruiter.createdAt
            return (app, pendingTask("Follow up on the application to \(employer.name) if no word", at(start.adding(days: 14), 9, 0), "applied"))
        }
        let manager = addContact(.hiringManager, to: &app, employer, createdAt: recruiter.createdAt.adding(hours: rng.int(24...72)))
        let panel = (0..<rng.pick([1, 1, 2])).map { _ in
            addContact(.interviewer, to: &app, employer, createdAt: manager.createdAt.adding(hours: rng.int(1...72)))
        }
        // The screen that started it, held well before the stage's own events.
        let screenDay = weekdayOnOrAfter(start.adding(days: rng.int(3...6)))
        if rng.chance(0.1) {
            interview(&app, at: at(screenDay.adding(days: -1), 11, 0), kind: .phone, minutes: 30, round: 1, with: [recruiter],
                      decisionBy: nil, travel: false, cancelled: true)
        }
        let screen = hold(&app, day: screenDay, kind: .phone, minutes: 30, round: 1, with: [recruiter], decisionBy: nil,
                          travel: false, thanks: 1, notes: 0.8)

        switch stage {
        case .applied, .screened:
            // Screened; the recruiter said they would be in touch.
            finish(&app)
            return (app, pendingTask("Ask \(recruiter.name) about next steps at \(employer.name)", screen.end(defaultMinutes: 60).adding(hours: 24 * 7), "screened"))

        case .thankYouOwed:
            // The round ended within the last day or so: notes owed, some already sent.
            let back = rng.chance(0.7) ? 1 : rng.int(2...3)
            let day = weekdayOnOrBefore(today.adding(days: -back))
            let iv = hold(&app, day: day, kind: rng.chance(0.5) ? .onsite : .video, minutes: rng.pick([60, 90, 120]), round: 2,
                          with: [manager] + panel, decisionBy: rng.chance(0.6) ? day.adding(days: rng.int(5...9)) : nil,
                          travel: false, thanks: 0.3, notes: 0.4, hour: rng.int(9...15))
            finish(&app)
            return (app, pendingTask("Send thank-you notes after the \(employer.name) interview", iv.end(defaultMinutes: 60).adding(hours: 24), "thankyou"))

        case .interviewAhead:
            log(.invited, &app, at: screen.end(defaultMinutes: 60).adding(hours: rng.int(20...60)), contact: recruiter, text: "Next: meet the team.")
            let ahead = weekdayOnOrAfter(today.adding(days: rng.int(1...12)))
            let onsite = rng.chance(0.5)
            let iv = interview(&app, at: at(ahead, rng.int(9...15), rng.pick([0, 30])), kind: onsite ? .onsite : .video,
                               minutes: rng.pick([60, 90, 180]), round: 2, with: [manager] + panel, decisionBy: nil,
                               travel: onsite && rng.chance(0.4), cancelled: false)
            finish(&app)
            return (app, pendingTask("Prepare questions for the \(employer.name) round 2", iv.at.adding(hours: -16), "prepare"))

        case .checkingIn, .struckOut:
            // 0, 1 and 2 strikes in turn, so every count shows up even in a small file.
            let strikes = stage == .struckOut ? 3 : checkInCount % 3
            if stage == .checkingIn { checkInCount += 1 }
            let lastDay = weekdayOnOrBefore(today.adding(days: -(9 + 7 * strikes + rng.int(0...4))))
            let stated = rng.chance(0.6) ? lastDay.adding(days: rng.int(2...4)) : nil
            let iv = hold(&app, day: lastDay, kind: .onsite, minutes: rng.pick([90, 120, 240]), round: 2, with: [manager] + panel,
                          decisionBy: stated, travel: false, thanks: 1, notes: 0.9)
            let first = weekdayOnOrAfter((stated ?? zone.day(of: iv.end(defaultMinutes: 60)).adding(days: 6)).adding(days: 1))
            var next = first
            for attempt in 0..<strikes {
                let day = weekdayOnOrAfter(first.adding(days: 7 * attempt))
                let when = at(day, 10, rng.int(0...45))
                guard when < now else { break }
                log(.checkIn, &app, at: when, contact: manager,
                    channel: manager.mayCall && manager.phone != nil ? .voicemail : .email,
                    text: attempt == 0 ? "Asked where things stand." : nil)
                next = weekdayOnOrAfter(day.adding(days: 7))
            }
            finish(&app)
            let description = strikes >= 3 ? "Decide whether to move on from \(employer.name)" : "Check in with \(manager.name) at \(employer.name)"
            return (app, pendingTask(description, at(next, 10, 0), "checkin"))

        case .requestOpen:
            let day = weekdayOnOrBefore(today.adding(days: -rng.int(3...10)))
            _ = hold(&app, day: day, kind: .video, minutes: 60, round: 2, with: [manager] + panel, decisionBy: nil,
                     travel: false, thanks: 1, notes: 0.8)
            let asked = now.adding(hours: -rng.int(2...60))
            let topic = rng.pick(RequestTopic.allCases)
            let due = rng.chance(0.4) ? today.adding(days: rng.int(1...3)) : nil
            log(.request, &app, at: asked, contact: rng.pick([recruiter, manager]), due: due, about: topic, text: rng.pick(Names.requestTexts))
            finish(&app)
            return (app, pendingTask("Answer \(employer.name)'s request (\(topic.rawValue))", due.map { at($0, 23, 59) } ?? asked.adding(hours: 24), "request"))

        case .invited:
            let invitedAt = now.adding(hours: -rng.int(3...40))
            log(.invited, &app, at: max(invitedAt, screen.end(defaultMinutes: 60).adding(hours: 2)), contact: recruiter, text: "Invited to an on-site round; pick a date.")
            finish(&app)
            return (app, pendingTask("Reply to \(employer.name)'s invitation", invitedAt.adding(hours: 24), "invited"))

        case .expensesOwed:
            let day = weekdayOnOrBefore(today.adding(days: -rng.int(1...6)))
            let iv = hold(&app, day: day, kind: .onsite, minutes: 240, round: 2, with: [manager] + panel,
                          decisionBy: day.adding(days: rng.int(7...14)), travel: true, thanks: 1, notes: 0.9)
            finish(&app)
            return (app, pendingTask("Submit travel expenses to \(employer.name)", iv.end(defaultMinutes: 60).adding(hours: 72), "expenses"))

        case .reimbursementDue:
            let day = weekdayOnOrBefore(today.adding(days: -rng.int(36...50)))
            let iv = hold(&app, day: day, kind: .onsite, minutes: 240, round: 2, with: [manager] + panel,
                          decisionBy: nil, travel: true, thanks: 1, notes: 0.9)
            let submitted = iv.end(defaultMinutes: 60).adding(hours: rng.int(24...72))
            log(.expensesSubmitted, &app, at: submitted, text: "Flights and two nights: \(rng.int(400...1200)) €")
            if rng.chance(0.4) { log(.expensesChased, &app, at: submitted.adding(hours: 24 * 31), contact: recruiter, channel: .email) }
            log(.response, &app, at: now.adding(hours: -24 * rng.int(3...9)), contact: manager,
                decisionBy: today.adding(days: rng.int(3...20)), text: rng.pick(Names.responseTexts))
            finish(&app)
            return (app, pendingTask("Chase the travel reimbursement from \(employer.name)", submitted.adding(hours: 24 * 30), "expenses"))

        case .replied:
            let day = weekdayOnOrBefore(today.adding(days: -rng.int(10...20)))
            let iv = hold(&app, day: day, kind: .video, minutes: 60, round: 2, with: [manager] + panel, decisionBy: nil,
                          travel: false, thanks: 1, notes: 0.9)
            log(.checkIn, &app, at: at(weekdayOnOrAfter(zone.day(of: iv.end(defaultMinutes: 60)).adding(days: 7)), 10, 15), contact: manager, channel: .email)
            let stated = rng.chance(0.7) ? today.adding(days: rng.int(2...14)) : nil
            log(.response, &app, at: now.adding(hours: -rng.int(20...140)), contact: manager, decisionBy: stated, text: rng.pick(Names.responseTexts))
            finish(&app)
            return (app, pendingTask("Check in with \(employer.name) after their decision date", at(stated ?? today.adding(days: 7), 10, 0), "checkin"))
        }
    }

    // MARK: Records

    mutating func newApplication(_ employer: Employer, _ role: String, createdAt: Instant) -> Application {
        Application(id: mint(employer.name, "app"), employer: employer.name, role: role, timeZone: employer.timeZone,
                    createdAt: createdAt)
    }

    @discardableResult
    mutating func addContact(_ role: ContactRole, to app: inout Application, _ employer: Employer, createdAt: Instant) -> Contact {
        let name = personName()
        let id = mint(name, "contact")
        let local = slug(name, "contact")
        let contact = Contact(
            id: id, name: name, title: rng.chance(0.8) ? Names.titles[role.rawValue].map { rng.pick($0) } : nil, role: role,
            email: (local == "contact" ? String(id.suffix(4)) : local.replacingOccurrences(of: "-", with: ".")) + "@" + employer.domain,
            phone: rng.chance(0.7) ? rng.pick(Names.phones) + String(rng.int(10...99)) : nil,
            address: role == .hiringManager && rng.chance(0.3) ? rng.pick(Names.streets) : nil,
            timeZone: rng.chance(0.12) ? rng.pick(Names.zones) : nil,
            mayCall: role != .interviewer && rng.chance(0.45),
            createdAt: clamp(createdAt))
        app.contacts.append(contact)
        return contact
    }

    /// An interview held on `day` (a morning or afternoon slot) with its thank-you notes and the
    /// evening's take-stock note, each logged with the given likelihood.
    @discardableResult
    mutating func hold(
        _ app: inout Application, day: Day, kind: InterviewKind, minutes: Int, round: Int, with people: [Contact],
        decisionBy: Day?, travel: Bool, thanks: Double, notes: Double, hour: Int? = nil
    ) -> Interview {
        let start = at(day, hour ?? rng.pick([9, 10, 11, 13, 14, 15, 16]), rng.pick([0, 0, 15, 30]))
        let iv = interview(&app, at: start, kind: kind, minutes: minutes, round: round, with: people,
                           decisionBy: decisionBy, travel: travel, cancelled: false)
        for person in people where rng.chance(thanks) {
            log(.thankYou, &app, at: iv.end(defaultMinutes: 60).adding(minutes: rng.int(120...420)), contact: person,
                channel: rng.chance(0.9) ? .email : .letter, text: rng.chance(0.5) ? "Mentioned \(rng.pick(Names.theyLiked))." : nil)
        }
        // From round 2 on, references are called next (000 #2): most people brief them within days.
        if round >= 2, rng.chance(0.6) {
            log(.referencesBriefed, &app, at: iv.end(defaultMinutes: 60).adding(hours: rng.int(20...70)), text: "Told both references what the role needs.")
        }
        if rng.chance(notes) {
            let text = "Went well: \(rng.pick(Names.wentWell)). Could be better: \(rng.pick(Names.couldBeBetter)). "
                + "They liked: \(rng.pick(Names.theyLiked)). Likely reservations: \(rng.pick(Names.reservations))."
            log(.note, &app, at: iv.end(defaultMinutes: 60).adding(minutes: rng.int(30...300)), text: text)
        }
        return iv
    }

    @discardableResult
    mutating func interview(
        _ app: inout Application, at start: Instant, kind: InterviewKind, minutes: Int, round: Int, with people: [Contact],
        decisionBy: Day?, travel: Bool, cancelled: Bool
    ) -> Interview {
        let booked = max(app.createdAt, start.adding(hours: -24 * rng.int(2...9)))
        let iv = Interview(
            id: mint("iv", "iv"), at: start, kind: kind, minutes: minutes, round: round, with: people.map(\.id),
            decisionBy: decisionBy, travel: travel, cancelled: cancelled, createdAt: clamp(booked))
        app.interviews.append(iv)
        return iv
    }

    /// Appends an event that has happened; one dated after `now` is not logged (nobody logs the future).
    mutating func log(
        _ kind: EventKind, _ app: inout Application, at when: Instant, contact: Contact? = nil, channel: Channel? = nil,
        decisionBy: Day? = nil, due: Day? = nil, about: RequestTopic? = nil, text: String? = nil
    ) {
        guard when <= now else { return }
        let at = zone.localize(when)
        let event = Event(
            id: mint(kind.rawValue, "event"), kind: kind, at: at, contact: contact?.id, channel: channel,
            decisionBy: decisionBy, due: due, about: about, text: text,
            createdAt: clamp(at.adding(minutes: rng.pick([0, 1, 2, 5, 30, 90]))))
        app.events.append(event)
    }

    /// Sets `updatedAt` to the latest change in the application.
    func finish(_ app: inout Application) {
        let times = app.events.map(\.createdAt) + app.interviews.map(\.createdAt) + app.contacts.map(\.createdAt)
        app.updatedAt = times.max() ?? app.createdAt
    }

    // MARK: The rest of the file

    /// US federal holidays of the two years the data spans, as a user in New York would enter them.
    func holidays() -> [Day] {
        let y = today.year
        let days = [
            (y - 1, 1, 1), (y - 1, 5, 26), (y - 1, 7, 4), (y - 1, 9, 1), (y - 1, 11, 27), (y - 1, 12, 25),
            (y, 1, 1), (y, 5, 25), (y, 7, 3), (y, 9, 7), (y, 11, 26), (y, 12, 25),
        ]
        return days.compactMap { Day(year: $0.0, month: $0.1, day: $0.2) }
    }

    /// About one application in a hundred had a record deleted.
    mutating func tombstones(_ apps: [Application]) -> [Tombstone] {
        var out: [Tombstone] = []
        for app in apps where rng.chance(0.01) {
            out.append(Tombstone(id: mint("note", "event"), deletedAt: clamp(app.updatedAt.adding(hours: rng.int(1...48)))))
        }
        return out
    }

    /// Snoozes and dismissals of real task ids, as a user makes them: a few of the tasks shown now.
    mutating func decide(_ data: inout FollowUpData) {
        let agenda = Rules.schedule(data, zone: zone, now: now)
        let stale = today.adding(days: -30)
        for task in agenda.tasks {
            if task.status == .overdue, task.due < stale, rng.chance(0.7) {
                // A month overdue: most people clear it rather than do it.
                data.dismissals.append(Dismissal(taskID: task.id, updatedAt: now.adding(hours: -rng.int(1...72))))
            } else if rng.chance(0.06) {
                data.snoozes.append(Snooze(taskID: task.id, until: today.adding(days: rng.int(1...6)), updatedAt: now.adding(hours: -rng.int(1...72))))
            } else if rng.chance(0.02) {
                data.dismissals.append(Dismissal(taskID: task.id, updatedAt: now.adding(hours: -rng.int(1...72))))
            }
        }
    }

    // MARK: Names and ids

    mutating func personName() -> String {
        var ticket = rng.int(0...(Names.totalWeight - 1))
        var script = Names.scripts[0]
        for s in Names.scripts {
            if ticket < s.weight { script = s; break }
            ticket -= s.weight
        }
        let given = rng.pick(script.given)
        let family = rng.pick(script.family)
        return script.familyFirst ? family + script.separator + given : given + script.separator + family
    }

    /// A new employer, or now and then one applied to before (a second role at the same company).
    mutating func nextEmployer() -> Employer {
        if !employers.isEmpty, rng.chance(0.08) { return rng.pick(employers) }
        let stem = rng.pick(Names.employerStems)
        var name = stem.base + " " + rng.pick(stem.forms)
        if rng.chance(0.04) { name += " " + rng.pick(Names.emoji) }
        var tries = 0
        while employerNames.contains(name) {
            tries += 1
            name = stem.base + " " + rng.pick(stem.forms) + " " + rng.pick(Names.divisions) + (tries > 20 ? " \(tries)" : "")
        }
        employerNames.insert(name)
        let employer = Employer(
            name: name, domain: slug(stem.base, "employer") + ".example",
            timeZone: rng.chance(0.15) ? rng.pick(Names.zones) : nil)
        employers.append(employer)
        return employer
    }

    mutating func slug(_ name: String, _ fallback: String) -> String {
        let key = fallback + "\u{0}" + name
        if let s = slugs[key] { return s }
        let s = Identifiers.slug(name, fallback: fallback)
        slugs[key] = s
        return s
    }

    /// `slug-xxxx` with a seeded suffix, unique in the file.
    mutating func mint(_ name: String, _ fallback: String) -> String {
        let base = slug(name, fallback) + "-"
        while true {
            var id = base
            for _ in 0..<4 { id.append(Generator.alphabet[Int(rng.next() % 36)]) }
            if taken.insert(id).inserted { return id }
        }
    }

    // MARK: Time

    func at(_ day: Day, _ hour: Int, _ minute: Int) -> Instant {
        zone.instantLenient(day, hour: hour, minute: minute)
    }

    /// Nothing in the file was created after `now`.
    func clamp(_ instant: Instant) -> Instant {
        zone.localize(min(instant, now))
    }

    func weekdayOnOrBefore(_ day: Day) -> Day {
        var d = day
        while d.isWeekend { d = d.adding(days: -1) }
        return d
    }

    func weekdayOnOrAfter(_ day: Day) -> Day {
        var d = day
        while d.isWeekend { d = d.adding(days: 1) }
        return d
    }
}

/// taskwarrior's import format: a JSON array of tasks, dates as `YYYYMMDDTHHMMSSZ` in UTC.
enum Taskwarrior {
    static func tasks(_ pending: [PendingTask], seed: UInt64) -> [UInt8] {
        // A stream of its own, so the followup file is the same bytes with or without --taskwarrior.
        var rng = SplitMix64(seed: seed ^ 0x7461_736B_7761_7272)
        let items: [JSONValue] = pending.map { task in
            .object([
                "description": .string(task.description),
                "due": .string(date(task.due)),
                "entry": .string(date(task.entry)),
                "modified": .string(date(task.entry)),
                "project": .string(task.project),
                "status": .string("pending"),
                "tags": .array(task.tags.map(JSONValue.string)),
                "uuid": .string(uuid(&rng)),
            ])
        }
        return JSONWriter.canonical(.array(items))
    }

    static func date(_ instant: Instant) -> String {
        let w = instant.with(offset: 0).wallClock
        func pad(_ n: Int, _ width: Int) -> String { String(n).leftPadded(width) }
        return pad(w.day.year, 4) + pad(w.day.month, 2) + pad(w.day.day, 2) + "T" + pad(w.hour, 2) + pad(w.minute, 2) + pad(w.second, 2) + "Z"
    }

    /// A version 4 UUID from the seeded stream.
    static func uuid(_ rng: inout SplitMix64) -> String {
        let a = rng.next(), b = rng.next()
        let hi = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let lo = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let h = String(hi, radix: 16).leftPadded(16), l = String(lo, radix: 16).leftPadded(16)
        let s = Array(h + l)
        return String(s[0..<8]) + "-" + String(s[8..<12]) + "-" + String(s[12..<16]) + "-" + String(s[16..<20]) + "-" + String(s[20..<32])
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
