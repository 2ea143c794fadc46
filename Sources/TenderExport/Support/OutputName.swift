/// File names derived from ids that bidders and panels chose, made safe to write.
///
/// Ids come from documents (`BID-003`, but also `index`, `INDEX` or 245 characters), and a pack or
/// a folder of summaries writes one file per id. A name taken straight from an id can replace
/// another output (`index.html`), collide on a case-insensitive disk (`BID-1`, `bid-1`) or be too
/// long for the file system half way through a run. So every output name goes through here: plain
/// ids keep their own name, anything else gets a short readable part and a hash of the whole id,
/// and ``OutputFolder`` checks every name before it writes any file.
public enum OutputName {
    /// The longest base (the part before `-assessment-summary.html`) an id may keep as it is.
    public static let maximumBaseLength = 80

    /// The file name base for one id: the id itself when it is short and made only of letters,
    /// digits, `-`, `_` and `.` (not first); otherwise a readable prefix, `-` and 16 hex digits of
    /// a hash of the id, so two different ids never share a base.
    public static func base(for id: String) -> String {
        let cleaned = sanitised(id)
        if cleaned == id, !id.isEmpty, id.utf8.count <= maximumBaseLength { return id }
        return hashed(id)
    }

    /// Bases for every id, unique even on a case-insensitive disk and never equal to a name in
    /// `reserved` (compared without case, e.g. `index` in a pack): ids that would collide all take
    /// the hashed form, whatever order they come in.
    public static func unique(_ ids: [String], reserved: Set<String> = []) -> [String: String] {
        let reservedKeys = Set(reserved.map { $0.lowercased() })
        var bases = Dictionary(ids.map { ($0, base(for: $0)) }, uniquingKeysWith: { first, _ in first })
        let groups = Dictionary(grouping: bases.keys, by: { (bases[$0] ?? $0).lowercased() })
        for (key, members) in groups where members.count > 1 || reservedKeys.contains(key) {
            for id in members { bases[id] = hashed(id) }
        }
        return bases
    }

    /// True for a name ``OutputFolder`` will write: 1 to 255 bytes of ASCII letters, digits, `-`,
    /// `_` and `.`, not starting with `.` (no hidden files, no `..`).
    public static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255, !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
        default: false
        }
    }

    private static func sanitised(_ id: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in id.unicodeScalars {
            out.append(isAllowed(scalar) && !(out.isEmpty && scalar == ".") ? scalar : "_")
        }
        return String(out)
    }

    private static func hashed(_ id: String) -> String {
        let prefix = String(sanitised(id).prefix(40))
        return (prefix.isEmpty ? "" : prefix + "-") + fnv1a(id)
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines (Swift's `Hasher` is
    /// seeded per process, so it cannot name files).
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
