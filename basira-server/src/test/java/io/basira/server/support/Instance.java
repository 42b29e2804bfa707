package io.basira.server.support;

import io.basira.server.BasiraServer;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole application started by hand on a given database, as {@code basira serve} (web, random port) or as
 * a command-line run (no web): for tests of several processes on one database, or of a restart.
 */
public final class Instance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A server on a random port; {@code extra} wins over the defaults. */
    public static Instance server(Map<String, String> database, Map<String, String> extra) {
        return start(database, extra, true, Object.class);
    }

    /** A server with test beans of its own (e.g. a listener). */
    public static Instance server(Map<String, String> database, Map<String, String> extra, Class<?> testBeans) {
        return start(database, extra, true, testBeans);
    }

    /** A command-line run's context (no web server, so no retry loop and no feed). */
    public static Instance commandLine(Map<String, String> database) {
        return start(database, Map.of(), false, Object.class);
    }

    private static Instance start(
            Map<String, String> database, Map<String, String> extra, boolean web, Class<?> testBeans) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("basira.demo.enabled", "false");
        properties.put("basira.jobs.enabled", "false");
        properties.put("server.port", "0");
        properties.put("logging.level.root", "warn");
        properties.putAll(database);
        properties.putAll(extra);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = testBeans == Object.class
                ? new SpringApplicationBuilder(BasiraServer.class)
                : new SpringApplicationBuilder(BasiraServer.class, testBeans);
        return new Instance(builder.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** An API client for this instance with the key {@code secret}. */
    public Api api(String secret) {
        return new Api(port(), secret);
    }

    @Override
    public void close() {
        context.close();
    }
}
