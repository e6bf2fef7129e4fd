import Foundation

/// Why a name given on the command line does not pick out one record.
public enum LookupError: Error, Equatable, Sendable {
    case notFound(what: String, query: String, candidates: [String])
    case ambiguous(what: String, query: String, candidates: [String])
}

extension FollowUpData {
    /// An application by id, or by an unambiguous case-insensitive employer name: exact id, then
    /// exact name, then a unique prefix of the name or the id, then of a later word of the name.
    /// Where `findApplication` finds it, for a change to make in place.
    public func findApplicationIndex(_ query: String) throws(LookupError) -> Int {
        let id = try findApplication(query).id
        guard let index = applications.firstIndex(where: { $0.id == id }) else {
            throw .notFound(what: "applications", query: query, candidates: [])
        }
        return index
    }

    public func findApplication(_ query: String) throws(LookupError) -> Application {
        try Lookup.pick(
            applications, query: query, what: "applications", id: \.id, name: \.employer,
            describe: { Lookup.describe(id: $0.id, employer: $0.employer, role: $0.role) })
    }
}

/// What a look-up by id or employer name reads of an application, without the rest of it: read
/// from a file's bytes by a change that decodes only the applications it touches.
public struct ApplicationHeading: Equatable, Sendable {
    public let id: String
    public let employer: String
    public let role: String
    /// The employer as `Application.employerKey` has it: applications with equal keys are one
    /// employer's.
    public let employerKey: String

    public init(id: String, employer: String, role: String) {
        self.init(id: id, employer: employer, role: role, employerKey: EmployerKeys.shared.key(employer))
    }

    /// With the employer's key as it was made before (kept with the heading).
    public init(id: String, employer: String, role: String, employerKey: String) {
        self.id = id
        self.employer = employer
        self.role = role
        self.employerKey = employerKey
    }

    public init(of app: Application) {
        self.init(id: app.id, employer: app.employer, role: app.role, employerKey: app.employerKey)
    }

    /// The positions of the headings whose employer's key is `key` (as
    /// `FollowUpData.indices(ofEmployerKey:)` finds them among applications).
    public static func positions(ofEmployerKey key: String, among headings: [ApplicationHeading]) -> [Int] {
        headings.indices.filter { EmployerKeys.sameBytes(headings[$0].employerKey, key) }
    }

    /// Where `FollowUpData.findApplication` finds the application `query` names, among these
    /// headings of every application, in file order (the same one, or the same error).
    public static func find(_ query: String, among headings: [ApplicationHeading]) throws(LookupError) -> Int {
        let id = try Lookup.pick(
            headings, query: query, what: "applications", id: \.id, name: \.employer,
            describe: { Lookup.describe(id: $0.id, employer: $0.employer, role: $0.role) }).id
        guard let index = headings.firstIndex(where: { $0.id == id }) else {
            throw .notFound(what: "applications", query: query, candidates: [])
        }
        return index
    }
}

extension Application {
    /// A contact of this application by id, exact name, or unique name prefix (case-insensitive);
    /// failing those, the unique start of a later word of the name ("Ana" for "Dr. Ana Cruz").
    public func findContact(_ query: String) throws(LookupError) -> Contact {
        try Lookup.pick(
            contacts, query: query, what: "contacts at \(employer)", id: \.id, name: \.name,
            describe: { "\($0.id) (\($0.name))" })
    }
}

enum Lookup {
    /// An application as a look-up lists it among candidates: `acme-7f3k (Acme Corp — Engineer)`.
    static func describe(id: String, employer: String, role: String) -> String {
        "\(id) (\(employer)\(role.isEmpty ? "" : " — " + role))"
    }

    static func pick<T>(
        _ items: [T], query: String, what: String, id: KeyPath<T, String>, name: KeyPath<T, String>,
        describe: (T) -> String
    ) throws(LookupError) -> T {
        let query = query.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { throw .notFound(what: what, query: query, candidates: items.prefix(12).map(describe)) }
        if let exact = items.first(where: { $0[keyPath: id] == query }) { return exact }
        let q = Lowercase.of(query)
        let stages: [(T) -> Bool] = [
            { Lowercase.of($0[keyPath: id]) == q },
            { $0[keyPath: name] == query },
            { Lowercase.of($0[keyPath: name]) == q },
            { Lowercase.of($0[keyPath: name]).hasPrefix(q) || Lowercase.of($0[keyPath: id]).hasPrefix(q) },
            // Last: the start of a later word ("Ana" for "Dr. Ana Cruz", "Cruz" for her too),
            // only when nothing above matched.
            { item in
                let words = Lowercase.of(item[keyPath: name]).split(whereSeparator: { $0.isWhitespace || $0 == "-" })
                return words.dropFirst().contains { $0.hasPrefix(q) } || (q.contains(" ") && Lowercase.of(item[keyPath: name]).contains(" " + q))
            },
        ]
        for matches in stages {
            let found = items.filter(matches)
            if found.count == 1 { return found[0] }
            if found.count > 1 { throw .ambiguous(what: what, query: query, candidates: found.map(describe)) }
        }
        throw .notFound(what: what, query: query, candidates: items.prefix(12).map(describe))
    }
}
