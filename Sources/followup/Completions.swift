import ArgumentParser
import Foundation
import FollowUpCore
import FollowUpStore

/// Shell completion of ids and names from the data file (bash, zsh, fish through
/// `followup --generate-completion-script SHELL`).
enum Completions {
    /// The data of the file the command line names (`--file`), else the default one.
    static func data(_ words: [String]) -> FollowUpData? {
        var path: String?
        if let i = words.firstIndex(of: "--file"), i + 1 < words.count { path = words[i + 1] }
        let env = Shell.environment
        let file = path ?? env["FOLLOWUP_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? DataFile.defaultPath(environment: env)
        return try? DataFile(path: file).load()
    }

    /// The candidates that start with what was typed, each once, made safe for the shell that
    /// reads them: data never runs as code when the user presses Tab.
    static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        let shell = CompletionShell.requesting
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.compactMap { quoted($0, for: shell) }
    }

    /// bash expands every candidate it is given (`compgen -W`): each character that means
    /// something to it is escaped, and a name that would run something if the completed line were
    /// run (`$`, a backtick, `;`, `|`, `&`, a redirection) is left out — its id is offered instead.
    /// zsh reads `name:description`, so a colon is escaped; fish reads a tab as the start of a
    /// description. Line breaks and other control characters end a candidate in every shell.
    static func quoted(_ candidate: String, for shell: CompletionShell?) -> String? {
        guard !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        switch shell {
        case .bash?:
            if candidate.contains(where: { "$`;|&<>(){}!".contains($0) }) { return nil }
            return String(candidate.flatMap { c -> [Character] in
                c.isLetter || c.isNumber || "-_.,:/@%+=".contains(c) ? [c] : ["\\", c]
            })
        case .zsh?:
            return candidate.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        default:
            return candidate
        }
    }

    @Sendable static func applications(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let data = data(words) else { return [] }
        return matching(data.applications.map(\.id) + data.applications.map(\.employer), prefix)
    }

    @Sendable static func contacts(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let data = data(words) else { return [] }
        let people = data.applications.flatMap(\.contacts)
        return matching(people.map(\.id) + people.map(\.name), prefix)
    }

    @Sendable static func interviews(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let data = data(words) else { return [] }
        return matching(data.applications.flatMap { $0.interviews.map(\.id) }, prefix)
    }

    @Sendable static func events(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let data = data(words) else { return [] }
        return matching(data.applications.flatMap { $0.events.map(\.id) }, prefix)
    }

    @Sendable static func tasks(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let data = data(words) else { return [] }
        let now = Shell.clock()
        return matching(Rules.schedule(data, zone: (try? Shell.zone()) ?? Zone(TimeZone.current), now: now).tasks.map(\.id), prefix)
    }
}
