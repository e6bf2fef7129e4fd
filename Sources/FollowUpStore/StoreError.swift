/// Why the data file could not be read or written. Each case names the file, so the sentence a
/// user reads says which file and where.
public enum StoreError: Error, Equatable, Sendable {
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
}
