package io.basira.server.platform.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class RestartCatchUpOnH2Test extends RestartCatchUpContract {

    @Override
    Map<String, String> database() {
        // an embedded file database, as `basira serve` opens it, which outlives the first application
        try {
            Path folder = Files.createTempDirectory("basira-restart");
            folder.toFile().deleteOnExit();
            return Map.of(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + folder.resolve("basira") + ";TRACE_LEVEL_FILE=0",
                    "spring.datasource.username",
                    "sa",
                    "spring.datasource.password",
                    "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
