package io.basira.server.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFoldersTest {

    @TempDir
    Path tmp;

    @Test
    void an_upload_folder_is_the_owners_only_and_gone_once_closed() throws Exception {
        UploadFolders uploads = new UploadFolders(tmp.resolve("uploads"));
        Path folder;
        try (UploadFolders.Upload upload = uploads.create()) {
            folder = upload.folder();
            Files.writeString(folder.resolve("customers.csv"), "customer_id\nC1\n");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                        .isEqualTo("rwx------");
            }
        }
        assertThat(folder).doesNotExist();
        try (var left = Files.list(tmp.resolve("uploads"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void folders_left_by_a_process_that_died_are_removed_at_start() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("uploads"));
        Path crashed = Files.createDirectories(parent.resolve("upload-crashed"));
        Files.writeString(crashed.resolve("customers.csv"), "customer_id,email\nC1,sara@example.com\n");
        Files.writeString(parent.resolve("upload-crashed.lock"), "");
        Path unlocked = Files.createDirectories(parent.resolve("upload-without-lock"));

        new UploadFolders(parent);

        assertThat(crashed).doesNotExist();
        assertThat(parent.resolve("upload-crashed.lock")).doesNotExist();
        assertThat(unlocked).doesNotExist();
    }

    @Test
    void an_upload_still_in_use_is_left_alone_by_another_start() throws Exception {
        UploadFolders running = new UploadFolders(tmp.resolve("uploads"));
        try (UploadFolders.Upload upload = running.create()) {
            Files.writeString(upload.folder().resolve("orders.csv"), "order_id\nO1\n");
            new UploadFolders(tmp.resolve("uploads"));
            assertThat(upload.folder().resolve("orders.csv")).exists();
        }
    }
}
