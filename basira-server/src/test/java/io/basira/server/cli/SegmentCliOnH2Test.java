package io.basira.server.cli;

import java.util.List;

class SegmentCliOnH2Test extends SegmentCliContract {

    @Override
    List<String> database() {
        return List.of("--data", tmp.resolve("data").toString());
    }
}
