import TenderModel

/// The easy-read front of a bid page: who the bidder is, what to do, and the questions, in short
/// sentences with one idea each.
///
/// Experts by experience on the panel, some with a learning disability, score as equals; the
/// answers themselves are long and written by bidders, so this part is what lets everyone start
/// from the same understanding. Every sentence here is kept under 15 words (a test holds it under
/// 20), and numbers are written as digits.
struct EasyReadSummary {
    typealias View = HTMLTemplates.View

    var about: [String] = []
    var steps: [String] = []
    var rules: [String] = []

    /// - Parameters:
    ///   - name: the bidder's name or label, already marked as bidder text.
    ///   - evidenceNamed: distinct documents the bid names; `evidenceCopied`: how many are in the pack.
    init(
        submission: Submission, name: String, anonymise: Bool, criteria: Criteria, overLimit: Int,
        evidenceNamed: Int, evidenceCopied: Int
    ) {
        about.append("This bid is from \(name).")
        if anonymise {
            about.append("We have hidden the bidder's name.")
            about.append("This helps you judge only what they wrote.")
        } else {
            about.append("They are a \(submission.bidder.type.displayName).")
            if let locality = submission.bidder.locality, !locality.isEmpty {
                about.append("They are based in \(Wording.bidder(locality)).")
            }
        }
        about.append("The bid number is \(submission.id).")
        let total = criteria.criteria.count
        let answered = criteria.criteria.filter { submission.response(to: $0.id) != nil }.count
        switch answered {
        case total: about.append("They answered all \(total) questions.")
        case 0: about.append("They did not answer any of the \(total) questions.")
        default: about.append("They answered \(answered) of the \(total) questions.")
        }
        if overLimit > 0 {
            about.append("\(Wording.count(overLimit, "answer is", "answers are")) longer than the word limit.")
            about.append("A marker shows where the limit is.")
            about.append("You do not have to read past the marker.")
        }
        if evidenceNamed > 0 {
            about.append("The bid names \(Wording.count(evidenceNamed, "document", "documents")) as evidence.")
            if evidenceCopied == evidenceNamed {
                about.append(evidenceNamed == 1 ? "It is in this pack." : "All of them are in this pack.")
            } else if evidenceCopied == 0 {
                about.append(evidenceNamed == 1 ? "It was not supplied with the pack." : "None of them were supplied with the pack.")
            } else {
                about.append("\(evidenceCopied) of them are in this pack.")
                about.append("\(evidenceNamed - evidenceCopied) were not supplied with the pack.")
            }
        }

        steps = [
            "Read each answer.",
            "Choose a score from \(criteria.scale.min) to \(criteria.scale.max).",
            "Say why you chose that score.",
            "Write your score and your reason in your scoresheet.",
        ]
        rules.append("Score on your own.")
        rules.append("Do not talk about scores until the panel meets.")
        rules.append("Prices are not in this pack.")
        if criteria.criteria.contains(where: { $0.threshold != nil }) {
            rules.append("Some questions have a minimum score.")
            rules.append("If the panel agrees a lower score, the bid cannot win.")
        }
    }

    var view: View { ["about": about, "steps": steps, "rules": rules] }
}
