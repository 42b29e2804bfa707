package io.basira.server.sources;

import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.ConnectionChanges;
import io.basira.server.sources.jdbc.JdbcSources;
import io.basira.shared.StoreId;
import java.time.Duration;
import java.util.Optional;

/**
 * What a merchant changes about sources, from the API and the dashboard alike, each change audited with its actor
 * ({@link ConnectionChanges}: platform and label, the secret masked), the change and its entry in one
 * transaction.
 */
public final class SourceChanges {

    private final JdbcSources sources;
    private final ConnectionChanges audit;

    public SourceChanges(JdbcSources sources, ConnectionChanges audit) {
        this.sources = sources;
        this.audit = audit;
    }

    public JdbcSources.WithSecret create(
            StoreId store, AuditLog.Actor actor, Platform platform, String label, String secret) {
        return audit.together(() -> {
            JdbcSources.WithSecret created = sources.create(store, platform, label, secret);
            Source source = created.source();
            audit.sourceCreated(store, actor, source.id(), source.platform().code(), source.label());
            return created;
        });
    }

    /** @return empty when the store has no such source */
    public Optional<JdbcSources.WithSecret> rotate(
            StoreId store, AuditLog.Actor actor, String id, String secret, Duration window) {
        return audit.together(() -> {
            Optional<JdbcSources.WithSecret> rotated = sources.rotate(store, id, secret, window);
            rotated.ifPresent(done -> audit.sourceSecretRotated(
                    store,
                    actor,
                    id,
                    done.source().platform().code(),
                    done.source().label(),
                    done.source().previousValidUntil() == null
                            ? null
                            : done.source().previousValidUntil().toString()));
            return rotated;
        });
    }

    /** @return whether it existed */
    public boolean remove(StoreId store, AuditLog.Actor actor, String id) {
        return audit.together(() -> {
            Optional<Source> source = sources.find(store, id);
            if (source.isEmpty() || !sources.remove(store, id)) {
                return false;
            }
            audit.sourceRemoved(
                    store,
                    actor,
                    id,
                    source.get().platform().code(),
                    source.get().label());
            return true;
        });
    }
}
