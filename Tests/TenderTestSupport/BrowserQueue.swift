/// One headless browser run at a time across the whole test process.
///
/// Why: the accessibility run and the end-to-end browser runs (on SQLite and on PostgreSQL) each
/// start Chromium through chromedriver; started together on CI's two cores, a start timed out
/// after two minutes. Waiting here suspends the test rather than blocking a thread, so a web app
/// served in this process keeps answering the run that holds the browser.
public actor BrowserQueue {
    public static let shared = BrowserQueue()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` once no other browser run is under way.
    public static func exclusively<T>(_ body: () async throws -> T) async throws -> T {
        await shared.acquire()
        do {
            let value = try await body()
            await shared.release()
            return value
        } catch {
            await shared.release()
            throw error
        }
    }
}
