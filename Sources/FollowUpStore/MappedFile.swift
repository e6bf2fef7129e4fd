#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Platform

/// A data file's bytes mapped into memory read-only, for a change made on part of the file and
/// the first read after a save: the file's own pages as the kernel keeps them, not copied into
/// fresh memory (which for 54 MB costs some 40 ms, and mapping them 4). The pages are the
/// file's: a program that writes the file in place meanwhile (followup never does, it replaces
/// the file) is seen, so whoever reads a mapping hashes it after copying from it (see
/// `DataFile.transaction`); one that cuts the file short makes a read past its new end fault,
/// and followup then stops with a message, having saved nothing. Where the file cannot be
/// mapped, it is read.
final class MappedFile: @unchecked Sendable {
    /// The bytes; valid while this lives (see `withBytes`).
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether `bytes` are mapped (else allocated: a copy).
    private let mapped: Bool
    /// Its place among the mappings a fault is looked for in.
    private let slot: Int?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, mapped: Bool) {
        self.bytes = bytes
        self.mapped = mapped
        slot = mapped ? Faults.watch(bytes) : nil
    }

    /// Bytes held as a mapping's are, copied.
    convenience init(copying bytes: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        self.init(UnsafeBufferPointer(buffer), mapped: false)
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped {
            slot.map(Faults.unwatch)
            if bytes.count > 0 { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        } else {
            UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        }
    }

    /// The file at `path` mapped; nil when there is none; refused as `DataFile.readBytes` refuses.
    static func map(_ path: String) throws(StoreError) -> MappedFile? {
        guard let (fd, size) = try DataFile.openRegular(path) else { return nil }
        close(fd)
        guard size > 0 else { return MappedFile(copying: []) }
        let again = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if again >= 0 {
            defer { close(again) }
            Faults.handle()
            if let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, again, 0), base != MAP_FAILED {
                return MappedFile(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size), mapped: true)
            }
        }
        // A file system that maps nothing, or no room to map it: read.
        return try DataFile.readBytes(path).map(MappedFile.init(copying:))
    }

    /// The first `size` bytes of the file open at `fd` mapped; nil when they cannot be.
    static func map(fd: Int32, size: Int) -> MappedFile? {
        guard size > 0 else { return nil }
        Faults.handle()
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return MappedFile(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size), mapped: true)
    }

    /// `body` with the bytes, this kept alive (and so mapped) until it returns.
    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(self) {} }
        return try body(bytes)
    }
}

/// The mappings of data files alive now, for the fault handler: a fault in one of them (the file
/// was cut short) ends the process with a message; any other fault goes on to the action there
/// was before (the dashboard's, which gives the terminal back, or the default).
private enum Faults {
    static let slots = 8
    /// Start and end addresses of each slot (0, 0: free), read by the handler.
    nonisolated(unsafe) static let ranges: UnsafeMutablePointer<UInt> = {
        let p = UnsafeMutablePointer<UInt>.allocate(capacity: 2 * slots)
        p.initialize(repeating: 0, count: 2 * slots)
        return p
    }()
    nonisolated(unsafe) static var previous = sigaction()
    /// For the slots (not taken by the handler, which only reads them).
    static let lock = NSLock()

    /// What a fault in a mapped data file says, made before any fault can happen (a signal
    /// handler must not allocate).
    nonisolated(unsafe) static let message: UnsafeBufferPointer<UInt8> = {
        let text = Array("followup: the data file was cut short while it was being read (another program is writing it); nothing was saved\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
        _ = buffer.initialize(from: text)
        return UnsafeBufferPointer(buffer)
    }()

    /// Installs the handler once, keeping the action it replaces.
    static func handle() { _ = installed }

    private static let installed: Void = {
        _ = ranges
        _ = message
        previous = Platform.set(SIGBUS, Platform.action(info: { _, info, _ in
            let address = info.map(Platform.faultAddress) ?? 0
            var ours = false
            for i in 0..<Faults.slots where Faults.ranges[2 * i] <= address && address < Faults.ranges[2 * i + 1] { ours = true }
            if ours { _ = write(2, Faults.message.baseAddress, Faults.message.count) }
            // The action before takes over; the access faults again and meets it.
            var before = Faults.previous
            sigaction(SIGBUS, &before, nil)
            if ours, Platform.isDefault(SIGBUS) { _exit(3) }
        }))
    }()

    /// Watches a mapping; its slot, or nil when all are taken (a fault there then crashes).
    static func watch(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        return lock.withLock {
            for i in 0..<slots where ranges[2 * i + 1] == 0 {
                ranges[2 * i] = UInt(bitPattern: base)
                ranges[2 * i + 1] = UInt(bitPattern: base) + UInt(bytes.count)
                return i
            }
            return nil
        }
    }

    static func unwatch(_ slot: Int) {
        lock.withLock {
            ranges[2 * slot] = 0
            ranges[2 * slot + 1] = 0
        }
    }

}
