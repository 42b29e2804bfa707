package io.basira.server.platform.jobs;

import io.basira.shared.Store;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work done for one store at each of its local midnights, after the jobs before it in the list given to
 * {@link StoreMidnights}; {@code name} names it in logs. The work must be idempotent for a
 * date (a run that comes late, or twice, for a day already done does nothing), and may throw: a failed run
 * is retried later.
 */
public record StoreMidnightJob(String name, Consumer<Store> work) {

    public StoreMidnightJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a job name has 1 to 100 characters: '" + name + "'");
        }
    }
}
