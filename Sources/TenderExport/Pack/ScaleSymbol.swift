import TenderModel

/// A score drawn as stars, so that the scale is read by shape and count, never by colour:
/// `★★★☆☆` for 3 of 5, `✗` for 0.
///
/// Screen readers would read five "black star" characters one by one, so the symbols are an
/// image with a text name ("3 stars out of 5") and the number and label are always written out
/// beside them. A scale too long for stars to help (over 10) gets no symbol.
struct ScaleSymbol {
    var symbol: String
    var spoken: String

    init?(value: Int, scale: Scale) {
        guard scale.max >= 1, scale.max <= 10 else { return nil }
        if value <= 0 {
            symbol = "✗"
            spoken = "no stars"
        } else {
            let filled = min(value, scale.max)
            symbol = String(repeating: "★", count: filled) + String(repeating: "☆", count: scale.max - filled)
            spoken = "\(filled) \(filled == 1 ? "star" : "stars") out of \(scale.max)"
        }
    }
}
