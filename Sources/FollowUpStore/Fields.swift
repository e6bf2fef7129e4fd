/// The names of the fields followup knows in each kind of record of the data file — one table
/// for every reader and writer of the file's form: the byte encoder (a field of `extra` by one
/// of these names gives way to the known value), the byte decoder's look at quiet applications
/// (a name not here is one it does not know: the record is read in full), and a merge (which
/// merges these field by field and keeps the others as they are). `FieldTableTests` checks the
/// table against what `DataCodec` writes for records with every field set.
enum Fields {
    static let root = ["applications", "dismissals", "settings", "snoozes", "tombstones", "version"]
    /// An application's own fields; its records are in `applicationLists`.
    static let application = [
        "applied", "createdAt", "decisionBy", "decisionGivenAt", "employer", "id", "link", "location", "role", "tz", "updatedAt",
    ]
    static let applicationLists = ["contacts", "events", "interviews"]
    static let contact = ["address", "createdAt", "email", "id", "mayCall", "name", "phone", "role", "title", "tz", "updatedAt"]
    static let interview = [
        "at", "cancelled", "createdAt", "decisionBy", "decisionGivenAt", "id", "kind", "minutes", "round", "travel",
        "updatedAt", "with",
    ]
    static let event = [
        "about", "answered", "answers", "at", "channel", "contact", "createdAt", "decisionBy", "due", "id", "kind", "text",
        "updatedAt",
    ]
    static let snooze = ["taskId", "until", "updatedAt"]
    static let dismissal = ["taskId", "updatedAt"]
    static let tombstone = ["deletedAt", "id"]

    /// `names` with `first` in front, in that order (for a reader that numbers the names it
    /// meets and needs some of them first).
    static func ordered(_ names: [String], first: [String]) -> [String] {
        first + names.filter { !first.contains($0) }
    }
}
