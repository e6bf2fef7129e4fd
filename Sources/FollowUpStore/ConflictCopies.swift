#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore

/// The copies a sync tool leaves beside the file when two machines changed it at once:
/// Syncthing's `followup.sync-conflict-20261127-101112-ABCDEFG.json`, Dropbox's and Nextcloud's
/// `followup (conflicted copy 2026-11-27).json` (also "Ana's conflicted copy"), ownCloud's
/// `followup_conflict-20261127-101112.json`. `followup merge` brings one in; the copy is then
/// renamed out of the tool's pattern and kept.
extension DataFile {
    /// The conflict copies of this file in its folder, by name.
    public func conflictCopies() -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        let own = name
        var found: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if DataFile.isConflictCopy(entryName, of: own) { found.append(folder == "/" ? "/" + entryName : folder + "/" + entryName) }
        }
        return found.sorted()
    }

    /// The file's own name, without its folder.
    public var name: String {
        String(path[path.index(after: path.lastIndex(of: "/") ?? path.index(before: path.startIndex))...])
    }

    /// Whether `candidate` is a sync tool's conflict copy of the file named `name`.
    public static func isConflictCopy(_ candidate: String, of name: String) -> Bool {
        let dot = name.lastIndex(of: ".")
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        guard candidate != name, candidate.hasPrefix(stem), candidate.hasSuffix(ext),
              candidate.count > stem.count + ext.count else { return false }
        let middle = candidate.dropFirst(stem.count).dropLast(ext.count).lowercased()
        return middle.hasPrefix(".sync-conflict-") || middle.hasPrefix("_conflict-")
            || (middle.hasPrefix(" (") && middle.hasSuffix(")") && middle.contains("conflicted copy"))
    }

    /// Renames a merged conflict copy out of the sync tool's pattern, beside the file
    /// (`followup.json.merged-2026-11-27`, then `-2`, `-3`… on the same day); returns the new path.
    public func setAside(_ copy: String, today: Day) throws(StoreError) -> String {
        let base = path + ".merged-" + today.description
        var target = base
        var n = 2
        while access(target, F_OK) == 0 {
            target = base + "-\(n)"
            n += 1
        }
        guard rename(copy, target) == 0 else {
            throw StoreError.io(path: copy, message: "merged, but cannot be renamed to \(target): \(DataFile.errorText())")
        }
        return target
    }

    /// Merges another copy of the file into this one through the write path, as one change undo
    /// can take back. The base of a record both changed is looked for in this file's undo history
    /// and in the other's (when it has one here).
    public func merge(
        _ other: FollowUpData, otherHistory: [HistoryEntry], summary: String, today: Day, at now: Instant
    ) throws -> Committed<MergeReport> {
        let ours = (try? history()) ?? []
        return try recording(today: today, at: now) { data throws -> (value: MergeReport, summary: String) in
            let (merged, report) = try Merge.merge(ours: data, theirs: other, histories: [ours, otherHistory])
            data = merged
            return (report, summary)
        }
    }

    /// Writes data to this path in canonical form, durably, and nothing else: no lock, no
    /// backup, no history (for git's merge driver, on git's own temporary files).
    public func overwrite(with data: FollowUpData) throws(StoreError) {
        try save(DataFile.encode(data))
    }
}
