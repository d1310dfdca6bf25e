import Foundation

/// One-call entry points for command-line tools: specification JSON + data CSV in, results out.
public enum IndexRunner {
    /// Decodes and validates the spec, reads the data (long or wide CSV, per the spec's `data` section) and builds
    /// the index. Errors are ``SpecError``, ``CSVError`` or ``IndexError`` with messages fit for users.
    public static func build(
        specJSON: Data, dataCSV: String
    ) throws -> (
        spec: IndexSpec, panel: Panel, result: IndexResult
    ) {
        let spec = try IndexSpec.decode(specJSON)
        let config = try spec.configuration()
        let panel = try CSVData.load(dataCSV, options: spec.csvOptions)
        let result = try IndexPipeline.run(panel: panel, configuration: config)
        return (spec, panel, result)
    }

    /// Builds the index and runs the spec's uncertainty analysis; `progress(completed, total)` reports replications
    /// as they finish (from worker threads).
    public static func uncertainty(
        specJSON: Data, dataCSV: String, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> (result: IndexResult, uncertainty: UncertaintyResult) {
        let spec = try IndexSpec.decode(specJSON)
        var config = try spec.configuration()
        let uaSpec = try spec.uncertaintySpec()
        config.keepIntermediate = config.keepIntermediate || !uaSpec.normalisationAlternatives.isEmpty
        let panel = try CSVData.load(dataCSV, options: spec.csvOptions)
        let result = try IndexPipeline.run(panel: panel, configuration: config)
        let ua = try Uncertainty.run(nominal: result, configuration: config, spec: uaSpec, progress: progress)
        return (result, ua)
    }
}
