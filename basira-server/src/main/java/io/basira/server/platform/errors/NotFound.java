package io.basira.server.platform.errors;

import io.basira.shared.NotFoundException;

/**
 * A resource of the caller's store that does not exist (another store's resources do not exist either);
 * the core's {@link NotFoundException} (a group, a customer) is answered the same way.
 */
public final class NotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
