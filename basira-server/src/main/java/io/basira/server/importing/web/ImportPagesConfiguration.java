package io.basira.server.importing.web;

import io.basira.server.importing.ImportFolder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The import pages' background jobs: one upload at a time per store, run beside the request that started it. */
@Configuration(proxyBeanMethods = false)
public class ImportPagesConfiguration {

    @Bean(destroyMethod = "close")
    ImportJobs importJobs(ImportFolder importer, Clock clock) {
        return new ImportJobs(importer, clock);
    }
}
