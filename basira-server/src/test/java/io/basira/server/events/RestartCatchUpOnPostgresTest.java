package io.basira.server.events;

import io.basira.server.support.TestDatabases;
import java.util.Map;

class RestartCatchUpOnPostgresTest extends RestartCatchUpContract {

    @Override
    Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
