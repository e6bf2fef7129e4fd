extension FollowUpData {
    /// Ids that more than one record carries: every change and undo finds records by id, so the
    /// file must not have any.
    public func duplicateIDs() -> [String] {
        var seen = Set<String>()
        var twice: [String] = []
        forEachRecord { _, id, _ in
            if !seen.insert(id).inserted, !twice.contains(id) { twice.append(id) }
        }
        return twice
    }

    /// What is inconsistent in the data though each field is well-formed: duplicate ids,
    /// references to contacts that do not exist, deleted records still present.
    public func problems() -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        func note(_ id: String, _ where_: String) {
            if let first = seen[id] {
                problems.append("id \(id) is used twice: \(first) and \(where_)")
            } else {
                seen[id] = where_
            }
        }
        let deleted = Set(tombstones.map(\.id))
        for app in applications {
            note(app.id, "application \(app.employer)")
            if deleted.contains(app.id) { problems.append("application \(app.id) is marked deleted but still present") }
            let contactIDs = Set(app.contacts.map(\.id))
            for c in app.contacts { note(c.id, "contact \(c.name) at \(app.employer)") }
            for i in app.interviews {
                note(i.id, "interview at \(app.employer)")
                if let d = i.decisionBy, d < i.at.wallClock.day {
                    problems.append("interview \(i.id) at \(app.employer) gave a decision date (\(d)) before the interview itself (\(i.at.wallClock.day)): check it")
                }
                for person in i.with where !contactIDs.contains(person) {
                    problems.append("interview \(i.id) at \(app.employer) lists \(person), who is not a contact of that application")
                }
            }
            for e in app.events {
                note(e.id, "event at \(app.employer)")
                if let d = e.decisionBy, d < e.at.wallClock.day {
                    problems.append("event \(e.id) at \(app.employer) gave a decision date (\(d)) before it was logged (\(e.at.wallClock.day)): check it")
                }
                if let person = e.contact, !contactIDs.contains(person) {
                    problems.append("event \(e.id) at \(app.employer) names \(person), who is not a contact of that application")
                }
            }
        }
        for bad in settings.numbersOutOfRange {
            problems.append("settings.\(bad.key) is \(bad.value): it must be from \(bad.range.lowerBound) to \(bad.range.upperBound); followup settings \(bad.key) VALUE (or default) fixes it")
        }
        if version > FollowUpData.currentVersion {
            problems.append("the file is format version \(version); this followup understands up to \(FollowUpData.currentVersion) and will not change it")
        }
        return problems
    }
}
