import Foundation

/// Output to the person at the terminal: results on standard output, problems on standard error.
enum Terminal {
    /// One line for one of the two streams.
    enum Line {
        case output(String)
        case error(String)
    }

    static func print(_ line: String = "") {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes `lines` in their order, each run of lines for the same stream in one write: a
    /// command that reports on 2,000 bids made 2,000 writes, a tenth of `validate`'s time.
    /// Problems and results still interleave as they would line by line.
    static func write(_ lines: [Line]) {
        var run = ""
        var runIsError = false
        func flush() {
            guard !run.isEmpty else { return }
            (runIsError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(run.utf8))
            run = ""
        }
        for line in lines {
            let (text, isError): (String, Bool)
            switch line {
            case .output(let output): (text, isError) = (output, false)
            case .error(let error): (text, isError) = (error, true)
            }
            if isError != runIsError { flush() }
            runIsError = isError
            run += text
            run += "\n"
        }
        flush()
    }
}
