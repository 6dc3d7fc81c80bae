package org.fusioncell.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every API error as an RFC 9457 problem detail. Bad input names the field ({@code field}
 * extension, a dotted path with indexes); "not found" and "hidden from you" are one and the same
 * answer. Messages never echo submitted values (they may be personal data).
 * <p>Applies to {@code @RestController}s only: the UI's {@code @Controller}s answer errors with
 * translated pages ({@code org.fusioncell.web}), and Spring's {@code /error} answers problem details
 * for {@code /api/**} paths that reach no controller.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetails {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);
    public static final String TYPE_BASE = "https://fusioncell.org/problems/";

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        return p;
    }

    public static ProblemDetail invalid(String field, String problem) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + problem);
        p.setProperty("field", field);
        p.setProperty("errors", List.of(Map.of("field", field, "problem", problem)));
        return p;
    }

    /** 413 for a body over the limit; {@code field} is {@code body}. */
    public static ProblemDetail tooLarge(long limitBytes) {
        ProblemDetail p = problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "body: larger than the limit of " + limitBytes + " bytes; nothing was written.");
        p.setProperty("field", "body");
        p.setProperty("limitBytes", limitBytes);
        return p;
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ProblemDetail bodyTooLarge(RequestBodyTooLargeException e) {
        return tooLarge(e.limitBytes());
    }

    /**
     * A transaction that lost a deadlock or waited too long for a lock was rolled back whole, so nothing is
     * half-written and the same request can simply be sent again (e.g. an erasure meeting the background screening
     * of the same person). 503 with Retry-After says exactly that, where a 500 would read as a bug.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e) {
        log.warn("a transaction lost a lock conflict and was rolled back: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                        "Other work changed the same data at the same moment; nothing was written. Send the request again."));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.field(), e.problem());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + e.kind() + " with this id.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge.limitBytes());
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException je) {
            String path = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            String field = path.startsWith(".") ? path.substring(1) : path;
            String what = cause.getClass().getSimpleName();
            String problem = switch (what) {
                case "UnrecognizedPropertyException" -> "unknown field";
                case "MismatchedInputException", "InvalidFormatException" -> "wrong type or format";
                default -> "malformed JSON (" + je.getOriginalMessage().replaceAll("[\\r\\n].*", "") + ")";
            };
            if (field.isEmpty()) {
                field = "body";
            }
            if (je.getLocation() != null && problem.startsWith("malformed")) {
                problem += " at line " + je.getLocation().getLineNr() + ", column " + je.getLocation().getColumnNr();
            }
            return invalid(field, problem);
        }
        return invalid("body", "missing or unreadable request body");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail notValid(MethodArgumentNotValidException e) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "problem", String.valueOf(f.getDefaultMessage())))
                .toList();
        var first = errors.getFirst();
        ProblemDetail p = invalid(first.get("field"), first.get("problem"));
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(e.getName(), "wrong type or format");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return invalid(e.getParameterName(), "is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "This resource does not accept " + e.getMethod() + ".");
    }

    /**
     * Refusals by method security belong to the security filters, which answer them as problems
     * (401/403) for the API and with the login page or 403 page for the UI: let them through.
     */
    @ExceptionHandler({org.springframework.security.access.AccessDeniedException.class,
            org.springframework.security.core.AuthenticationException.class})
    void securityRefusal(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge.limitBytes());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The server could not complete the request; nothing was written.");
    }
}
