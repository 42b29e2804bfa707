package io.basira.server.platform.events;

import io.basira.server.support.TestDatabases;
import java.util.Map;

class RestartCatchUpOnPostgresTest extends RestartCatchUpContract {

    @Override
    Map<String, String> database() {
        return TestDatabases.postgres();
    }
}
