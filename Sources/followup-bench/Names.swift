/// The words a generated file is made of: people, employers and notes in several scripts, so that
/// a benchmark reads and measures the text real users have (accents, CJK, Cyrillic, Greek,
/// Arabic, Devanagari, emoji), not ASCII only.
enum Names {
    /// Given names and family names of one script; `familyFirst` names are written family first.
    struct Script {
        let weight: Int
        let given: [String]
        let family: [String]
        let familyFirst: Bool
        let separator: String
    }

    static let scripts: [Script] = [
        Script(weight: 40, given: [
            "José", "Zoë", "François", "Søren", "Łukasz", "Ana", "Dana", "Raj", "Sam", "Chloé", "Björn", "Inês",
            "Mehmet", "Hoa", "Antonín", "Siobhán", "Jürgen", "Renée", "Ólafur", "Maëlle", "Nuño", "Agnieszka",
            "Lee", "Priya", "Tomás", "Grete", "Émile", "Noémie", "Ciarán", "Dagný",
        ], family: [
            "Álvarez", "Müller", "Lefèvre", "Kierkegård", "Wróbel", "Cruz", "Lee", "Patel", "Ray", "Dubois",
            "Ålund", "Gonçalves", "Yılmaz", "Nguyễn", "Dvořák", "Ó Súilleabháin", "Straße", "Françoise",
            "Þórsson", "Le Goff", "Muñoz", "Szczęsna", "Wong", "Raman", "García-Márquez", "Søndergaard",
            "Brontë", "Nørgaard", "Mac Giolla Phádraig", "Hernández",
        ], familyFirst: false, separator: " "),
        Script(weight: 20, given: [
            "Alex", "Jordan", "Morgan", "Taylor", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Robin",
        ], family: [
            "Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Moore", "Clark", "Hall", "Young",
        ], familyFirst: false, separator: " "),
        Script(weight: 5, given: ["伟", "娜", "秀英", "敏", "静", "磊", "洋", "艳"], family: ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"],
               familyFirst: true, separator: ""),
        Script(weight: 5, given: ["美咲", "健", "陽翔", "結衣", "蓮", "さくら", "大輝"], family: ["田中", "佐藤", "鈴木", "高橋", "渡辺", "伊藤"],
               familyFirst: true, separator: " "),
        Script(weight: 3, given: ["민준", "지현", "서연", "도윤", "하은"], family: ["김", "박", "이", "최", "정"],
               familyFirst: true, separator: ""),
        Script(weight: 6, given: ["Анна", "Дмитрий", "Олена", "Сергей", "Мария", "Ёжик", "Юлия", "Никита"],
               family: ["Иванова", "Смирнов", "Коваленко", "Попов", "Кузнецова", "Соколов", "Волкова"],
               familyFirst: false, separator: " "),
        Script(weight: 4, given: ["Γιώργος", "Ελένη", "Δημήτρης", "Μαρία", "Νίκος", "Σοφία"],
               family: ["Παπαδόπουλος", "Νικολάου", "Γεωργίου", "Οικονόμου", "Αθανασίου"],
               familyFirst: false, separator: " "),
        Script(weight: 4, given: ["محمد", "فاطمة", "أحمد", "ليلى", "يوسف", "نور"], family: ["العلي", "الزهراء", "حداد", "منصور", "الخطيب"],
               familyFirst: false, separator: " "),
        Script(weight: 3, given: ["अनीता", "राहुल", "प्रिया", "अर्जुन"], family: ["शर्मा", "वर्मा", "गुप्ता", "सिंह"],
               familyFirst: false, separator: " "),
    ]

    static let totalWeight = scripts.reduce(0) { $0 + $1.weight }

    /// Employer names: a base and a legal form, in the same script; a division disambiguates.
    struct EmployerStem {
        let base: String
        let forms: [String]
    }

