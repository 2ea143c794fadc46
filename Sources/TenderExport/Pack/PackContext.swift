import Foundation
import TenderModel

/// Builds the pack's view models: everything shared by the index and the bid pages.
struct PackContext {
    typealias View = HTMLTemplates.View

    var tender: String
    var title: String
    var criteria: Criteria
    var member: PanelMember
    var anonymise: Bool
    var labels: [String: String]
    var generatedAt: String
    /// Every bidder's name and its shorter forms, with the label that replaces them; empty when
    /// not anonymising.
    var replacements: [(name: String, label: String)]

    func name(of submission: Submission) -> String {
        Wording.bidder(anonymise ? labels[submission.id] ?? submission.id : submission.bidder.name)
    }

    func indexView(eligible: [Submission], conflicted: [Submission], panel: Panel, pageNames: [String: String]) -> View {
        [
            "pageTitle": "Evaluation pack for \(member.name)",
            "tender": tender, "title": title, "generatedAt": generatedAt,
            "memberName": member.name, "role": Wording.role(member.role),
            "anonymised": anonymise,
            "bids": eligible.map { submission -> View in
                ["file": pageNames[submission.id] ?? "\(submission.id).html", "submission": submission.id, "name": name(of: submission)]
            },
            "hasConflicts": !conflicted.isEmpty,
            "conflicts": conflicted.map { submission -> View in
                let reason = panel.conflicts.first { $0.member == member.id && $0.submission == submission.id }?.reason
                return ["submission": submission.id, "reason": reason ?? "declared conflict of interest"]
            },
            "scoresheet": EvaluationPack.scoresheetName(member.id),
            "criteria": criteria.criteria.map { criterion -> View in
                ["title": criterion.title, "weight": criterion.weight.jsonText]
            },
            "scaleRange": criteria.scale.rangeDescription,
            "divergence": String(criteria.divergence),
        ]
    }

    func bidView(_ submission: Submission, warnings: [String]) -> View {
        let bidderName = name(of: submission)
        var facts: [View] = [["term": "Bid", "detail": submission.id], ["term": "Bidder", "detail": bidderName]]
        if !anonymise {
            facts.append(["term": "Kind of organisation", "detail": submission.bidder.type.displayName])
            if let locality = submission.bidder.locality { facts.append(["term": "Based in", "detail": Wording.bidder(locality)]) }
        }
        let criteriaViews = criteria.criteria.enumerated().map { index, criterion -> View in
            let response = submission.response(to: criterion.id)
            let text = AnswerText(
                paragraphs: response?.paragraphs ?? [], limit: criterion.maxWords,
                replacing: replacements)
            var view: View = [
                "anchor": "criterion-\(index + 1)", "number": String(index + 1), "criterionTitle": criterion.title,
                "criterionID": criterion.id, "weight": criterion.weight.jsonText, "question": criterion.question,
                "guidance": criterion.guidance,
                "levels": criteria.scale.levels.map { ["value": String($0.value), "label": $0.label, "descriptor": $0.descriptor] as View },
                "answered": response != nil,
                "paragraphs": text.views,
                "wordCount": String(response?.wordCount ?? 0),
                "hasEvidence": !(response?.evidence ?? []).isEmpty,
                "evidence": (response?.evidence ?? []).map { evidence -> View in
                    var item: View = ["title": Wording.bidder(AnswerText.replace(in: evidence.title, replacements))]
                    // Shown as text, not a link: a file name such as `beacon-annual-report.pdf` names the bidder too.
                    if let href = evidence.href { item["href"] = Wording.bidder(AnswerText.replace(in: href, replacements)) }
                    return item
                },
            ]
            if let limit = criterion.maxWords {
                view["limitText"] = "Word limit: \(limit)."
                if text.isOverLimit {
                    view["overLimit"] =
                        "This answer has \(response?.wordCount ?? 0) words, over the limit of \(limit). "
                        + "The marker shows where the limit falls."
                }
            }
            if let threshold = criterion.threshold {
                view["threshold"] = "A score below \(threshold) means the bid cannot be awarded the contract."
            }
            return view
        }
        return [
            "pageTitle": "\(submission.id): \(bidderName)",
            "tender": tender, "title": title, "generatedAt": generatedAt,
            "memberName": member.name, "submission": submission.id, "bidderName": bidderName,
            "facts": facts, "warnings": warnings.map {
                Wording.importWarning(
                    AnswerText.replace(in: $0, replacements), submission: submission.id, subject: "This bid",
                    criteria: criteria)
            },
            "criteria": criteriaViews,
            "toc": criteria.criteria.enumerated().map { index, criterion -> View in
                ["anchor": "criterion-\(index + 1)", "criterionTitle": criterion.title]
            },
            "scoresheet": EvaluationPack.scoresheetName(member.id),
        ]
    }

    /// The bidder's name and its declared other names (``Bidder/alsoKnownAs``), each also
    /// without a legal suffix (`Ltd`, `Limited`, `CIC`, `plc`, `LLP`; `Co-operative Ltd` keeps
    /// `Co-operative`), longest first so that the full name wins. A shortened legal name must keep
    /// two words (`Carewise Support`, not a bare `Carewise` that might be an ordinary word); a
    /// declared other name is replaced as the bidder declared it, however short.
    static func nameVariants(_ bidder: Bidder) -> [String] {
        var variants: [String] = []
        for name in [bidder.name] + bidder.alsoKnownAs {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            variants.append(trimmed)
            variants += shortForms(trimmed)
        }
        var seen = Set<String>()
        return variants.filter { seen.insert($0.lowercased()).inserted }.sorted { $0.count > $1.count }
    }

    private static func shortForms(_ name: String) -> [String] {
        let suffixes = [" Ltd", " Limited", " CIC", " C.I.C.", " plc", " PLC", " LLP", " Ltd."]
        var forms: [String] = []
        for suffix in suffixes where name.hasSuffix(suffix) {
            let short = String(name.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            if short.split(separator: " ").count >= 2 { forms.append(short) }
        }
        return forms
    }
}
