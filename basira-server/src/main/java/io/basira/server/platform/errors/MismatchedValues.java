package io.basira.server.platform.errors;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request body's value that is JSON but not of its field's type ({@code "quantity": "two"}), said as a
 * problem that names the field: {@code items[0].quantity: 'two' is not a decimal number}. Only for a value
 * inside the body; a body of the wrong shape as a whole stays the general "not of the shape" answer.
 */
final class MismatchedValues {

    private MismatchedValues() {}

    /** The problem, or null when {@code cause} is not a mismatch of a named field. */
    static String problem(Throwable cause) {
        if (!(cause instanceof MismatchedInputException mismatch)) {
            return null;
        }
        String path = RequestProblems.path(mismatch);
        if (path.isEmpty()) {
            return null;
        }
        Class<?> type = mismatch.getTargetType();
        String expected = type == null
                ? "a value of another type"
                : type == BigDecimal.class || type == Double.class || type == double.class
                        ? "a decimal number"
                        : type == Integer.class
                                        || type == int.class
                                        || type == Long.class
                                        || type == long.class
                                        || type == BigInteger.class
                                ? "a whole number"
                                : type == Boolean.class || type == boolean.class
                                        ? "true or false"
                                        : type == String.class
                                                ? "a string"
                                                : Collection.class.isAssignableFrom(type)
                                                        ? "a JSON array"
                                                        : "a JSON object";
        if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return path + ": '" + invalid.getValue() + "' is not " + expected;
        }
        return path + ": expected " + expected;
    }
}
