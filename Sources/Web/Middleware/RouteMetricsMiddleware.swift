import Dispatch
import Hummingbird
import Prometheus

/// Counts requests and records their latency per route, method and status class, for `/metrics`.
///
/// The route is the router's pattern (`/kennis/{slug}`), never the concrete path, so the number of
/// series stays bounded whatever URLs are requested. The registry is passed in rather than bootstrapped
/// globally, so each application (and each test) has its own.
struct RouteMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let registry: PrometheusCollectorRegistry
    static var buckets: [Duration] {
        [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
        ]
    }
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kennis", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests by route")
    }
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kennis", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "HTTP request latency by route")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context, status: status, start: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, start: UInt64) {
        let route = context.endpointPath ?? "unmatched"
        let labels = [("route", route), ("method", request.method.rawValue), ("status", "\(status / 100)xx")]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: labels, buckets: Self.buckets)
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }
}
