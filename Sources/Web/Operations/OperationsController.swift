import Domain
import Hummingbird
import Logging
import Prometheus
import Storage

/// Endpoints for the operator's tooling: `GET /healthz` for load balancers and `GET /metrics` for Prometheus.
///
/// Authorization: public, as is usual for these; they reveal no content or personal data. Put them
/// behind the proxy's access rules if the deployment wants them private.
struct OperationsController: Sendable {
    let database: Database
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/healthz", use: health)
        router.get("/metrics", use: metrics)
    }

    func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        let healthy: Bool
        do {
            try await database.ping()
            healthy = true
        } catch {
            context.logger.warning("Health check: database unavailable", metadata: ["error": "\(error)"])
            healthy = false
        }
        let body = OrderedJSON.object([
            ("status", .string(healthy ? "ok" : "unavailable")),
            ("database", .string(healthy ? "ok" : "unreachable")),
        ]).text
        return Response(
            status: healthy ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }
}
