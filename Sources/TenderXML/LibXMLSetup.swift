import CLibXML2

/// libxml2 must be initialised once before it is used from several threads.
enum LibXMLSetup {
    private static let initialised: Void = { xmlInitParser() }()

    static func once() {
        _ = initialised
    }
}
