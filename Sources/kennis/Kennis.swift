import ArgumentParser

/// The `kennis` command: one binary for serving the platform and for the operator's tasks.
@main
struct Kennis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kennis",
        abstract: "Kennisplatform: a public knowledge platform for a policy knowledge institute.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, ImportCommand.self, ExportCommand.self, MigrateDataCommand.self,
            SearchCommand.self, SynonymsCommand.self, UserCommand.self, StemCommand.self, BenchCommand.self,
        ])
}
