import Foundation

/// Output to the person at the terminal: results on standard output, problems on standard error.
enum Terminal {
    static func print(_ line: String = "") {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
