import Foundation

/// The rules engine: turns what happened into what to do next. A pure function of the data,
/// the user's zone and `now`; it never reads a clock.
public enum Rules {
    /// Every task at `now`, with every employer's strikes and every application's status.
    public static func schedule(_ data: FollowUpData, zone: Zone, now: Instant) -> Agenda {
        var engine = Engine(data: data, zone: zone, now: now)
        return engine.run()
    }

    /// Every employer's strikes at `now`, as in `schedule`, and the statuses, without working out
    /// the tasks the strikes do not depend on: only check-ins give an employer's next try.
    public static func strikes(_ data: FollowUpData, zone: Zone, now: Instant) -> Agenda {
        var engine = Engine(data: data, zone: zone, now: now)
        engine.checkInsOnly = true
        return engine.run()
    }

    /// The tasks, strikes and statuses of one employer's applications only: the same as in the
    /// whole schedule, since no rule looks past an employer (strikes and one-person-one-day are
    /// per employer). A change to one application is checked at the cost of its employer.
    public static func schedule(_ data: FollowUpData, employerOf app: String, zone: Zone, now: Instant) -> Agenda {
        guard let key = data.application(id: app)?.employerKey else { return schedule(data, zone: zone, now: now) }
        var scope = data
        scope.applications = data.applications(ofEmployerKey: key)
        // Their tasks' snoozes and dismissals only: the rules index every one they are given.
        let apps = scope.applications.map(\.id)
        // An id not in ASCII may be spelled another way (ids compare canonically): all are kept.
        guard apps.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return schedule(scope, zone: zone, now: now) }
        scope.snoozes = data.snoozes.filter { Rules.isTask($0.taskID, ofAnyOf: apps) }
        scope.dismissals = data.dismissals.filter { Rules.isTask($0.taskID, ofAnyOf: apps) }
        return schedule(scope, zone: zone, now: now)
    }

    /// Whether a task's id (`KIND:APP:…`) may name one of these applications (ids in ASCII).
    /// Never false for one that does: an id with a colon in it may match another as well, and a
    /// task id not in ASCII is always kept (ids are compared as Swift compares strings,
    /// canonically: é and e + ◌́ are the same) — a snooze too many in a schedule changes nothing.
    static func isTask(_ taskID: String, ofAnyOf apps: [String]) -> Bool {
        let bytes = taskID.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let rest = bytes[bytes.index(after: colon)...]
        return apps.contains { id in
            rest.starts(with: id.utf8) && rest.dropFirst(id.utf8.count).first == UInt8(ascii: ":")
        }
    }
}

extension Rules {
    /// The agenda after a change to one employer's applications: theirs scheduled again, every
    /// other employer's kept as it was — the same agenda as a whole schedule (no rule looks
    /// past an employer), at the cost of one employer: the other employers' tasks keep their
    /// order, and the new ones are put in their places.
    public static func rescheduled(_ agenda: Agenda, _ data: FollowUpData, employerOf app: String, zone: Zone, now: Instant) -> Agenda {
        var agenda = agenda
        reschedule(&agenda, data, employerOf: app, zone: zone, now: now)
        return agenda
    }

    /// `rescheduled` in place: the other employers' tasks are neither copied nor looked at
    /// beyond their application's id (an agenda held once is changed where it lies). `agenda`
    /// must be the schedule of the data before a change to the applications of `app`'s employer
    /// and to nothing else: only the number of applications and the employer's own are checked
    /// (a check of every id cost more than the rest). Returns the employer's part, scheduled
    /// again; nil when everything was scheduled again.
    @discardableResult
    public static func reschedule(_ agenda: inout Agenda, _ data: FollowUpData, employerOf app: String, zone: Zone, now: Instant) -> Agenda? {
        // An application added or deleted: schedule everything.
        guard data.index(ofApplication: app) != nil, agenda.statuses.count == data.applications.count else {
            agenda = schedule(data, zone: zone, now: now)
            return nil
        }
        let fresh = schedule(data, employerOf: app, zone: zone, now: now)
        // The employer's applications: a handful, compared one by one.
        let apps = Array(fresh.statuses.keys)
        guard apps.allSatisfy({ agenda.statuses[$0] != nil }) else {
            agenda = schedule(data, zone: zone, now: now)
            return nil
        }
        remove(tasksOf: apps, from: &agenda.tasks)
        for task in fresh.tasks { place(task, in: &agenda.tasks) }
        for (id, status) in fresh.statuses { agenda.statuses[id] = status }
        remove(employersOf: apps, from: &agenda.employers)
        for e in fresh.employers { place(e, in: &agenda.employers) }
        return fresh
    }

    /// Takes the strikes of these applications' employer out of a list.
    public static func remove(employersOf apps: [String], from employers: inout [EmployerStrikes]) {
        let gone = employers.withUnsafeBufferPointer { e in e.indices.filter { e[$0].apps.contains(where: apps.contains) } }
        for i in gone.reversed() { employers.remove(at: i) }
    }

    /// Puts an employer's strikes into a list in the agenda's order (by name, case aside).
    public static func place(_ employer: EmployerStrikes, in employers: inout [EmployerStrikes]) {
        employers.insert(employer, at: insertionPoint(of: employer, in: employers, Engine.employerPrecedes))
    }

    /// Takes the tasks of these applications (a handful) out of a list, the others moved, not
    /// copied (`removeAll(where:)` copies each task it looks at, retaining every string in it).
    public static func remove(tasksOf apps: [String], from tasks: inout [FollowUpTask]) {
        let gone = tasks.withUnsafeBufferPointer { t in t.indices.filter { apps.contains(t[$0].app) } }
        for i in gone.reversed() { tasks.remove(at: i) }
    }

    /// Puts a task into a list in the agenda's order (after its equals).
    public static func place(_ task: FollowUpTask, in tasks: inout [FollowUpTask]) {
        tasks.insert(task, at: insertionPoint(of: task, in: tasks, Engine.precedes))
    }

