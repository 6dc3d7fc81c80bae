package org.fusioncell.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring's {@code /error}, replacing Boot's whitelabel one: {@code /api/**} paths get an RFC 9457
 * problem detail, everything else a translated page in the layout. Neither ever shows an exception,
 * and "not found" reads the same whether the item is absent or hidden from the reader.
 */
@Controller
class ErrorPages implements ErrorController {

    private final RequestSizeLimit sizeLimit;

    ErrorPages(RequestSizeLimit sizeLimit) {
        this.sizeLimit = sizeLimit;
    }

    static boolean isApi(String uri, String contextPath) {
        if (uri == null) {
            return false;
        }
        String path = contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length()) : uri;
        return path.equals("/api") || path.startsWith("/api/");
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (isApi(uri, request.getContextPath())) {
            ProblemDetail problem = problem(status);
            try {
                problem.setInstance(java.net.URI.create(uri));
            } catch (IllegalArgumentException malformed) {
                // leave the instance out rather than fail while answering an error
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return new ModelAndView("error/" + page(status),
                Map.of("status", String.valueOf(status.value()), "limitKib", String.valueOf(Math.max(1, sizeLimit.maxBodyBytes() / 1024))), status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
            return HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // /error asked for directly: there is nothing here
        return HttpStatus.NOT_FOUND;
    }

    private static String page(HttpStatus status) {
        return switch (status.value()) {
            case 403, 404, 413, 500 -> String.valueOf(status.value());
            default -> "error";
        };
    }

    private ProblemDetail problem(HttpStatus status) {
        return switch (status.value()) {
            case 401 -> ProblemDetails.problem(status, "unauthenticated", "Unauthenticated",
                    "Send a valid bearer token.");
            case 403 -> ProblemDetails.problem(status, "forbidden", "Forbidden", "Your roles do not allow this.");
            case 404 -> ProblemDetails.problem(status, "not-found", "Not found", "No such resource.");
            case 405 -> ProblemDetails.problem(status, "method-not-allowed", "Method not allowed",
                    "This resource does not accept this method.");
            case 413 -> ProblemDetails.tooLarge(sizeLimit.maxBodyBytes());
            default -> status.is5xxServerError()
                    ? ProblemDetails.problem(status, "internal-error", "Internal error",
                            "The server could not complete the request; nothing was written.")
                    : ProblemDetails.problem(status, "http-" + status.value(), status.getReasonPhrase(),
                            status.getReasonPhrase() + ".");
        };
    }
}
