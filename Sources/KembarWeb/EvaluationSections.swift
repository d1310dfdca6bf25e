import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The evaluation part of the partnership page: the report's findings for the chosen framework (`?framework=`).
enum EvaluationSections {
    /// - Parameter numbering: the page's source numbers, so the fragment cites every source with the page's number.
    static func build(
        _ req: Request, partnership: Partnership, report: EvaluationReport, library: FrameworkLibrary,
        numbering: [SourceKey]
    ) -> [Section] {
        let language = req.language
        let chosen = report.evaluation.framework
        var picker = Section(id: "framework", heading: Catalogue.page(.evaluation, language))
        picker.links = library.frameworks.filter { framework in framework.dimensions.count <= 8 }.map { framework in
            Link(
                href: "/partnerships/\(partnership.id)?framework=\(framework.id)",
                label: (framework.id == chosen ? "● " : "") + framework.name.text(language))
        }
        picker.html = report.fragment(language, numbering: numbering)
        return [picker]
    }
}