    /// Where `item` goes in `sorted` so that it stays sorted (after its equals).
    static func insertionPoint<T>(of item: T, in sorted: [T], _ precedes: (T, T) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(item, sorted[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

extension FollowUpData {
    /// The applications whose employer's key is `key`, in the file's order. Each is looked at
    /// in place (`filter` would copy every application, retaining each string in it, to read
    /// its key), and keys are compared by their bytes (they are in NFC).
    public func applications(ofEmployerKey key: String) -> [Application] {
        indices(ofEmployerKey: key).map { applications[$0] }
    }

    /// The positions of the applications whose employer's key is `key`.
    public func indices(ofEmployerKey key: String) -> [Int] {
        applications.withUnsafeBufferPointer { apps in
            apps.indices.filter { EmployerKeys.sameBytes(apps[$0].employerKey, key) }
        }
    }
}

extension Application {
    /// Whether the employer's key is `key`.
    public func hasEmployerKey(_ key: String) -> Bool { EmployerKeys.sameBytes(employerKey, key) }
}

/// Employer keys by name, each folded once: folding a name costs thousands of instructions, and
/// each application read makes its employer's key (names repeat across applications). Names are
/// looked up by their bytes (hashing a String normalises it first, which costs as much again);
/// keys are in NFC, so that two keys are the same exactly when their bytes are.
final class EmployerKeys: @unchecked Sendable {
    static let shared = EmployerKeys()
    private let lock = NSLock()
    private var keys: [Name: String] = [:]

    /// A name by its bytes, its hash computed once (the table compares names at each probe).
    struct Name: Hashable {
        let text: String
        let bytesHash: Int

        init(_ text: String) {
            self.text = text
            var hasher = Hasher()
            let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if done == nil { for b in text.utf8 { hasher.combine(b) } }
            bytesHash = hasher.finalize()
        }

        static func == (a: Name, b: Name) -> Bool { a.bytesHash == b.bytesHash && sameBytes(a.text, b.text) }
        func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
    }

    /// Whether two strings have the same bytes (not canonical equivalence: that is `==`).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast: Bool? = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        } ?? nil
        return fast ?? a.utf8.elementsEqual(b.utf8)
    }

    func key(_ name: String) -> String {
        if let key = EmployerKeys.asciiKey(name) { return key }
        let wrapped = Name(name)
        if let known = lock.withLock({ keys[wrapped] }) { return known }
        let key = EmployerKeys.fold(name)
        lock.withLock { if keys.count < 200_000 { keys[wrapped] = key } }
        return key
    }

    /// An ASCII name's key, straight from its bytes: the name in lower case without the spaces
    /// and tabs around it (what `fold` makes of it: no other ASCII character is a space that is
    /// not a line break, and ASCII is in NFC); nil for any other name.
    static func asciiKey(_ name: String) -> String? {
        var bytes = name
        return bytes.withUTF8 { n -> String? in
            var start = 0
            var end = n.count
            for i in 0..<end where n[i] >= 0x80 { return nil }
            while start < end, n[start] == 0x20 || n[start] == 0x09 { start += 1 }
            while end > start, n[end - 1] == 0x20 || n[end - 1] == 0x09 { end -= 1 }
            // Already a key: the name itself, its storage shared.
            if start == 0, end == n.count, !n.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return name }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for i in start..<end { out[i - start] = n[i] >= 0x41 && n[i] <= 0x5A ? n[i] + 0x20 : n[i] }
                return end - start
            }
        }
    }

    static func fold(_ employer: String) -> String {
        var key = Substring(Lowercase.of(employer))
        while let c = key.first, c.isWhitespace, !c.isNewline { key.removeFirst() }
        while let c = key.last, c.isWhitespace, !c.isNewline { key.removeLast() }
        let folded = String(key)
        return folded.unicodeScalars.allSatisfy(isComposed) ? folded : folded.precomposedStringWithCanonicalMapping
    }

    /// Whether a character is in NFC whatever surrounds it — it is its own composition and
    /// combines with nothing — for the scripts most names are written in: Latin below the
    /// combining marks (U+0300), Greek and Cyrillic letters, CJK ideographs, kana and Hangul
    /// syllables. A name of these alone is in NFC already (normalising it costs more than
    /// folding the rest).
    static func isComposed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x300, 0x386, 0x388...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3CE, 0x400...0x482, 0x48A...0x4FF,
             0x3000, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }
}

/// What the rules need to know of one application, computed once.
struct AppFacts {
    let app: Application
    let employerKey: String
    /// Offer, rejected, withdrawn or closed, from the latest such event; nil while open.
    let closedAs: ApplicationStatus?
    /// Interviews not cancelled, by start.
    let interviews: [Interview]
    /// Those that have started (the first of `interviews`).
    let held: ArraySlice<Interview>
    /// Events by time.
    let events: [Event]
    /// The latest interview held or response received: what resets the count.
    let reset: (at: Instant, id: String, isResponse: Bool)?
    /// The stated decision date that counts: the one given last.
    let stated: (day: Day, givenAt: Instant?, source: String)?
    /// Contacts in the order they were added (`createdAt`, then id), not the file's order, which
    /// a merge or a hand edit can change.
    let contacts: [Contact]

    func contact(_ id: String?) -> Contact? { id.flatMap { app.contact(id: $0) } }

    /// The hiring manager, else the recruiter, else the contact added first.
    var mainContact: Contact? {
        contacts.first { $0.role == .hiringManager } ?? contacts.first { $0.role == .recruiter } ?? contacts.first
    }

    /// Who a check-in goes to: the hiring manager, else the recruiter, else the last interviewer.
    var checkInContact: Contact? {
        if let c = contacts.first(where: { $0.role == .hiringManager }) { return c }
        if let c = contacts.first(where: { $0.role == .recruiter }) { return c }
        for interview in held.reversed() {
            if let last = interview.with.reversed().compactMap({ app.contact(id: $0) }).first { return last }
        }
        return mainContact
    }

    /// Who an interview's thank-you notes go to: each person once, even if listed twice.
    func recipients(of interview: Interview) -> [Contact] {
        var seen: Set<String> = []
        let listed = interview.with.compactMap { app.contact(id: $0) }.filter { seen.insert($0.id).inserted }
        if !listed.isEmpty { return listed }
        return mainContact.map { [$0] } ?? []
    }
}

struct Engine {
    let data: FollowUpData
    var zone: Zone
    let now: Instant
    let policy: Policy
    let calendar: BusinessCalendar
    let today: Day

    /// The user's decisions by task id, looked up once per task instead of scanned.
    let snoozes: [String: Snooze]
    let dismissed: Set<String>
    /// Check-in dismissals by `check-in:APP:ANCHOR:`: one stops every attempt of that round.
    let roundDismissals: [String: [Dismissal]]
    /// Only check-ins, unsorted and without one message for two roles (`Rules.strikes`).
    var checkInsOnly = false

    init(data: FollowUpData, zone: Zone, now: Instant) {
        self.data = data
        self.zone = zone
        self.now = now
        self.policy = Policy(settings: data.settings)
        self.calendar = BusinessCalendar(holidays: data.settings.holidays)
        self.today = zone.day(of: now)
        var snoozes: [String: Snooze] = [:]
        for s in data.snoozes { snoozes[s.taskID] = s }
        self.snoozes = snoozes
        self.dismissed = Set(data.dismissals.map(\.taskID))
        var rounds: [String: [Dismissal]] = [:]
        for d in data.dismissals where d.taskID.hasPrefix("check-in:") {
            let parts = d.taskID.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count >= 4 else { continue }
            rounds[parts[0...2].joined(separator: ":") + ":", default: []].append(d)
        }
        self.roundDismissals = rounds
    }

