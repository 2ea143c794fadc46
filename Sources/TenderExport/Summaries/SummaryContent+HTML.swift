import Foundation

extension SummaryContent {
    /// What every summary of a tender repeats, written once: the style, the criteria section and
    /// the winning bid's scores (shown in every summary but the winner's), in HTML (isolates
    /// already in place) and in Markdown. A 2,000-bid tender wrote them 2,000 times.
    struct SharedParts: Sendable {
        var style: String
        var criteria: String
        var winner: String
        var criteriaMarkdown: MarkdownLines
        var winnerMarkdown: MarkdownLines
    }

    /// The summary as an HTML page. Bidder text in it is marked by ``BidiText/isolate(_:)``, and
    /// ``BidiText/html(_:)`` turns the marks into isolates in each part written here; the shared
    /// parts went through it once. (Each part starts and ends outside any tag, title or drawing,
    /// so this gives what one pass over the whole page would.)
    func html(_ shared: SharedParts) -> String {
        var page: HTML = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>

            """
        var pieces = [BidiText.html(page.text), shared.style]
        page = """
            </style>
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header>
            <h1>\(title)</h1>

            """
        if isDraft {
            page += """
                <p class="draft-banner" role="note"><strong>DRAFT</strong>: \(AssessmentSummary.draftText)</p>

                """
        }
        page += """
            <p>\(tenderLine)</p>
            <dl class="facts">

            """
        page.append(each: supplier) { "<dt>\($0.term)</dt><dd>\($0.detail)</dd>\n" }
        page += """
            </dl>
            <p>Produced \(generatedAt).</p>
            <nav aria-label="Contents">
            <ul>
            <li><a href="#outcome">Outcome</a></li>
            <li><a href="#criteria">How bids were scored</a></li>
            <li><a href="#own">Your scores</a></li>
            \(comparison.isEmpty ? HTML() : "<li><a href=\"#comparison\">Comparison with the winning bid</a></li>")
            \(winner == nil ? HTML() : "<li><a href=\"#winner\">The winning bid</a></li>")
            </ul>
            </nav>
            </header>
            <main id="main" tabindex="-1">
            <section id="outcome" aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">Outcome</h2>

            """
        page.append(each: outcomeParagraphs) { "<p class=\"lead\">\($0)</p>\n" }
        if !failureReasons.isEmpty {
            page += """
                <div class="failed">
                <p><strong>Why your bid was not ranked:</strong></p>
                <ul>

                """
            page.append(each: failureReasons) { "<li>\($0)</li>\n" }
            page += "</ul>\n</div>\n"
        }
        page.append(each: warnings) { "<p class=\"warning\"><strong>Note:</strong> \($0)</p>\n" }
        page += "</section>\n\n"
        pieces += [BidiText.html(page.text), shared.criteria]
        page = """


            <section id="own" aria-labelledby="own-heading">
            <h2 id="own-heading">\(own.heading)</h2>
            \(Self.scores(own, prefix: "own"))</section>


            """
        if !comparison.isEmpty {
            page += """
                <section id="comparison" aria-labelledby="comparison-heading">
                <h2 id="comparison-heading">Your bid compared with the winning bid</h2>
                <div class="table-scroll">
                <table>
                <caption>Your bid beside the winning bid, criterion by criterion. Difference is your marks minus the winning bid's.</caption>
                <thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Your score</th><th scope="col" class="num">Winning score</th><th scope="col" class="num">Your marks</th><th scope="col" class="num">Winning marks</th><th scope="col" class="num">Difference</th></tr></thead>
                <tbody>

                """
            page.append(each: comparison) { row in
                """
                <tr><th scope="row">\(row.title)</th><td class="num">\(row.own)</td><td class="num">\(row.winner)</td>\
                <td class="num">\(row.ownMarks)</td><td class="num">\(row.winnerMarks)</td><td class="num">\(row.difference)</td></tr>

                """
            }
            page += "</tbody>\n</table>\n</div>\n<ul>\n"
            page.append(each: comparisonSentences) { "<li>\($0)</li>\n" }
            page += "</ul>\n</section>\n"
        }
        page += "\n"
        if winner != nil {
            pieces += [BidiText.html(page.text), shared.winner]
            page = "\n"
        }
        page += """
            </main>
            <footer class="page">
            <p>Assessment summary produced by TenderScore, \(generatedAt).</p>
            </footer>
            </body>
            </html>

            """
        pieces.append(BidiText.html(page.text))
        return pieces.joined()
    }

    /// One bid's scores, criterion by criterion, then its totals; `prefix` keeps the two bids'
    /// anchors apart on one page.
    static func scores(_ scores: BidScores, prefix: String) -> HTML {
        var part = HTML()
        for (index, line) in scores.lines.enumerated() {
            part += """
                <h3 id="\(prefix)-\(String(index + 1))">\(line.title) <span class="muted">(weight \(line.weight))</span></h3>
                <p>Score: <strong>\(line.score)</strong>, earning \(line.marks) marks. \(line.method)</p>
                <p><strong>\(line.explanationLabel)</strong> \(line.explanation)</p>

                """
        }
        part += """
            <p>\(scores.quality)</p>
            <p>\(scores.price)</p>
            <p><strong>\(scores.total)</strong></p>

            """
        return part
    }
}

extension SummaryContent.Shared {
    /// The parts of the page every summary of the tender repeats, written once.
    func parts() throws(ExportError) -> SummaryContent.SharedParts {
        var criteria: HTML = """
            <section id="criteria" aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">How bids were scored</h2>
            <table>
            <caption>Award criteria, weights and minimum scores</caption>
            <thead><tr><th scope="col">Award criterion</th><th scope="col" class="num">Weight</th><th scope="col" class="num">Minimum score</th></tr></thead>
            <tbody>

            """
        criteria.append(each: framework) { row in
            "<tr><th scope=\"row\">\(row.title)</th><td class=\"num\">\(row.weight)</td><td class=\"num\">\(row.threshold)</td></tr>\n"
        }
        criteria += """
            </tbody>
            </table>
            <p>\(scoresAvailable)</p>
            <p>\(scaleText)</p>
            <p>\(priceText)</p>
            \(panelText.map { "<p>\($0)</p>" as HTML } ?? HTML())
            </section>
            """
        let winner: HTML = """
            <section id="winner" aria-labelledby="winner-heading">
            <h2 id="winner-heading">\(winner.heading)</h2>
            \(SummaryContent.scores(winner, prefix: "winner"))</section>
            """
        var winnerMarkdown = MarkdownLines()
        SummaryContent.appendScores(self.winner, to: &winnerMarkdown)
        return SummaryContent.SharedParts(
            style: try HTMLTemplates.render([:], template: "style"), criteria: BidiText.html(criteria.text),
            winner: BidiText.html(winner.text),
            criteriaMarkdown: SummaryContent.criteriaMarkdown(
                framework: framework, scoresAvailable: scoresAvailable, scaleText: scaleText, priceText: priceText,
                panelText: panelText),
            winnerMarkdown: winnerMarkdown)
    }
}
