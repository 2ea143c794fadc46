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
                ["title": criterion.title, "weight": criterion.weight.jsonText,
                 "minimum": criterion.threshold.map(String.init) ?? "None"]
            },
            "scaleRange": criteria.scale.rangeDescription,
            "divergence": String(criteria.divergence),
        ]
    }

    /// One bid's page: the easy-read front, the scale once, then each question with what to look
    /// for, its minimum score and word limit, and the full answer.
    func bidView(_ submission: Submission, warnings: [String], evidence: EvidenceCopies) -> View {
        let bidderName = name(of: submission)
        var overLimit = 0
        var namedEvidence = Set<String>()
        let criteriaViews = criteria.criteria.enumerated().map { index, criterion -> View in
            let response = submission.response(to: criterion.id)
            let text = AnswerText(
                paragraphs: response?.paragraphs ?? [], limit: criterion.maxWords,
                replacing: replacements)
            var view: View = [
                "anchor": "criterion-\(index + 1)", "number": String(index + 1), "criterionTitle": criterion.title,
                "weight": criterion.weight.jsonText, "question": criterion.question,
                "guidance": criterion.guidance,
                "minimum": criterion.threshold.map {
                    "\($0). If the panel agrees a lower score, the bid cannot win."
                } ?? "None.",
                "answered": response != nil,
                "paragraphs": text.views,
                "wordCount": Wording.count(response?.wordCount ?? 0, "word", "words"),
                "hasEvidence": !(response?.evidence ?? []).isEmpty,
                "evidence": (response?.evidence ?? []).map { item -> View in
                    namedEvidence.insert(item.href ?? "title:" + item.title)
                    var view: View = ["title": Wording.bidder(AnswerText.replace(in: item.title, replacements))]
                    if let href = item.href, let file = evidence.names[href] {
                        view["file"] = file
                    } else {
                        view["missing"] = "Not supplied with the pack."
                    }
                    return view
                },
            ]
            if let limit = criterion.maxWords {
                view["limitText"] = "\(limit) words."
                if text.isOverLimit {
                    overLimit += 1
                    view["overLimit"] =
                        "This answer has \(response?.wordCount ?? 0) words, over the limit of \(limit). "
                        + "The marker shows where the limit falls."
                }
            } else {
                view["limitText"] = "None."
            }
            return view
        }
        let easyRead = EasyReadSummary(
            submission: submission, name: bidderName, anonymise: anonymise, criteria: criteria, overLimit: overLimit,
            evidenceNamed: namedEvidence.count, evidenceCopied: evidence.files.count)
        return [
            "pageTitle": "\(submission.id): \(bidderName)",
            "tender": tender, "title": title, "generatedAt": generatedAt,
            "memberName": member.name, "submission": submission.id, "bidderName": bidderName,
            "easyRead": easyRead.view,
            "questions": criteria.criteria.enumerated().map { index, criterion -> View in
                var view: View = ["anchor": "criterion-\(index + 1)", "criterionTitle": criterion.title]
                if let threshold = criterion.threshold { view["minimum"] = "Minimum score: \(threshold)." }
                return view
            },
            "scale": criteria.scale.levels.map { level -> View in
                var view: View = ["value": String(level.value), "label": level.label, "descriptor": level.descriptor]
                if let symbol = ScaleSymbol(value: level.value, scale: criteria.scale) {
                    view["symbol"] = symbol.symbol
                    view["spoken"] = symbol.spoken
                }
                return view
            },
            "warnings": warnings.map {
                Wording.importWarning(
                    AnswerText.replace(in: $0, replacements), submission: submission.id, subject: "This bid",
                    criteria: criteria)
            },
            "criteria": criteriaViews,
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
