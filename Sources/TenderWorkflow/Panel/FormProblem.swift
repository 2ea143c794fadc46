import TenderModel

/// A problem with one field of a form a person filled in (the web app's declaration or scoring
/// page), carried in ``TenderStore/StoreError/diagnostics`` so that the page can link to the
/// field. The field's name stands where a document's file name would; line and column are 0.
public enum FormProblem {
    public static func at(_ field: String, _ message: String) -> Diagnostic {
        .error(at: SourceLocation(file: field, line: 0, column: 0), message)
    }

    /// The form field a diagnostic names, when it came from ``at(_:_:)``.
    public static func field(of diagnostic: Diagnostic) -> String? {
        diagnostic.location.line == 0 && diagnostic.location.column == 0 ? diagnostic.location.file : nil
    }
}
