#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A data file's bytes mapped into memory read-only, for a change made on part of the file: the
/// file's own pages as the kernel keeps them, not copied into fresh memory (which for 54 MB
/// costs some 40 ms, and mapping them 4). The pages are the file's: a program that writes the
/// file in place meanwhile (followup never does, it replaces the file) is seen, so a save made
/// from a mapping hashes it again before it takes the file's place (see `DataFile.transaction`);
/// one that cuts the file short makes a read past its new end fault, and followup then stops
/// with a message, having saved nothing.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether `bytes` are mapped (else allocated: a copy).
    private let mapped: Bool

    private init(_ bytes: UnsafeBufferPointer<UInt8>, mapped: Bool = true) {
        self.bytes = bytes
        self.mapped = mapped
    }

    /// Bytes held as a mapping's are, copied (for tests).
    convenience init(copying bytes: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        self.init(UnsafeBufferPointer(buffer), mapped: false)
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped {
            if bytes.count > 0 { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        } else {
            UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        }
    }

    /// The file at `path` mapped; nil when there is none; refused as `DataFile.readBytes` refuses.
    static func map(_ path: String) throws(StoreError) -> MappedFile? {
        guard let (fd, size) = try DataFile.openRegular(path) else { return nil }
        defer { close(fd) }
        guard size > 0 else { return MappedFile(UnsafeBufferPointer(start: nil, count: 0)) }
        _ = MappedFile.stopOnFault
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw StoreError.io(path: path, message: "cannot read: \(DataFile.errorText())")
        }
        return MappedFile(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// The bytes, copied.
    var copy: [UInt8] { Array(bytes) }

    /// Makes a fault in a mapped file (it was cut short) end the process with a message rather
    /// than a crash: nothing is saved before the mapping has been read whole.
    private static let stopOnFault: Void = {
        _ = faultMessage
        signal(SIGBUS) { _ in
            _ = write(2, faultMessage.baseAddress, faultMessage.count)
            _exit(3)
        }
    }()
}

/// What a fault in a mapped data file says, made before any fault can happen (a signal handler
/// must not allocate).
nonisolated(unsafe) private let faultMessage: UnsafeBufferPointer<UInt8> = {
    let text = Array("followup: the data file was cut short while it was being read (another program is writing it); nothing was saved\n".utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
    _ = buffer.initialize(from: text)
    return UnsafeBufferPointer(buffer)
}()
