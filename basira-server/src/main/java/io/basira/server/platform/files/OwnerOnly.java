package io.basira.server.platform.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the operator's account may read: the data folder (the H2 database, the demo
 * credentials, uploads being imported) is {@code rwx------} and the files Basira writes into it are
 * {@code rw-------}. Where the file system has no POSIX permissions (Windows) the calls only create
 * and write; the folder's own access control applies (docs/security.md).
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code folder} and its missing parents, and makes {@code folder} itself owner-only. */
    public static Path folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix()) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
        return folder;
    }

    /** Writes {@code text} (UTF-8) to {@code file}, replacing it, readable by the owner only from its creation on. */
    public static void write(Path file, String text) throws IOException {
        folder(file.toAbsolutePath().getParent());
        if (posix() && !Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.writeString(
                file,
                text,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        restrict(file);
    }

    /** Makes an existing file owner-only (files written by older versions were world-readable). */
    public static void restrict(Path file) throws IOException {
        if (posix() && Files.exists(file)) {
            Files.setPosixFilePermissions(file, Files.isDirectory(file) ? FOLDER : FILE);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
