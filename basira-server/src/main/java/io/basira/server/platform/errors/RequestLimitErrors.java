package io.basira.server.platform.errors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The 413 problems of requests over a size limit ({@link ContentTooLarge}, and uploads over the
 * multipart limits), with the limit in {@code limit}. Ordered first so that no broader handler answers
 * these with another status.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimitErrors {

    private final DataSize maxFile;
    private final DataSize maxUpload;

    public RequestLimitErrors(
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxUpload) {
        this.maxFile = maxFile;
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(ContentTooLarge.class)
    ProblemDetail tooLarge(ContentTooLarge e) {
        return problem(e.getMessage(), e.limit());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        String limit = maxFile.toBytes() + " bytes per file, " + maxUpload.toBytes() + " bytes in all";
        return problem(
                "nothing was imported: the upload is larger than this server accepts (" + limit
                        + "); import a larger folder with `basira import`",
                limit);
    }

    static ProblemDetail problem(String detail, String limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setProperty("limit", limit);
        return problem;
    }
}
