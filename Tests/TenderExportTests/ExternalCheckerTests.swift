import Foundation
import Testing

/// CI sets TENDERSCORE_REQUIRE_CHECKERS so that the browser and OCDS checks can never be skipped
/// there unnoticed: on a developer's machine without the tools they skip with a message instead.
@Suite("outside checkers")
struct ExternalCheckerTests {
    @Test(
        "CI has headless Chromium, libcoveocds and the OCDS 1.1.5 archive",
        .enabled(if: ProcessInfo.processInfo.environment["TENDERSCORE_REQUIRE_CHECKERS"] != nil))
    func checkersPresent() {
        #expect(ExternalTools.chromium != nil, "chromium is not installed")
        #expect(ExternalTools.libcoveocds != nil, "libcoveocds is not installed")
        #expect(ExternalTools.standardZip != nil, "../shared/testdata/ocds/standard-1__1__5.zip is missing")
    }
}
