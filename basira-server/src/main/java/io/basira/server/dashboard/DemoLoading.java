package io.basira.server.dashboard;

import org.springframework.stereotype.Component;

/**
 * Whether the demo store is still being prepared on this start (docs/dashboard.md, "Signing in"): from the
 * moment {@code basira serve} knows it will load the demo until its dashboard user exists, the sign-in page says
 * so and reloads itself, instead of answering "wrong password" to the credentials the start is about to print.
 * Thread-safe.
 */
@Component
public final class DemoLoading {

    private volatile boolean inProgress;

    /** The demo store is about to be checked and, on a first start, loaded. */
    public void begin() {
        inProgress = true;
    }

    /** The demo user exists (or the demo failed to load: the page stops waiting either way). */
    public void end() {
        inProgress = false;
    }

    public boolean inProgress() {
        return inProgress;
    }
}
