package io.basira.server.platform.errors;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A stand-in for a failure, fit for the log: the same types, causes and stack frames, without the
 * messages. Driver and Spring data-access messages quote the SQL with its bound values and the
 * offending row (e-mails, phone numbers, names: personal data); a SQL failure keeps only its SQLState
 * and vendor code, which say what kind of failure it was.
 */
public final class RedactedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;

    private RedactedFailure(String message, StackTraceElement[] stack, Throwable cause) {
        super(message, cause, false, true);
        setStackTrace(stack);
    }

    /** The redacted copy of {@code failure} and its causes, to log in its place. */
    public static RedactedFailure of(Throwable failure) {
        return redact(failure, new IdentityHashMap<>(), 0);
    }

    private static RedactedFailure redact(Throwable failure, Map<Throwable, Boolean> seen, int depth) {
        seen.put(failure, Boolean.TRUE);
        Throwable next = failure.getCause();
        RedactedFailure cause =
                next == null || seen.containsKey(next) || depth >= MAX_DEPTH ? null : redact(next, seen, depth + 1);
        String message = failure.getClass().getName();
        if (failure instanceof SQLException sql) {
            message += " (SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode() + ")";
        }
        return new RedactedFailure(message + " [message withheld]", failure.getStackTrace(), cause);
    }
}
