import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The evaluation part of the partnership page: the report's findings for the chosen framework (`?framework=`).
enum EvaluationSections {
    /// - Parameter numbering: the page's source numbers, so the fragment cites every source with the page's number.
    static func build(
        _ req: Request, partnership: Partnership, slice: Dataset, asOf: Day, numbering: [SourceKey]
    ) async throws -> [Section] {
        let language = req.language
        let library = try await req.repository.frameworkLibrary()
        let chosen = try req.chosenFramework(in: library)
        let report = try EvaluationReport.make(
            slice, partnership: partnership.id, framework: chosen, library: library, asOf: asOf)
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
