import Foundation
import TenderModel

/// Reads a criteria framework and checks the rules its XSD cannot express.
enum CriteriaReader {
    /// - Parameter schema: what the XSD found, so that a value it refused is not refused twice.
    static func read(_ root: ParsedElement, schema: [Diagnostic] = []) -> (Criteria, [Diagnostic]) {
        var found = DiagnosticList(schema: schema)
        let (scale, scaleIsKnown) = readScale(root.child("scale"), root: root, into: &found)
        var criteria: [Criterion] = []
        var firstLine: [String: Int] = [:]
        // A weight that could not be read has been reported; a total without it would mislead.
        var weightsAreKnown = true
        for element in root.children("criterion") {
            let id = element.attribute("id") ?? ""
            if let earlier = firstLine[id] {
                found.error(element, "criterion id '\(id)' is used twice (first at line \(earlier))")
            } else {
                firstLine[id] = element.location.line
            }
            let readWeight = element.attribute("weight").flatMap { found.decimal(element, $0, what: "weight") }
            weightsAreKnown = weightsAreKnown && readWeight != nil
            let weight = readWeight ?? 0
            if readWeight == 0 {
                found.warning(element, "criterion '\(id)' has weight 0, so its score can never count")
            }
            let threshold = found.integer(element, "threshold")
            if let threshold, scaleIsKnown, !scale.contains(threshold) {
                found.error(element, "threshold \(threshold) of criterion '\(id)' is outside the scale \(scale.rangeDescription)")
            }
            let question = element.child("question")
            criteria.append(
                Criterion(
                    id: id, weight: weight, threshold: threshold,
                    title: found.requiredText(element, "title", what: "the title of criterion '\(id)'"),
                    question: found.requiredText(element, "question", what: "the question of criterion '\(id)'"),
                    maxWords: question.flatMap { found.integer($0, "maxWords") },
                    guidance: found.requiredText(element, "guidance", what: "the guidance of criterion '\(id)'"),
                    location: element.location))
        }

        let divergence = root.child("moderation").flatMap { found.integer($0, "divergence") } ?? 2
        if let moderation = root.child("moderation"), scaleIsKnown, divergence > scale.max - scale.min {
            found.warning(
                moderation,
                "divergence \(divergence) is wider than the scale \(scale.rangeDescription), so no item will ever need moderation")
        }
        var quorum = ModerationQuorum.standard
        if let moderation = root.child("moderation") {
            quorum.share = found.integer(moderation, "quorum") ?? quorum.share
            quorum.livedExperience = moderation.attribute("livedExperience").map { $0 != "optional" } ?? true
        }
        var price: PriceWeighting?
        if let element = root.child("price") {
            let readWeight = element.attribute("weight").flatMap { found.decimal(element, $0, what: "price weight") }
            weightsAreKnown = weightsAreKnown && readWeight != nil
            let weight = readWeight ?? 0
            let formula = element.attribute("formula").flatMap(PriceFormula.init(rawValue:)) ?? .lowestPrice
            price = PriceWeighting(weight: weight, formula: formula)
        }

        let framework = Criteria(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "",
            currency: root.attribute("currency") ?? "", title: found.requiredText(root, "title", what: "the framework's title"),
            scale: scale, divergence: divergence, quorum: quorum, price: price, criteria: criteria)
        let total = framework.totalWeight
        if weightsAreKnown && total != 100 {
            let parts = criteria.reduce(Decimal(0)) { $0 + $1.weight }
            let breakdown = price.map { "criteria \(parts) + price \($0.weight)" } ?? "criteria only, no price"
            found.error(root, "the weights add up to \(total) (\(breakdown)); they must add up to 100")
        }
        return (framework, found.all)
    }

    /// The scale, and whether it could be read: checks against an unknown scale would only
    /// repeat its problem.
    private static func readScale(
        _ element: ParsedElement?, root: ParsedElement, into found: inout DiagnosticList
    ) -> (Scale, Bool) {
        guard let element else {
            found.error(root, "the scale is missing")
            return (Scale(min: 0, max: 0, levels: []), false)
        }
        // A missing or malformed min or max has been reported already, by the XSD or here.
        guard let min = found.integer(element, "min"), let max = found.integer(element, "max") else {
            return (Scale(min: 0, max: 0, levels: []), false)
        }
        guard min < max, max - min <= 100 else {
            found.error(element, "the scale \(min)–\(max) must run upwards from min to max, with at most 100 points")
            return (Scale(min: min, max: max, levels: []), false)
        }
        var levels: [ScaleLevel] = []
        for level in element.children("level") {
            guard let value = found.integer(level, "value") else { continue }
            if !(min...max).contains(value) {
                found.error(level, "level \(value) is outside the scale \(min)–\(max)")
            } else if levels.contains(where: { $0.value == value }) {
                found.error(level, "level \(value) is described twice")
            }
            let label = (level.attribute("label") ?? "").foldingWhitespace()
            if label.isEmpty { found.error(level, "level \(value) has no label") }
            let descriptor = level.foldedText
            if descriptor.isEmpty { found.error(level, "level \(value) has no descriptor saying what earns it") }
            levels.append(ScaleLevel(value: value, label: label, descriptor: descriptor, location: level.location))
        }
        let missing = (min...max).filter { value in !levels.contains { $0.value == value } }
        if !missing.isEmpty {
            found.error(
                element,
                "the scale has no <level> for \(missing.map(String.init).joined(separator: ", ")); every point from \(min) to \(max) needs a descriptor")
        }
        levels.sort { $0.value < $1.value }
        return (Scale(min: min, max: max, levels: levels), true)
    }
}
