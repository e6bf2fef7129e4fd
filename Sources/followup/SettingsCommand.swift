import ArgumentParser
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpStore

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change settings: the preset, holidays, your name, any number of the rules.",
        discussion: """
        followup settings                      show everything, with where each number comes from
        followup settings KEY                  show one
        followup settings KEY VALUE            set one (VALUE "default" goes back to the preset's)
        Keys: preset, holidays (comma-separated YYYY-MM-DD, or "none"), name, signature, and the numbers:
        \(Policy.settingKeys.joined(separator: ", ")).
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The setting.", valueName: "key")) var key: String?
    @Argument(help: ArgumentHelp("Its new value.", valueName: "value")) var value: String?

    static let textKeys = ["preset", "holidays", "name", "signature"]

    func run() throws {
        let ctx = try common.context()
        if let key, !SettingsCommand.textKeys.contains(key), Policy.settingRanges[key] == nil {
            throw UserError("no setting \"\(key)\"; the settings are: " + (SettingsCommand.textKeys + Policy.settingKeys).joined(separator: ", "))
        }
        guard let key, let value else {
            let settings = try ctx.load(repairing: true).settings
            for line in describe(settings) where key == nil || line.key == key { output(line.text) }
            return
        }
        try ctx.apply(.settings(try parse(key, value)))
        let settings = try ctx.load(quiet: true, repairing: true).settings
        for line in describe(settings) where line.key == key { output(line.text) }
    }

    /// The change a typed value asks for; checked again, with the rules' ranges, when applied.
    func parse(_ key: String, _ value: String) throws -> SettingsEdit {
        switch key {
        case "preset":
            guard let preset = PresetName(rawValue: value) else {
                throw UserError("preset must be standard, gentle or persistent")
            }
            return .preset(preset)
        case "holidays":
            if value == "none" || value.isEmpty { return .holidays([]) }
            var days: [Day] = []
            for part in value.split(separator: ",") {
                let text = part.trimmingCharacters(in: .whitespaces)
                guard let day = Day(text) else { throw UserError("holidays: \"\(text)\" is not a date YYYY-MM-DD") }
                days.append(day)
            }
            return .holidays(days)
        case "name": return .name(value)
        case "signature": return .signature(value)
        default:
            if value == "default" { return .number(key, nil) }
            let range = Policy.settingRanges[key] ?? 0...Int.max
            guard let n = Int(value) else {
                throw UserError("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), or default")
            }
            return .number(key, n)
        }
    }

    func describe(_ settings: Settings) -> [(key: String, text: String)] {
        let policy = Policy(settings: settings)
        var lines: [(String, String)] = [
            ("preset", "preset        \(settings.preset.rawValue) — \(Policy.presetSummaries[settings.preset] ?? "")"),
            ("holidays", "holidays      " + (settings.holidays.isEmpty ? "none" : settings.holidays.map(\.description).joined(separator: ","))),
            ("name", "name          " + (settings.name ?? "(not set)")),
            ("signature", "signature     " + (settings.signature ?? "(not set)")),
        ]
        let width = Policy.settingKeys.map(\.count).max() ?? 20
        for key in Policy.settingKeys {
            let source = settings.overrides[key] != nil ? "set" : settings.preset.rawValue
            let padded = key + String(repeating: " ", count: width - key.count)
            let number = String(policy[key])
            let value = String(repeating: " ", count: max(0, 4 - number.count)) + number
            lines.append((key, "\(padded)\(value)  (\(source)) \(Policy.settingHelp[key] ?? "")"))
        }
        return lines
    }
}
