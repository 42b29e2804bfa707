package io.basira.server.cli;

import java.util.List;

class ImportExportCliOnH2Test extends ImportExportCliContract {

    @Override
    List<String> database() {
        return List.of("--data", tmp.resolve("data").toString());
    }
}
