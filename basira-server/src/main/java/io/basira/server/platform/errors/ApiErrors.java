package io.basira.server.platform.errors;

import io.basira.ingest.IngestRejected;
import io.basira.server.platform.jdbc.BulkReads;
import io.basira.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Maps failures to RFC 9457 problem details with a sentence a developer can act on: never a stack
 * trace, never a Java type name. Spring MVC's own request errors (malformed JSON, a wrong method or
 * media type, a parameter that does not convert) are problems too ({@link ResponseEntityExceptionHandler}).
 *
 * <p>An unexpected failure answers 500 with an {@code error_id}; the log line carries the same id, the
 * route pattern (not the path, which may hold a customer id) and the exception types and stack, but
 * no exception message: messages of the database drivers quote SQL with its bound values and the
 * customer data of the failing row ({@link RedactedFailure}).
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidRecords.class)
    ProblemDetail invalid(InvalidRecords e) {
        return refused(e.problems(), e.total());
    }

    @ExceptionHandler(IngestRejected.class)
    ProblemDetail rejected(IngestRejected e) {
        return refused(e.problems(), e.problems().size());
    }

    /** 422, nothing applied: the first {@value InvalidRecords#LISTED} problems and how many there were in all. */
    private static ProblemDetail refused(List<String> problems, int total) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "nothing was applied: " + total + " problem(s) in the request"
                        + (total > InvalidRecords.LISTED
                                ? "; the first " + InvalidRecords.LISTED + " are listed"
                                : ""));
        problem.setProperty("problems", problems.subList(0, Math.min(problems.size(), InvalidRecords.LISTED)));
        problem.setProperty("problem_count", total);
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    /**
     * The database's connections are all in use, or other long reads hold the permits: a passing
     * overload, not a defect. 503 with Retry-After, so a client retries instead of reporting a bug.
     */
    @ExceptionHandler({
        BulkReads.Busy.class,
        CannotGetJdbcConnectionException.class,
        PessimisticLockingFailureException.class
    })
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                e instanceof BulkReads.Busy
                        ? e.getMessage()
                        : e instanceof PessimisticLockingFailureException
                                ? "other writes of the same customers (or an import of this store) took too long; nothing"
                                        + " was applied; try again shortly"
                                : "the database is busy; try again shortly");
        log.warn("503 busy: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /** Anything else is a defect: 500 with an id to quote, logged without messages (they may hold customer data). */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers these
        }
        String id = UUID.randomUUID().toString();
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        log.error(
                "error {}: {} {} failed",
                id,
                request.getMethod(),
                route != null ? route : "(no route)",
                RedactedFailure.of(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error; nothing more can be said here. Quote error id " + id + " to the operator");
        problem.setProperty("error_id", id);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = MismatchedValues.problem(e.getMostSpecificCause());
        if (field != null) {
            return ResponseEntity.status(
                            unprocessable(request) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST)
                    .body(unprocessable(request) ? refused(List.of(field), 1) : badRequest(field));
        }
        return ResponseEntity.badRequest().body(badRequest(unreadableBody(e)));
    }

    /**
     * A body that broke its record's constraints: every problem listed (field, then why, in the request's
     * language); 422 for a record marked {@link UnprocessableWhenInvalid}, else 400.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> problems = RequestProblems.of(e.getBindingResult());
        if (e.getParameter().getParameterType().isAnnotationPresent(UnprocessableWhenInvalid.class)) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(refused(problems, problems.size()));
        }
        return ResponseEntity.badRequest().body(badRequest(problems));
    }

    /** Whether the handler's body is a record refused with 422 ({@link UnprocessableWhenInvalid}). */
    private static boolean unprocessable(WebRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, WebRequest.SCOPE_REQUEST);
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return parameter.getParameterType().isAnnotationPresent(UnprocessableWhenInvalid.class);
                }
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> type = e.getRequiredType();
        String expected = type == null
                ? "a valid value"
                : type == int.class || type == Integer.class || type == long.class || type == Long.class
                        ? "a whole number"
                        : type == boolean.class || type == Boolean.class
                                ? "true or false"
                                : type == LocalDate.class ? "a date (YYYY-MM-DD)" : "a valid value";
        return ResponseEntity.badRequest()
                .body(badRequest("parameter '" + e.getPropertyName() + "': '" + e.getValue() + "' is not " + expected));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(badRequest("parameter '" + e.getParameterName() + "' is required"));
    }

    private static String unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException json) {
            String where = json.getLocation() == null || json.getLocation().getLineNr() < 0
                    ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column "
                            + json.getLocation().getColumnNr() + ")";
            return cause instanceof StreamReadException
                    ? "the request body is not valid JSON" + where
                    : "the request body is JSON but not of the shape this call takes" + where
                            + "; see /api/openapi.json";
        }
        return "the request body is missing or cannot be read";
    }

    private static ProblemDetail badRequest(String detail) {
        return badRequest(List.of(detail));
    }

    /** 400: the problems joined in {@code detail}, and listed. */
    private static ProblemDetail badRequest(List<String> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
        problem.setProperty("problems", problems);
        return problem;
    }
}
