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

    /// A result handed from one thread to another, read only after the semaphore says so.
    private final class Box<A>: @unchecked Sendable {
        var value: A?
    }

    private final class Shared<A>: @unchecked Sendable {
        let work: () -> A
        init(_ work: @escaping () -> A) { self.work = work }
    }
}
