import Dispatch

/// Work on another core while this thread does something else: the disk taking a save, or the
/// other half of a read or a schedule (the machines followup runs on have two cores or more).
public enum Concurrently {
    /// `work` on another thread while `meanwhile` runs on this one; `work`'s result, once both
    /// are done (also when `meanwhile` throws).
    public static func run<A, E: Error>(_ work: @escaping @Sendable () -> A, meanwhile: () throws(E) -> Void) throws(E) -> A {
        let box = Box<A>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            box.value = work()
            done.signal()
        }
        let result: Result<Void, E>
        do { try meanwhile(); result = .success(()) } catch { result = .failure(error) }
        done.wait()
        try result.get()
        return box.value!
    }

    /// `run` for work that reads values this thread holds too (neither side changes them): they
    /// are shared only until both are done.
    public static func run<A>(sharing work: @escaping () -> A, meanwhile: () -> Void) -> A {
        let shared = Shared(work)
        return run({ shared.work() }, meanwhile: meanwhile)
    }

    /// From how many items a piece of work is split over two cores (below, starting the other
    /// thread costs more than it saves).
    public static let many = 64

    /// `work` over `0..<count`, its results joined in order: when there are `many` or more, the
    /// later half on another core meanwhile. `work` may read what this thread holds, as
    /// `run(sharing:)`.
    public static func inHalves<T>(_ count: Int, _ work: @escaping (Range<Int>) -> [T]) -> [T] {
        guard count >= many else { return work(0..<count) }
        let half = count / 2
        var first: [T] = []
        let later = run(sharing: { work(half..<count) }, meanwhile: { first = work(0..<half) })
        first.append(contentsOf: later)
        return first
    }

    /// `inHalves` for work in a zone: the later half with a zone of its own (`Zone.detached`),
    /// so that the two never wait on one cache's lock.
    public static func inHalves<T>(_ count: Int, zone: Zone, _ work: @escaping (Range<Int>, Zone) -> [T]) -> [T] {
        let other = count >= many ? zone.detached() : zone
        return inHalves(count) { range in work(range, range.lowerBound == 0 ? zone : other) }
    }

    /// A result handed from one thread to another, read only after the semaphore says so.
    private final class Box<A>: @unchecked Sendable {
        var value: A?
    }

    private final class Shared<A>: @unchecked Sendable {
        let work: () -> A
        init(_ work: @escaping () -> A) { self.work = work }
    }
}