    static let employerStems: [EmployerStem] = {
        let latinForms = [
            "Corp", "Inc.", "GmbH", "S.A.", "AG", "Labs", "Ltd", "Group", "Systems", "Analytics", "SARL", "B.V.",
            "Software", "Technologies", "Health", "Robotics", "Cloud", "Bank", "Logistics", "Media", "Société Générale",
            "& Söhne", "Aktiebolag", "S.p.A.",
        ]
        let latin = [
            "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Wonka",
            "Aperture", "Nakatomi", "Oscorp", "Prestige", "Sirius", "Virtucon", "Monarch", "Gekko", "Bluth", "Duff",
            "Oceanic", "Dharma", "Stark", "Wayne", "Rekall", "Blue Sun", "Massive Dynamic", "Pied Piper",
            "Lumière", "Müller", "Köhler", "Ça Roule", "Øresund", "Łódź Digital", "Peñarol", "São Paulo Dados",
            "Zürcher", "Ångström", "Čapek", "Eðlisfræði", "Fjällräv", "Señor Datos", "Crème Brûlée", "Kraków Soft",
        ].map { EmployerStem(base: $0, forms: latinForms) }
        let other = [
            EmployerStem(base: "日本商事", forms: ["株式会社", "ホールディングス", "研究所"]),
            EmployerStem(base: "東京データ", forms: ["株式会社", "ラボ"]),
            EmployerStem(base: "大阪ロボティクス", forms: ["株式会社", "工業"]),
            EmployerStem(base: "上海云科技", forms: ["有限公司", "集团"]),
            EmployerStem(base: "北京数据", forms: ["有限公司", "研究院"]),
            EmployerStem(base: "深圳智造", forms: ["有限公司", "科技"]),
            EmployerStem(base: "서울소프트", forms: ["주식회사", "랩"]),
            EmployerStem(base: "한빛데이터", forms: ["주식회사", "그룹"]),
            EmployerStem(base: "Невские", forms: ["Технологии", "Лаборатории", "Системы"]),
            EmployerStem(base: "Северсталь", forms: ["Цифра", "Инжиниринг"]),
            EmployerStem(base: "Ωμέγα", forms: ["Λογισμικό", "Δεδομένα", "Συστήματα"]),
            EmployerStem(base: "Αθηνά", forms: ["Ψηφιακή", "Αναλυτική"]),
            EmployerStem(base: "شركة النور", forms: ["للتقنية", "القابضة"]),
            EmployerStem(base: "مختبرات الصحراء", forms: ["للبرمجيات", "الرقمية"]),
            EmployerStem(base: "टाटा", forms: ["डिजिटल", "सॉफ्टवेयर"]),
        ]
        return latin + other
    }()

    static let divisions = [
        "Europe", "Nord", "Cloud", "Payments", "Research", "Mobile", "Health", "Berlin", "Zürich", "Montréal",
        "Kraków", "São Paulo", "İstanbul", "Reykjavík", "東京", "Москва", "Αθήνα", "Québec", "Malmö", "Córdoba",
        "Gdańsk", "Düsseldorf", "Ōsaka", "Seoul", "Dubai", "Mumbai", "Lagos", "Toronto", "Austin", "Sydney",
    ]

    /// Some employers write an emoji in their name; a few are ZWJ sequences (one grapheme, many scalars).
    static let emoji = ["🚀", "🌱", "🍕", "✨", "🦄", "🐙", "👩‍💻", "🏳️‍🌈", "☕️"]

    static let roles = [
        "Staff Engineer", "Senior Data Analyst", "Product Designer", "Site Reliability Engineer", "Engineering Manager",
        "Backend Developer (Swift/Go)", "Frontend Engineer", "Ingénieur logiciel", "Chef de projet", "Softwareentwickler:in",
        "Data Scientist", "プロダクトマネージャー", "数据工程师", "Frontend-разработчик", "Μηχανικός Λογισμικού",
        "مهندس برمجيات", "UX Researcher", "Technical Writer", "QA Lead", "Solutions Architect", "Développeuse iOS",
        "Platform Engineer / Kubernetes", "Analista de datos", "Customer Success Manager", "Security Engineer",
    ]

