/// An element of an arbitrary namespaced XML document (an office package's parts, say), copied
/// out of libxml2 into plain values, with text and child elements kept in document order.
///
/// ``ParsedElement`` keeps an element's own text apart from its children, which suits
/// TenderScore's own documents; word-processing XML interleaves text and markup
/// (`Hello <text:span>world</text:span>`), so here the order is what carries the meaning.
public struct XMLTreeElement: Sendable, Hashable {
    /// One piece of an element's content.
    public enum Node: Sendable, Hashable {
        case element(XMLTreeElement)
        case text(String)
    }

    /// An attribute, by local name and namespace URI (nil when unqualified).
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var value: String
    }

    public var name: String
    public var namespace: String?
    public var attributes: [Attribute]
    public var content: [Node]
    /// The line the start tag is on (office XML is often one long line, so this is a hint).
    public var line: Int

    /// The value of the attribute with this local name in this namespace (nil: unqualified).
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// The child elements, in order.
    public var elements: [XMLTreeElement] {
        content.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element with this local name and namespace.
    public func child(_ name: String, namespace: String?) -> XMLTreeElement? {
        elements.first { $0.name == name && $0.namespace == namespace }
    }

    /// True when this element has this local name and namespace.
    public func `is`(_ name: String, _ namespace: String?) -> Bool { self.name == name && self.namespace == namespace }

    /// Every descendant element (not this one) with this local name and namespace, depth first.
    public func descendants(_ name: String, namespace: String?) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        func walk(_ element: XMLTreeElement) {
            for child in element.elements {
                if child.is(name, namespace) { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }
}
