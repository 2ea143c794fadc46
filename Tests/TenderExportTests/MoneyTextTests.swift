import Foundation
import Testing
@testable import TenderExport

/// Money is printed exactly at any size, in the framework's currency.
@Suite struct MoneyTextTests {
    @Test(arguments: [
        ("12345678901234567890.12", "12,345,678,901,234,567,890.12"),
        ("1176400", "1,176,400.00"),
        ("0.125", "0.13"),  // a half is rounded up
        ("2.005", "2.01"),
        ("999.995", "1,000.00"),
        ("-1234.5", "-1,234.50"),
        ("0", "0.00"),
        ("99999999999999999999999999999999999.99", "99,999,999,999,999,999,999,999,999,999,999,999.99"),
    ])
    func moneyIsExactAtAnySize(_ input: String, _ expected: String) throws {
        let value = try #require(Decimal(string: input, locale: Locale(identifier: "en_US_POSIX")))
        #expect(value.moneyText == expected)
    }

    @Test func currencySymbolOrCode() throws {
        let amount = try #require(Decimal(string: "1234.5", locale: Locale(identifier: "en_US_POSIX")))
        #expect(amount.money(in: "GBP") == "£1,234.50")
        #expect(amount.money(in: "EUR") == "€1,234.50")
        #expect(amount.money(in: "NOK") == "NOK 1,234.50")
        #expect((-amount).money(in: "GBP") == "-£1,234.50")
    }

    /// `£-13,639,628,150,831,692.0-60` was printed for 12345678901234567890.12.
    @Test func hugePriceIsExactInTheReportAndSummary() throws {
        let huge = try #require(Decimal(string: "12345678901234567890.12", locale: Locale(identifier: "en_US_POSIX")))
        let report = try CustomTender.report([
            .init(id: "BID-1", name: "Huge Ltd", price: huge, score: 5), .init(id: "BID-2", name: "Small Ltd", price: 1000),
        ])
        let html = try DecisionReport.render(report)
        #expect(html.contains("£12,345,678,901,234,567,890.12"))
        let summary = try AssessmentSummary.make(for: "BID-1", report: report)
        #expect(summary.markdown.contains("£12,345,678,901,234,567,890.12"))
        #expect(summary.html.contains("£12,345,678,901,234,567,890.12"))
    }

    /// "£" was hard-coded whatever the framework's currency.
    @Test func reportUsesTheFrameworkCurrency() throws {
        let report = try CustomTender.report(
            [.init(id: "BID-1", name: "One Ltd", price: 1000, score: 5), .init(id: "BID-2", name: "Two Ltd", price: 1500)],
            currency: "EUR")
        let html = try DecisionReport.render(report)
        #expect(html.contains("€1,000.00"))
        #expect(!html.contains("£"))
        let summary = try AssessmentSummary.make(for: "BID-1", report: report)
        #expect(summary.markdown.contains("€1,000.00"))
        #expect(!summary.markdown.contains("£"))
    }
}
