import ArgumentParser
import FollowUpActions
import FollowUpCore
import FollowUpStore

/// The one place an error becomes the sentence a person reads (on stderr or the dashboard's
/// bottom line) and, for the command line, its exit code. Libraries throw data; only this words it.
enum Sentence {
    /// Who reads it: the command line names options (`--employer`), the dashboard fields.
    enum Reader { case commandLine, screen }

    static func of(_ error: Error, for reader: Reader = .commandLine) -> String {
        switch error {
        case let e as ActionError: return of(e, reader)
        case let e as FieldProblem: return of(e, field: nil, reader)
        case let e as UserError: return e.description
        case let e as LookupError: return of(e)
        case let e as StoreError: return of(e)
        default: return "\(error)"
        }
    }

    /// The documented exit codes: 2 bad input (nothing written), 3 the file cannot be read or
    /// written, 4 another followup holds the lock.
    static func exitCode(_ error: Error) -> Int32 {
        switch error {
        case is ActionError, is UserError, is LookupError, is FieldProblem: return 2
        case let e as StoreError:
            if case .locked = e { return 4 }
            return 3
        default: return 2
        }
    }

    static func name(_ key: FieldKey, _ reader: Reader) -> String {
        reader == .commandLine ? "--" + key.rawValue : key.label
    }

    static func of(_ error: ActionError, _ reader: Reader) -> String {
        switch error {
        case let .invalid(key, problem): return of(problem, field: key, reader)
        case let .lookup(e): return of(e)
        case let .noRecord(kind, id):
            if kind == .contact { return "no contact has the id \"\(id)\"; give its id, or --app with a name" }
            return "no \(kind.rawValue) has the id \"\(id)\" (followup show APP lists them)"
        case let .noOpenTask(id): return "no task \(id) is open now; followup agenda lists them"
        case .channelRequired:
            return reader == .commandLine
                ? "--channel is required for a check-in: call, voicemail, email or letter"
                : "Say how it went out: c call, v voicemail, e email, l letter."
        case let .tooEarly(taskID, day, opened):
            return "\(name(.at, reader)) \(day) is too early to satisfy \(taskID): it must be after what it answers (opened \(opened.description))"
        case let .alreadyClosed(employer, status, app):
            return "\(employer) is already closed (\(status.rawValue)); followup reopen \(app) opens it again"
        case let .notClosed(employer, status): return "\(employer) is open (\(status.rawValue)); nothing to reopen"
        case let .applicationGone(app): return "the application \(app) is gone"
        case let .unknownSetting(key):
            return "no setting \"\(key)\"; the settings are: " + (SettingsCommand.textKeys + Policy.settingKeys).joined(separator: ", ")
        case let .settingOutOfRange(key, _, range):
            return "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), or default"
        }
    }

    static func of(_ problem: FieldProblem, field key: FieldKey?, _ reader: Reader) -> String {
        problem.words(field: key.map { name($0, reader) } ?? "the value")
    }

    static func of(_ error: LookupError) -> String {
        switch error {
        case let .notFound(what, query, candidates):
            let list = candidates.isEmpty ? "there are none yet" : "choose one of: " + candidates.joined(separator: "; ")
            return "none of the \(what) matches \"\(query)\": \(list)"
        case let .ambiguous(what, query, candidates):
            return "\"\(query)\" matches several \(what): " + candidates.joined(separator: "; ") + ". Give the id."
        }
    }

    static func of(_ error: StoreError) -> String {
        switch error {
        case let .corrupt(path, line, column, message):
            return "\(path):\(line):\(column): not valid JSON: \(message). The file was left as it is; fix it by hand or restore a backup."
        case let .invalid(path, field, message):
            let place = field.isEmpty ? "" : " \(field)"
            return "\(path):\(place) \(message). The file was left as it is."
        case let .newerVersion(path, version, supported):
            return "\(path) was written by a newer followup (format version \(version); this one writes version \(supported)). Upgrade followup to change it; it was not modified."
        case let .io(path, message):
            return "\(path): \(message)"
        case let .locked(path, holder):
            let who = holder.map { "process \($0)" } ?? "another process"
            return "\(path) is being changed by \(who); try again in a moment."
        }
    }
}
