package io.basira.ingest;

import java.util.List;

/** A batch that was not applied, with every problem found. Nothing of the batch was written. */
public final class IngestRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public IngestRejected(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence naming the record, e.g. {@code order 'O-7': customer 'C-9' does not exist}. */
    public List<String> problems() {
        return problems;
    }
}
