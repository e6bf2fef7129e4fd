#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FollowUpCore
import JSON

/// The undo history of one data file, kept outside it in the state folder
/// (`$XDG_STATE_HOME/followup/`, else `~/.local/state/followup/`), so that the data file holds
/// only data and two copies of it differ only where their data differs. One history file per data
/// file, named after the data file's real path; written only under the data file's lock.
public struct HistoryFile: Sendable {
    public let path: String
    /// The data file this history belongs to.
    public let dataPath: String

    public init(dataPath: String, stateFolder: String) {
        self.dataPath = dataPath
        path = stateFolder + "/" + HistoryFile.stem(of: dataPath) + ".history.json"
    }

    /// What the state folder's files for a data file are named after: the file's name (made
    /// safe) and a fingerprint of its real path.
    static func stem(of dataPath: String) -> String {
        let name = dataPath.split(separator: "/").last.map(String.init) ?? "followup.json"
        // ASCII letters, digits, "." and "-" as they are; anything else "_".
        let safe = String(name.unicodeScalars.map { c -> Character in
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "-": return Character(c)
            default: return "_"
            }
        }.prefix(40))
        return safe + "-" + HistoryFile.fingerprint(dataPath)
    }

    /// `$XDG_STATE_HOME/followup`, else `~/.local/state/followup`.
    public static func defaultStateFolder(environment: [String: String]) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/followup" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/state/followup"
    }

    /// 64-bit FNV-1a of the path, in hex: stable across runs and machines.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    var folder: String { DataFile(path: path).folder }

    /// The entries, oldest first; none when there is no history yet. A damaged history file is
    /// reported, never silently replaced.
    public func read() throws(StoreError) -> [HistoryEntry] {
        guard let bytes = try DataFile.readBytes(path) else { return [] }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw StoreError.corrupt(path: path, line: error.line, column: error.column, message: error.message)
        }
        do {
            var r = try Reader(checking: root, path: "")
            return try r.array("entries", DataCodec.decodeHistoryEntry)
        } catch {
            throw StoreError.invalid(path: path, field: error.path, message: error.message)
        }
    }

    /// The entries; a damaged history file is renamed `….damaged` (kept for a look) and the history
    /// starts afresh, so that it never stands in the way of a change to the data.
    func readOrSetAside() -> [HistoryEntry] {
        do {
            return try read()
        } catch {
            rename(path, path + ".damaged")
            return []
        }
    }

    /// Two histories as one: each entry once (by id), oldest first.
    static func merge(_ a: [HistoryEntry], _ b: [HistoryEntry]) -> [HistoryEntry] {
        guard !a.isEmpty else { return b }
        var seen = Set<String>()
        let all = (a + b).filter { seen.insert($0.id).inserted }
        return all.enumerated().sorted { x, y in
            x.element.at != y.element.at ? x.element.at < y.element.at : x.offset < y.offset
        }.map(\.element)
    }

    /// Saves the entries (the newest `FollowUpData.historyLimit`) durably; the folder is made
    /// 0700 and the file 0600.
    func write(_ entries: [HistoryEntry]) throws(StoreError) {
        try DataFile.makeFolder(folder)
        let kept = entries.suffix(FollowUpData.historyLimit)
        let root: JSONValue = .object([
            "dataFile": .string(dataPath),
            "entries": .array(kept.map(DataCodec.encode)),
        ])
        try DataFile.writeDurably(JSONWriter.canonical(root), to: path, folder: folder)
    }
}
