import FollowUpResources
import JSON

/// The numbers the rules run on: a preset's, with the user's overrides on top.
public struct Policy: Equatable, Sendable {
    public let preset: PresetName
    public let numbers: [String: Int]
    /// Each number the rules read, read once (the rules read them tens of thousands of times).
    private let kept: Kept

    /// The preset's numbers with `settings.overrides` applied.
    public init(settings: Settings) {
        self.preset = settings.preset
        var numbers = Policy.presetNumbers[settings.preset] ?? [:]
        for (key, value) in settings.overrides where numbers[key] != nil { numbers[key] = value }
        self.numbers = numbers
        self.kept = Kept(numbers)
    }

    /// A number, kept within its range (`settingRanges`): a value out of range in the file is
    /// reported where the file is read, and can never make the rules' arithmetic overflow.
    public subscript(key: String) -> Int {
        Policy.number(key, in: numbers)
    }

    static func number(_ key: String, in numbers: [String: Int]) -> Int {
        let n = numbers[key] ?? 0
        guard let range = Policy.settingRanges[key] else { return n }
        return min(max(n, range.lowerBound), range.upperBound)
    }

    private struct Kept: Equatable, Sendable {
        let thankYouHours, firstCheckInDaysAfterStated, firstCheckInDaysAfterInterview, spacingDays, spacingWindowDays: Int
        let maxStrikes, reverseCoverLetterDays, respondHours, prepareBusinessDays, expensesBusinessDays: Int
        let reimbursementDays, reimbursementChaseDays, closingThankYouHours, callWindowStartHour, callWindowEndHour: Int
        let interviewMinutes, missedAfterDays, depthPhoneOnly, depthInPerson, depthSeveralRounds: Int
        let thankYouSameDay, firstCheckInIgnoresStatedDate, strikesByDepth, rotateChannels: Bool

        init(_ numbers: [String: Int]) {
            func n(_ key: String) -> Int { Policy.number(key, in: numbers) }
            thankYouHours = n("thankYouHours")
            thankYouSameDay = n("thankYouSameDay") != 0
            firstCheckInDaysAfterStated = n("firstCheckInDaysAfterStated")
            firstCheckInDaysAfterInterview = n("firstCheckInDaysAfterInterview")
            firstCheckInIgnoresStatedDate = n("firstCheckInIgnoresStatedDate") != 0
            spacingDays = max(1, n("spacingDays"))
            spacingWindowDays = max(spacingDays, n("spacingWindowDays"))
            maxStrikes = max(0, n("maxStrikes"))
            strikesByDepth = n("strikesByDepth") != 0
            rotateChannels = n("rotateChannels") != 0
            reverseCoverLetterDays = n("reverseCoverLetterDays")
            respondHours = n("respondHours")
            prepareBusinessDays = max(1, n("prepareBusinessDays"))
            expensesBusinessDays = n("expensesBusinessDays")
            reimbursementDays = n("reimbursementDays")
            reimbursementChaseDays = n("reimbursementChaseDays")
            closingThankYouHours = n("closingThankYouHours")
            callWindowStartHour = min(23, max(0, n("callWindowStartHour")))
            callWindowEndHour = min(24, max(callWindowStartHour, n("callWindowEndHour")))
            interviewMinutes = max(1, n("interviewMinutes"))
            missedAfterDays = max(1, n("missedAfterDays"))
            depthPhoneOnly = n("depthPhoneOnly")
            depthInPerson = n("depthInPerson")
            depthSeveralRounds = n("depthSeveralRounds")
        }
    }

    var thankYouHours: Int { kept.thankYouHours }
    var thankYouSameDay: Bool { kept.thankYouSameDay }
    var firstCheckInDaysAfterStated: Int { kept.firstCheckInDaysAfterStated }
    var firstCheckInDaysAfterInterview: Int { kept.firstCheckInDaysAfterInterview }
    var firstCheckInIgnoresStatedDate: Bool { kept.firstCheckInIgnoresStatedDate }
    var spacingDays: Int { kept.spacingDays }
    var spacingWindowDays: Int { kept.spacingWindowDays }
    /// 0 means no cap.
    var maxStrikes: Int { kept.maxStrikes }
    var strikesByDepth: Bool { kept.strikesByDepth }
    var rotateChannels: Bool { kept.rotateChannels }
    var reverseCoverLetterDays: Int { kept.reverseCoverLetterDays }
    var respondHours: Int { kept.respondHours }
    var prepareBusinessDays: Int { kept.prepareBusinessDays }
    var expensesBusinessDays: Int { kept.expensesBusinessDays }
    var reimbursementDays: Int { kept.reimbursementDays }
    var reimbursementChaseDays: Int { kept.reimbursementChaseDays }
    var closingThankYouHours: Int { kept.closingThankYouHours }
    var callWindowStartHour: Int { kept.callWindowStartHour }
    var callWindowEndHour: Int { kept.callWindowEndHour }
    var interviewMinutes: Int { kept.interviewMinutes }
    var missedAfterDays: Int { kept.missedAfterDays }
    /// The strike caps by how deep the interviews went (`strikesByDepth`).
    var depthPhoneOnly: Int { kept.depthPhoneOnly }
    var depthInPerson: Int { kept.depthInPerson }
    var depthSeveralRounds: Int { kept.depthSeveralRounds }

