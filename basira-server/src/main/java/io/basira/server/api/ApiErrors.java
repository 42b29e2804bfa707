package io.basira.server.api;

import io.basira.ingest.IngestRejected;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps failures to RFC 9457 problem details with a sentence a developer can act on; never a stack trace. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidRecords.class)
    ProblemDetail invalid(InvalidRecords e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "nothing was applied: " + e.problems().size() + " problem(s) in the request");
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(IngestRejected.class)
    ProblemDetail rejected(IngestRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "nothing was applied: " + e.problems().size() + " problem(s) in the request");
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class})
    ProblemDetail badRequest(Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", List.of(e.getMessage()));
        return problem;
    }

    /** A resource of the caller's store that does not exist (another store's resources do not exist either). */
    public static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** Request records that did not parse; each problem names the record and field. */
    public static final class InvalidRecords extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public InvalidRecords(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