    mutating func run() -> Agenda {
        // Each application's facts are its own, and its tasks depend on it and its employer's
        // strikes alone: many applications are gathered and scheduled in halves on two cores.
        let apps = data.applications
        let many = apps.count >= Concurrently.many
        let engine = self
        let facts = Concurrently.inHalves(apps.count, zone: zone) { range, _ in apps[range].map(engine.gatherFacts) }
        var statuses: [String: ApplicationStatus] = [:]

        // Strikes, per employer, over its open applications. Each employer is given a place once
        // (its key hashed once per application; a name not in ASCII is normalised to be hashed).
        var place: [String: Int] = [:]
        // Each group's applications by their positions in `facts` (a copy of an application's
        // facts would retain every string it holds).
        var groups: [[Int]] = []
        // Where each application's employer is, when it has an open application (a closed one's
        // too: it is counted with them).
        var employerOf = [Int?](repeating: nil, count: facts.count)
        for i in facts.indices where facts[i].closedAs == nil {
            if let p = place[facts[i].employerKey] {
                groups[p].append(i)
                employerOf[i] = p
            } else {
                place[facts[i].employerKey] = groups.count
                employerOf[i] = groups.count
                groups.append([i])
            }
        }
        for i in facts.indices where facts[i].closedAs != nil { employerOf[i] = place[facts[i].employerKey] }
        var strikeCount = [Int](repeating: 0, count: groups.count)
        var cap = [Int?](repeating: nil, count: groups.count)
        for (key, group) in groups.enumerated() {
            let reset = group.compactMap { facts[$0].reset?.at }.max()
            // An interview still to come is a sign of life too (by its time, not when it was typed in).
            let booked = group.contains { g in facts[g].interviews.contains { $0.at > now } }
            // One person, one day, one strike: attempts to the same person on the same day (from
            // two applications) count once.
            var attempts = Set<String>()
            for g in group where !booked {
                for e in facts[g].events where e.kind == .checkIn && e.at <= now && (reset.map { e.at > $0 } ?? true) {
                    let person = facts[g].contact(e.contact).map(Engine.personKey) ?? "event:" + e.id
                    attempts.insert(person + "|" + zone.day(of: e.at).description)
                }
            }
            let count = attempts.count
            let limit = strikeCap(group, of: facts)
            cap[key] = limit
            strikeCount[key] = limit.map { min(count, $0) } ?? count
        }

        // Each application's standing, then its tasks: the later half made on another core
        // meanwhile when there are many (each application's tasks depend on it and its
        // employer's strikes alone, and the halves are joined in the same order).
        var standing: [(struckOut: Bool, strikes: Int, cap: Int?)] = []
        standing.reserveCapacity(facts.count)
        for i in facts.indices {
            let p = employerOf[i]
            let limit = p.flatMap { cap[$0] }
            let strikes = p.map { strikeCount[$0] } ?? 0
            let closedAs = facts[i].closedAs
            let struckOut = closedAs == nil && limit.map { strikes >= $0 } ?? false
            statuses[facts[i].app.id] = closedAs ?? (struckOut ? .struckOut : .active)
            standing.append((struckOut, strikes, limit))
        }
        var tasks = Concurrently.inHalves(facts.count, zone: zone) { range, zone in
            var engine = engine
            engine.zone = zone
            var tasks: [FollowUpTask] = []
            for i in range {
                engine.tasksFor(facts[i], struckOut: standing[i].struckOut, strikes: standing[i].strikes, cap: standing[i].cap, into: &tasks)
            }
            return tasks
        }
        // When each application's decision date was given (the first application of an id),
        // for the dismissals of a round of check-ins.
        let renewed = roundDismissals.isEmpty ? [:]
            : Dictionary(facts.map { ($0.app.id, $0.stated?.givenAt) }, uniquingKeysWith: { a, _ in a })
        // In place: the list is this schedule's own, and a task is a large value to copy.
        for i in tasks.indices { applyDecisions(&tasks[i], datesGivenAt: renewed[tasks[i].app] ?? nil) }
        if !checkInsOnly { oneMessageForBoth(&tasks, facts) }
        // Each application's next check-in, in one pass (not one per employer; the earliest, so
        // whatever the tasks' order).
        var nextCheckIn: [String: Day] = [:]
        for t in tasks where t.kind == .checkIn && !t.dismissed {
            if nextCheckIn[t.app].map({ t.due < $0 }) ?? true { nextCheckIn[t.app] = t.due }
        }
        let (groupsMade, caps, counts, next) = (groups, cap, strikeCount, nextCheckIn)
        func employers() -> [EmployerStrikes] {
            var employers: [EmployerStrikes] = []
            for (key, group) in groupsMade.enumerated() {
                let limit = caps[key]
                let strikes = counts[key]
                employers.append(EmployerStrikes(
                    employer: facts[group[0]].app.employer, apps: group.map { facts[$0].app.id }, strikes: strikes,
                    max: limit, struckOut: limit.map { strikes >= $0 } ?? false,
                    nextCheckIn: group.compactMap { next[facts[$0].app.id] }.min()))
            }
            return employers.map { (Lowercase.of($0.employer), $0) }
                .sorted { ($0.0, $0.1.employer) < ($1.0, $1.1.employer) }.map(\.1)
        }
        // The strikes listed on another core while the tasks are put in order (neither reads
        // what the other makes).
        let listed: [EmployerStrikes]
        if checkInsOnly {
            listed = employers()
        } else if many {
            listed = Concurrently.run(sharing: employers, meanwhile: { Engine.sort(&tasks) })
        } else {
            Engine.sort(&tasks)
            listed = employers()
        }
        return Agenda(tasks: tasks, employers: listed, statuses: statuses)
    }

    /// Tasks in the order of SPEC §2 — overdue first, then deadline, employer, contact name,
    /// kind and id — with the case-folded names computed once per task.
    /// Whether `a` comes before `b` in the order of SPEC §2 (what `sorted` sorts by).
    static func precedes(_ a: FollowUpTask, _ b: FollowUpTask) -> Bool {
        func rank(_ t: FollowUpTask) -> Int { t.status == .overdue ? 0 : (t.status == .missed ? 2 : 1) }
        let ao = rank(a)
        let bo = rank(b)
        if ao != bo { return ao < bo }
        if a.deadline.seconds != b.deadline.seconds { return a.deadline.seconds < b.deadline.seconds }
        let ae = Lowercase.of(a.employer), be = Lowercase.of(b.employer)
        if ae != be { return ae < be }
        if a.employer != b.employer { return a.employer < b.employer }
        let ac = Lowercase.of(a.contactName ?? ""), bc = Lowercase.of(b.contactName ?? "")
        if ac != bc { return ac < bc }
        if a.contactName != b.contactName { return (a.contactName ?? "") < (b.contactName ?? "") }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.id < b.id
    }

