import HTTPTypes
public import Hummingbird
import Logging

/// Turns every error into a response through `APIError(mapping:)`: JSON
/// `{"error": {"code", "message"}}` for API clients, an error page for a browser asking for
/// HTML outside `/api/`. Server failures are logged with the error; client mistakes are not
/// worth more than the request log line.
public struct ErrorMiddleware: RouterMiddleware {
    /// The request context this middleware works on.
    public typealias Context = AppRequestContext

    /// The page templates, for HTML error pages.
    let pages: PageRenderer

    /// Passes the request on and renders any error it throws.
    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let mapped = APIError(mapping: error)
            if mapped.status.kind == .serverError {
                context.logger.error(
                    "request failed",
                    metadata: ["error": .string(String(reflecting: error)), "http.path": .string(request.uri.path)])
            }
            var response = wantsPage(request) ? page(for: mapped, request: request) : mapped.jsonResponse()
            if request.method == .head {
                response.body = ResponseBody()
            }
            return response
        }
    }

    /// Whether the client is a browser that should see a page rather than JSON: it names
    /// `text/html` in `Accept` and prefers it.
    func wantsPage(_ request: Request) -> Bool {
        (request.method == .get || request.method == .head) && !request.uri.path.hasPrefix("/api/")
            && (request.headers[.accept]?.contains("text/html") ?? false)
            && Representation.requested(by: request) == .html
    }

    /// The error as an HTML page.
    func page(for error: APIError, request: Request) -> Response {
        let language = PageLanguage.requested(by: request)
        let (chinese, english): (String, String) =
            switch error.status.code {
            case 400: ("无法识别此码", "This code cannot be read")
            case 401: ("需要登录", "Sign-in required")
            case 404: ("未找到", "Not found")
            case 429: ("扫码过于频繁", "Too many scans")
            case 500...599: ("服务暂时不可用", "Service unavailable")
            default: ("请求有误", "Request error")
            }
        let model = ErrorPage(
            lang: language.htmlTag, title: language.pick(chinese, english),
            brand: language.pick("QualityLoop 质量闭环", "QualityLoop"), homeLabel: language.pick("首页", "Home"),
            headline: language.pick(chinese, english), alternate: language.pick(english, chinese),
            message: error.message, code: error.code, status: error.status.code)
        var headers = error.headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: error.status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: pages.render(model, template: "error"))))
    }
}
