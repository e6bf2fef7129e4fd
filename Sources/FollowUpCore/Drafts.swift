import Foundation

/// The guided note of 002's "take stock". (The drafts of notes, e-mails and calls come from
/// templates: FollowUpDrafts.)
public enum Drafts {
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