    /// An interview's length: its own, else `interviewMinutes`. The one home of this rule, for
    /// the engine, the timeline and the calendar alike.
    public func minutes(of interview: Interview) -> Int { interview.minutes ?? interviewMinutes }

    /// When an interview ends.
    public func end(of interview: Interview) -> Instant { interview.end(defaultMinutes: interviewMinutes) }

    /// Every number a preset defines, by preset, read once from the compiled-in data.
    public static let presetNumbers: [PresetName: [String: Int]] = {
        var result: [PresetName: [String: Int]] = [:]
        guard let root = try? JSONParser.parse(BuiltInPresets.json), let presets = root.objectValue else { return result }
        for name in PresetName.allCases {
            var numbers: [String: Int] = [:]
            for (key, value) in presets[name.rawValue]?.objectValue ?? [:] {
                if let n = value.intValue { numbers[key] = n }
            }
            result[name] = numbers
        }
        return result
    }()

    /// The one-line description of each preset.
    public static let presetSummaries: [PresetName: String] = {
        var result: [PresetName: String] = [:]
        guard let root = try? JSONParser.parse(BuiltInPresets.json) else { return result }
        for name in PresetName.allCases {
            result[name] = root[name.rawValue]?["summary"]?.stringValue
        }
        return result
    }()

    /// The names a user may set in `settings` (every number of every preset).
    public static let settingKeys: [String] = Array(Set(presetNumbers.values.flatMap(\.keys))).sorted()
}

extension Policy {
    /// What each number may be, so that a typo cannot turn the rules off by accident.
    public static let settingRanges: [String: ClosedRange<Int>] = [
        "thankYouHours": 1...168, "thankYouSameDay": 0...1,
        "firstCheckInDaysAfterStated": 0...60, "firstCheckInDaysAfterInterview": 1...60,
        "firstCheckInIgnoresStatedDate": 0...1, "spacingDays": 1...60, "spacingWindowDays": 1...90,
        "maxStrikes": 0...20, "strikesByDepth": 0...1, "depthPhoneOnly": 1...20, "depthInPerson": 1...20,
        "depthSeveralRounds": 1...20, "rotateChannels": 0...1, "reverseCoverLetterDays": 0...60,
        "respondHours": 1...336, "prepareBusinessDays": 1...10, "expensesBusinessDays": 0...30,
        "reimbursementDays": 1...365, "reimbursementChaseDays": 1...90, "closingThankYouHours": 1...336,
        "callWindowStartHour": 0...23, "callWindowEndHour": 1...24, "interviewMinutes": 1...1440,
        "missedAfterDays": 1...365,
    ]

    /// What each number means, for `followup settings`.
    public static let settingHelp: [String: String] = [
        "thankYouHours": "hours after an interview's end to send thank-you notes",
        "thankYouSameDay": "1: thank-you notes are due by 23:59 the interview day instead",
        "firstCheckInDaysAfterStated": "days after the date they gave for the first check-in",
        "firstCheckInDaysAfterInterview": "days after the interview for the first check-in when they gave no date",
        "firstCheckInIgnoresStatedDate": "1: the first check-in ignores the date they gave",
        "spacingDays": "days between check-ins",
        "spacingWindowDays": "the last good day of a check-in's window, in days after the previous attempt",
        "maxStrikes": "unanswered check-ins per employer before moving on (0: no cap)",
        "strikesByDepth": "1: the cap depends on how deep the interviews went",
        "depthPhoneOnly": "the cap after phone screens only (with strikesByDepth)",
        "depthInPerson": "the cap after an in-person interview (with strikesByDepth)",
        "depthSeveralRounds": "the cap after several rounds or interviewers (with strikesByDepth)",
        "rotateChannels": "1: rotate call, email and letter",
        "reverseCoverLetterDays": "days after the first interview to post a reverse cover letter (0: none)",
        "respondHours": "hours to answer a request or invitation",
        "prepareBusinessDays": "business days before an interview to prepare",
        "expensesBusinessDays": "business days after a trip to submit expenses",
        "reimbursementDays": "days after submitting expenses to chase the money",
        "reimbursementChaseDays": "days between chases of a reimbursement",
        "closingThankYouHours": "hours after a rejection to thank them anyway",
        "callWindowStartHour": "when suggested calls start (their time)",
        "callWindowEndHour": "when suggested calls end (their time)",
        "interviewMinutes": "an interview's length when not given",
        "missedAfterDays": "days past its deadline after which a thank-you or take-stock task is missed, no longer overdue",
    ]
}
