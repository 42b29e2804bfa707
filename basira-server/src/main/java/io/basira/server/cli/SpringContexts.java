package io.basira.server.cli;

import io.basira.server.BasiraServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context a command needs: with the web server for {@code serve}, without for the rest. */
final class SpringContexts {

    private SpringContexts() {}

    static ConfigurableApplicationContext start(DatabaseOptions db, boolean web, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(db.springProperties(System.getenv()));
        props.putAll(extra);
        if (!web) {
            props.put("logging.level.root", "warn");
        }
        EmbeddedDatabase.prepare(props);
        // passed as command-line properties: they must win over application.properties
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try {
            return new SpringApplicationBuilder(BasiraServer.class)
                    .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                    .logStartupInfo(web)
                    .run(args);
        } catch (RuntimeException e) {
            // another process took the database between the check and the start
            throw EmbeddedDatabase.inUse(e, Path.of(String.valueOf(props.get("basira.data-dir"))))
                    .orElseThrow(() -> e);
        }
    }
}
