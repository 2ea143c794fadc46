/// Real-looking answers, recombined from fragments of what social care bids say.
enum Prose {
    static let openings = [
        "Our support workers", "People who use the service", "Family carers", "The co-production group",
        "Our connectors", "Peer mentors with lived experience", "The service manager", "Volunteers from the time bank",
        "Members of the user-led board", "Our community development team", "Each person and their circle of support",
        "Experts by experience on the recruitment panel", "Local partners", "The quality group", "Our apprentices",
    ]
    static let actions = [
        "will co-design", "already run", "meet every month to review", "agree together", "check and change",
        "plan with each person", "take part in deciding", "are paid the living wage to lead", "keep a record of",
        "share responsibility for", "have a real say over", "test small changes to", "report openly on",
        "learn from mistakes in", "help people to build",
    ]
    static let objects = [
        "the weekly activity timetable", "person-centred support plans", "the recruitment of new staff",
        "the budget for community activities", "safeguarding reviews", "transport to local venues",
        "the quiet room and sensory plan", "links with the allotments and the library", "the easy read newsletter",
        "travel training for people who want to go out alone", "the peer support network for carers",
        "short breaks and respite", "the annual quality check", "friendships and relationships outside the service",
        "paid work placements with local employers", "the complaints and compliments process",
        "medication support and health checks", "the move from children's to adult services",
    ]
    static let qualifiers = [
        "so that people choose what happens in their own lives.", "with accessible information at every step.",
        "because that is what people told us matters most.", "and we publish what changes as a result.",
        "using the Westfield asset map that members made in 2025.", "in the neighbourhoods where people already live.",
        "with interpreters and easy read versions where needed.", "and every decision is recorded in plain words.",
        "which reduced crisis admissions by a third in our current contract.", "at times that suit carers who work.",
        "so that nobody has to tell their story twice.", "working with the council's commissioning team.",
        "and people are thanked and paid for their time.", "alongside the NHS learning disability team.",
        "following the principles of Think Local Act Personal.", "with a named worker who knows the person well.",
    ]
    static let rationales = [
        "Clear examples of people already deciding things, with names of local groups.",
        "Good evidence of co-production, but the budget section is thin.",
        "Mostly general statements; little about Westfield itself.",
        "Strong answer with data from the current contract and a realistic plan.",
        "Answers the whole question; some gaps on how carers are supported.",
        "Convincing plan for recruitment with experts by experience on every panel.",
        "Describes consultation later rather than anything learned already.",
        "Specific, local and backed by letters of support from three community groups.",
    ]

    static func sentence(_ random: inout SeededGenerator) -> String {
        "\(random.pick(openings)) \(random.pick(actions)) \(random.pick(objects)) \(random.pick(qualifiers))"
    }

    /// A paragraph of three to seven sentences.
    static func paragraph(_ random: inout SeededGenerator) -> String {
        (0..<random.int(in: 3...7)).map { _ in sentence(&random) }.joined(separator: " ")
    }
}
