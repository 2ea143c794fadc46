import TenderModel
import TenderWorkflow

/// The problems of a submitted form, GOV.UK style: a summary at the top that links to each
/// field, and each field's own message beside it.
struct ErrorSummary {
    let list: [[String: String]]

    init(_ problems: [Diagnostic]) {
        list = problems.map { problem in
            ["field": FormProblem.field(of: problem) ?? "", "message": problem.message]
        }
    }

    func message(for field: String) -> String? {
        list.first { $0["field"] == field }?["message"]
    }
}
