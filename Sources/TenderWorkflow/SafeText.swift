/// Stored text made safe to print where a person reads it.
///
/// Text on record came from people and documents; printed raw it could carry escape sequences
/// that drive a terminal or line breaks that forge a line of a listing. Every front end prints
/// stored text through here.
public enum SafeText {
    /// One line for a terminal: control characters and text-direction overrides shown as their
    /// codes (`<U+001B>`), line breaks as `↵`, tabs as spaces.
    public static func terminal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": out += "↵"
            case "\t": out += " "
            default: out += TextRules.isForbidden(scalar) ? "<\(TextRules.code(scalar))>" : String(scalar)
            }
        }
        return out
    }
}
