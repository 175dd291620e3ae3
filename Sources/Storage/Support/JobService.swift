import Foundation
import Logging
import ServiceLifecycle

/// Runs an instance's ``JobRunner`` every few seconds until shutdown.
public struct JobService: Service {
    let runner: JobRunner
    let interval: Duration
    let logger: Logger

    public init(runner: JobRunner, interval: Duration, logger: Logger) {
        self.runner = runner
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            // The first round waits an interval too: the application migrates the database after its services start.
            while (try? await Task.sleep(for: interval)) != nil, !Task.isCancelled {
                do {
                    try await runner.runDueJobs()
                } catch {
                    logger.error("Could not claim jobs", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