    /// The order of the strikes list: by name, case aside.
    static func employerPrecedes(_ a: EmployerStrikes, _ b: EmployerStrikes) -> Bool {
        (Lowercase.of(a.employer), a.employer) < (Lowercase.of(b.employer), b.employer)
    }

    /// Sorts positions, not tasks: a task is a large value (moving one retains every string in
    /// it), and the keys — rank, deadline, folded names — are computed once per task.
    static func sort(_ tasks: inout [FollowUpTask]) {
        // Overdue first, missed last.
        func rank(_ t: FollowUpTask) -> Int64 { t.status == .overdue ? 0 : (t.status == .missed ? 2 : 1) }
        let ranks = tasks.map(rank)
        let deadlines = tasks.map(\.deadline.seconds)
        // Names are folded only where the rank and deadline tie: folding is the costly part, and
        // most tasks are told apart before it is needed.
        var ties: [Int64: Int] = [:]
        for i in tasks.indices { ties[ranks[i] << 60 ^ deadlines[i], default: 0] += 1 }
        let folded = tasks.indices.map { i -> (employer: String, contact: String) in
            guard (ties[ranks[i] << 60 ^ deadlines[i]] ?? 0) > 1 else { return ("", "") }
            return (Lowercase.of(tasks[i].employer), Lowercase.of(tasks[i].contactName ?? ""))
        }
        let order = tasks.indices.sorted { i, j in
            if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
            if deadlines[i] != deadlines[j] { return deadlines[i] < deadlines[j] }
            if folded[i].employer != folded[j].employer { return folded[i].employer < folded[j].employer }
            if tasks[i].employer != tasks[j].employer { return tasks[i].employer < tasks[j].employer }
            if folded[i].contact != folded[j].contact { return folded[i].contact < folded[j].contact }
            if tasks[i].contactName != tasks[j].contactName { return (tasks[i].contactName ?? "") < (tasks[j].contactName ?? "") }
            if tasks[i].kind != tasks[j].kind { return tasks[i].kind < tasks[j].kind }
            if tasks[i].id != tasks[j].id { return tasks[i].id < tasks[j].id }
            return i < j
        }
        // Put in that order by swaps, one cycle of the permutation at a time (a swap moves two
        // tasks without retaining what they hold).
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // Position p takes the task at order[p]: follow the cycle from `start`.
            var p = start
            placed[p] = true
            while !placed[order[p]] {
                tasks.swapAt(p, order[p])
                p = order[p]
                placed[p] = true
            }
        }
    }

    /// Contacts at one employer are one person when they share an email, else a case-folded name.
    static func personKey(_ c: Contact) -> String {
        if let email = c.email.map(Lowercase.of), !email.isEmpty { return "email:" + email }
        return "name:" + Lowercase.of(c.name).split(separator: " ").joined(separator: " ")
    }

    /// Check-ins that would reach the same person on the same day from two applications at one
    /// employer each say that one message covers both roles.
    func oneMessageForBoth(_ tasks: inout [FollowUpTask], _ facts: [AppFacts]) {
        // Facts by application, as positions (a copy of the facts would retain all they hold).
        let byApp = Dictionary(facts.indices.map { (facts[$0].app.id, $0) }, uniquingKeysWith: { a, _ in a })
        var groups: [String: [Int]] = [:]
        for i in tasks.indices where tasks[i].kind == .checkIn && !tasks[i].isHidden {
            guard let f = byApp[tasks[i].app], let person = facts[f].contact(tasks[i].contact) else { continue }
            groups[facts[f].employerKey + "|" + Engine.personKey(person) + "|" + tasks[i].due.description, default: []].append(i)
        }
        for indices in groups.values where indices.count > 1 {
            let roles = indices.map { i in byApp[tasks[i].app].map { facts[$0].app.role } }
            for (k, i) in indices.enumerated() {
                let others = indices.indices.filter { $0 != k }.compactMap { roles[$0] }
                tasks[i].reason += " One message to \(tasks[i].contactName ?? "them") also covers the " + others.joined(separator: " and ") + " role."
            }
        }
    }

    // MARK: Facts

    func gatherFacts(_ app: Application) -> AppFacts {
        // Ties broken by id, so that the result never depends on the order of the file.
        // A reopening logged in the same second as the closing it takes back comes after it.
        // Lists already in order (as a file written by followup has them) are shared, not
        // copied: a copy of an event retains every string in it.
        let events = Engine.inOrder(app.events) {
            ($0.at.seconds, $0.createdAt.seconds, $0.kind == .reopened ? 1 : 0, $0.id)
                < ($1.at.seconds, $1.createdAt.seconds, $1.kind == .reopened ? 1 : 0, $1.id)
        }
        let interviews = Engine.inOrder(
            app.interviews.contains(where: \.cancelled) ? app.interviews.filter { !$0.cancelled } : app.interviews
        ) { ($0.at.seconds, $0.id) < ($1.at.seconds, $1.id) }
        // Those held come first, in order of time.
        let held = interviews.prefix { $0.at <= now }
        var closedAs: ApplicationStatus?
        for e in events where e.at <= now {
            switch e.kind {
            case .offer: closedAs = .offer
            case .rejected: closedAs = .rejected
            case .withdrawn: closedAs = .withdrawn
            case .closed: closedAs = .closed
            case .reopened: closedAs = nil
            default: break
            }
        }
        // The latest sign of life: an interview held, or a reply of any kind (an answered call too).
        var reset: (at: Instant, id: String, isResponse: Bool)?
        if let last = held.last { reset = (last.at, last.id, false) }
        for e in events where (e.isSignOfLife || e.kind == .reopened) && e.at <= now {
            // Reopening starts afresh too: attempts before it no longer count.
            if (reset.map { e.at >= $0.at }) ?? true { reset = (e.at, e.id, true) }
        }
        // The decision date given last: an event's or interview's by when it was given (or
        // changed); the application's own only when nothing later gave one, unless it was
        // changed after the application was added.
        var stated: (day: Day, givenAt: Instant?, source: String)?
        if let d = app.decisionBy { stated = (d, app.decisionGivenAt, app.id) }
        func consider(_ day: Day?, _ given: Instant, _ source: String) {
            guard let day else { return }
            if let current = stated, let was = current.givenAt, given < was { return }
            stated = (day, given, source)
        }
        for i in held { consider(i.decisionBy, max(i.at, i.decisionGivenAt ?? i.at), i.id) }
        for e in events where e.at <= now { consider(e.decisionBy, e.at, e.id) }
        return AppFacts(
            app: app, employerKey: app.employerKey, closedAs: closedAs,
            interviews: interviews, held: held, events: events, reset: reset, stated: stated,
            contacts: Engine.inOrder(app.contacts) { ($0.createdAt.seconds, $0.id) < ($1.createdAt.seconds, $1.id) })
    }

    /// `list.sorted(by:)`, the list itself when it is in order already (the sort is stable).
    static func inOrder<T>(_ list: [T], by precedes: (T, T) -> Bool) -> [T] {
        let ordered = list.withUnsafeBufferPointer { b in b.indices.dropFirst().allSatisfy { !precedes(b[$0], b[$0 - 1]) } }
        return ordered ? list : list.sorted(by: precedes)
    }

    /// The most unanswered attempts allowed at an employer (nil: no cap).
    func strikeCap(_ group: [Int], of facts: [AppFacts]) -> Int? {
        if policy.strikesByDepth {
            return group.map { depth(facts[$0]) }.max() ?? policy.depthPhoneOnly
        }
        return policy.maxStrikes == 0 ? nil : policy.maxStrikes
    }

    /// 001's "how much": phone screens only 1, in person 2, several rounds or interviewers 3.
    func depth(_ f: AppFacts) -> Int {
        let held = f.held
        let several = held.count >= 2 || held.contains { ($0.round ?? 1) >= 2 || $0.with.count >= 2 }
        if several { return policy.depthSeveralRounds }
        if !held.isEmpty, held.allSatisfy({ $0.kind == .phone }) { return policy.depthPhoneOnly }
        return policy.depthInPerson
    }

    // MARK: Tasks

    func tasksFor(_ f: AppFacts, struckOut: Bool, strikes: Int, cap: Int?, into tasks: inout [FollowUpTask]) {
        let open = f.closedAs == nil
        if checkInsOnly {
            if open, !struckOut, let checkIn = checkIn(f, strikes: strikes, cap: cap) { tasks.append(checkIn) }
            return
        }
        // Each rule appends to the one list (a list of its own would copy each task over).
        if open {
            thankYous(f, into: &tasks)
            takeStock(f, into: &tasks)
            responds(f, into: &tasks)
            briefReferences(f, into: &tasks)
            prepares(f, into: &tasks)
            reverseCoverLetters(f, into: &tasks)
            if !struckOut, let checkIn = checkIn(f, strikes: strikes, cap: cap) { tasks.append(checkIn) }
        }
        submitExpenses(f, into: &tasks)
        chaseReimbursements(f, into: &tasks)
        closingThankYous(f, into: &tasks)
    }

    func make(
        _ kind: TaskKind, _ f: AppFacts, anchor: String, contact: Contact?, attempt: Int? = nil,
        due: Day, dueAt: Instant?, opensAt: Instant, deadline: Instant, reason: String
    ) -> FollowUpTask {
        var id = "\(kind.rawValue):\(f.app.id):\(anchor)"
        if let contact { id += ":\(contact.id)" }
        if let attempt { id += ":\(attempt)" }
        var status = status(opensAt: opensAt, deadline: deadline)
        if status == .overdue, kind.canBeMissed, now > deadline.adding(hours: 24 * policy.missedAfterDays) { status = .missed }
        // Written in the user's zone: an end + 24 h across a DST change keeps the offset it started with.
        return FollowUpTask(
            id: id, kind: kind, app: f.app.id, employer: f.app.employer, anchor: anchor, contact: contact?.id,
            contactName: contact?.name, due: due, dueAt: dueAt.map(zone.localize), opensAt: zone.localize(opensAt),
            deadline: zone.localize(deadline), status: status,
            channel: nil, attempt: attempt, maxAttempts: nil, callWindow: nil, windowEnd: nil, reason: reason,
            channelReason: nil, advice: nil, snoozedUntil: nil, dismissed: false)
    }

    /// Upcoming before the window opens, due until the deadline, overdue after.
    func status(opensAt: Instant, deadline: Instant) -> TaskStatus {
        now < opensAt ? .upcoming : (now <= deadline ? .due : .overdue)
    }

    /// A task due on a whole day: open from its start, overdue after 23:59.
    func dayTask(
        _ kind: TaskKind, _ f: AppFacts, anchor: String, contact: Contact?, attempt: Int? = nil, due: Day, reason: String
    ) -> FollowUpTask {
        make(kind, f, anchor: anchor, contact: contact, attempt: attempt, due: due, dueAt: nil,
             opensAt: zone.startOfDay(due), deadline: zone.endOfDay(due), reason: reason)
    }

    func ended(_ interview: Interview) -> Instant {
        policy.end(of: interview)
    }

    /// 001, 003, 004: a note to each interviewer, within 24 hours (persistent: that very evening).
    func thankYous(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        for interview in f.held {
            let end = ended(interview)
            guard end <= now else { continue }
            let recipients = f.recipients(of: interview)
            let thanks = f.events.lazy.filter { $0.kind == .thankYou && $0.at >= interview.at }
            let deadline = policy.thankYouSameDay
                ? zone.endOfDay(zone.day(of: end)) : end.adding(hours: policy.thankYouHours)
            let when = policy.thankYouSameDay ? "by tonight" : "within \(policy.thankYouHours) hours"
            var people: [Contact?] = recipients.isEmpty ? [nil] : recipients
            // The hiring manager decides: a note to them too when none of the interviewers is
            // the hiring manager (000: "a positive impression on the hiring manager"; 003).
            let manager = f.contacts.first { $0.role == .hiringManager }
            if let manager, !recipients.contains(where: { $0.id == manager.id }) { people.append(manager) }
            let several = people.count > 1
            for person in people {
                let done = thanks.contains { e in
                    e.contact == person?.id || (e.contact == nil && people.count == 1)
                }
                if done { continue }
                let whom = person.map { "Thank \($0.name)" } ?? "Send a thank-you"
                let isManagerOnly = person != nil && person?.id == manager?.id && !recipients.contains { $0.id == manager?.id }
                let why = isManagerOnly
                    ? "\(whom), the hiring manager, after the interview on \(zone.day(of: interview.at).short), \(when): they decide, though they did not interview you."
                    : "\(whom) for the interview on \(zone.day(of: interview.at).short), \(when) (one note to each interviewer)."
                var task = make(
                    .thankYou, f, anchor: interview.id, contact: person, due: zone.day(of: deadline), dueAt: deadline,
                    opensAt: end, deadline: deadline, reason: why)
                task.channel = .email
                task.advice = "Brief: one or two short paragraphs, this evening. Mention something you learned and a skill or achievement you did not get to mention"
                    + (several ? "; vary the notes, they may compare them" : "")
                    + ". Set it aside for an hour and re-read it before sending (001, 002, 003)."
                tasks.append(task)
            }
        }
    }

    /// 002: take stock while it is fresh — what went well, what could be better, their likely reservations.
    func takeStock(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        for interview in f.held {
            let end = ended(interview)
            guard end <= now else { continue }
            if f.events.contains(where: { $0.kind == .note && $0.at >= interview.at }) { continue }
            let day = zone.day(of: end)
            var deadline = zone.endOfDay(day)
            if deadline < end { deadline = end }
            var task = make(
                .takeStock, f, anchor: interview.id, contact: nil, due: day, dueAt: deadline, opensAt: end,
                deadline: deadline,
                reason: "Note how the interview on \(zone.day(of: interview.at).short) went while it is fresh.")
            let recruiter = f.contacts.first { $0.role == .recruiter }
            task.advice = "What went well? What could have gone better? What did they respond to? What are their likely reservations? "
                + "Note something you learned and a skill you did not mention: talking points for the thank-you (002, 001)."
                + (recruiter.map { " Discuss it with \($0.name), the recruiter (002)." } ?? "")
            tasks.append(task)
        }
    }

    /// 003, 001, 002: check in after the date they gave, a week apart, by call only with permission.
    func checkIn(_ f: AppFacts, strikes: Int, cap: Int?) -> FollowUpTask? {
        // An interview still to come is the next contact: nothing to chase until it has happened.
        if f.interviews.contains(where: { $0.at > now }) { return nil }
        let spacing = policy.spacingDays
        let ignoresStated = policy.firstCheckInIgnoresStatedDate
        let firstDate: Day? = ignoresStated ? nil : f.stated.map {
            calendar.onOrAfter($0.day.adding(days: policy.firstCheckInDaysAfterStated))
        }
        let reset = f.reset
        let lastAttempt = f.events.last { e in
            e.kind == .checkIn && e.at <= now && (reset.map { e.at > $0.at } ?? true)
        }
        var due: Day
        var reason: String
        if let last = lastAttempt {
            let lastDay = zone.day(of: last.at)
            due = calendar.onOrAfter(lastDay.adding(days: spacing))
            reason = "\(Engine.spelled(spacing)) after your last attempt (\(lastDay.short)) went unanswered"
                + moved(from: lastDay.adding(days: spacing), to: due) + "."
            if let firstDate, let stated = f.stated, due < firstDate {
                let target = stated.day.adding(days: policy.firstCheckInDaysAfterStated)
                due = firstDate
                reason = "Not before " + (policy.firstCheckInDaysAfterStated == 1
                    ? "the day after the date they gave (\(stated.day.short))"
                    : "\(Engine.spelled(policy.firstCheckInDaysAfterStated).lowercased()) after the date they gave (\(stated.day.short))")
                    + moved(from: target, to: due) + "."
            }
        } else if let firstDate, let stated = f.stated, (reset.map { firstDate > zone.day(of: $0.at) }) ?? true {
            let target = stated.day.adding(days: policy.firstCheckInDaysAfterStated)
            due = firstDate
            reason = (policy.firstCheckInDaysAfterStated == 1
                ? "The day after the date they gave (\(stated.day.short))"
                : "\(Engine.spelled(policy.firstCheckInDaysAfterStated)) after the date they gave (\(stated.day.short))")
                + moved(from: target, to: due) + "."
        } else if let reset {
            let resetDay = zone.day(of: reset.at)
            if reset.isResponse {
                let target = resetDay.adding(days: spacing)
                due = calendar.onOrAfter(target)
                var what = ", which gave no new date"
                if let stated = f.stated, stated.source == reset.id {
                    what = ignoresStated ? ", whatever date they gave (\(stated.day.short))" : ", whose date (\(stated.day.short)) has passed"
                }
                let since = f.events.contains { $0.id == reset.id && $0.kind == .reopened }
                    ? "you reopened it (\(resetDay.short))" : "their reply (\(resetDay.short))\(what)"
                reason = "\(Engine.spelled(spacing)) after \(since)" + moved(from: target, to: due) + "."
            } else {
                let days = policy.firstCheckInDaysAfterInterview
                let target = resetDay.adding(days: days)
                due = calendar.onOrAfter(target)
                let since = "after the interview (\(resetDay.short))"
                reason = ignoresStated
                    ? "The \(Engine.ordinal(days)) day \(since), whatever date they gave" + moved(from: target, to: due) + "."
                    : "\(Engine.spelled(days)) \(since); they gave no date" + moved(from: target, to: due) + "."
            }
        } else {
            return nil
        }

        // The anchor: whatever started this round of chasing, so a dismissal lasts until something new happens.
        var anchor = reset?.id ?? f.app.id
        if let stated = f.stated, let given = stated.givenAt, (reset.map { given > $0.at }) ?? true { anchor = stated.source }
        if reset == nil, let stated = f.stated { anchor = stated.source }

        let person = f.checkInContact
        let attemptNumber = strikes + 1
        let mayCall = person.map { $0.mayCall && !($0.phone ?? "").isEmpty } ?? false
        var channel: Channel = mayCall ? .call : .email
        var channelReason = mayCall
            ? "A call: they said you may call and gave a number."
            : (person?.mayCall == true ? "An email: they said you may call but you have no number for them." : "An email: they did not say you may call.")
        if policy.rotateChannels {
            // The rotation counts every attempt, answered or not (004).
            let n = f.events.filter { $0.kind == .checkIn && $0.at <= now }.count
            let hasAddress = !(person?.address ?? "").isEmpty
            if mayCall {
                channel = [Channel.call, .email, .letter][n % 3]
            } else {
                channel = [Channel.email, .letter][n % 2]
            }
            if channel == .letter, !hasAddress { channel = .email }
            channelReason = "Rotating call, email and letter once a week (004)" + (mayCall ? "." : "; no call without permission.")
        }
        // Due through its window, overdue only after it (001: "a week or 10 days"): the first,
        // its target day + 2 business days; a later one, up to the previous attempt + 10 days
        // (gentle 14), never ending before the day the attempt was pushed to.
        let windowEnd = lastAttempt.map { max(due, zone.day(of: $0.at).adding(days: policy.spacingWindowDays)) }
            ?? calendar.adding(businessDays: 2, to: due)
        var task = make(
            .checkIn, f, anchor: anchor, contact: person, attempt: attemptNumber, due: due, dueAt: nil,
            opensAt: zone.startOfDay(due), deadline: zone.endOfDay(windowEnd), reason: reason)
        task.channel = channel
        task.channelReason = channelReason
        task.maxAttempts = cap
        task.windowEnd = windowEnd
        if channel == .call {
            let contactZone = (person?.timeZone ?? f.app.timeZone).flatMap(Zone.init(identifier:)) ?? zone
            let start = zone.localize(contactZone.instantLenient(due, hour: policy.callWindowStartHour, minute: 0))
            let end = zone.localize(contactZone.instantLenient(due, hour: policy.callWindowEndHour, minute: 0))
            task.dueAt = start
            task.callWindow = start...max(start, end)
            // The due day is the contact's: a call to Tokyo falls on the user's evening before, so
            // the task opens in time for it and stays due until the window closes.
            task.opensAt = min(task.opensAt, start)
            task.deadline = max(task.deadline, end)
            task.status = status(opensAt: task.opensAt, deadline: task.deadline)
            let window = zone.clock(start) + "–" + zone.clock(end)
            let (from, to) = (zone.localize(start).wallClock, zone.localize(end).wallClock)
            // A civil hour for the user too: within 08:00–20:00 of one day.
            let civil = from.hour >= 8 && to.day == from.day && (to.hour < 20 || (to.hour == 20 && to.minute == 0))
            if civil {
                task.advice = "Call \(window), when they are likely in the office (003)."
            } else {
                let hour = { (h: Int) in (h % 24 < 10 ? "0" : "") + "\(h % 24):00" }
                let theirs = hour(policy.callWindowStartHour) + "–" + hour(policy.callWindowEndHour)
                task.advice = "Their \(theirs) is \(window) for you, outside 08:00–20:00: an email may suit you better (003)."
            }
        } else {
            task.advice = "Restate your interest, offer anything they need and ask when to expect the next step; stay positive (001)."
        }
        // 001: the hiring manager and the recruiter are the two who matter: one addressed, one copied.
        if let person, person.role == .hiringManager, let recruiter = f.contacts.first(where: { $0.role == .recruiter }) {
            task.advice = (task.advice ?? "") + " Address it to \(person.name) and copy \(recruiter.name), the recruiter."
        }
        return task
    }

    /// 000 #7, 002: answer requests and invitations promptly.
    func responds(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        // An interview that takes place after the invitation answers it (002), judged by the
        // interview's time, never by when its record was typed in: an earlier interview entered
        // late does not. From the moment it was booked, a request-done logged after that
        // answers the next open request, not the invitation again.
        func answeredByInterview(_ invitation: Event) -> Instant? {
            f.interviews.filter { $0.at > invitation.at }
                .map { max($0.createdAt, invitation.at) }.min()
        }
        var answeredAt: [String: Instant] = [:]
        for e in f.events where e.kind == .invited {
            if let at = answeredByInterview(e) { answeredAt[e.id] = at }
        }
        // The requests and invitations still open, by their positions in `f.events`.
        let events = f.events
        var open: [Int] = []
        for (k, e) in events.enumerated() {
            switch e.kind {
            case .request, .invited:
                open.append(k)
            case .requestDone:
                if let target = e.answers, let i = open.firstIndex(where: { events[$0].id == target }) {
                    open.remove(at: i)
                    break
                }
                let i = open.firstIndex { o in events[o].at <= e.at && !(answeredAt[events[o].id].map { $0 <= e.at } ?? false) }
                if let i { open.remove(at: i) }
            default:
                break
            }
        }
        if !answeredAt.isEmpty { open.removeAll { answeredAt[events[$0].id] != nil } }
        for k in open {
            let e = events[k]
            let deadline = e.due.map { zone.endOfDay($0) } ?? e.at.adding(hours: policy.respondHours)
            let what: String
            if e.kind == .invited {
                what = "They invited you to a next round"
            } else if let about = e.about {
                what = "They asked for \(about == .callback ? "a call back" : about.rawValue)"
            } else {
                what = "They asked for something"
            }
            let when = e.due.map { "by \($0.short) as they asked" } ?? "within \(policy.respondHours) hours"
            var task = make(
                .respond, f, anchor: e.id, contact: f.contact(e.contact), due: zone.day(of: deadline), dueAt: deadline,
                opensAt: e.at, deadline: deadline, reason: "\(what) on \(zone.day(of: e.at).short): answer \(when).")
            var advice: [String] = []
            if let text = e.text { advice.append(text + ".") }
            if e.kind == .invited { advice.append("Affirm your interest, offer times and be flexible (002).") }
            if let from = f.contact(e.contact), from.role == .assistant {
                advice.append("\(from.name) has the manager's ear: treat them as an equal (000).")
            }
            task.advice = advice.isEmpty ? nil : advice.joined(separator: " ")
            tasks.append(task)
        }
    }

    /// 000 #2, #3: brief your references before they are called.
    func briefReferences(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        let briefings = f.events.lazy.filter { $0.kind == .referencesBriefed }
        let next = f.interviews.first { $0.at > now }
        let advice = "Tell them about the role and what to stress; also ask a former boss for a character reference letter (000)."
        let requests = f.events.lazy.filter { $0.kind == .request && $0.about == .references }
        for r in requests where !briefings.contains(where: { $0.at >= r.at }) {
            let due = next.map { calendar.subtracting(businessDays: 1, from: zone.day(of: $0.at)) }
                ?? calendar.adding(businessDays: 1, to: zone.day(of: r.at))
            var task = dayTask(.briefReferences, f, anchor: r.id, contact: nil, due: due,
                               reason: "They asked for references on \(zone.day(of: r.at).short): brief them before they are called.")
            task.advice = advice
            tasks.append(task)
        }
        if requests.isEmpty, briefings.isEmpty,
           let second = roundTwo(f) {
            // Before the next interview when one is booked; else the business day after round 2.
            let due: Day
            let reason: String
            if let next {
                due = calendar.subtracting(businessDays: 1, from: zone.day(of: next.at))
                reason = "You reached round 2: references are called next, so brief them before \(zone.day(of: next.at).short)."
            } else {
                due = calendar.adding(businessDays: 1, to: zone.day(of: second.at))
                reason = "You reached round 2 (\(zone.day(of: second.at).short)): references are called next, so brief them now."
            }
            var task = dayTask(.briefReferences, f, anchor: second.id, contact: nil, due: due, reason: reason)
            task.advice = advice
            tasks.append(task)
        }
    }

    /// The interview where the application reaches round 2: the first marked round 2 or later;
    /// when no interview has a round, the second one.
    func roundTwo(_ f: AppFacts) -> Interview? {
        if f.interviews.contains(where: { $0.round != nil }) {
            return f.interviews.first { ($0.round ?? 1) >= 2 }
        }
        return f.interviews.count >= 2 ? f.interviews[1] : nil
    }

    /// 000 #9, 003, 001, 002: prepare the day before, and the questions to ask at the end.
    func prepares(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        for interview in f.interviews where interview.at > now {
            let day = zone.day(of: interview.at)
            let due = calendar.subtracting(businessDays: policy.prepareBusinessDays, from: day)
            // Due from the business day before until the interview starts, never overdue before it.
            var task = make(
                .prepare, f, anchor: interview.id, contact: nil, due: due, dueAt: nil, opensAt: min(zone.startOfDay(due), interview.at),
                deadline: interview.at,
                reason: "Your interview is on \(day.short) at \(zone.clock(interview.at)): prepare the business day before.")
            var advice = "At the end ask: Where do we go from here? When will you decide? When are the shortlist and the second round? "
                + "How should I follow up? May I call you? Ask each person for a business card: the name spelled right, title, street address, email (003, 002, 004, 000)."
            if interview.travel { advice += " Ask how travel expenses are claimed (000)." }
            advice += " If they say \"call me with questions\", plan a call later with four or five researched questions on the scope of the job (000)."
            task.advice = advice
            tasks.append(task)
        }
    }

    /// 000 #5: claim travel expenses within two business days.
    func submitExpenses(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        for interview in f.held where interview.travel {
            let end = ended(interview)
            guard end <= now else { continue }
            if f.events.contains(where: { $0.kind == .expensesSubmitted && $0.at >= interview.at }) { continue }
            let due = calendar.adding(businessDays: policy.expensesBusinessDays, to: zone.day(of: end))
            let deadline = zone.endOfDay(due)
            tasks.append(make(
                .submitExpenses, f, anchor: interview.id, contact: nil, due: due, dueAt: nil, opensAt: end, deadline: deadline,
                reason: "You travelled for the interview on \(zone.day(of: interview.at).short): submit your expenses while the receipts are at hand."))
        }
    }

    /// 000 #5: "waiting 30+ days is simply unreasonable".
    func chaseReimbursements(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        // Expenses submitted and not yet reimbursed, by their positions in `f.events`.
        var open: [Int] = []
        for (k, e) in f.events.enumerated() {
            if e.kind == .expensesSubmitted { open.append(k) }
            if e.kind == .reimbursed, !open.isEmpty { open.removeFirst() }
        }
        for k in open {
            let submitted = f.events[k]
            let chases = f.events.filter { $0.kind == .expensesChased && $0.at >= submitted.at }
            let due: Day
            let reason: String
            if let last = chases.last {
                due = zone.day(of: last.at).adding(days: policy.reimbursementChaseDays)
                reason = "Still not reimbursed \(Engine.spelled(policy.reimbursementChaseDays).lowercased()) after you chased (\(zone.day(of: last.at).short)): chase again."
            } else {
                due = zone.day(of: submitted.at).adding(days: policy.reimbursementDays)
                reason = "Expenses submitted \(zone.day(of: submitted.at).short) and not reimbursed after \(policy.reimbursementDays) days: chase them."
            }
            tasks.append(dayTask(.chaseReimbursement, f, anchor: submitted.id, contact: nil, attempt: chases.count + 1, due: due, reason: reason))
        }
    }

    /// 002, 003: thank them even when unsuccessful.
    func closingThankYous(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        // A rejection that a reopening took back asks for no thank-you.
        let reopened = f.events.last { $0.kind == .reopened && $0.at <= now }?.at
        for rejection in f.events where rejection.kind == .rejected && rejection.at <= now && (reopened.map { rejection.at > $0 } ?? true) {
            if f.events.contains(where: { $0.kind == .thankYou && $0.at >= rejection.at }) { continue }
            let deadline = rejection.at.adding(hours: policy.closingThankYouHours)
            var task = make(
                .closingThankYou, f, anchor: rejection.id, contact: f.contact(rejection.contact) ?? f.mainContact,
                due: zone.day(of: deadline), dueAt: deadline, opensAt: rejection.at, deadline: deadline,
                reason: "They said no on \(zone.day(of: rejection.at).short): thank them anyway, you never know when paths cross again.")
            task.channel = .email
            task.advice = "A short, gracious note: thank them for their time and ask to be kept in mind; then move on (003)."
            tasks.append(task)
        }
    }

    /// 004: the "reverse cover letter", by post to the interviewer.
    func reverseCoverLetters(_ f: AppFacts, into tasks: inout [FollowUpTask]) {
        let days = policy.reverseCoverLetterDays
        guard days > 0, let first = f.held.first, ended(first) <= now else { return }
        if f.events.contains(where: { $0.kind == .coverLetter && $0.at >= first.at }) { return }
        let person = f.recipients(of: first).first
        let due = zone.day(of: first.at).adding(days: days)
        var task = dayTask(
            .reverseCoverLetter, f, anchor: first.id, contact: person, due: due,
            reason: "Send a letter by post summarising your strongest points, \(days) days after the first interview (004).")
        task.channel = .letter
        task.advice = person?.address.map { "Post it to \($0)." } ?? "Ask for their business address: you have none."
        tasks.append(task)
    }

    // MARK: Decisions

    /// Marks a snoozed or dismissed task, in place. Dismissing a check-in stops check-ins for
    /// that application until a new interview or response (a new anchor) or a decision date
    /// given after the dismissal.
    func applyDecisions(_ task: inout FollowUpTask, datesGivenAt: Instant?) {
        if let snooze = snoozes[task.id], now < zone.startOfDay(snooze.until) {
            task.snoozedUntil = snooze.until
        }
        if dismissed.contains(task.id) {
            task.dismissed = true
        } else if task.kind == .checkIn, let round = roundDismissals["check-in:\(task.app):\(task.anchor):"] {
            task.dismissed = round.contains { d in datesGivenAt.map { $0 <= d.updatedAt } ?? true }
        }
    }

    // MARK: Words

    /// "Moved to Monday" when a rule's day fell on a weekend or holiday.
    func moved(from target: Day, to due: Day) -> String {
        guard target != due else { return "" }
        let name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][due.isoWeekday - 1]
        return ", moved to \(name)"
    }

    static func spelled(_ days: Int) -> String {
        switch days {
        case 7: return "A week"
        case 14: return "Two weeks"
        case 1: return "A day"
        default: return "\(days) days"
        }
    }

    static func ordinal(_ n: Int) -> String {
        let words = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        return n < words.count ? words[n] : "\(n)th"
    }

}

extension Rules {
    /// The stated decision date that counts for an application at `now`: the one given last.
    public static func decisionDate(of app: Application, settings: Settings = Settings(), zone: Zone, now: Instant) -> Day? {
        var data = FollowUpData()
        data.settings = settings
        return Engine(data: data, zone: zone, now: now).gatherFacts(app).stated?.day
    }

    /// An application's main contact: its hiring manager, else its recruiter, else the contact added first.
    public static func mainContact(of app: Application) -> Contact? {
        let contacts = app.contacts.sorted { ($0.createdAt.seconds, $0.id) < ($1.createdAt.seconds, $1.id) }
        return contacts.first { $0.role == .hiringManager } ?? contacts.first { $0.role == .recruiter } ?? contacts.first
    }
}
