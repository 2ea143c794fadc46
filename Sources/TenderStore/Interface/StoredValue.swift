/// One column's value in a projection table, as any backend stores it.
///
/// The history decides what every projection row holds (``EventInterpretation``); a backend
/// only stores and returns these values. `verify` compares the two, so a value must come back
/// exactly as it went in: integers as integers, text as text.
public enum StoredValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case text(String)

    public init(_ text: String?) { self = text.map(StoredValue.text) ?? .null }
    public init(_ number: Int64) { self = .integer(number) }
    public init(_ number: Int) { self = .integer(Int64(number)) }

    public var integer: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// How `verify` shows the value in a finding: short, and never a whole bid.
    public var description: String {
        switch self {
        case .null: return "empty"
        case .integer(let number): return String(number)
        case .text(let text): return text.count > 60 ? "\"\(text.prefix(57))...\"" : "\"\(text)\""
        }
    }
}
