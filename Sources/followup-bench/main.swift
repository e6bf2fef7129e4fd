import ArgumentParser

/// The project's measuring instruments: a realistic data generator, the in-process phases of a
/// load, and the table `scripts/bench` prints from what it measured.
struct FollowUpBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup-bench",
        abstract: "Generate realistic followup data and measure how fast it is read, scheduled and saved.",
        discussion: "scripts/bench drives these subcommands; see the Performance section of the README.",
        subcommands: [Generate.self, Phases.self, Table.self])
}

FollowUpBench.main()
