package io.basira.server.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded CSV files (customer data) wait while they are imported: one folder per upload
 * under an owner-only parent, {@code basira.upload-dir} (default {@code <tmp>/basira-uploads-<user>}).
 * An {@link Upload} is deleted when closed (try-with-resources, or the import job's {@code finally}).
 *
 * <p>A process that dies mid-import cannot delete its folder, so each upload holds an OS file lock
 * on {@code upload-<id>.lock} beside its folder while it lives; at start the folders whose lock no
 * live process holds (and folders without a lock file) are deleted. Uploads of other processes using
 * the same parent are left alone. Thread-safe.
 */
@Component
public class UploadFolders {

    private static final Logger log = LoggerFactory.getLogger(UploadFolders.class);

    private final Path parent;

    public UploadFolders(@Value("${basira.upload-dir:${java.io.tmpdir}/basira-uploads-${user.name}}") Path parent)
            throws IOException {
        this.parent = OwnerOnly.folder(parent.toAbsolutePath());
        int removed = sweep();
        if (removed > 0) {
            log.info(
                    "removed {} upload folder(s) left by a process that stopped mid-import, from {}",
                    removed,
                    this.parent);
        }
    }

    /** A new, empty, owner-only upload folder, locked as in use until closed. */
    public Upload create() throws IOException {
        String name = "upload-" + UUID.randomUUID();
        Path lockFile = parent.resolve(name + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            return new Upload(OwnerOnly.folder(parent.resolve(name)), lockFile, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(lockFile);
            throw e;
        }
    }

    /** Deletes the upload folders no live process holds. @return how many */
    int sweep() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "upload-*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && !Files.exists(parent.resolve(entry.getFileName() + ".lock"))) {
                    deleteTree(entry);
                    removed++;
                } else if (entry.getFileName().toString().endsWith(".lock") && removeIfStale(entry)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private boolean removeIfStale(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process is importing it
            }
            try {
                String folder = lockFile.getFileName().toString().replaceFirst("\\.lock$", "");
                deleteTree(parent.resolve(folder));
                Files.deleteIfExists(lockFile);
                return true;
            } finally {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            return false; // this process holds it
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One upload's folder; {@link #close()} deletes it with its files and lets go of its lock. Idempotent. */
    public static final class Upload implements AutoCloseable {
        private final Path folder;
        private final Path lockFile;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean closed;

        private Upload(Path folder, Path lockFile, FileChannel channel, FileLock lock) {
            this.folder = folder;
            this.lockFile = lockFile;
            this.channel = channel;
            this.lock = lock;
        }

        public Path folder() {
            return folder;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                deleteTree(folder);
                Files.deleteIfExists(lockFile);
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the upload folder " + folder, e);
            }
        }
    }
}
