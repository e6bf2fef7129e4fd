import Dispatch
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpStore
import FollowUpUI

/// The dashboard's saves, off the input path: each change is applied in memory and drawn at
/// once, while the durable save (lock, re-read, apply, fsync) runs here, in order, on a queue of
/// its own. A byte on `wake` tells the dashboard's loop, which is waiting for a key, that a save
/// has finished; `finished()` then hands over what happened.
final class SaveQueue: @unchecked Sendable {
    struct Finished: Sendable {
        /// The change saved; nil for a read of the file (another process changed it).
        let change: Change?
        /// The data as saved, or nil when the save failed.
        let data: FollowUpData?
        let recorded: String?
        /// Why it failed, in the words the dashboard shows.
        let error: String?
        /// For a read: the file's identity when it was read.
        var stamp: FileStamp? = nil
        /// Why the `post-change` hook failed, when it did (the change is saved).
        var hook: String? = nil
        /// The data's agenda at `now`, worked out here rather than on the input path; nil when
        /// another save was still to come (its data replaces this one).
        var agenda: Agenda? = nil
        /// Its ids, for the changes the dashboard makes in memory (with the agenda).
        var taken: TakenIDs? = nil
        var now: Instant? = nil
    }

    private let queue = DispatchQueue(label: "followup.saves")
    private let lock = NSLock()
    private var done: [Finished] = []
    private var running = 0
    private var reading = false
    /// Readable when a save has finished.
    let wake: Int32
    private let notify: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        wake = fds[0]
        notify = fds[1]
        _ = fcntl(wake, F_SETFL, O_NONBLOCK)
        _ = fcntl(wake, F_SETFD, FD_CLOEXEC)
        _ = fcntl(notify, F_SETFD, FD_CLOEXEC)
    }

    deinit {
        close(wake)
        close(notify)
    }

    /// Saves a change through the actions layer and the write path, after those before it.
    func submit(_ change: Change, _ ctx: Context) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            var finished: Finished
            do {
                let (result, hook) = try ctx.applyTelling(change, quiet: true)
                finished = Finished(change: change, data: result.data, recorded: result.recorded, error: nil, hook: hook)
                if lock.withLock({ running == 1 }) {
                    finished.agenda = Rules.schedule(result.data, zone: ctx.zone, now: ctx.now)
                    finished.taken = TakenIDs(result.data)
                    finished.now = ctx.now
                }
            } catch {
                finished = Finished(change: change, data: nil, recorded: nil, error: Sentence.of(error, for: .screen))
            }
            lock.withLock {
                done.append(finished)
                running -= 1
            }
            var byte: UInt8 = 1
            _ = write(notify, &byte, 1)
        }
    }

    /// Reads the file again (another process changed it), off the input path; one at a time.
    func reload(_ ctx: Context) {
        let busy: Bool = lock.withLock {
            if reading { return true }
            reading = true
            return false
        }
        if busy { return }
        queue.async { [self] in
            let stamp = FileStamp(ctx.file.path)
            var finished: Finished
            do {
                let data = try ctx.file.load() ?? FollowUpData()
                try Context.refuseNumbersOutOfRange(data, path: ctx.file.path)
                finished = Finished(change: nil, data: data, recorded: nil, error: nil)
                finished.agenda = Rules.schedule(data, zone: ctx.zone, now: ctx.now)
                finished.taken = TakenIDs(data)
                finished.now = ctx.now
            } catch {
                finished = Finished(change: nil, data: nil, recorded: nil, error: Sentence.of(error, for: .screen))
            }
            finished.stamp = stamp
            lock.withLock {
                done.append(finished)
                reading = false
            }
            var byte: UInt8 = 1
            _ = write(notify, &byte, 1)
        }
    }

    /// Whether a save is still on its way.
    var pending: Bool { lock.withLock { running > 0 } }

    /// Whether a read of the file is on its way.
    var loading: Bool { lock.withLock { reading } }

    /// The saves finished since the last look, in order.
    func finished() -> [Finished] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wake, &buffer, buffer.count) > 0 {}
        return lock.withLock {
            let list = done
            done = []
            return list
        }
    }

    /// Waits for every save on its way (before an undo, and on quitting).
    func waitForAll() { queue.sync {} }

    /// Lets what the dashboard replaced go here, off the input path.
    func letGo(_ leftovers: Leftovers) {
        queue.async { leftovers.drop() }
    }
}

/// What a new copy of the data replaces on screen — the data, its ids and its agenda — held
/// until the save queue lets it go: freeing ten thousand applications, a string at a time, takes
/// longer than a key should wait (about 0.1 s).
final class Leftovers: @unchecked Sendable {
    private var data: FollowUpData?
    private var taken: TakenIDs?
    private var agenda: Agenda?

    init(_ state: DashboardState) {
        data = state.data
        taken = state.takenIDs
        agenda = state.agenda
    }

    func drop() {
        data = nil
        taken = nil
        agenda = nil
    }
}
