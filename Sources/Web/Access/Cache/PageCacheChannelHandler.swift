import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Answers an anonymous visitor's GET of a cached page on the connection's event loop, the moment the
/// request is read, so a cache hit costs no task, no routing and no middleware.
///
/// It sits in each connection's pipeline after HTTP decoding (Hummingbird's `additionalChannelHandlers`).
/// Everything it does not answer goes on to Hummingbird unchanged, where ``PageCacheResponder`` renders
/// and stores pages. A client may send the next request before the previous answer (pipelining), so it
/// answers only while no earlier request is still with Hummingbird: answers keep the order of the requests.
final class PageCacheChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let cache: PageCache
    let counters: PageCacheCounters
    /// Drops the rest of a request this handler answered (its `.end`).
    private var answered = false
    /// Requests passed on to Hummingbird whose answer has not been written completely yet.
    private var withHummingbird = 0
    private var date = HTTPDate()

    init(cache: PageCache, counters: PageCacheCounters) {
        self.cache = cache
        self.counters = counters
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            guard withHummingbird == 0, let page = answerable(request) else {
                withHummingbird += 1
                return context.fireChannelRead(data)
            }
            counters.hit()
            var headers = page.headers
            headers.append(HTTPField(name: .requestID, value: RequestID().description))
            if headers[.contentLength] == nil {
                headers.append(HTTPField(name: .contentLength, value: String(page.body.readableBytes)))
            }
            headers.append(HTTPField(name: .date, value: date.now()))
            headers.append(HTTPField(name: .server, value: "kennis"))
            context.write(wrapOutboundOut(.head(HTTPResponse(status: page.status, headerFields: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(page.body)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            answered = true
        case .body:
            if !answered { context.fireChannelRead(data) }
        case .end:
            if answered { answered = false } else { context.fireChannelRead(data) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { withHummingbird = max(0, withHummingbird - 1) }
        context.write(data, promise: promise)
    }

    /// The cached page for a plain anonymous GET on a connection that stays open; nil sends it on to Hummingbird.
    private func answerable(_ request: HTTPRequest) -> PageCache.Page? {
        guard request.method == .get, let path = request.path,
              PageCachePolicy.isAnonymous(request.headerFields),
              !(request.headerFields[.connection]?.lowercased().contains("close") ?? false)
        else { return nil }
        return cache.page(for: path)
    }
}

/// The `Date` header, formatted once per second.
struct HTTPDate {
    private var second = 0
    private var text = ""

    mutating func now() -> String {
        var seconds = time(nil)
        guard seconds != second else { return text }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        text = String(format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", days[Int(parts.tm_wday)], parts.tm_mday,
                      months[Int(parts.tm_mon)], parts.tm_year + 1900, parts.tm_hour, parts.tm_min, parts.tm_sec)
        second = seconds
        return text
    }
}
