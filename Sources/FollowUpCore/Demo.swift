/// Sample data dated around a given day, for `followup --demo`: every kind of task, a struck-out
/// employer, names in several scripts.
public enum Demo {
    public static func data(today: Day, zone: Zone) -> FollowUpData {
        var builder = Builder(today: today, zone: zone)
        return builder.build()
    }

    struct Builder {
        let today: Day
        let zone: Zone
        var apps: [Application] = []

        init(today: Day, zone: Zone) {
            self.today = today
            self.zone = zone
        }

        /// A business-ish day `offset` days from today at a time.
        func at(_ offset: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
            zone.instantLenient(today.adding(days: offset), hour: hour, minute: minute)
        }

        mutating func build() -> FollowUpData {
            let created = at(-30, 9)

            // Interviewed yesterday by two people: two thank-you notes, one already overdue soon;
            // they asked for references.
            var acme = Application(id: "acme-7f3k", employer: "Acme Corp", role: "Staff Engineer",
                                   decisionBy: today.adding(days: 4), createdAt: created)
            acme.contacts = [
                Contact(id: "dana-lee-x81c", name: "Dana Lee", title: "Engineering Manager", role: .hiringManager,
                        email: "dana.lee@acme.example", phone: "+1 555 0100", mayCall: true, createdAt: created),
                Contact(id: "raj-patel-p2q9", name: "Raj Patel", title: "Principal Engineer", role: .interviewer,
                        email: "raj@acme.example", createdAt: created),
            ]
            acme.interviews = [
                Interview(id: "iv-q2m1", at: at(-1, 14), kind: .onsite, minutes: 90, round: 2,
                          with: ["dana-lee-x81c", "raj-patel-p2q9"], decisionBy: today.adding(days: 4), travel: true,
                          createdAt: created),
            ]
            // After the interview they asked for references: answer within a day, brief them.
            acme.events = [
                Event(id: "request-j9k0", kind: .request, at: at(-1, 16, 30), contact: "dana-lee-x81c", about: .references,
                      text: "Two references, one a former manager"),
            ]

            // A recruiter who may be called, a check-in due today.
            var globex = Application(id: "globex-9x2a", employer: "Globex", role: "Site Reliability Engineer",
                                     createdAt: created)
            globex.contacts = [
                Contact(id: "sam-ray-1b2c", name: "Sam Ray", role: .recruiter, email: "sam@globex.example",
                        phone: "+1 555 0199", mayCall: true, createdAt: created),
                Contact(id: "lee-wong-3d4e", name: "Lee Wong", role: .interviewer, email: "lee@globex.example", createdAt: created),
            ]
            globex.interviews = [
                Interview(id: "iv-g7h8", at: at(-12, 10), kind: .video, with: ["lee-wong-3d4e"],
                          decisionBy: today.adding(days: -1), createdAt: created),
            ]
            globex.events = [
                Event(id: "thank-you-5f6g", kind: .thankYou, at: at(-12, 18), contact: "lee-wong-3d4e", channel: .email),
                Event(id: "note-7h8i", kind: .note, at: at(-12, 19), text: "Good on incidents; they worry about on-call experience."),
            ]

            // Two unanswered check-ins.
            var initech = Application(id: "initech-2k4m", employer: "Initech", role: "Backend Developer", createdAt: created)
            initech.contacts = [
                Contact(id: "bill-lumbergh-9z8y", name: "Bill Lumbergh", role: .hiringManager, email: "bill@initech.example",
                        createdAt: created),
            ]
            initech.interviews = [
                Interview(id: "iv-i1n2", at: at(-24, 11), kind: .phone, with: ["bill-lumbergh-9z8y"],
                          decisionBy: today.adding(days: -17), createdAt: created),
            ]
            initech.events = [
                Event(id: "thank-you-a1b2", kind: .thankYou, at: at(-24, 17), contact: "bill-lumbergh-9z8y"),
                Event(id: "note-c3d4", kind: .note, at: at(-24, 18)),
                Event(id: "check-in-e5f6", kind: .checkIn, at: at(-15, 10, 30), contact: "bill-lumbergh-9z8y", channel: .email),
                Event(id: "check-in-g7h8", kind: .checkIn, at: at(-8, 10, 15), contact: "bill-lumbergh-9z8y", channel: .email),
            ]

            // Three strikes: time to move on.
            var umbrella = Application(id: "umbrella-5t6u", employer: "Umbrella", role: "Platform Engineer", createdAt: created)
            umbrella.contacts = [Contact(id: "ada-wong-7v8w", name: "Ada Wong", role: .recruiter, email: "ada@umbrella.example", createdAt: created)]
            umbrella.interviews = [Interview(id: "iv-u3m4", at: at(-29, 15), kind: .video, with: ["ada-wong-7v8w"], createdAt: created)]
            umbrella.events = [
                Event(id: "thank-you-u5v6", kind: .thankYou, at: at(-29, 19), contact: "ada-wong-7v8w"),
                Event(id: "note-u7w8", kind: .note, at: at(-29, 20)),
                Event(id: "check-in-u1a1", kind: .checkIn, at: at(-22, 10), channel: .email),
                Event(id: "check-in-u2b2", kind: .checkIn, at: at(-15, 10), channel: .voicemail),
                Event(id: "check-in-u3c3", kind: .checkIn, at: at(-8, 10), channel: .email),
            ]

            // A next round booked for the day after tomorrow: prepare for it.
            var hooli = Application(id: "hooli-8p9q", employer: "Hooli", role: "Product Engineer", createdAt: created)
            hooli.contacts = [
                Contact(id: "ana-cruz-4r5s", name: "Ana Cruz", role: .hiringManager, email: "ana@hooli.example", createdAt: created),
            ]
            hooli.interviews = [
                Interview(id: "iv-h1a2", at: at(-9, 13), kind: .video, with: ["ana-cruz-4r5s"], createdAt: created),
                Interview(id: "iv-h3b4", at: at(2, 10), kind: .onsite, round: 2, with: ["ana-cruz-4r5s"], travel: true, createdAt: created),
            ]
            hooli.events = [
                Event(id: "thank-you-h5c6", kind: .thankYou, at: at(-9, 18), contact: "ana-cruz-4r5s"),
                Event(id: "note-h7d8", kind: .note, at: at(-9, 19)),
                Event(id: "invited-h9e0", kind: .invited, at: at(-3, 11), contact: "ana-cruz-4r5s"),
            ]

            // Names in other scripts; a rejection still owed a thank-you.
            var nihon = Application(id: "nihon-shoji-6x7y", employer: "日本商事", role: "ソフトウェアエンジニア", createdAt: created)
            nihon.contacts = [
                Contact(id: "sato-yuki-8a9b", name: "佐藤 由紀", role: .recruiter, email: "sato@nihon.example", createdAt: created),
            ]
            nihon.interviews = [Interview(id: "iv-n1c2", at: at(-10, 9), kind: .video, with: ["sato-yuki-8a9b"], createdAt: created)]
            nihon.events = [
                Event(id: "thank-you-n3d4", kind: .thankYou, at: at(-10, 20), contact: "sato-yuki-8a9b"),
                Event(id: "note-n5e6", kind: .note, at: at(-10, 21)),
                Event(id: "rejected-n7f8", kind: .rejected, at: at(0, 8), contact: "sato-yuki-8a9b"),
            ]

            var zoe = Application(id: "societe-generale-3g4h", employer: "Société Générale", role: "Ingénieure DevOps",
                                  timeZone: "Europe/Paris", createdAt: created)
            zoe.contacts = [
                Contact(id: "zoe-muller-5i6j", name: "Zoë Müller", role: .hiringManager, email: "zoe@sg.example",
                        phone: "+33 1 00 00 00 00", timeZone: "Europe/Paris", mayCall: true, createdAt: created),
            ]
            zoe.interviews = [Interview(id: "iv-s7k8", at: at(-8, 9), kind: .video, with: ["zoe-muller-5i6j"], createdAt: created)]
            zoe.events = [
                Event(id: "thank-you-s9l0", kind: .thankYou, at: at(-8, 15), contact: "zoe-muller-5i6j"),
                Event(id: "note-s1m2", kind: .note, at: at(-8, 16)),
                Event(id: "expenses-submitted-s3n4", kind: .expensesSubmitted, at: at(-33, 12)),
            ]

            apps = [acme, globex, initech, umbrella, hooli, nihon, zoe]
            for i in apps.indices {
                for j in apps[i].events.indices {
                    apps[i].events[j].createdAt = apps[i].events[j].at
                    apps[i].events[j].updatedAt = apps[i].events[j].at
                }
            }
            return FollowUpData(settings: Settings(name: "Alex Doe", signature: "Alex"), applications: apps)
        }
    }
}
