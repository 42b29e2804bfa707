package io.basira.server.importing.web;

import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.importing.ImportFolder;
import io.basira.server.importing.ImportOutcome;
import io.basira.server.platform.errors.RedactedFailure;
import io.basira.server.platform.files.UploadFolders;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports started from the dashboard, run one at a time on a background thread so the page can
 * show progress (the browser polls {@link #find}). Statuses live in memory only: the last
 * {@value #KEPT} jobs are kept, a restart forgets them (the data they imported stays).
 *
 * <p>Thread-safe. A job is visible only to its own store: {@link #find} takes the store and a
 * random id.
 */
public final class ImportJobs implements AutoCloseable {

    public enum State {
        QUEUED,
        CHECKING,
        IMPORTING,
        APPLIED,
        REFUSED,
        FAILED;

        public boolean finished() {
            return this == APPLIED || this == REFUSED || this == FAILED;
        }
    }

    /**
     * A job's state as last seen. {@code file} and {@code percent} (0–100) describe the file being
     * read in the current pass; {@code outcome} is set once finished unless the job failed, when
     * {@code failure} says why.
     */
    public record Status(
            String id,
            StoreId store,
            State state,
            String file,
            int percent,
            ImportOutcome outcome,
            String failure,
            Instant started) {

        Status advanced(State newState, String newFile, int newPercent) {
            return new Status(id, store, newState, newFile, newPercent, outcome, failure, started);
        }

        Status finished(ImportOutcome result) {
            return new Status(
                    id, store, result.applied() ? State.APPLIED : State.REFUSED, null, 100, result, null, started);
        }

        Status failed(String reason) {
            return new Status(id, store, State.FAILED, null, 100, null, reason, started);
        }
    }

    static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportFolder importer;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "basira-dashboard-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicReference<Status>> jobs = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AtomicReference<Status>> eldest) {
            return size() > KEPT;
        }
    };

    public ImportJobs(ImportFolder importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    /**
     * Queues the import of {@code upload} into {@code store}. The job owns the upload and deletes it
     * when done (a job that never ran because the server stopped leaves it to the sweep of
     * {@link UploadFolders} at the next start). @return the job's first status
     */
    public Status start(Store store, UploadFolders.Upload upload, boolean skipInvalid) {
        return start(store, upload, skipInvalid, ColumnMapping.none());
    }

    /** {@link #start(Store, UploadFolders.Upload, boolean)}, the files read through {@code mapping}. */
    public Status start(Store store, UploadFolders.Upload upload, boolean skipInvalid, ColumnMapping mapping) {
        Status first = new Status(
                UUID.randomUUID().toString(), store.id(), State.QUEUED, null, 0, null, null, clock.instant());
        AtomicReference<Status> status = new AtomicReference<>(first);
        synchronized (jobs) {
            jobs.put(first.id(), status);
        }
        worker.execute(() -> run(store, upload, skipInvalid, mapping, status));
        return first;
    }

    /** The job with this id, if it belongs to this store and is still remembered. */
    public Optional<Status> find(StoreId store, String id) {
        AtomicReference<Status> status;
        synchronized (jobs) {
            status = jobs.get(id);
        }
        return Optional.ofNullable(status)
                .map(AtomicReference::get)
                .filter(s -> s.store().equals(store));
    }

    private void run(
            Store store,
            UploadFolders.Upload upload,
            boolean skipInvalid,
            ColumnMapping mapping,
            AtomicReference<Status> status) {
        Path folder = upload.folder();
        try {
            ImportFolder.Progress progress = pass -> {
                State state = pass.equals("checking") ? State.CHECKING : State.IMPORTING;
                status.updateAndGet(s -> s.advanced(state, null, 0));
                return (file, read, total) -> status.updateAndGet(
                        s -> s.advanced(state, file, total == 0 ? 100 : (int) (100 * read / total)));
            };
            ImportOutcome outcome = importer.run(store, folder, skipInvalid, progress, mapping);
            status.updateAndGet(s -> s.finished(outcome));
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            log.error(
                    "error {}: dashboard import {} into store {} failed",
                    errorId,
                    status.get().id(),
                    store.slug(),
                    RedactedFailure.of(e));
            status.updateAndGet(s -> s.failed("an unexpected error; quote error id " + errorId + " to the operator"));
        } finally {
            upload.close();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
