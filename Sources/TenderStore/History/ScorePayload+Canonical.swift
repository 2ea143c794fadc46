import TenderModel

/// Scores are almost every event of a long history (a million in the benchmark's), so `verify`
/// reads them from the payload's value by hand rather than through `Decodable`. These accept
/// exactly what the synthesised decoding accepts when it succeeds (required fields of the right
/// type, optionals absent or null, other keys ignored) and give nil for anything else, which the
/// caller then decodes the ordinary way, so every refusal reads as before.
/// `CanonicalJSONReaderTests` compares the two on the sample tender and on damaged payloads.
extension ScorePayload {
    init?(canonical value: JSONValue) {
        guard case .object(let members) = value,
            let panelist = members["panelist"]?.stringValue, let submission = members["submission"]?.stringValue,
            let criterion = members["criterion"]?.stringValue, let score = members["value"]?.intValue,
            let rationale = members["rationale"]?.stringValue
        else { return nil }
        guard let sheet = JSONValue.optional(members["sheet"], DocumentReference.init(canonical:)),
            let amends = JSONValue.optional(members["amends"], { $0.int64Value }),
            let previous = JSONValue.optional(members["previous"], PreviousScore.init(canonical:))
        else { return nil }
        self.init(
            score: Score(panelist: panelist, submission: submission, criterion: criterion, value: score, rationale: rationale),
            sheet: sheet, amends: amends, previous: previous)
    }
}

extension DocumentReference {
    init?(canonical value: JSONValue) {
        guard case .object(let members) = value, let file = members["file"]?.stringValue,
            let sha256 = members["sha256"]?.stringValue, let bytes = members["bytes"]?.intValue
        else { return nil }
        self.init(file: file, sha256: sha256, bytes: bytes)
    }
}

extension PreviousScore {
    init?(canonical value: JSONValue) {
        guard case .object(let members) = value, let score = members["value"]?.intValue,
            let rationale = members["rationale"]?.stringValue
        else { return nil }
        self.init(value: score, rationale: rationale)
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var int64Value: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }

    var intValue: Int? { int64Value.flatMap { Int(exactly: $0) } }

    /// An optional member as `decodeIfPresent` reads it: `.some(nil)` when absent or null,
    /// `.some(value)` when it reads, nil when it is there and does not.
    static func optional<T>(_ member: JSONValue?, _ read: (JSONValue) -> T?) -> T?? {
        guard let member, member != .null else { return .some(nil) }
        guard let found = read(member) else { return nil }
        return .some(found)
    }
}
