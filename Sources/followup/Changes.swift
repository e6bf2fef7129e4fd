import FollowUpCore

/// The changes both the command line and the dashboard make, so each is written once.
extension Context {
    /// Logs the event that satisfies a task; returns its id (nil for a task no event satisfies,
    /// which is remembered as done instead).
    func markDone(_ taskID: String, channel: Channel?, at when: Instant? = nil, text: String? = nil, in data: inout FollowUpData) throws -> String? {
        let agenda = Rules.schedule(data, zone: zone, now: now)
        guard let task = agenda.task(id: taskID) else {
            throw UserError("no task \(taskID) is open now; followup agenda lists them")
        }
        if task.kind == .checkIn, channel == nil {
            throw UserError("--channel is required for a check-in: call, voicemail, email or letter")
        }
        guard let kind = task.kind.satisfyingEvent else {
            // Preparing is satisfied by the interview itself: remember that it was done.
            if !data.dismissals.contains(where: { $0.taskID == task.id }) {
                data.dismissals.append(Dismissal(taskID: task.id, updatedAt: now))
            }
            return nil
        }
        guard let index = data.index(ofApplication: task.app) else { throw UserError("the application of \(taskID) is gone") }
        let id = mint(kind.rawValue, fallback: "event", in: data)
        data.applications[index].events.append(Event(
            id: id, kind: kind, at: when ?? now, contact: task.contact, channel: channel ?? (task.kind == .checkIn ? nil : task.channel),
            text: text?.nonBlank ?? (task.kind == .takeStock ? "Took stock of the interview" : nil),
            answers: task.kind == .respond ? task.anchor : nil, createdAt: now))
        // The event must do what was asked: one dated before the task's reason would not.
        if let still = Rules.schedule(data, zone: zone, now: now).task(id: taskID), !still.isHidden {
            throw UserError("--at \(zone.localize(when ?? now).wallClock.day) is too early to satisfy \(taskID): it must be after what it answers (opened \(zone.localize(task.opensAt).description))")
        }
        return id
    }

    func snooze(_ taskID: String, until: Day, in data: inout FollowUpData) throws {
        guard until > today else { throw UserError("--until must be after today (\(today))") }
        guard Rules.schedule(data, zone: zone, now: now).task(id: taskID) != nil else {
            throw UserError("no task \(taskID) is open now; followup agenda lists them")
        }
        data.snoozes.removeAll { $0.taskID == taskID }
        data.snoozes.append(FollowUpCore.Snooze(taskID: taskID, until: until, updatedAt: now))
    }

    func dismiss(_ taskID: String, in data: inout FollowUpData) throws {
        guard Rules.schedule(data, zone: zone, now: now).task(id: taskID) != nil else {
            throw UserError("no task \(taskID) is open now; followup agenda lists them")
        }
        if !data.dismissals.contains(where: { $0.taskID == taskID }) {
            data.dismissals.append(Dismissal(taskID: taskID, updatedAt: now))
        }
    }

    /// A reply from the employer, now: it resets their strikes.
    func logReply(app: String, contact: String?, in data: inout FollowUpData) throws -> String {
        guard let index = data.index(ofApplication: app) else { throw UserError("that application is gone") }
        let id = mint("response", fallback: "event", in: data)
        data.applications[index].events.append(Event(id: id, kind: .response, at: now, contact: contact, createdAt: now))
        return id
    }
}
