import HTTPTypes
import Hummingbird
import NIOCore

/// Serves anonymous visitors' requests for public pages from the ``PageCache``, and empties the cache
/// after every request that may have changed content.
///
/// It wraps everything else, so a page served from memory skips routing, middleware and the database;
/// the headers the middleware set when the page was rendered (security headers included) are kept with it.
/// Cached answers are counted in the `kennis_page_cache_*` metrics instead of the request log.
struct PageCacheResponder<Inner: HTTPResponder<AppRequestContext>>: HTTPResponder {
    let cache: PageCache
    let changes: ContentChanges
    let inner: Inner

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        let key = request.uri.description
        guard request.method == .get else {
            let response = try await inner.respond(to: request, context: context)
            let path = LanguagePaths.split(key)?.1 ?? key
            if request.method != .head, response.status.code < 400, PageCachePolicy.changingPrefixes.contains(where: path.hasPrefix) {
                await changes.announce()
            }
            return response
        }
        guard PageCachePolicy.isAnonymous(request.headers) else { return try await inner.respond(to: request, context: context) }
        // The hot path: only cacheable pages are ever stored, so a hit needs no further checks.
        if let page = cache.page(for: key) {
            changes.counters.hit()
            var headers = page.headers
            headers.append(HTTPField(name: .requestID, value: context.id))
            return Response(status: page.status, headers: headers, body: .init(byteBuffer: page.body))
        }
        guard PageCachePolicy.isCacheable(path: LanguagePaths.split(key)?.1 ?? key) else {
            return try await inner.respond(to: request, context: context)
        }
        changes.counters.miss()
        let generation = cache.generation
        var response = try await inner.respond(to: request, context: context)
        guard PageCachePolicy.isStorable(response) else { return response }
        let collector = Collector()
        try await response.body.write(collector)
        // Kept ready to send: marked as a hit, without the id of the request that rendered it.
        var stored = response.headers
        stored[.requestID] = nil
        stored[.xCache] = "hit"
        cache.store(.init(status: response.status, headers: stored, body: collector.buffer, stored: .now), for: key, generation: generation)
        response.body = .init(byteBuffer: collector.buffer)
        response.headers[.xCache] = "miss"
        return response
    }

    /// Collects a rendered page's body so it can be both stored and sent. A class, because
    /// `ResponseBody.write(_:)` consumes its writer; it never leaves the request's task.
    private final class Collector: ResponseBodyWriter {
        var buffer = ByteBuffer()

        func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            self.buffer.writeBuffer(&buffer)
        }

        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

/// Which requests the page cache answers and which responses it keeps.
enum PageCachePolicy {
    /// Public page paths (without a language prefix). Search is left out: each search is recorded for statistics.
    static let cachedPrefixes = ["/thema", "/type/", "/agenda", "/kennis/", "/toegankelijkheid", "/privacy"]
    /// Areas where a successful POST, PUT, PATCH or DELETE may change what public pages show.
    static let changingPrefixes = ["/beheer", "/api/"]

    static func isCacheable(path: String) -> Bool {
        let route = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        return route == "/" || cachedPrefixes.contains(where: route.hasPrefix)
    }

    /// No credentials of any kind: signed-in staff see previews and menus, so their pages are never shared.
    static func isAnonymous(_ headers: HTTPFields) -> Bool {
        headers[.cookie] == nil && headers[.authorization] == nil
    }

    static func isStorable(_ response: Response) -> Bool {
        response.status == .ok && response.headers[.setCookie] == nil
            && response.headers[.contentType]?.hasPrefix("text/html") == true
            && !(response.headers[.cacheControl]?.contains("private") ?? false)
    }
}

extension HTTPField.Name {
    /// `X-Cache: hit` or `miss` on public pages, so operators and benchmarks can see the cache work.
    static let xCache = Self("X-Cache")!
}
