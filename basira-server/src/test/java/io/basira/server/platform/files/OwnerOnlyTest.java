package io.basira.server.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posix() {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    }

    @Test
    void a_written_file_and_its_folder_are_the_owners_only() throws Exception {
        Path file = tmp.resolve("data/demo-api-key.txt");
        OwnerOnly.write(file, "bsk_secret\n");
        assertThat(Files.readString(file)).isEqualTo("bsk_secret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void a_world_readable_file_of_an_older_version_is_restricted() throws Exception {
        Path file = Files.writeString(tmp.resolve("demo-user.txt"), "demo@basira.local\npassword\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnly.restrict(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
