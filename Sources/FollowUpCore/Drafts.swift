import Foundation

/// First drafts a person edits before sending: a thank-you note (001: brief, something learned,
/// a skill not yet mentioned; 003: the talking points, your interest), a check-in email or a
/// voicemail script (001: short, positive, offer anything they need).
public enum Drafts {
    public static func text(for task: FollowUpTask, in data: FollowUpData, zone: Zone) -> String {
        let app = data.application(id: task.app)
        let person = task.contact.flatMap { app?.contact(id: $0) }
        let first = person.map { String($0.name.split(separator: " ").first ?? Substring($0.name)) } ?? "there"
        let me = data.settings.name ?? "[your name]"
        let signature = data.settings.signature ?? me
        let role = app?.role ?? "the role"
        let employer = task.employer
        let interview = app?.interviews.first { $0.id == task.anchor }
        let when = interview.map { "on \(zone.day(of: $0.at).short)" } ?? "recently"
        let points = app?.events.filter { e in
            e.kind == .note && interview.map { e.at >= $0.at } ?? true
        }.compactMap(\.text) ?? []

        switch task.kind {
        case .thankYou, .closingThankYou:
            var lines = ["To: \(person?.email ?? person?.name ?? employer)",
                         "Subject: Thank you — \(role)", "",
                         "Dear \(first),", ""]
            if task.kind == .closingThankYou {
                lines += ["Thank you for letting me know, and for the time you and the team gave me during the process for the \(role) role. I enjoyed learning about \(employer) and would welcome the chance to be considered for future openings.", ""]
            } else {
                lines += ["Thank you for taking the time to speak with me \(when) about the \(role) role at \(employer).",
                          "", "[Something you learned in the interview.]",
                          "[A skill or achievement relevant to the job that you did not get to mention.]", "",
                          "I am very interested in the position and in \(employer), and I would be glad to provide anything else you need.", ""]
                if !points.isEmpty {
                    lines += ["(Your notes from the interview, to draw on — delete before sending:)"] + points.map { "  - \($0)" } + [""]
                }
            }
            lines += ["Best regards,", signature]
            return lines.joined(separator: "\n") + "\n"
        case .checkIn where task.channel == .call || task.channel == .voicemail:
            return [
                "Call \(person?.name ?? employer)\(person?.phone.map { " at \($0)" } ?? "")",
                task.callWindow.map { "Between \(zone.clock($0.lowerBound)) and \(zone.clock($0.upperBound)), your time." } ?? "",
                "",
                "If they answer:",
                "  Hello \(first), this is \(me). I interviewed for the \(role) role \(when). I wanted to say I am still very interested, and to ask whether there is anything else you need from me, and when I can expect to hear about the next step.",
                "",
                "Voicemail (keep it under 30 seconds):",
                "  Hello \(first), this is \(me), following up on the \(role) role. I remain very interested and am happy to send anything that would help. You can reach me at [your number]. Thank you!",
            ].joined(separator: "\n") + "\n"
        case .checkIn:
            return [
                "To: \(person?.email ?? person?.name ?? employer)",
                "Subject: Following up — \(role)", "",
                "Dear \(first),", "",
                "I hope you are well. I wanted to follow up on my application for the \(role) role at \(employer). I remain very interested in the position and would be glad to provide any further information you need.",
                "", "Could you let me know when I might expect to hear about the next step?", "",
                "Best regards,", signature,
            ].joined(separator: "\n") + "\n"
        default:
            return "\(task.reason)\n\n\(task.advice ?? "")\n"
        }
    }

    /// The questions of 002's "take stock", for the guided note.
    public static let takeStockQuestions = [
        "What went well?", "What could have gone better?", "What did they respond well to?", "What are their likely reservations?",
    ]

    /// The guided note to fill in: each question as a `#` line, room for the answer below it.
    public static func takeStockTemplate(for task: FollowUpTask, in data: FollowUpData, zone: Zone) -> String {
        let interview = data.application(id: task.app)?.interviews.first { $0.id == task.anchor }
        let when = interview.map { " (\(zone.day(of: $0.at).short))" } ?? ""
        var lines = ["# Take stock of the interview at \(task.employer)\(when) while it is fresh.",
                     "# Answer under each question; lines starting with # are left out. Save and quit to log the note.", ""]
        for question in takeStockQuestions { lines += ["# " + question, "", ""] }
        return lines.joined(separator: "\n")
    }

    /// The note a filled-in template gives: each answered question and its answer; nil when
    /// nothing was written.
    public static func takeStockNote(from text: String) -> String? {
        var parts: [String] = []
        var question: String?
        var answer: [String] = []
        func flush() {
            let body = answer.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if let question, !body.isEmpty { parts.append("\(question) \(body)") }
            answer = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let q = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                if takeStockQuestions.contains(q) {
                    flush()
                    question = q
                }
                continue
            }
            if !trimmed.isEmpty { answer.append(trimmed) }
        }
        flush()
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
