/// An event's payload already turned into its canonical value and text, so that the work can be
/// done on every core before the write that appends it.
///
/// Why: inside a write, events are appended one after another, since each event's hash takes the
/// one before; encoding a bid's 30 KB payload was a sixth of importing 2,000 bids, and it does
/// not depend on the history at all. A use case that knows its payloads before the write encodes
/// them with ``init(_:)`` on every core and appends them as it would the payloads themselves:
/// ``EventChain`` takes the value and text as they are, so the event is byte for byte the one
/// the payload would have made.
public struct EncodedPayload: Encodable, Sendable {
    let value: JSONValue
    let text: String
    let members: [String: Range<Int>]

    public init(_ payload: some Encodable) throws {
        value = try CanonicalJSON.value(of: payload)
        (text, members) = value.canonicalTextAndMembers
    }

    /// As the payload it was made from (for an encoder other than the event chain's).
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
