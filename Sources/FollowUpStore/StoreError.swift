/// Why the data file could not be read or written. Each case names the file, so the sentence a
/// user reads says which file and where.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not valid JSON: where the parser stopped.
    case corrupt(path: String, line: Int, column: Int, message: String)
    /// Valid JSON that does not hold what the format says.
    case invalid(path: String, field: String, message: String)
    /// Written by a newer followup: may be read, never written.
    case newerVersion(path: String, version: Int, supported: Int)
    /// The operating system refused (permissions, disk full, …).
    case io(path: String, message: String)
    /// Another followup process holds the lock.
    case locked(path: String, holder: Int32?)

    public var description: String {
        switch self {
        case let .corrupt(path, line, column, message):
            return "\(path):\(line):\(column): not valid JSON: \(message). The file was left as it is; fix it by hand or restore a backup."
        case let .invalid(path, field, message):
            let where_ = field.isEmpty ? "" : " \(field)"
            return "\(path):\(where_) \(message). The file was left as it is."
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
