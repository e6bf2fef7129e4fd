import FollowUpResources
import JSON

/// The numbers the rules run on: a preset's, with the user's overrides on top.
public struct Policy: Equatable, Sendable {
    public var preset: PresetName
    public var numbers: [String: Int]

    /// The preset's numbers with `settings.overrides` applied.
    public init(settings: Settings) {
        self.preset = settings.preset
        var numbers = Policy.presetNumbers[settings.preset] ?? [:]
        for (key, value) in settings.overrides where numbers[key] != nil { numbers[key] = value }
        self.numbers = numbers
    }

    public subscript(key: String) -> Int { numbers[key] ?? 0 }

    var thankYouHours: Int { self["thankYouHours"] }
    var thankYouSameDay: Bool { self["thankYouSameDay"] != 0 }
    var firstCheckInDaysAfterStated: Int { self["firstCheckInDaysAfterStated"] }
    var firstCheckInDaysAfterInterview: Int { self["firstCheckInDaysAfterInterview"] }
    var firstCheckInIgnoresStatedDate: Bool { self["firstCheckInIgnoresStatedDate"] != 0 }
    var spacingDays: Int { max(1, self["spacingDays"]) }
    var spacingWindowDays: Int { max(spacingDays, self["spacingWindowDays"]) }
    /// 0 means no cap.
    var maxStrikes: Int { max(0, self["maxStrikes"]) }
    var strikesByDepth: Bool { self["strikesByDepth"] != 0 }
    var rotateChannels: Bool { self["rotateChannels"] != 0 }
    var reverseCoverLetterDays: Int { self["reverseCoverLetterDays"] }
    var respondHours: Int { self["respondHours"] }
    var prepareBusinessDays: Int { max(1, self["prepareBusinessDays"]) }
    var expensesBusinessDays: Int { self["expensesBusinessDays"] }
    var reimbursementDays: Int { self["reimbursementDays"] }
    var reimbursementChaseDays: Int { self["reimbursementChaseDays"] }
    var closingThankYouHours: Int { self["closingThankYouHours"] }
    var callWindowStartHour: Int { min(23, max(0, self["callWindowStartHour"])) }
    var callWindowEndHour: Int { min(24, max(callWindowStartHour, self["callWindowEndHour"])) }
    var interviewMinutes: Int { max(1, self["interviewMinutes"]) }

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
    public static var settingKeys: [String] {
        Array(Set(presetNumbers.values.flatMap(\.keys))).sorted()
    }
}