    static let titles: [String: [String]] = [
        "recruiter": ["Talent Partner", "Technical Recruiter", "Recruiting Coordinator", "Chargée de recrutement", "Personalreferentin"],
        "hiring-manager": ["Engineering Manager", "Head of Data", "Director of Product", "VP Engineering", "Teamleiterin", "Responsable technique"],
        "interviewer": ["Senior Engineer", "Staff Engineer", "Product Manager", "Designer", "Data Scientist", "Tech Lead"],
        "assistant": ["Executive Assistant", "Office Manager"],
    ]

    static let streets = [
        "1 Acme Way, Chicago IL 60601", "Friedrichstraße 68, 10117 Berlin", "12 rue de la Paix, 75002 Paris",
        "丸の内2-7-2, 千代田区, 東京都 100-7090", "ул. Льва Толстого 16, Москва 119021", "Λεωφ. Βασιλίσσης Σοφίας 7, Αθήνα",
        "Paseo de la Castellana 259, 28046 Madrid", "Storgatan 1, 211 41 Malmö", "Bahnhofstrasse 45, 8001 Zürich",
        "500 Terry Francine St, San Francisco CA 94158",
    ]

    static let phones = [
        "+1 212 555 01", "+1 312 555 01", "+44 20 7946 09", "+49 30 901820", "+33 1 70 36 39", "+81 3 4510 00",
        "+7 495 123 45", "+30 21 0323 11", "+46 40 123 45", "+91 22 4002 10",
    ]

    static let zones = [
        "Europe/Berlin", "Europe/London", "Asia/Tokyo", "America/Los_Angeles", "America/Chicago", "Asia/Kolkata",
        "Australia/Sydney", "Europe/Paris", "America/Sao_Paulo", "Europe/Athens",
    ]

    /// Fragments of a take-stock note (article 002: what went well, what could be better, what
    /// they liked, their likely reservations; 001: something learned, a skill not mentioned).
    static let wentWell = [
        "the system design exercise — we sketched the queue and its back-pressure together",
        "talking through the migration I led last year; they asked good follow-up questions",
        "rapport with the hiring manager, we both cycle to work",
        "la démonstration du prototype, ils ont beaucoup aimé",
        "die Fragen zum Datenschutz — genau ihr Thema",
        "the whiteboard round: clean solution, explained trade-offs",
        "説明がうまくいった、特にテスト戦略について",
    ]
    static let couldBeBetter = [
        "I rambled on the salary question; next time give a range and stop",
        "forgot to mention the on-call work at my last job",
        "didn't ask when they will decide (next time ASK!)",
        "j'aurais dû préparer des questions sur l'équipe",
        "the take-home review: I was defensive about the tests",
        "ran out of time before my questions",
    ]
    static let theyLiked = [
        "that I've shipped to millions of users", "the open-source work", "my teaching background",
        "experience with accessibility audits", "that I speak German and French", "the incident write-ups",
    ]
    static let reservations = [
        "no Kubernetes in production", "I have not managed people yet", "relocation from Lisbon",
        "notice period of three months", "little fintech experience", "salary expectations above the band",
    ]
    static let requestTexts = [
        "Asked for two references, one a former manager.", "Wants copies of diplomas and the work permit.",
        "Please send availability for next week.", "Call back Dana about the offer details.",
        "Portfolio link and a writing sample, please.",
    ]
    static let responseTexts = [
        "Still interviewing other candidates; decision expected soon.", "Thanks for checking in — the team is meeting Friday.",
        "Budget approval pending, will update you.", "Merci, nous revenons vers vous la semaine prochaine.",
        "Danke für Ihre Geduld, wir melden uns bis Ende der Woche.",
    ]
}
