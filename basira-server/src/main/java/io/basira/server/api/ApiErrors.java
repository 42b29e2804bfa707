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
        return refused(e.problems(), e.total());
    }

    @ExceptionHandler(IngestRejected.class)
    ProblemDetail rejected(IngestRejected e) {
        return refused(e.problems(), e.problems().size());
    }

    /** 422, nothing applied: the first {@value InvalidRecords#LISTED} problems and how many there were in all. */
    private static ProblemDetail refused(List<String> problems, int total) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "nothing was applied: " + total + " problem(s) in the request"
                        + (total > InvalidRecords.LISTED ? "; the first " + InvalidRecords.LISTED + " are listed" : ""));
        problem.setProperty("problems", problems.subList(0, Math.min(problems.size(), InvalidRecords.LISTED)));
        problem.setProperty("problem_count", total);
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
        /** Problems listed in an answer at most; the rest are only counted. */
        public static final int LISTED = 100;
        private static final long serialVersionUID = 1L;
        private final List<String> problems;
        private final int total;

        public InvalidRecords(List<String> problems) {
            this(problems, problems.size());
        }

        /** @param problems the first problems (those kept), @param total how many there were in all */
        public InvalidRecords(List<String> problems, int total) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
            this.total = total;
        }

        public List<String> problems() {
            return problems;
        }

        public int total() {
            return total;
        }
    }
}
