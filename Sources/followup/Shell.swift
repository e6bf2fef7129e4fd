import Foundation
import FollowUpCore

/// The one reader of the process's environment and the one clock. Everything below the
/// executable is handed what it needs: the engine and the dashboard's state take `now` as a
/// parameter, the store and the editor the variables they use.
enum Shell {
    static let environment = ProcessInfo.processInfo.environment

    /// The variable's value, nil when unset or empty.
    static func variable(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Now, to the second.
    static func clock() -> Instant {
        Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
