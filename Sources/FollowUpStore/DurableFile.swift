/// Files followup writes besides the data file (exports): replaced the way the data file is,
/// through a private temporary file, fsync and rename, so a reader never sees half of one.
public enum DurableFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        try DataFile.writeDurably(bytes, to: path, folder: folder)
    }
}
