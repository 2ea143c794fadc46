import TenderModel

/// A stored bid without its answers, read from its canonical JSON: what every output reads of
/// a bid (its bidder and price and, for the import warnings, which criteria it answers and how
/// many words each answer has).
///
/// A national framework's 2,000 bids are 63 MB of answers. Decoding them whole (every paragraph
/// built as a string, then counted) was a third of `rank --format table` and of the assessment
/// summaries, which show no answer. Here one pass over each bid's bytes takes each response's
/// criterion and counts the words of its `paragraphs` where they stand; the rest of the bid, a
/// few hundred bytes, is decoded and checked as before (``StoredSubmission/model(fromCanonical:)``).
package enum SubmissionOutline {
    /// The bid in `bytes`, each response holding only its criterion and its word count (no
    /// paragraphs, evidence or place in the file).
    /// - Throws: what decoding the whole bid throws, when `bytes` is not a bid as TenderScore
    ///   writes it (the bid is then decoded whole, so the error is the usual one).
    package static func submission(fromCanonical bytes: UnsafeBufferPointer<UInt8>) throws -> Submission {
        var scanner = Scanner(bytes: bytes)
        guard let (stripped, responses) = scanner.strippedOfResponses() else {
            return try outline(of: StoredSubmission.model(fromCanonical: String(decoding: bytes, as: UTF8.self)))
        }
        var submission = try StoredSubmission.model(fromCanonical: String(decoding: stripped, as: UTF8.self))
        submission.responses = responses.map {
            Response(criterion: $0.criterion, paragraphs: [], evidence: [], location: nil, countedWords: $0.words)
        }
        return submission
    }

    /// A whole bid cut down to what ``submission(fromCanonical:)`` gives.
    static func outline(of submission: Submission) -> Submission {
        var outline = submission
        outline.responses = submission.responses.map {
            Response(criterion: $0.criterion, paragraphs: [], evidence: [], location: nil, countedWords: $0.wordCount)
        }
        return outline
    }

    /// Walks the JSON's structure (strings skipped whole, so a bidder's text that looks like a
    /// key is never taken for one) and copies it with its `responses` written as `[]`, taking
    /// each response's criterion and counting its words. Nil when the text is not shaped as
    /// TenderScore writes it.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        private var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func strippedOfResponses() -> (text: [UInt8], responses: [(criterion: String, words: Int)])? {
            var responses: [(criterion: String, words: Int)] = []
            var cut: Range<Int>?
            guard take(UInt8(ascii: "{")) else { return nil }
            if !take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = keyRange() else { return nil }
                    if equals(key, "responses") {
                        let start = index
                        guard let found = self.responses() else { return nil }
                        responses = found
                        cut = start..<index
                    } else {
                        guard skipValue(depth: 0) else { return nil }
                    }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            guard index == bytes.count, let cut else { return nil }
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count - cut.count + 2)
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<cut.lowerBound]))
            text.append(contentsOf: "[]".utf8)
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cut.upperBound...]))
            return (text, responses)
        }

        private mutating func responses() -> [(criterion: String, words: Int)]? {
            var found: [(criterion: String, words: Int)] = []
            guard take(UInt8(ascii: "[")) else { return nil }
            if take(UInt8(ascii: "]")) { return found }
            repeat {
                guard take(UInt8(ascii: "{")) else { return nil }
                var criterion: String?
                var words = 0
                if !take(UInt8(ascii: "}")) {
                    repeat {
                        guard let key = keyRange() else { return nil }
                        if equals(key, "criterion") {
                            guard let text = plainString() else { return nil }
                            criterion = text
                        } else if equals(key, "paragraphs") {
                            guard let counted = paragraphs() else { return nil }
                            words = counted
                        } else {
                            guard skipValue(depth: 0) else { return nil }
                        }
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "}")) else { return nil }
                }
                guard let criterion else { return nil }
                found.append((criterion, words))
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return nil }
            return found
        }

        /// A string without escapes (a criterion's id); nil for any other, which sends the bid
        /// to be read whole.
        private mutating func plainString() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            skipPlainBytes()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
        }

        /// The words of the array of paragraphs at `index`.
        private mutating func paragraphs() -> Int? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var words = 0
            if !take(UInt8(ascii: "]")) {
                repeat {
                    guard let count = stringWords() else { return nil }
                    words += count
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { return nil }
            }
            return words
        }

        /// The words of the string at `index`, counted as ``TenderModel/Response/wordCount``
        /// counts a paragraph: on its text, so escapes are undone first where there are any.
        private mutating func stringWords() -> Int? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            skipPlainBytes()
            guard index < bytes.count, bytes[index] >= 0x20 else { return nil }
            if bytes[index] == UInt8(ascii: "\"") {
                let words = UnicodeWhitespace.wordCount(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                index += 1
                return words
            }
            // TenderScore's writer escapes only what it must; anything else is not its writing,
            // and the bid is read whole.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            guard CanonicalJSONReader.unescape(bytes, from: &index, into: &scratch) else { return nil }
            return scratch.withUnsafeBufferPointer { UnicodeWhitespace.wordCount($0) }
        }

        /// A member's key (its bytes, without the quotes) and the `:` after it.
        private mutating func keyRange() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            guard skipStringBody() else { return nil }
            let key = start..<(index - 1)
            guard take(UInt8(ascii: ":")) else { return nil }
            return key
        }

        private func equals(_ range: Range<Int>, _ word: StaticString) -> Bool {
            guard range.count == word.utf8CodeUnitCount else { return false }
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != word.utf8Start[offset] { return false }
            return true
        }

        /// Past the closing quote of a string whose opening quote is already taken.
        private mutating func skipStringBody() -> Bool {
            while index < bytes.count {
                skipPlainBytes()
                guard index < bytes.count else { return false }
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return true
                case UInt8(ascii: "\\"): index += 2
                default: index += 1
                }
            }
            return false
        }

        /// Past one value of any kind; its form is checked when the stripped text is decoded.
        private mutating func skipValue(depth: Int) -> Bool {
            guard index < bytes.count, depth < CanonicalJSONReader.maximumDepth else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return skipStringBody()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                index += 1
                if take(close) { return true }
                repeat {
                    if close == UInt8(ascii: "}") {
                        guard keyRange() != nil else { return false }
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                } while take(UInt8(ascii: ","))
                return take(close)
            default:
                let start = index
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[index]) {
                    index += 1
                }
                return index > start
            }
        }

        /// Past the bytes of a string that stand for themselves (anything but `"`, `\` and the
        /// control characters), eight at a time: a bid's answers are nearly all of its bytes,
        /// and looking at them one by one was most of reading an outline.
        private mutating func skipPlainBytes() {
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    let chunk = UnicodeWhitespace.load(base, at: index)
                    let stops =
                        UnicodeWhitespace.lanesBelow(0x20, chunk) | UnicodeWhitespace.lanesEqual(to: 0x22, chunk)
                        | UnicodeWhitespace.lanesEqual(to: 0x5C, chunk)
                    if stops != 0 { break }
                    index += 8
                }
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
                index += 1
            }
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
    }
}
