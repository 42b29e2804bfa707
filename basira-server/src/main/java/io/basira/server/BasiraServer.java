package io.basira.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application: adapters and wiring around basira-core. Started by {@link Basira}. */
@SpringBootApplication
public class BasiraServer {}
