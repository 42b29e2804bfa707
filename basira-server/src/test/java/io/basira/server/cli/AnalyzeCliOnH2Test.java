package io.basira.server.cli;

import java.util.List;

class AnalyzeCliOnH2Test extends AnalyzeCliContract {

    @Override
    List<String> database() {
        return List.of("--data", tmp.resolve("data").toString());
    }
}
