package io.basira.shared;

/**
 * Something a request names (a group, a customer) does not exist in the store. The server answers
 * it with 404 and this message, which says what was not found.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
