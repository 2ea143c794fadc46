/// HTML written in Swift: the literal parts of a string as they are, every interpolated string
/// escaped (``HTMLEscaping``), and only another `HTML` value let in unescaped.
///
/// The pages printed once per bid (2,000 assessment summaries, the 2,000 sections and ten charts
/// of a decision report) are written with it instead of a Mustache template. Mustache looks up
/// each `{{variable}}` through `Any`, with eight or so dynamic casts; that was half the time of
/// writing them. Escaping stays the default: a bidder's name can only reach a page through an
/// interpolation, which escapes it, exactly as `{{name}}` did.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    private(set) var text: String

    init() { text = "" }

    init(stringLiteral literal: String) { text = literal }

    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    static func += (page: inout HTML, more: HTML) { page.text += more.text }

    /// Each of `items` written by `body`, one after another (a Mustache section over a list).
    mutating func append<Items: Sequence>(each items: Items, _ body: (Items.Element) -> HTML) {
        for item in items { text += body(item).text }
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// Text: escaped.
        mutating func appendInterpolation(_ value: String) { HTMLEscaping.append(value, to: &text) }

        /// Markup: as it is.
        mutating func appendInterpolation(_ html: HTML) { text += html.text }
    }
}
