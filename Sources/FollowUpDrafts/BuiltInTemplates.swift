/// The drafts' built-in templates, compiled into the binary (a binary copied alone keeps them).
/// A file of the same name plus `.mustache` in `$XDG_CONFIG_HOME/followup/templates/` replaces one;
/// `followup draft --template NAME` prints one to start from.
enum BuiltInTemplates {
    static let all: [(String, String)] = [
        ("thank-you", thankYou), ("closing-thank-you", closingThankYou), ("check-in-email", checkInEmail), ("check-in-call", checkInCall),
    ]

    /// 001: brief, something learned, a skill not mentioned, and some variety among the notes to
    /// several interviewers: each interviewer of one interview gets the next variant.
    static let thankYou = """
        To: {{to}}
        Subject: {{#variant1}}Thank you — {{role}}{{/variant1}}{{#variant2}}Our conversation about the {{role}} role{{/variant2}}{{#variant3}}Following our interview {{when}}{{/variant3}}

        Dear {{greeting}},

        {{#variant1}}
        Thank you for taking the time to speak with me {{when}} about the {{role}} role at {{employer}}.
        {{/variant1}}
        {{#variant2}}
        I enjoyed our conversation {{when}} and want to thank you for the time you gave me while I interviewed for the {{role}} role at {{employer}}.
        {{/variant2}}
        {{#variant3}}
        Many thanks for meeting with me {{when}}. Hearing your view of the {{role}} role and of the team at {{employer}} was the part of the day I learned most from.
        {{/variant3}}

        [Something you learned in the interview{{#severalInterviewers}}, from this person in particular{{/severalInterviewers}}.]
        [A skill or achievement relevant to the job that you did not get to mention.]

        {{#variant1}}
        I am very interested in the position and in {{employer}}, and I would be glad to provide anything else you need.
        {{/variant1}}
        {{#variant2}}
        Our conversation made me even keener on the role; please let me know if I can send anything that would help.
        {{/variant2}}
        {{#variant3}}
        I would be glad to follow up on anything we touched on, and I look forward to hearing about the next step.
        {{/variant3}}

        {{#hasNotes}}
        (Your notes from the interview, to draw on — delete before sending:)
        {{#notes}}
          - {{.}}
        {{/notes}}

        {{/hasNotes}}
        {{#variant1}}Best regards,{{/variant1}}{{#variant2}}Kind regards,{{/variant2}}{{#variant3}}With thanks,{{/variant3}}
        {{signature}}

        """

    static let closingThankYou = """
        To: {{to}}
        Subject: Thank you — {{role}}

        Dear {{greeting}},

        Thank you for letting me know, and for the time you and the team gave me during the process for the {{role}} role. I enjoyed learning about {{employer}} and would welcome the chance to be considered for future openings.

        Best regards,
        {{signature}}

        """

    static let checkInEmail = """
        To: {{to}}
        Subject: Following up — {{role}}

        Dear {{greeting}},

        I hope you are well. I wanted to follow up on my application for the {{role}} role at {{employer}}. I remain very interested in the position and would be glad to provide any further information you need.

        Could you let me know when I might expect to hear about the next step?

        Best regards,
        {{signature}}

        """

    static let checkInCall = """
        Call {{name}}{{#phone}} at {{phone}}{{/phone}}
        {{callWindow}}

        If they answer:
          Hello {{greeting}}, this is {{me}}. I interviewed for the {{role}} role {{when}}. I wanted to say I am still very interested, and to ask whether there is anything else you need from me, and when I can expect to hear about the next step.

        Voicemail (keep it under 30 seconds):
          Hello {{greeting}}, this is {{me}}, following up on the {{role}} role. I remain very interested and am happy to send anything that would help. You can reach me at [your number]. Thank you!

        """
}
