package io.basira.server.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code basira serve}: the HTTP API (and dashboard), loading the demo store on first start. */
@Command(name = "serve", description = "Run the server. On first start it loads the demo store and prints its API key.")
public class ServeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Option(names = "--port", description = "HTTP port (default: BASIRA_PORT or 8080)")
    Integer port;

    @Option(names = "--no-demo", description = "do not create the demo store")
    boolean noDemo;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> extra = new HashMap<>();
        extra.put("basira.demo.enabled", !noDemo);
        if (port != null) {
            extra.put("server.port", port);
        }
        var context = SpringContexts.start(db, true, extra);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
        return 0;
    }
}
