#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What names the bytes of a data file that a cache in the state folder was made from (the
/// mark of the last save, the index): their SipHash-1-3 under a 128-bit key made at random once
/// per state folder (`content-hash.key`, 0600). Keyed, so that bytes other than those hashed
/// meet the same hash by chance alone — an edit cannot be made to collide without the key,
/// which only the state folder's owner can read. A damaged key is made again; a folder where
/// none can be written hashes with a fixed one (no cache can be written there either).
enum ContentHash {
    static func hash(_ bytes: [UInt8], stateFolder: String) -> UInt64 {
        let (k0, k1) = key(stateFolder)
        return bytes.withUnsafeBytes { sipHash13($0, k0, k1) }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var keys: [String: (UInt64, UInt64)] = [:]

    /// The folder's key: read, else made (by the first process to create the file).
    static func key(_ folder: String) -> (UInt64, UInt64) {
        lock.lock()
        defer { lock.unlock() }
        if let known = keys[folder] { return known }
        let path = folder + "/content-hash.key"
        var found = read(path)
        if found == nil {
            try? DataFile.makeFolder(folder)
            var random = SystemRandomNumberGenerator()
            let made = (random.next() as UInt64, random.next() as UInt64)
            let text = Array((String(made.0, radix: 16) + " " + String(made.1, radix: 16) + "\n").utf8)
            // Twice at most: a damaged key is made again (the caches it named are then not used).
            for _ in 0..<2 where found == nil {
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                if fd >= 0 {
                    let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    close(fd)
                    if written == text.count { found = made }
                    break
                }
                // Another process made it first, or it is damaged.
                found = read(path)
                if found == nil { unlink(path) }
            }
        }
        let key = found ?? (0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908)
        keys[folder] = key
        return key
    }

    private static func read(_ path: String) -> (UInt64, UInt64)? {
        guard let bytes = try? DataFile.readBytes(path), bytes.count < 64 else { return nil }
        let parts = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count == 2, let a = UInt64(parts[0], radix: 16), let b = UInt64(parts[1], radix: 16) else { return nil }
        return (a, b)
    }

    static func hash(_ bytes: UnsafeRawBufferPointer, stateFolder: String) -> UInt64 {
        let (k0, k1) = key(stateFolder)
        return sipHash13(bytes, k0, k1)
    }

    /// The hash of the bytes `pieces` hands over one after another.
    static func hash(stateFolder: String, _ pieces: ((UnsafeRawBufferPointer) -> Void) -> Void) -> UInt64 {
        let (k0, k1) = key(stateFolder)
        var hasher = SipHasher13(k0, k1)
        pieces { hasher.add($0) }
        return hasher.finish()
    }

    /// SipHash-1-3 (Aumasson and Bernstein): one compression round per eight bytes, three to finish.
    static func sipHash13(_ bytes: UnsafeRawBufferPointer, _ k0: UInt64, _ k1: UInt64) -> UInt64 {
        var hasher = SipHasher13(k0, k1)
        hasher.add(bytes)
        return hasher.finish()
    }

    /// SipHash-1-3 of bytes given a piece at a time.
    struct SipHasher13 {
        var v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64
        /// Bytes of a word not yet complete, the first in the lowest bits.
        var pending: UInt64 = 0
        var pendingCount = 0
        var length = 0

        init(_ k0: UInt64, _ k1: UInt64) {
            v0 = 0x736F_6D65_7073_6575 ^ k0
            v1 = 0x646F_7261_6E64_6F6D ^ k1
            v2 = 0x6C79_6765_6E65_7261 ^ k0
            v3 = 0x7465_6462_7974_6573 ^ k1
        }

        @inline(__always)
        mutating func compress(_ m: UInt64) {
            v3 ^= m
            ContentHash.round(&v0, &v1, &v2, &v3)
            v0 ^= m
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            let n = bytes.count
            length += n
            var i = 0
            if pendingCount > 0 {
                while pendingCount < 8, i < n {
                    pending |= UInt64(bytes[i]) << UInt64(8 * pendingCount)
                    pendingCount += 1
                    i += 1
                }
                guard pendingCount == 8 else { return }
                compress(pending)
                pending = 0
                pendingCount = 0
            }
            var a = v0, b = v1, c = v2, d = v3
            while i + 8 <= n {
                let m = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                d ^= m
                ContentHash.round(&a, &b, &c, &d)
                a ^= m
                i += 8
            }
            v0 = a; v1 = b; v2 = c; v3 = d
            while i < n {
                pending |= UInt64(bytes[i]) << UInt64(8 * pendingCount)
                pendingCount += 1
                i += 1
            }
        }

        mutating func finish() -> UInt64 {
            let last = UInt64(truncatingIfNeeded: length) << 56 | pending
            compress(last)
            v2 ^= 0xFF
            ContentHash.round(&v0, &v1, &v2, &v3)
            ContentHash.round(&v0, &v1, &v2, &v3)
            ContentHash.round(&v0, &v1, &v2, &v3)
            return v0 ^ v1 ^ v2 ^ v3
        }
    }

    @inline(__always)
    fileprivate static func round(_ v0: inout UInt64, _ v1: inout UInt64, _ v2: inout UInt64, _ v3: inout UInt64) {
        v0 &+= v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
        v2 &+= v3; v3 = rotate(v3, 16); v3 ^= v2
        v0 &+= v3; v3 = rotate(v3, 21); v3 ^= v0
        v2 &+= v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x &<< r) | (x &>> (64 - r)) }
}
